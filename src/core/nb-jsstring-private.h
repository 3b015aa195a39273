/* nb-jsstring-private.h — a web page held in a JavaScript string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nb_js_string_extract_markup (const guint8 *data,
                                   gsize         len,
                                   gsize        *out_len);

G_END_DECLS
