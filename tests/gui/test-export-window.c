/* test-export-window.c — exporting from the window: the warning when errors remain, the
 * file chooser, and a spreadsheet written from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gui-util.h"
#include "nb-window-private.h"

/* a sample of data/samples, opened in a new window */
static NbWindow *
open_sample (const char *name)
{
  g_autofree char *path = sample_path (name);

  return open_window (path);
}

static GtkMessageDialog *
find_warning (NbWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
cancel_chooser (NbWindow *window)
{
  g_assert_nonnull (window->chooser);
  g_signal_emit_by_name (window->chooser, "response", GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (window->chooser);
}

/* mianchi-2022 has errors: each export warns first; Cancel stops, Export Anyway goes on to
 * the file chooser */
static void
test_guard (void)
{
  NbWindow *window = open_sample ("mianchi-2022.txt");
  const char *kinds[] = { "csv", "xlsx" };

  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkMessageDialog *warning;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", kinds[i]);
      spin ();
      warning = find_warning (window);
      g_assert_nonnull (warning);
      g_assert_null (window->chooser);
      gtk_dialog_response (GTK_DIALOG (warning), GTK_RESPONSE_CANCEL);
      spin ();
      g_assert_null (find_warning (window));
      g_assert_null (window->chooser);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", kinds[i]);
      spin ();
      warning = find_warning (window);
      g_assert_nonnull (warning);
      gtk_dialog_response (GTK_DIALOG (warning), GTK_RESPONSE_ACCEPT);
      spin ();
      g_assert_null (find_warning (window));
      cancel_chooser (window);
    }

  /* closing the window with the warning up takes the warning with it, quietly */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "xlsx");
  spin ();
  g_assert_nonnull (find_warning (window));
  close_window (window);
}

/* Whether the Export menu has an item for win.export::@kind */
static gboolean
menu_offers (NbWindow   *window,
             const char *kind)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (window->export_button);
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

  for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), kind) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ruzhou-2021 has no errors: the file chooser comes at once, named for the report */
static void
test_no_errors (void)
{
  NbWindow *window = open_sample ("ruzhou-2021.txt");
  g_autofree char *name = NULL;

  g_assert_true (menu_offers (window, "csv"));
  g_assert_true (menu_offers (window, "xlsx"));

  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "xlsx");
  spin ();
  g_assert_null (find_warning (window));
  g_assert_nonnull (window->chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->chooser));
  g_assert_true (g_str_has_suffix (name, ".xlsx"));
  cancel_chooser (window);
  close_window (window);
}

/* What the chooser's Export does: the spreadsheet written, the report no longer modified */
static void
test_write_xlsx (void)
{
  NbWindow *window = open_sample ("ruzhou-2021.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  if (!nb_export_can_write_xlsx ())
    {
      g_test_skip ("built without libxlsxwriter");
      close_window (window);
      return;
    }
  nb_report_set_value (window->report, nb_schema_lookup (NB_EDITION_2021, "requests.new.total"), TRUE, 13);
  g_assert_true (nb_report_get_modified (window->report));
  g_assert_true (nb_window_export_to_path (window, path, NB_EXPORT_XLSX));
  g_assert_false (nb_report_get_modified (window->report));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);

  g_unlink (path);
  g_rmdir (tmp);
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/gui/export/guard", test_guard);
  g_test_add_func ("/gui/export/no-errors", test_no_errors);
  g_test_add_func ("/gui/export/xlsx", test_write_xlsx);
  return g_test_run ();
}
