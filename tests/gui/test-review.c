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
#include "nb-finding-group.h"
#include "nb-finding-row.h"
#include "nb-history.h"
#include "nb-locale.h"
#include "nb-rule-names.h"
#include "nb-view-logic.h"
#include "nb-window-private.h"
#include "test-util.h"

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

/* Opens a sample, corrects a cell and closes the window (with Ctrl+W's action); returns
 * the dialog that asks whether to discard the correction. */
static GtkWidget *
correct_and_close (NbWindow **window)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbReport *report;
  GtkWidget *dialog;

  *window = open_window (path);
  report = nb_window_get_report (*window);
  g_assert_true (nb_table_view_enter_text ((*window)->table_view, request_cell (report, "new", 0), "4321"));
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (*window), "window.close", NULL);
  spin ();
  dialog = find_dialog (GTK_WINDOW (*window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (*window)));
  return dialog;
}

/* A corrected report, closed with "Discard": the window and the dialog go without a
 * critical (the dialog used to outlive its parent and touch it when finalised). */
static void
test_discard_on_close (void)
{
  NbWindow *window;
  GtkWidget *dialog = correct_and_close (&window);

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
  NbWindow *window;
  GtkWidget *dialog = correct_and_close (&window);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (nb_report_get_modified (nb_window_get_report (window)));
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

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

static gboolean
recent_has (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

/* Recent Reports: shown by a window that starts empty, the same list whatever the
 * interface language, and only reports that opened. */
static void
test_recent_reports (void)
{
  g_autofree char *good = sample_path ("ruzhou-2021.txt");
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (tmp, "no-such-report.txt", NULL);
  g_autofree char *binary = g_build_filename (tmp, "binary.txt", NULL);
  g_autofree char *binary_uri = NULL;
  static const char bytes[] = { 0, 1, 2, 3, 0, 0, (char) 0xff, (char) 0xfe, 0, 9 };
  NbWindow *window;

  g_assert_true (g_file_set_contents (binary, bytes, sizeof bytes, NULL));

  /* a report that opens is remembered, once it is on screen */
  window = open_window (good);
  for (int i = 0; i < 200 && !recent_has (good); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (recent_has (good));
  close_window (window);

  /* files that fail are not */
  window = open_window (missing);
  g_assert_nonnull (nb_window_get_error_message (window));
  close_window (window);
  window = open_window (binary);
  g_assert_nonnull (nb_window_get_error_message (window));
  spin ();
  close_window (window);
  g_assert_false (recent_has (missing));
  g_assert_false (recent_has (binary));

  /* the file chooser records every file chosen, under the application's (translated)
   * name: those are not Nianbao's recent reports */
  binary_uri = g_filename_to_uri (binary, NULL, NULL);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), binary_uri);

  /* a fresh window lists the report, and only it */
  window = nb_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_true (gtk_widget_get_visible (window->recent_box));
  g_assert_cmpuint (count_rows (window->recent_list), ==, 1);
  close_window (window);

  g_unlink (binary);
  g_rmdir (tmp);
}

static gboolean
find_about (GtkWindow **about)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        {
          *about = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* A file that cannot be read, opened from a window holding a report, shows its error
 * in that window; no empty window comes up for it. The About box names no year. */
static void
test_error_in_origin (void)
{
  g_autoptr(NbApplication) app = nb_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *good = sample_path ("ruzhou-2021.txt");
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (tmp, "no-such-report.txt", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  NbWindow *window, *other;
  GtkWindow *about = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = nb_application_open_file (app, good_file, NULL);
  spin_until_loaded (window);
  g_assert_nonnull (nb_window_get_report (window));

  other = g_object_ref (nb_application_open_file (app, missing_file, window));
  g_assert_true (other != window);
  for (int i = 0; i < 200 && nb_window_is_loading (other); i++)
    g_main_context_iteration (NULL, TRUE);
  spin ();
  g_assert_nonnull (nb_window_get_error_message (window));
  g_assert_nonnull (strstr (nb_window_get_error_message (window), "no-such-report.txt"));
  g_assert_nonnull (nb_window_get_report (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);
  g_object_unref (other);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin ();
  g_assert_true (find_about (&about));
  g_assert_null (gtk_about_dialog_get_copyright (GTK_ABOUT_DIALOG (about)));
  gtk_window_destroy (about);

  close_window (window);
  spin ();
  g_rmdir (tmp);
}

/* The error of a file that failed to open reads as a message: its text is neither
 * selected nor focused when the window shows it */
static void
test_error_not_selected (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (tmp, "no-such-report.txt", NULL);
  NbWindow *window = open_window (missing);
  GtkWidget *label = GTK_WIDGET (window->error_label);
  int start = 0, end = 0;

  wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (nb_window_get_error_message (window));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end) && end > start);
  g_assert_false (gtk_widget_has_focus (label));
  g_assert_false (gtk_widget_get_focusable (label));
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (label)));
  close_window (window);
  g_rmdir (tmp);
}

/* The shortcuts window shows without a warning from GTK: its shortcuts fit one page,
 * and GTK 4.8 measured the page switcher's number labels below zero (a warning on each
 * opening). Warnings are fatal here while it shows. */
static void
test_shortcuts_window (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  GtkShortcutsWindow *overlay;

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  wait_for_frame (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  spin ();
  g_log_set_always_fatal (fatal);
  close_window (window);
}

static NbWindow *
open_window_sized (const char *path,
                   int         width,
                   int         height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  spin_until_loaded (window);
  wait_for_frame (GTK_WIDGET (window));
  wait_for_frame (GTK_WIDGET (window));
  return window;
}

/* At 1024×700 the report's text keeps a readable width and the tables, cut by the
 * window, scroll sideways. */
static void
test_narrow_window (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window_sized (path, 1024, 700);
  GtkWidget *tables = gtk_paned_get_end_child (window->paned);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (tables));
  int natural;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  gtk_widget_measure (tables, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (tables), <, natural);
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (window->paned)), >=, 400);
  /* what the window cuts off, a scroll bar reaches */
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h) + 20);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->source_view)), >=, 200);
  close_window (window);

  /* a window made narrower: the text keeps its share (GtkPaned's own shrinking is no
   * move of the user's) */
  window = open_window_sized (path, 1280, 820);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  for (int i = 0; i < 4; i++)
    wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (window->paned)), >=, 400);

  /* once the user takes the handle, the divider is theirs */
  {
    int divider, findings_divider;
    int at = gtk_paned_get_position (window->paned);

    nb_window_get_dividers (window, &divider, &findings_divider);
    g_assert_cmpint (divider, ==, 0);
    nb_window_paned_pressed (window, window->paned, at - 60, 100);  /* in the text: no */
    nb_window_get_dividers (window, &divider, &findings_divider);
    g_assert_cmpint (divider, ==, 0);
    nb_window_paned_pressed (window, window->paned, at + 3, 100);  /* GtkPaned's grab area */
    gtk_paned_set_position (window->paned, 300);
    gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
    for (int i = 0; i < 4; i++)
      wait_for_frame (GTK_WIDGET (window));
    nb_window_get_dividers (window, &divider, &findings_divider);
    /* GtkPaned gives the text what the window gained; the automatic place would be 462 */
    g_assert_cmpint (divider, >=, 300);
    g_assert_cmpint (divider, <, 400);
    g_assert_cmpint (findings_divider, ==, 0);
  }
  close_window (window);
}

static char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("NB_TEST_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static GObject *
dup_row_item (NbWindow *window,
              guint     position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (window->selection), position);

  return gtk_tree_list_row_get_item (row);
}

/* The rows of the list laid out wholly inside its scrolled window. */
static guint
count_visible_rows (NbWindow *window)
{
  GtkWidget *list = GTK_WIDGET (window->findings_view);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  int height = gtk_widget_get_height (scrolled);
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (c) || !gtk_widget_compute_bounds (c, scrolled, &bounds))
        continue;
      if (bounds.size.height > 0 && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= height)
        n++;
    }
  return n;
}

/* A report whose zeros are blank has 130 notes; the list shows them as about a dozen
 * groups, "N empty cells in （三）不予公开, inferred…", each opening on its findings. */
static void
test_grouped_findings (void)
{
  g_autofree char *path = test_data_path ("municipal-2019.html");
  NbWindow *window = open_window_sized (path, 1280, 820);
  NbReport *report = nb_window_get_report (window);
  GListModel *rows = G_LIST_MODEL (window->selection);
  guint n_findings = g_list_model_get_n_items (nb_report_get_findings (report));
  guint n_rows = g_list_model_get_n_items (rows);
  g_autoptr(NbFindingGroup) withheld = NULL;
  guint withheld_at = 0;

  g_assert_cmpuint (nb_report_count_findings (report, NB_SEVERITY_INFO), >=, 100);
  g_test_message ("%u findings in %u rows", n_findings, n_rows);
  g_assert_cmpuint (n_rows, <=, 16);
  g_assert_cmpuint (n_rows, >=, 6);

  for (guint i = 0; i < n_rows && withheld == NULL; i++)
    {
      g_autoptr(GObject) item = dup_row_item (window, i);

      g_assert_true (NB_IS_FINDING_GROUP (item));
      if (g_strcmp0 (nb_finding_group_get_place (NB_FINDING_GROUP (item)), "（三）不予公开") == 0 &&
          g_strcmp0 (nb_finding_group_get_rule (NB_FINDING_GROUP (item)), "cell.missing") == 0)
        withheld = g_object_ref (NB_FINDING_GROUP (item)), withheld_at = i;
    }
  g_assert_nonnull (withheld);
  g_assert_cmpuint (nb_finding_group_get_n_findings (withheld), >, 8);
  {
    g_autofree char *message = nb_finding_group_dup_message (withheld, report);
    g_autofree char *expected = g_strdup_printf ("%u empty cells in （三）不予公开",
                                                 nb_finding_group_get_n_findings (withheld));

    g_assert_true (g_str_has_prefix (message, expected));
  }

  /* selecting the group shows all its cells; opening it lists its findings */
  gtk_single_selection_set_selected (window->selection, withheld_at);
  {
    g_autoptr(GArray) cells = nb_finding_group_dup_cells (withheld);

    for (guint i = 0; i < cells->len; i++)
      g_assert_true (nb_table_view_cell_has_class (window->table_view, g_array_index (cells, guint, i),
                                                   "nb-highlight"));
  }
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, withheld_at);

    gtk_tree_list_row_set_expanded (row, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                      n_rows + nb_finding_group_get_n_findings (withheld));
  }

  /* at the default size the list shows six entries or more */
  wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (count_visible_rows (window), >=, 6);
  close_window (window);
}

static NbFindingRow *
first_finding_row (NbWindow *window)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (window->findings_view)); c;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *expander = gtk_widget_get_first_child (c);

      if (GTK_IS_TREE_EXPANDER (expander))
        return NB_FINDING_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
    }
  return NULL;
}

static GtkWidget *
find_visible_button (GtkWidget *widget)
{
  /* the Accept button (a suggestion's Apply button may show beside it) */
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.accept-cells") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_visible_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each entry names its rule in the interface's language; the id is in the tooltip. */
static void
test_rule_names (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window_sized (path, 1280, 820);
  NbFindingRow *row = first_finding_row (window);
  NbFinding *finding;
  GtkWidget *label;

  g_assert_nonnull (row);
  finding = nb_finding_row_get_finding (row);
  g_assert_nonnull (finding);
  label = find_label (GTK_WIDGET (row), nb_rule_short_name (nb_finding_get_rule (finding)));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, nb_finding_get_rule (finding));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), nb_finding_get_rule (finding)));
  g_assert_cmpstr (nb_rule_short_name ("requests.row_sum"), ==, "Row total differs");
  close_window (window);
}

/* F8 and Shift+F8 step through the list; Tab goes from the list to the tables at once. */
static void
test_finding_keys (void)
{
  g_autofree char *path = test_data_path ("municipal-2019.html");
  NbWindow *window = open_window_sized (path, 1280, 820);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window->selection));

  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-finding", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-finding", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-finding", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-finding", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->selection), ==, n - 1);

  /* the keys are F8 and Shift+F8 */
  {
    GtkApplication *app = gtk_application_new ("org.example.NbKeys", G_APPLICATION_NON_UNIQUE);
    g_auto(GStrv) next = NULL;

    nb_window_add_accels (app);
    next = gtk_application_get_accels_for_action (app, "win.next-finding");
    g_assert_true (g_strv_contains ((const char *const *) next, "F8"));
    g_object_unref (app);
  }

  gtk_widget_grab_focus (GTK_WIDGET (window->findings_view));
  g_assert_true (press_key (GTK_WIDGET (window->findings_view), "nb-findings-keys", GDK_KEY_Tab, 0));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  close_window (window);
}

static char *
dup_selected_text (NbWindow *window,
                   int      *offset)
{
  GtkTextIter start, end;

  if (!nb_window_get_search_match (window, &start, &end))
    return NULL;
  *offset = gtk_text_iter_get_offset (&start);
  return gtk_text_iter_get_text (&start, &end);
}

/* Ctrl+F searches the report's text; Enter goes to the next match. */
static void
test_search_text (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int a = -1, b = -1;

  g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (window->search_entry))) ||
                 gtk_widget_has_focus (GTK_WIDGET (window->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->search_entry)));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "汝州");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  first = dup_selected_text (window, &a);
  g_assert_cmpstr (first, ==, "汝州");
  g_signal_emit_by_name (window->search_entry, "next-match");
  second = dup_selected_text (window, &b);
  g_assert_cmpstr (second, ==, "汝州");
  g_assert_cmpint (b, >, a);
  close_window (window);
}

/* Where the text pane was last scrolled to by a selection, as a character offset. */
static int
scroll_target (NbWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->source_view));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "nb-scroll-target");
  GtkTextIter iter;

  if (mark == NULL)
    return -1;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  return gtk_text_iter_get_offset (&iter);
}

static guint
find_group_row (NbWindow   *window,
                const char *rule)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window->selection)); i++)
    {
      g_autoptr(GObject) item = dup_row_item (window, i);

      if (NB_IS_FINDING_GROUP (item) && g_strcmp0 (nb_finding_group_get_rule (NB_FINDING_GROUP (item)), rule) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* Selecting a finding brings all of its cells into view when the page holds them, not
 * only the first, and wherever the tables were scrolled to: every group of the municipal
 * page, whose empty cells span rows. */
static void
test_finding_shows_its_cells (void)
{
  g_autofree char *path = test_data_path ("municipal-2019.html");
  NbWindow *window = open_window_sized (path, 1280, 800);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (window->table_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *child = gtk_viewport_get_child (GTK_VIEWPORT (viewport));  /* in the page's coordinates */
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (window->selection)), n_checked = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GObject) item = dup_row_item (window, r);
      GListModel *findings;
      double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

      if (!NB_IS_FINDING_GROUP (item))
        continue;
      findings = nb_finding_group_get_findings (NB_FINDING_GROUP (item));
      /* from wherever the one before left the tables */
      gtk_single_selection_set_selected (window->selection, r);
      wait_for_frame (GTK_WIDGET (window));
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
          guint n_cells;
          const guint *cells = nb_finding_get_cells (f, &n_cells);

          for (guint k = 0; k < n_cells; k++)
            {
              GdkRectangle area;
              graphene_point_t p;

              g_assert_true (nb_table_view_get_cell_area (window->table_view, cells[k], &area));
              g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->table_view), child,
                                                       &GRAPHENE_POINT_INIT (area.x, area.y), &p));
              top = MIN (top, p.y);
              bottom = MAX (bottom, p.y + area.height);
            }
        }
      if (top > bottom || bottom - top > gtk_adjustment_get_page_size (v))
        continue;
      if (top < gtk_adjustment_get_value (v) ||
          bottom > gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v))
        g_error ("finding row %u (%s): its cells (%.0f–%.0f) are not all in view (%.0f–%.0f)", r,
                 nb_finding_group_get_rule (NB_FINDING_GROUP (item)), top, bottom,
                 gtk_adjustment_get_value (v), gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 10);
  close_window (window);
}

/* The agency finding of a report that once misspells its own name goes to the
 * misspelling, not to the title; an empty cell's finding goes to its row's line. */
static void
test_finding_goes_to_the_fault (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  g_autofree char *contents = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  g_autofree char *misspelt = g_build_filename (tmp, "misspelt.txt", NULL);
  const char *name = "汝州市人民政府办公室";
  char *second;
  NbWindow *window;
  NbReport *report;
  NbSpan span;
  int offset;
  guint cell;

  /* the second time the text names the agency, it writes 洲 for 州 */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  second = strstr (strstr (contents, name) + strlen (name), name);
  g_assert_nonnull (second);
  memcpy (second + strlen ("汝"), "洲", strlen ("洲"));
  g_assert_true (g_file_set_contents (misspelt, contents, -1, NULL));

  window = open_window (misspelt);
  report = nb_window_get_report (window);
  gtk_single_selection_set_selected (window->selection, find_group_row (window, "meta.agency"));
  offset = scroll_target (window);
  g_assert_cmpint (offset, >, nb_report_get_agency_span (report).end);
  {
    g_autofree char *text = g_utf8_substring (nb_report_get_text (report), offset,
                                              offset + g_utf8_strlen (name, -1));

    g_assert_cmpstr (text, ==, "汝洲市人民政府办公室");
  }
  close_window (window);

  /* “(1) Disclosed” is empty for the applicants: its finding goes to the row */
  window = open_window (path);
  report = nb_window_get_report (window);
  cell = request_cell (report, "public", 0);
  g_assert_false (nb_span_is_set (nb_report_get_span (report, cell)));
  gtk_single_selection_set_selected (window->selection, find_group_row (window, "cell.missing"));
  g_assert_true (nb_window_get_cell_text_span (window, cell, &span));
  offset = scroll_target (window);
  g_assert_cmpint (offset, ==, span.start);
  {
    g_autofree char *line = g_utf8_substring (nb_report_get_text (report), span.start, span.end);

    g_assert_nonnull (strstr (line, "予以公开"));
  }
  close_window (window);

  g_unlink (misspelt);
  g_rmdir (tmp);
}

static guint
count_rule (NbReport   *report,
            const char *rule,
            const char *text)
{
  GListModel *findings = nb_report_get_findings (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (nb_finding_get_rule (f), rule) == 0 &&
          (text == NULL || strstr (nb_finding_get_message (f, "en"), text) != NULL))
        n++;
    }
  return n;
}

/* An inferred total follows an edit of its parts, and undo brings it back; a total the
 * report never printed is "inferred as", not "says"; Accept answers an empty cell's note
 * (which goes) and is not offered on an error it cannot mend. */
static void
test_accept_and_inferred_messages (void)
{
  g_autofree char *path = test_data_path ("municipal-2019.html");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint total = request_cell (report, "public", 6);
  guint natural = request_cell (report, "public", 0);
  guint research = request_cell (report, "public", 2);
  guint research_total = request_cell (report, "result_total", 2);
  guint n_notes;
  double value;

  /* an edit of a cell the inferred total is taken from: the total follows it, and undo
   * brings both back */
  g_assert_cmpint (nb_report_get_origin (report, total), ==, NB_ORIGIN_INFERRED);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, total), ==, "272");
  g_assert_true (nb_report_get_value (report, natural, &value));
  {
    g_autofree char *bumped = g_strdup_printf ("%.0f", value + 1);

    g_assert_true (nb_table_view_enter_text (window->table_view, natural, bumped));
  }
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, total), ==, "273");
  g_assert_cmpint (nb_report_get_origin (report, total), ==, NB_ORIGIN_INFERRED);
  g_assert_true (nb_table_view_cell_has_class (window->table_view, total, "nb-inferred"));
  g_assert_false (nb_table_view_cell_has_class (window->table_view, total, "nb-corrected"));
  g_assert_cmpuint (count_rule (report, "requests.row_sum", NULL), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, total), ==, "272");
  g_assert_false (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, total), ==, "273");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, total), ==, "272");

  /* a total the equations gave before the edit, that another equation now contradicts:
   * its finding says it was inferred, not that the report says it */
  g_assert_true (nb_table_view_enter_text (window->table_view, research, "2"));
  g_assert_cmpint (nb_report_get_origin (report, research_total), ==, NB_ORIGIN_INFERRED);
  g_assert_cmpuint (count_rule (report, "requests.result_sum", "(7) total, not printed, was inferred as 0"), ==, 1);
  n_notes = nb_report_count_findings (report, NB_SEVERITY_INFO);

  /* no Accept on the error: accepting the total would leave it as it is */
  wait_for_frame (GTK_WIDGET (window));
  g_assert_true (NB_IS_FINDING_ROW (first_finding_row (window)));
  g_assert_cmpstr (nb_finding_get_rule (nb_finding_row_get_finding (first_finding_row (window))), ==,
                   "requests.result_sum");
  g_assert_null (find_visible_button (GTK_WIDGET (first_finding_row (window))));

  /* accepting the inferred total: its note goes, and the total is then the report's */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-inferred", "u", (guint32) research_total);
  g_assert_true (nb_report_get_accepted (report, research_total));
  g_assert_cmpuint (nb_report_count_findings (report, NB_SEVERITY_INFO), ==, n_notes - 1);
  g_assert_cmpuint (count_rule (report, "requests.result_sum", "inferred as"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (nb_report_count_findings (report, NB_SEVERITY_INFO), ==, n_notes);
  g_assert_cmpuint (count_rule (report, "requests.result_sum", "inferred as"), ==, 1);
  close_window (window);
}

/* The Accept of a group of empty cells is one step of undo and redo, as it was one click */
static void
test_accept_group_undo (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint32 cells[6];

  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    {
      cells[k] = request_cell (report, "public", k);
      g_assert_true (nb_report_can_accept (report, cells[k]));
    }
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.accept-cells",
                                      g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, cells,
                                                                 G_N_ELEMENTS (cells), sizeof cells[0]));
  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    g_assert_true (nb_report_get_accepted (report, cells[k]));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    g_assert_false (nb_report_get_accepted (report, cells[k]));
  g_assert_false (nb_history_can_undo (window->history));
  g_assert_false (nb_report_get_modified (report));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
    g_assert_true (nb_report_get_accepted (report, cells[k]));
  g_assert_false (nb_history_can_redo (window->history));
  close_window (window);
}

/* Spins until @report has @n findings of @rule on @cell, for at most 3 s. */
static void
wait_for_findings (NbReport   *report,
                   const char *rule,
                   guint       cell,
                   guint       n)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (nb_test_count_findings (report, rule, -1, cell) != n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (nb_test_count_findings (report, rule, -1, cell), ==, n);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* The checks run as you type, once the typing pauses; Escape takes the input back,
 * Enter makes it one edit. */
static void
test_check_as_you_type (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint cell = request_cell (report, "new", 0);
  g_autofree char *before = nb_report_format_value (report, cell);
  GtkWidget *editor;

  click_cell (window, cell, 2);
  editor = nb_table_view_get_editor (window->table_view);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "4321");
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 0);
  wait_for_findings (report, "requests.row_sum", cell, 1);
  g_assert_cmpint (nb_table_view_get_editing_cell (window->table_view), ==, (int) cell);

  /* Escape: as it was, nothing to undo */
  g_assert_true (press_key (editor, "nb-editor-keys", GDK_KEY_Escape, 0));
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 0);
  {
    g_autofree char *now = nb_report_format_value (report, cell);

    g_assert_cmpstr (now, ==, before);
  }
  g_assert_false (nb_report_get_modified (report));
  g_assert_false (nb_history_can_undo (window->history));

  /* typed, checked, then Enter: one edit */
  click_cell (window, cell, 2);
  gtk_editable_set_text (GTK_EDITABLE (editor), "4");
  wait_ms (100);
  gtk_editable_set_text (GTK_EDITABLE (editor), "43");
  wait_for_findings (report, "requests.row_sum", cell, 1);
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpint (nb_table_view_get_editing_cell (window->table_view), ==, -1);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cell), ==, "43");
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cell), ==, before);
  g_assert_false (nb_history_can_undo (window->history));
  g_assert_false (nb_report_get_modified (report));
  close_window (window);
}

/* An error cell carries the error icon besides its colour; a note's cell none. */
static void
test_cell_icons (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint cell = request_cell (report, "new", 0);

  g_assert_null (nb_table_view_get_cell_icon_name (window->table_view, cell));
  g_assert_true (nb_table_view_enter_text (window->table_view, cell, "4321"));
  g_assert_true (nb_table_view_cell_has_class (window->table_view, cell, "nb-error"));
  g_assert_cmpstr (nb_table_view_get_cell_icon_name (window->table_view, cell), ==, "dialog-error-symbolic");
  wait_for_frame (GTK_WIDGET (window));  /* and it draws */
  close_window (window);
}

/* Kangxi radicals, which PDF text carries and fonts without them show as boxes, are
 * marked in the text pane with the character they read as; a CJK font that has them is
 * a declared dependency. */
static void
test_radicals (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  g_autofree char *contents = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", NULL);
  g_autofree char *radicals = g_build_filename (tmp, "radicals.txt", NULL);
  g_autofree char *note = NULL;
  g_autofree char *deps = NULL;
  g_autofree char *deps_path = g_build_filename (g_getenv ("NB_SAMPLES_DIR"), "..", "..", "build-aux",
                                                 "install-deps.sh", NULL);
  GString *text;
  NbWindow *window;
  int offset;

  /* 一、总体情况 written with the Kangxi radical one, U+2F00 */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpint (g_string_replace (text, "一、总体情况", "⼀、总体情况", 1), ==, 1);
  g_assert_true (g_file_set_contents (radicals, text->str, -1, NULL));
  offset = g_utf8_pointer_to_offset (text->str, strstr (text->str, "⼀、"));
  g_string_free (text, TRUE);

  window = open_window (radicals);
  note = nb_source_view_dup_char_note (window->source_view, offset);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "U+2F00"));
  g_assert_nonnull (strstr (note, "“一”"));
  g_assert_null (nb_source_view_dup_char_note (window->source_view, offset + 1));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->source_view));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
    g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                            "nb-radical")));
  }
  close_window (window);

  g_assert_true (g_file_get_contents (deps_path, &deps, NULL, NULL));
  g_assert_nonnull (strstr (deps, "fonts-noto-cjk"));
  g_unlink (radicals);
  g_rmdir (tmp);
}

/* A correction that makes a new error: the list scrolls to it and the window says it. */
static void
test_new_error_announced (void)
{
  g_autofree char *path = test_data_path ("municipal-2019.html");
  NbWindow *window = open_window_sized (path, 1280, 820);
  NbReport *report = nb_window_get_report (window);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (window->findings_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  guint cell = request_cell (report, "new", 0);
  gint64 end;

  /* the reviewer has scrolled down the notes */
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  g_assert_null (nb_window_get_toast_message (window));

  g_assert_true (nb_table_view_enter_text (window->table_view, cell, "4321"));
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (gtk_adjustment_get_value (v) > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);  /* errors come first */
  g_assert_nonnull (nb_window_get_toast_message (window));
  g_assert_true (g_str_has_prefix (nb_window_get_toast_message (window), "New error:"));
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

  /* Criticals fail a test (G_DEBUG=fatal-criticals too); GTK 4.8's own warnings under a
   * loaded Xvfb ("Trying to snapshot GtkGizmo … without a current allocation") do not. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }
  /* GTK 4.8 disconnects a handler it never connected (id 0) when a window goes while a
   * scrolled view still animates towards a match: no animations, no race. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/review/close/discard", test_discard_on_close);
  g_test_add_func ("/review/close/cancel", test_cancel_on_close);
  g_test_add_func ("/review/undo/to-original", test_undo_to_original);
  g_test_add_func ("/review/error/not-selected", test_error_not_selected);
  g_test_add_func ("/review/shortcuts-window", test_shortcuts_window);

  g_test_add_func ("/review/locale/build-tree", test_locale_build_tree);
  g_test_add_func ("/review/recent", test_recent_reports);
  g_test_add_func ("/review/layout/narrow", test_narrow_window);
  g_test_add_func ("/review/findings/groups", test_grouped_findings);
  g_test_add_func ("/review/findings/rule-names", test_rule_names);
  g_test_add_func ("/review/findings/keys", test_finding_keys);
  g_test_add_func ("/review/search", test_search_text);
  g_test_add_func ("/review/findings/go-to-fault", test_finding_goes_to_the_fault);
  g_test_add_func ("/review/findings/accept", test_accept_and_inferred_messages);
  g_test_add_func ("/review/findings/accept-group-undo", test_accept_group_undo);
  g_test_add_func ("/review/findings/show-cells", test_finding_shows_its_cells);
  g_test_add_func ("/review/edit/check-as-you-type", test_check_as_you_type);
  g_test_add_func ("/review/edit/cell-icons", test_cell_icons);
  g_test_add_func ("/review/text/radicals", test_radicals);
  g_test_add_func ("/review/findings/new-error", test_new_error_announced);
  g_test_add_func ("/review/open/error-in-origin", test_error_in_origin);

  return g_test_run ();
}
