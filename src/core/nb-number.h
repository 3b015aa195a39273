/* nb-number.h — numbers written as a report prints them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

char *nb_format_number (double   value);
void  nb_append_number (GString *out,
                        double   value);

G_END_DECLS
