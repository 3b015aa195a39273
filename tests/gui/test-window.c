/* test-window.c — the review window: loading, tables, findings, editing, undo, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "gui-util.h"
#include "nb-application.h"
#include "nb-finding-group.h"
#include "nb-history.h"
#include "nb-table-grid.h"
#include "nb-view-logic.h"
#include "nb-window-private.h"
#include "test-util.h"

/* The list shows each of the core's findings once (grouped: see test-review.c), errors
 * first, then warnings, then notes. */
static void
assert_findings_shown (NbWindow *window)
{
  g_autoptr(GPtrArray) shown = nb_window_dup_shown_findings (window);
  GListModel *findings = nb_report_get_findings (window->report);
  guint n = g_list_model_get_n_items (findings);

  g_assert_cmpuint (shown->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      guint index;

      g_assert_true (g_ptr_array_find (shown, f, &index));
      if (index > 0)
        g_assert_cmpint (nb_finding_get_severity (g_ptr_array_index (shown, index - 1)), >=,
                         nb_finding_get_severity (f));
    }
}

/* ---------------------------------------------------------------------------------- */

static void
test_samples (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *samples = sample_path ("");
  const char *name;
  guint n_samples = 0;

  dir = g_dir_open (samples, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      NbWindow *window;
      NbReport *report;
      guint shown = 0;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (samples, name, NULL);
      g_test_message ("sample %s", name);
      window = open_window (path);
      report = nb_window_get_report (window);
      g_assert_nonnull (report);
      g_assert_null (nb_window_get_error_message (window));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "report");

      /* every cell laid out, showing the core's value and its state */
      for (guint c = 0; c < nb_report_get_n_cells (report); c++)
        {
          g_autofree char *value = nb_report_format_value (report, c);
          const char *text = nb_table_view_get_cell_text (window->table_view, c);
          const NbCellDef *def = nb_schema_get_cell (nb_report_get_edition (report), c);

          if (def->kind == NB_CELL_UNIT)
            continue;
          g_assert_nonnull (text);
          g_assert_cmpstr (text, ==, value ? value : "");
          if (nb_report_get_origin (report, c) == NB_ORIGIN_INFERRED)
            g_assert_true (nb_table_view_cell_has_class (window->table_view, c, "nb-inferred"));
          if (nb_report_get_origin (report, c) == NB_ORIGIN_MISSING)
            g_assert_true (nb_table_view_cell_has_class (window->table_view, c, "nb-missing"));
          shown++;
        }
      g_assert_cmpuint (shown, >, 150);

      assert_findings_shown (window);

      /* the text is the report's text */
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->source_view));
        g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, (int) nb_report_get_n_chars (report));
      }

      close_window (window);
      n_samples++;
    }
  g_assert_cmpuint (n_samples, >=, 5);
}

static void
test_edit_undo (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  NbEdition edition = nb_report_get_edition (report);
  int row = nb_schema_request_row_index (edition, "new");
  guint cell = nb_schema_request_cell (edition, row, 0);
  g_autofree char *before = nb_report_format_value (report, cell);
  g_autofree char *bumped = NULL;
  double value;

  g_assert_true (nb_report_get_value (report, cell, &value));
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 0);
  g_assert_false (nb_report_get_modified (report));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* refused input: stays out of the report, marked */
  g_assert_false (nb_table_view_enter_text (window->table_view, cell, "-3"));
  g_assert_true (nb_table_view_cell_has_class (window->table_view, cell, "nb-invalid"));
  g_assert_false (nb_table_view_enter_text (window->table_view, cell, "1.5"));
  g_assert_false (nb_table_view_enter_text (window->table_view, cell, "abc"));
  g_assert_false (nb_report_get_modified (report));
  g_assert_true (nb_table_view_enter_text (window->table_view, cell, before));
  g_assert_false (nb_table_view_cell_has_class (window->table_view, cell, "nb-invalid"));
  g_assert_false (nb_report_get_modified (report));

  /* a wrong number: the row no longer adds up */
  bumped = g_strdup_printf ("%.0f", value + 1);
  g_assert_true (nb_table_view_enter_text (window->table_view, cell, bumped));
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cell), ==, bumped);
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 1);
  g_assert_true (nb_table_view_cell_has_class (window->table_view, cell, "nb-error"));
  g_assert_true (nb_table_view_cell_has_class (window->table_view, cell, "nb-corrected"));
  g_assert_true (nb_source_view_span_has_tag (window->source_view, nb_report_get_span (report, cell),
                                              "nb-error"));
  assert_findings_shown (window);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* undo: the finding goes away */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cell), ==, before);
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 0);
  g_assert_false (nb_table_view_cell_has_class (window->table_view, cell, "nb-error"));
  g_assert_false (nb_table_view_cell_has_class (window->table_view, cell, "nb-corrected"));
  assert_findings_shown (window);

  /* redo: back again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cell), ==, bumped);
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 1);

  /* closing with unsaved corrections asks first */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  close_window (window);
}

/* Restoring every correction from the cell menu leaves the report as it was opened:
 * no "•" in the title, nothing to ask about on closing. */
static void
test_restore_unmodified (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  guint cells[2] = { request_cell (report, "new", 0), request_cell (report, "new", 1) };
  g_autofree char *before = nb_report_format_value (report, cells[0]);
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *bumped = NULL;

      g_assert_true (nb_report_get_value (report, cells[i], &value));
      bumped = g_strdup_printf ("%.0f", value + 1);
      g_assert_true (nb_table_view_enter_text (window->table_view, cells[i], bumped));
    }
  g_assert_true (nb_report_get_modified (report));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-cell", "u", cells[0]);
  g_assert_cmpstr (nb_table_view_get_cell_text (window->table_view, cells[0]), ==, before);
  g_assert_true (nb_report_get_modified (report));  /* the other is still corrected */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-cell", "u", cells[1]);
  g_assert_false (nb_report_get_corrected (report, cells[1], NULL, NULL));
  g_assert_false (nb_report_get_modified (report));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* undo brings a correction back, and with it the mark */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_false (nb_report_get_modified (report));

  /* nothing to lose: closing does not ask */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
test_accept_inferred (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  int inferred = -1;

  for (guint c = 0; c < nb_report_get_n_cells (report) && inferred < 0; c++)
    if (nb_report_get_origin (report, c) == NB_ORIGIN_INFERRED)
      inferred = c;
  if (inferred < 0)
    {
      close_window (window);
      g_test_skip ("no inferred cell in this sample");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-inferred", "u", (guint32) inferred);
  g_assert_true (nb_table_view_cell_has_class (window->table_view, inferred, "nb-accepted"));
  g_assert_false (nb_table_view_cell_has_class (window->table_view, inferred, "nb-inferred"));
  g_assert_true (nb_report_get_modified (report));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (nb_table_view_cell_has_class (window->table_view, inferred, "nb-inferred"));
  g_assert_false (nb_report_get_accepted (report, inferred));

  /* the findings' Accept button takes all of a finding's cells at once */
  {
    guint32 cells[] = { (guint32) inferred };

    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.accept-cells",
                                        g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, cells, 1,
                                                                   sizeof cells[0]));
    g_assert_true (nb_report_get_accepted (report, inferred));
    g_assert_true (nb_table_view_cell_has_class (window->table_view, inferred, "nb-accepted"));
  }

  close_window (window);
}

static void
test_export (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  JsonObject *root;

  g_assert_no_error (error);
  csv = g_build_filename (tmp, "report.csv", NULL);
  json = g_build_filename (tmp, "report.json", NULL);

  g_assert_true (nb_window_export_to_path (window, csv, NB_EXPORT_CSV));
  g_assert_nonnull (nb_window_get_toast_message (window));
  g_assert_nonnull (strstr (nb_window_get_toast_message (window), "report.csv"));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (contents), >, 100);

  g_assert_true (nb_window_export_to_path (window, json, NB_EXPORT_JSON));
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "agency"), ==, nb_report_get_agency (report));
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, nb_report_get_year (report));

  /* a folder that does not exist: the reason is shown, nothing crashes */
  {
    g_autofree char *bad = g_build_filename (tmp, "missing", "x.csv", NULL);

    g_assert_false (nb_window_export_to_path (window, bad, NB_EXPORT_CSV));
    g_assert_nonnull (nb_window_get_error_message (window));
  }

  g_unlink (csv);
  g_unlink (json);
  g_rmdir (tmp);
  close_window (window);
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("nianbao-gui-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (tmp, "no-such-report.txt", NULL);
  g_autofree char *binary = g_build_filename (tmp, "binary.txt", NULL);
  static const char bytes[] = { 0, 1, 2, 3, 0, 0, (char) 0xff, (char) 0xfe, 0, 9 };
  NbWindow *window;

  window = open_window (missing);
  g_assert_null (nb_window_get_report (window));
  g_assert_nonnull (nb_window_get_error_message (window));
  g_assert_nonnull (strstr (nb_window_get_error_message (window), "no-such-report.txt"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_true (nb_window_is_empty (window));
  close_window (window);

  g_assert_true (g_file_set_contents (binary, bytes, sizeof bytes, NULL));
  window = open_window (binary);
  g_assert_null (nb_window_get_report (window));
  g_assert_nonnull (strstr (nb_window_get_error_message (window), "binary.txt"));
  close_window (window);

  g_unlink (binary);
  g_rmdir (tmp);
}

static void
test_select_finding (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  GListModel *rows = G_LIST_MODEL (window->selection);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      g_autoptr(NbFinding) f = nb_finding_group_get_first (NB_FINDING_GROUP (item));
      const guint *cells;
      guint n_cells;

      cells = nb_finding_get_cells (f, &n_cells);
      if (n_cells == 0)
        continue;
      gtk_single_selection_set_selected (window->selection, i);
      g_assert_true (nb_table_view_cell_has_class (window->table_view, cells[0], "nb-highlight"));
      if (nb_span_is_set (nb_report_get_span (report, cells[0])))
        g_assert_true (nb_source_view_span_has_tag (window->source_view,
                                                    nb_report_get_span (report, cells[0]),
                                                    "nb-selected"));
      break;
    }

  /* a number in the text selects its cell */
  for (guint c = 0; c < nb_report_get_n_cells (report); c++)
    {
      NbSpan span = nb_report_get_span (report, c);

      if (!nb_span_is_set (span))
        continue;
      g_assert_cmpint (nb_report_find_cell_at (report, span.start), ==, (int) c);
      g_signal_emit_by_name (window->source_view, "cell-clicked", c);
      g_assert_true (nb_table_view_cell_has_class (window->table_view, c, "nb-highlight"));
      g_assert_true (nb_source_view_span_has_tag (window->source_view, span, "nb-selected"));
      break;
    }

  close_window (window);
}

/* Whether @span lies wholly in the visible part of the text pane. */
static gboolean
span_in_view (NbWindow *window,
              NbSpan    span)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->source_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, first, last;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  return first.y >= visible.y && last.y + last.height <= visible.y + visible.height;
}

/* A number clicked on in the text, in view already, leaves the text where it is; one out
 * of view (chosen in the table) is scrolled to. */
static void
test_click_does_not_scroll (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->source_view));
  guint cell = request_cell (report, "new", 0);
  NbSpan span = nb_report_get_span (report, cell);
  double shown;

  g_assert_true (nb_span_is_set (span));
  wait_for_frame (GTK_WIDGET (window->source_view));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);
  g_assert_false (span_in_view (window, span));

  /* far down: selecting the cell brings its number into view */
  nb_table_view_focus_cell (window->table_view, cell);
  wait_for_frame (GTK_WIDGET (window->source_view));
  wait_for_frame (GTK_WIDGET (window->source_view));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  g_assert_true (span_in_view (window, span));

  /* the reader scrolls a little, the number still in view, and clicks it */
  shown = gtk_adjustment_get_value (v) - 40;
  gtk_adjustment_set_value (v, shown);
  wait_for_frame (GTK_WIDGET (window->source_view));
  g_assert_true (span_in_view (window, span));
  nb_table_view_focus_cell (window->table_view, request_cell (report, "public", 0));
  g_signal_emit_by_name (window->source_view, "cell-clicked", cell);
  wait_for_frame (GTK_WIDGET (window->source_view));
  wait_for_frame (GTK_WIDGET (window->source_view));
  g_assert_true (nb_source_view_span_has_tag (window->source_view, span, "nb-selected"));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, shown);

  close_window (window);
}

/* ---------------------------------------------------------------------------------- */
/* The table view: clicks, the editor, the keyboard                                    */

/* Each cell has an accessible object of its own, where the cell is drawn, with a name
 * saying what it counts and its value, and an invalid state while it has an error. */
static void
test_accessible_cells (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  NbEdition edition = nb_report_get_edition (report);
  guint cell = nb_schema_request_cell (edition, nb_schema_request_row_index (edition, "new"), 0);
  g_autofree char *description = nb_schema_describe_cell (edition, cell, !nb_ui_language_is_chinese ());
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GtkWidget *accessible;
  GtkWidget *group;
  graphene_rect_t bounds;
  GdkRectangle area;
  double value;

  while ((accessible = nb_table_view_get_cell_accessible (window->table_view, cell)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (nb_report_get_value (report, cell, &value));
  wait_for_frame (GTK_WIDGET (window->table_view));

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (accessible), GTK_ACCESSIBLE_ROLE_GRID_CELL));
  name = g_strdup_printf ("%s: %s", description, nb_table_view_get_cell_text (window->table_view, cell));
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  g_assert_null (message);
  message = gtk_test_accessible_check_state (GTK_ACCESSIBLE (accessible), GTK_ACCESSIBLE_STATE_INVALID,
                                             GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_null (message);

  /* inside a row group for its table, itself inside the tables' grid, not drawn or picked */
  group = gtk_widget_get_parent (accessible);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_ROLE_ROW_GROUP));
  g_assert_true (gtk_widget_get_parent (group) == GTK_WIDGET (window->table_view));
  g_assert_false (gtk_widget_get_can_target (accessible));
  g_assert_true (nb_table_view_get_cell_area (window->table_view, cell, &area));
  g_assert_true (gtk_widget_compute_bounds (accessible, GTK_WIDGET (window->table_view), &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, area.x);
  g_assert_cmpfloat (bounds.origin.y, ==, area.y);
  g_assert_cmpfloat (bounds.size.width, ==, area.width);
  g_assert_cmpfloat (bounds.size.height, ==, area.height);
  g_assert_cmpint (nb_table_view_cell_at (window->table_view, area.x + 2, area.y + 2), ==, cell);

  /* a wrong number makes it invalid, and says so; undo mends it */
  {
    g_autofree char *bumped = g_strdup_printf ("%.0f", value + 1);

    g_assert_true (nb_table_view_enter_text (window->table_view, cell, bumped));
  }
  g_clear_pointer (&message, g_free);
  message = gtk_test_accessible_check_state (GTK_ACCESSIBLE (accessible), GTK_ACCESSIBLE_STATE_INVALID,
                                             GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_null (message);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (accessible),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  message = gtk_test_accessible_check_state (GTK_ACCESSIBLE (accessible), GTK_ACCESSIBLE_STATE_INVALID,
                                             GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_null (message);

  /* selecting the cell selects its accessible object */
  nb_table_view_focus_cell (window->table_view, cell);
  message = gtk_test_accessible_check_state (GTK_ACCESSIBLE (accessible), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  g_assert_null (message);

  close_window (window);
}

/* The severity badges show or hide their findings in the list */
static void
test_severity_filter (void)
{
  g_autofree char *path = sample_path ("mianchi-2022.txt");
  NbWindow *window = open_window (path);
  g_autoptr(GPtrArray) shown = NULL;
  GListModel *findings = nb_report_get_findings (window->report);
  guint n = g_list_model_get_n_items (findings);
  guint errors = nb_report_count_findings (window->report, NB_SEVERITY_ERROR);
  guint notes = nb_report_count_findings (window->report, NB_SEVERITY_INFO);

  g_assert_cmpuint (errors, >, 0);
  g_assert_cmpuint (notes, >, 0);
  g_assert_true (gtk_widget_get_visible (window->info_badge));
  shown = nb_window_dup_shown_findings (window);
  g_assert_cmpuint (shown->len, ==, n);
  g_clear_pointer (&shown, g_ptr_array_unref);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window->info_badge), FALSE);
  shown = nb_window_dup_shown_findings (window);
  g_assert_cmpuint (shown->len, ==, n - notes);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (nb_finding_get_severity (g_ptr_array_index (shown, i)), !=, NB_SEVERITY_INFO);
  g_clear_pointer (&shown, g_ptr_array_unref);
  /* the count stays, dimmed: it is a toggle, not a filter of the report */
  g_assert_true (gtk_widget_get_visible (window->info_badge));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window->error_badge), FALSE);
  shown = nb_window_dup_shown_findings (window);
  g_assert_cmpuint (shown->len, ==, n - notes - errors);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window->info_badge), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (window->error_badge), TRUE);
  assert_findings_shown (window);

  close_window (window);
}

static void
test_table_click (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  NbTableView *view = window->table_view;
  guint cell = request_cell (report, "new", 0);
  GtkWidget *editor;
  GdkRectangle area;
  graphene_rect_t bounds;

  /* a click selects the cell under the pointer and shows where it came from */
  click_cell (window, cell, 1);
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) cell);
  g_assert_true (nb_table_view_cell_has_class (view, cell, "nb-highlight"));
  g_assert_true (nb_source_view_span_has_tag (window->source_view, nb_report_get_span (report, cell),
                                              "nb-selected"));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, -1);

  /* hit-testing: a value's own area, and a label's */
  g_assert_true (nb_table_view_get_cell_area (view, cell, &area));
  g_assert_cmpint (nb_table_view_cell_at (view, area.x + 1, area.y + 1), ==, (int) cell);
  g_assert_cmpint (nb_table_view_cell_at (view, area.x + area.width - 1, area.y + area.height - 1), ==,
                   (int) cell);
  g_assert_cmpint (nb_table_view_cell_at (view, area.x - 20, area.y + 2), ==, -1);  /* the row's label */
  {
    GtkEventController *click = find_controller (GTK_WIDGET (view), "nb-table-click");

    g_signal_emit_by_name (click, "pressed", 1, area.x - 20.0, area.y + 2.0);
    g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) cell);
  }

  /* a double click edits the cell in place, in the view's one editor */
  click_cell (window, cell, 2);
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, (int) cell);
  g_assert_true (nb_table_view_cell_has_class (view, cell, "nb-editing"));
  editor = nb_table_view_get_editor (view);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_child_visible (editor));
  wait_for_frame (GTK_WIDGET (view));
  g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (view), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, area.x);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, area.x + area.width);
  g_assert_cmpfloat (bounds.origin.y, >=, area.y - 1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, area.y + area.height + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==,
                   nb_table_view_get_cell_text (view, cell));

  /* another cell: one editor moves there */
  click_cell (window, request_cell (report, "new", 1), 2);
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, (int) request_cell (report, "new", 1));
  g_assert_true (nb_table_view_get_editor (view) == editor);
  g_assert_false (nb_report_get_modified (report));

  close_window (window);
}

static void
test_table_editor (void)
{
  g_autofree char *path = sample_path ("zhicheng-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  NbTableView *view = window->table_view;
  guint cell = request_cell (report, "new", 0);
  g_autofree char *before = nb_report_format_value (report, cell);
  GtkWidget *editor;
  double value;

  click_cell (window, cell, 2);
  editor = nb_table_view_get_editor (view);
  g_assert_nonnull (editor);

  /* typing refused input marks the cell and says what it takes; Enter keeps the editor */
  gtk_editable_set_text (GTK_EDITABLE (editor), "12a");
  g_assert_true (nb_table_view_cell_has_class (view, cell, "nb-invalid"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (editor));
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, (int) cell);
  g_assert_false (nb_report_get_modified (report));

  /* Escape cancels */
  g_assert_true (press_key (editor, "nb-editor-keys", GDK_KEY_Escape, 0));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, -1);
  g_assert_false (nb_table_view_cell_has_class (view, cell, "nb-invalid"));
  g_assert_cmpstr (nb_table_view_get_cell_text (view, cell), ==, before);
  g_assert_false (nb_report_get_modified (report));

  /* valid input and Enter: the report takes it, the checks run again */
  click_cell (window, cell, 2);
  gtk_editable_set_text (GTK_EDITABLE (editor), "4321");
  g_assert_false (nb_table_view_cell_has_class (view, cell, "nb-invalid"));
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, -1);
  g_assert_true (nb_report_get_value (report, cell, &value));
  g_assert_cmpfloat (value, ==, 4321);
  g_assert_cmpstr (nb_table_view_get_cell_text (view, cell), ==, "4321");
  g_assert_true (nb_table_view_cell_has_class (view, cell, "nb-corrected"));
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, cell), ==, 1);
  g_assert_true (nb_report_get_modified (report));

  /* an empty entry clears the cell */
  click_cell (window, cell, 2);
  gtk_editable_set_text (GTK_EDITABLE (editor), "");
  g_signal_emit_by_name (editor, "activate");
  g_assert_false (nb_report_get_value (report, cell, &value));
  g_assert_cmpstr (nb_table_view_get_cell_text (view, cell), ==, "");

  /* undo brings both edits back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (nb_table_view_get_cell_text (view, cell), ==, before);

  close_window (window);
}

static void
test_table_keyboard (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  NbReport *report = nb_window_get_report (window);
  NbTableView *view = window->table_view;
  GtkWidget *widget = GTK_WIDGET (view);
  guint cell = request_cell (report, "new", 0);
  double value;

  click_cell (window, cell, 1);

  /* arrows move within the grid, across the template's nested labels */
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Right, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) request_cell (report, "new", 1));
  g_assert_true (nb_table_view_cell_has_class (view, request_cell (report, "new", 1), "nb-highlight"));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Down, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==,
                   (int) request_cell (report, "carried_in", 1));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Down, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) request_cell (report, "public", 1));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Left, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) request_cell (report, "public", 0));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Up, 0));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Up, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) cell);

  /* Tab goes in reading order, Shift+Tab back */
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Tab, 0));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) request_cell (report, "new", 1));
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) cell);

  /* Enter edits; Escape leaves the value alone */
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_Return, 0));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, (int) cell);
  g_assert_true (press_key (nb_table_view_get_editor (view), "nb-editor-keys", GDK_KEY_Escape, 0));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, -1);

  /* typing a digit starts editing with it; Tab commits and moves on */
  g_assert_true (press_key (widget, "nb-table-keys", GDK_KEY_7, 0));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, (int) cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nb_table_view_get_editor (view))), ==, "7");
  g_assert_true (press_key (nb_table_view_get_editor (view), "nb-editor-keys", GDK_KEY_Tab, 0));
  g_assert_cmpint (nb_table_view_get_editing_cell (view), ==, -1);
  g_assert_true (nb_report_get_value (report, cell, &value));
  g_assert_cmpfloat (value, ==, 7);
  g_assert_cmpint (nb_table_view_get_selected_cell (view), ==, (int) request_cell (report, "new", 1));

  close_window (window);
}

static void
test_table_grid (void)
{
  static const NbEdition editions[] = { NB_EDITION_2019, NB_EDITION_2021 };

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      g_autoptr(GPtrArray) tables = nb_grid_tables_new (editions[e]);
      guint n_cells = nb_schema_get_n_cells (editions[e]);
      g_autofree guint *seen = g_new0 (guint, n_cells);

      g_assert_cmpuint (tables->len, >=, 2);
      for (guint t = 0; t < tables->len; t++)
        {
          NbGridTable *table = g_ptr_array_index (tables, t);
          g_autofree guint8 *slots = g_new0 (guint8, table->n_cols * table->n_rows);

          g_assert_nonnull (table->title);
          for (guint i = 0; i < table->items->len; i++)
            {
              const NbGridItem *item = &g_array_index (table->items, NbGridItem, i);

              g_assert_cmpuint (item->col + item->n_cols, <=, table->n_cols);
              g_assert_cmpuint (item->row + item->n_rows, <=, table->n_rows);
              /* no two items share a slot */
              for (guint r = item->row; r < item->row + item->n_rows; r++)
                for (guint c = item->col; c < item->col + item->n_cols; c++)
                  g_assert_cmpuint (slots[r * table->n_cols + c]++, ==, 0);
              if (item->kind == NB_GRID_VALUE)
                {
                  g_assert_cmpint (item->cell, >=, 0);
                  g_assert_cmpint (item->cell, <, (int) n_cells);
                  seen[item->cell]++;
                }
              else
                g_assert_nonnull (item->label);
              /* row by row, left to right */
              if (i > 0)
                {
                  const NbGridItem *prev = &g_array_index (table->items, NbGridItem, i - 1);

                  g_assert_true (prev->row < item->row || (prev->row == item->row && prev->col < item->col));
                }
            }
        }
      /* every value of the template is shown once */
      for (guint c = 0; c < n_cells; c++)
        if (nb_schema_get_cell (editions[e], c)->kind != NB_CELL_UNIT)
          g_assert_cmpuint (seen[c], ==, 1);
    }
}

/* ---------------------------------------------------------------------------------- */
/* The window around the tables                                                        */

static void
test_layout (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  GtkWidget *tables = gtk_paned_get_end_child (window->paned);
  g_autoptr(GSettings) settings = nb_settings_new ();
  int natural;

  /* the dividers settle once the window has its size */
  wait_for_frame (GTK_WIDGET (window));
  wait_for_frame (GTK_WIDGET (window));

  /* the settings are the application's own, .Devel in a development build */
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "divider-position"), ==, 0);

  /* by default the tables get the width they need, the text the rest */
  gtk_widget_measure (tables, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1000);
  g_assert_cmpint (gtk_widget_get_width (tables), >=, natural);
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (window->paned)), >=,
                   gtk_widget_get_width (GTK_WIDGET (window)) - natural - 8);
  /* and the whole height, the findings sitting under the text */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->findings_view), GTK_WIDGET (window->side_paned)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->source_view), GTK_WIDGET (window->side_paned)));

  close_window (window);
}

static void
test_drop_cue (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = nb_window_new (NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GdkDragAction action = 0;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_assert_false (gtk_widget_get_visible (window->drop_overlay));
  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_get_visible (window->drop_overlay));
  g_assert_cmpstr (gtk_label_get_text (window->drop_label), ==, "Drop a report to open it");
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_get_visible (window->drop_overlay));

  /* over a report, a drop opens another window */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    nb_window_load_file (window, file);
    spin_until_loaded (window);
  }
  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpstr (gtk_label_get_text (window->drop_label), ==, "Drop a report to open it in a new window");
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_get_visible (window->drop_overlay));

  close_window (window);
}

/* ---------------------------------------------------------------------------------- */
/* Pure view logic                                                                      */

static void
test_title (void)
{
  g_autofree char *plain = nb_format_window_title ("a.txt", FALSE);
  g_autofree char *modified = nb_format_window_title ("a.txt", TRUE);
  g_autofree char *none = nb_format_window_title (NULL, FALSE);

  g_assert_cmpstr (plain, ==, "a.txt — Nianbao");
  g_assert_cmpstr (modified, ==, "• a.txt — Nianbao");
  g_assert_cmpstr (none, ==, "Nianbao");
}

static void
test_history (void)
{
  g_autoptr(NbHistory) history = nb_history_new ();
  NbEdit a = { NB_EDIT_VALUE, 1, TRUE, 1, TRUE, 2 };
  NbEdit b = { NB_EDIT_VALUE, 2, TRUE, 5, FALSE, 0 };
  NbEdit c = { NB_EDIT_VALUE, 3, FALSE, 0, TRUE, 7 };

  g_assert_false (nb_history_can_undo (history));
  g_assert_null (nb_history_undo (history));
  nb_history_push (history, &a);
  nb_history_push (history, &b);
  g_assert_cmpuint (nb_history_undo (history)->cell, ==, 2);
  g_assert_true (nb_history_can_redo (history));
  g_assert_cmpuint (nb_history_redo (history)->cell, ==, 2);
  g_assert_null (nb_history_redo (history));
  g_assert_cmpuint (nb_history_undo (history)->cell, ==, 2);
  g_assert_cmpuint (nb_history_undo (history)->cell, ==, 1);
  nb_history_push (history, &c);  /* both were undone: a new edit drops them */
  g_assert_false (nb_history_can_redo (history));
  g_assert_cmpuint (nb_history_undo (history)->cell, ==, 3);
  g_assert_false (nb_history_can_undo (history));
}

/* Clean is where the values are those at the mark, however the edits got there back. */
static void
test_history_clean (void)
{
  g_autoptr(NbHistory) history = nb_history_new ();
  NbEdit bump = { NB_EDIT_VALUE, 1, TRUE, 1, TRUE, 2 };
  NbEdit again = { NB_EDIT_VALUE, 1, TRUE, 2, FALSE, 0 };
  NbEdit restore = { NB_EDIT_VALUE, 1, FALSE, 0, TRUE, 1 };
  NbEdit other = { NB_EDIT_VALUE, 2, FALSE, 0, TRUE, 7 };
  NbEdit other_back = { NB_EDIT_VALUE, 2, TRUE, 7, FALSE, 0 };
  NbEdit accept = { NB_EDIT_ACCEPT, 3, TRUE, 4, TRUE, 4 };

  g_assert_true (nb_history_is_clean (history));
  nb_history_push (history, &bump);
  nb_history_push (history, &other);
  nb_history_push (history, &again);
  g_assert_false (nb_history_is_clean (history));
  nb_history_push (history, &restore);  /* cell 1 back to its printed 1 */
  g_assert_false (nb_history_is_clean (history));  /* cell 2 still changed */
  nb_history_push (history, &other_back);
  g_assert_true (nb_history_is_clean (history));
  nb_history_undo (history);
  g_assert_false (nb_history_is_clean (history));
  nb_history_redo (history);
  nb_history_push (history, &accept);  /* an accepted value is a change */
  g_assert_false (nb_history_is_clean (history));
  nb_history_undo (history);
  g_assert_true (nb_history_is_clean (history));

  /* exported with cell 1 bumped: restoring it is now the change */
  nb_history_clear (history);
  nb_history_push (history, &bump);
  nb_history_mark_clean (history);
  g_assert_true (nb_history_is_clean (history));
  nb_history_push (history, &(NbEdit) { NB_EDIT_VALUE, 1, TRUE, 2, TRUE, 1 });
  g_assert_false (nb_history_is_clean (history));
  nb_history_push (history, &(NbEdit) { NB_EDIT_VALUE, 1, TRUE, 1, TRUE, 2 });
  g_assert_true (nb_history_is_clean (history));
  /* undone past the mark, then a new edit: the state exported is gone */
  nb_history_undo (history);
  nb_history_undo (history);
  nb_history_undo (history);
  nb_history_push (history, &other);
  nb_history_undo (history);
  g_assert_false (nb_history_is_clean (history));
}

static void
test_row_layout (void)
{
  static const struct
  {
    NbEdition   edition;
    const char *row;
    guint       depth;
    const char *group;
    guint       group_rows;
  } cases[] = {
    { NB_EDITION_2021, "new", 0, NULL, 0 },
    { NB_EDITION_2021, "public", 1, NULL, 0 },
    { NB_EDITION_2021, "withheld.state_secret", 2, "（三）不予公开", 8 },
    { NB_EDITION_2021, "withheld.law_prohibited", 2, NULL, 0 },
    { NB_EDITION_2021, "unavailable.not_held", 2, "（四）无法提供", 3 },
    { NB_EDITION_2021, "not_processed.complaint", 2, "（五）不予处理", 5 },
    { NB_EDITION_2021, "other.no_correction", 2, "（六）其他处理", 3 },
    { NB_EDITION_2021, "result_total", 1, NULL, 0 },
    { NB_EDITION_2021, "carried_over", 0, NULL, 0 },
    { NB_EDITION_2019, "other", 1, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int row = nb_schema_request_row_index (cases[i].edition, cases[i].row);
      NbRowLayout layout;

      g_assert_cmpint (row, >=, 0);
      nb_request_row_layout (cases[i].edition, row, &layout);
      g_assert_cmpuint (layout.depth, ==, cases[i].depth);
      g_assert_cmpstr (layout.group_label, ==, cases[i].group);
      g_assert_cmpuint (layout.group_rows, ==, cases[i].group_rows);
      g_assert_nonnull (layout.label);
      g_assert_cmpstr (layout.label, !=, "");
      nb_row_layout_clear (&layout);
    }
}

int
main (int   argc,
      char *argv[])
{
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
   * scrolled view still animates: no animations, no race. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/gui/logic/title", test_title);
  g_test_add_func ("/gui/logic/history", test_history);
  g_test_add_func ("/gui/logic/history-clean", test_history_clean);
  g_test_add_func ("/gui/logic/row-layout", test_row_layout);
  g_test_add_func ("/gui/logic/table-grid", test_table_grid);
  g_test_add_func ("/gui/window/samples", test_samples);
  g_test_add_func ("/gui/window/edit-undo", test_edit_undo);
  g_test_add_func ("/gui/window/restore-unmodified", test_restore_unmodified);
  g_test_add_func ("/gui/window/accept-inferred", test_accept_inferred);
  g_test_add_func ("/gui/window/accessible-cells", test_accessible_cells);
  g_test_add_func ("/gui/window/select-finding", test_select_finding);
  g_test_add_func ("/gui/window/click-does-not-scroll", test_click_does_not_scroll);
  g_test_add_func ("/gui/window/severity-filter", test_severity_filter);
  g_test_add_func ("/gui/window/table-click", test_table_click);
  g_test_add_func ("/gui/window/table-editor", test_table_editor);
  g_test_add_func ("/gui/window/table-keyboard", test_table_keyboard);
  g_test_add_func ("/gui/window/layout", test_layout);
  g_test_add_func ("/gui/window/drop-cue", test_drop_cue);
  g_test_add_func ("/gui/window/export", test_export);
  g_test_add_func ("/gui/window/unreadable", test_unreadable);

  return g_test_run ();
}
