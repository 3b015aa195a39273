/* test-window-hostile.c — a reader that crashes on a file leaves the window and its other
 * reports alone (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers run in a helper process; the tests' helper (nianbao-reader-test-html)
 * crashes on a page holding $NIANBAO_READER_TEST_CRASH, as a hostile file would crash
 * libxml2.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "nb-window-private.h"

static NbWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  while (nb_window_is_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (nb_window_is_loading (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  return window;
}

static void
test_reader_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", &error);
  g_autofree char *page = g_build_filename (tmp, "crash.html", NULL);
  g_autofree char *sample = NULL;
  NbWindow *good, *bad;
  NbReport *report;
  guint n_findings;

  g_assert_no_error (error);
  sample = g_build_filename (g_getenv ("NB_SAMPLES_DIR"), "mianchi-2022.txt", NULL);
  g_assert_true (g_file_set_contents (page, "<html><body><table><tr><td>NB-CRASH-HERE</td></tr>"
                                      "</table></body></html>", -1, NULL));
  g_setenv ("NIANBAO_READER_NAME", "nianbao-reader-test", TRUE);
  g_setenv ("NIANBAO_READER_TEST_CRASH", "NB-CRASH-HERE", TRUE);

  good = open_window (sample);
  report = nb_window_get_report (good);
  g_assert_nonnull (report);
  n_findings = g_list_model_get_n_items (nb_report_get_findings (report));

  bad = open_window (page);
  g_assert_null (nb_window_get_report (bad));
  g_assert_nonnull (strstr (nb_window_get_error_message (bad), "crash.html"));
  g_assert_nonnull (strstr (nb_window_get_error_message (bad), "crashed"));

  /* the other window keeps its report, and goes on working */
  g_assert_true (nb_window_get_report (good) == report);
  g_assert_cmpuint (g_list_model_get_n_items (nb_report_get_findings (report)), ==, n_findings);

  good->close_confirmed = bad->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (bad));
  gtk_window_destroy (GTK_WINDOW (good));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_unlink (page);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }
  g_test_add_func ("/gui/window/reader-crash", test_reader_crash);
  return g_test_run ();
}
