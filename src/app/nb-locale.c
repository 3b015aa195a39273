/* nb-locale.c — where the translations are: installed, or in the build tree
 *
 * A program run from the build tree (./build/src/app/nianbao) uses the catalogues that
 * the build compiled into build/po/LANG/LC_MESSAGES, as meson's devenv would, so that
 * LANGUAGE=zh_CN works before installing. NIANBAO_LOCALEDIR still overrides both.
 * Such a program also finds its icon (About, the empty window) in the source tree's
 * data/icons, which is put first in XDG_DATA_DIRS before GTK reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "nb-locale.h"

/* The catalogue folder for @program, a path to the running executable. */
const char *
nb_locale_dir_for_program (const char *program)
{
  g_autofree char *absolute = NULL;
  g_autofree char *root = NULL;

  if (program == NULL || !g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return LOCALEDIR;
  absolute = g_canonicalize_filename (program, NULL);
  root = g_canonicalize_filename (BUILD_ROOT, NULL);
  if (g_str_has_prefix (absolute, root) && absolute[strlen (root)] == G_DIR_SEPARATOR)
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

/* Sets the locale and binds the text domain, for the program started as @argv0. */
void
nb_locale_init (const char *argv0)
{
  const char *override = g_getenv ("NIANBAO_LOCALEDIR");
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  const char *dir;

  if (program == NULL && argv0 != NULL && strchr (argv0, G_DIR_SEPARATOR) != NULL)
    program = g_strdup (argv0);
  dir = override != NULL && *override ? override : nb_locale_dir_for_program (program);
  if (g_strcmp0 (nb_locale_dir_for_program (program), BUILD_LOCALEDIR) == 0 &&
      g_file_test (SOURCE_DATADIR, G_FILE_TEST_IS_DIR))
    {
      const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
      g_autofree char *with_source = NULL;

      /* the specification's default when unset */
      if (data_dirs == NULL || *data_dirs == '\0')
        data_dirs = "/usr/local/share:/usr/share";
      with_source = g_strconcat (SOURCE_DATADIR, G_SEARCHPATH_SEPARATOR_S, data_dirs, NULL);
      g_setenv ("XDG_DATA_DIRS", with_source, TRUE);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
