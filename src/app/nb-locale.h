/* nb-locale.h — where the translations are: installed, or in the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *nb_locale_dir_for_program (const char *program);
void        nb_locale_init            (const char *argv0);

G_END_DECLS
