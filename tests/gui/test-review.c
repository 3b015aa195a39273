/* test-review.c — the review window as a reviewer meets it: closing, undo to the original,
 * recent reports, errors, the findings list and its keys
 *
 * Each test here failed before the fix it names (issue 14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gui-util.h"
#include "nb-application.h"
#include "nb-locale.h"
#include "nb-view-logic.h"
#include "nb-window-private.h"
#include "test-util.h"

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* A corrected report, closed with "Discard": the window and the dialog go without a
 * critical (the dialog used to outlive its parent and touch it when finalised). */
static void
test_discard_on_close (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint cell = request_cell (report, "new", 0);
  GtkWidget *dialog;

  g_assert_true (nb_table_view_enter_text (window->table_view, cell, "4321"));
  g_assert_true (nb_report_get_modified (report));

  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  spin ();
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  for (int i = 0; i < 100 && (window != NULL || dialog != NULL); i++)
    {
      spin ();
      g_usleep (1000);
    }
  g_assert_null (dialog);
  g_assert_null (window);
}

/* Cancel keeps the window and its corrections. */
static void
test_cancel_on_close (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint cell = request_cell (report, "new", 0);
  GtkWidget *dialog;

  g_assert_true (nb_table_view_enter_text (window->table_view, cell, "4321"));
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (nb_report_get_modified (report));
  close_window (window);
}

/* Undoing every correction brings the report back to what was opened: no "•", no prompt. */
static void
test_undo_to_original (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint a = request_cell (report, "new", 0);
  guint b = request_cell (report, "new", 1);
  g_autofree char *tmp = NULL;
  g_autofree char *csv = NULL;

  g_assert_true (nb_table_view_enter_text (window->table_view, a, "4321"));
  g_assert_true (nb_table_view_enter_text (window->table_view, b, "77"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (nb_report_get_modified (report));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_null (window);  /* closed without asking */

  /* after an export, undoing past it is a change again, and redoing back is not */
  window = open_window (path);
  report = nb_window_get_report (window);
  tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  csv = g_build_filename (tmp, "r.csv", NULL);
  g_assert_true (nb_table_view_enter_text (window->table_view, a, "4321"));
  g_assert_true (nb_window_export_to_path (window, csv, NB_EXPORT_CSV));
  g_assert_false (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_false (nb_report_get_modified (report));
  g_unlink (csv);
  g_rmdir (tmp);
  close_window (window);
}

/* Run from the build tree, the program finds the catalogues built there, without
 * NIANBAO_LOCALEDIR; installed, it uses the installed ones. */
static void
test_locale_build_tree (void)
{
  g_autofree char *program = g_build_filename (BUILD_ROOT, "src", "app", "nianbao", NULL);

  if (g_test_subprocess ())
    {
      g_unsetenv ("NIANBAO_LOCALEDIR");
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      nb_locale_init (program);
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Findings"), ==, "问题");
      return;
    }
  g_assert_cmpstr (nb_locale_dir_for_program (program), ==, BUILD_LOCALEDIR);
  g_assert_cmpstr (nb_locale_dir_for_program ("/usr/bin/nianbao"), ==, LOCALEDIR);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("nianbao-review-XXXXXX", NULL);

  /* recent files of our own, before GLib reads where they are kept */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  g_test_add_func ("/review/close/discard", test_discard_on_close);
  g_test_add_func ("/review/close/cancel", test_cancel_on_close);
  g_test_add_func ("/review/undo/to-original", test_undo_to_original);

  g_test_add_func ("/review/locale/build-tree", test_locale_build_tree);

  return g_test_run ();
}
