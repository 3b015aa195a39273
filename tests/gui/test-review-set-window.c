/* test-review-set-window.c — a review set as the reviewer walks it: the set's findings
 * in a report's findings list, the way from a copied passage to the report it
 * matches, and the keys that move through the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "gui-util.h"
#include "nb-finding-group.h"
#include "nb-finding-row.h"
#include "nb-rule-names.h"
#include "nb-view-logic.h"
#include "test-util.h"

/* The position in the window's findings list of the group of @rule, collapsed */
static guint
group_position (NbWindow   *window,
                const char *rule)
{
  for (guint i = 0; i < g_list_model_get_n_items (window->groups); i++)
    {
      g_autoptr(NbFindingGroup) group = g_list_model_get_item (window->groups, i);

      if (g_str_equal (nb_finding_group_get_rule (group), rule))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 gboolean (*match) (GtkWidget *, gpointer),
                 gpointer   data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
row_shows (GtkWidget *row,
           gpointer   finding)
{
  return nb_finding_row_get_finding (NB_FINDING_ROW (row)) == finding;
}

static gboolean
label_says (GtkWidget *label,
            gpointer   text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0;
}

/* The row of the findings list that shows the group at @position, scrolled to */
static NbFindingRow *
row_at (NbWindow *window,
        guint     position)
{
  g_autoptr(NbFindingGroup) group = g_list_model_get_item (window->groups, position);
  g_autoptr(NbFinding) first = nb_finding_group_get_first (group);

  gtk_widget_activate_action (GTK_WIDGET (window->findings_view), "list.scroll-to-item", "u", position);
  wait_for_frame (GTK_WIDGET (window->findings_view));
  wait_for_frame (GTK_WIDGET (window->findings_view));
  return (NbFindingRow *) find_descendant (GTK_WIDGET (window->findings_view), NB_TYPE_FINDING_ROW, row_shows, first);
}

/* The set's findings about a report are in its findings list, grouped, with their
 * short rule names; selecting one shows its cells and passages; a copied passage's
 * finding leads to the report it matches. */
static void
test_set_findings (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  NbReviewItem *item, *other;
  g_autoptr(NbFindingGroup) carry = NULL;
  g_autoptr(NbFinding) copied = NULL;
  NbReport *report;
  NbFindingRow *row;
  GtkButton *go;
  NbSpan span;
  g_autofree char *go_label = NULL;
  guint pos, n_cells;
  const NbSpan *spans;
  const guint *cells;

  nb_review_sidebar_select (sidebar, review_set_position_of (shown, "mianchi-2022.txt"));
  spin ();
  item = nb_review_sidebar_get_selected (sidebar);
  report = nb_review_item_get_report (item);
  g_assert_true (nb_window_get_report (window) == report);

  /* the sidebar's note comes before the set's findings shown there, not pushed out
   * of sight below them */
  {
    GtkWidget *note = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_TEXT_VIEW, NULL, NULL);
    GtkWidget *expander = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_EXPANDER, NULL, NULL);
    graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), a, b;

    wait_for_frame (GTK_WIDGET (window));
    g_assert_true (gtk_widget_get_visible (expander));
    g_assert_true (gtk_widget_compute_point (note, GTK_WIDGET (sidebar), &origin, &a));
    g_assert_true (gtk_widget_compute_point (expander, GTK_WIDGET (sidebar), &origin, &b));
    g_assert_cmpfloat (a.y, <, b.y);
  }

  /* the badges count them: the same numbers as the sidebar's */
  for (NbSeverity s = NB_SEVERITY_INFO; s <= NB_SEVERITY_ERROR; s++)
    g_assert_cmpuint (nb_window_count_findings (window, s), ==, nb_review_item_count (item, s));
  g_assert_cmpuint (nb_window_count_findings (window, NB_SEVERITY_ERROR), >,
                    nb_report_count_findings (report, NB_SEVERITY_ERROR));

  /* the cells the set's findings name are marked in the tables as the report's own
   * findings' are, colour and icon: 上年结转 (series.carry_over), which no finding of
   * the report's own names */
  {
    GListModel *set_findings = nb_review_item_get_set_findings (item);
    guint n_marked = 0;

    for (guint i = 0; i < g_list_model_get_n_items (set_findings); i++)
      {
        g_autoptr(NbFinding) f = g_list_model_get_item (set_findings, i);
        NbSeverity severity = nb_finding_get_severity (f);

        cells = nb_finding_get_cells (f, &n_cells);
        for (guint k = 0; k < n_cells; k++)
          {
            gboolean own;
            NbSeverity own_severity = nb_report_get_cell_severity (report, cells[k], &own);
            NbSeverity marked = own ? MAX (own_severity, severity) : severity;

            g_assert_true (nb_table_view_cell_has_class (window->table_view, cells[k], nb_severity_css_class (marked)));
            if (marked != NB_SEVERITY_INFO)
              g_assert_cmpstr (nb_table_view_get_cell_icon_name (window->table_view, cells[k]), ==,
                               nb_severity_icon_name (marked));
            if (g_str_equal (nb_finding_get_rule (f), "series.carry_over"))
              {
                g_assert_false (own);
                n_marked++;
              }
          }
      }
    g_assert_cmpuint (n_marked, ==, 2);
  }

  /* series.carry_over: one group of its two columns, with its short name */
  pos = group_position (window, "series.carry_over");
  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  carry = g_list_model_get_item (window->groups, pos);
  g_assert_cmpuint (nb_finding_group_get_n_findings (carry), ==, 2);
  g_assert_cmpint (nb_finding_group_get_severity (carry), ==, NB_SEVERITY_ERROR);
  row = row_at (window, pos);
  g_assert_nonnull (row);
  g_assert_cmpstr (nb_rule_short_name ("series.carry_over"), !=, "series.carry_over");
  g_assert_nonnull (find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, label_says,
                                     (gpointer) nb_rule_short_name ("series.carry_over")));
  /* selected: this year's 上年结转 cells are highlighted, in the tables and the text */
  gtk_single_selection_set_selected (window->selection, pos);
  {
    g_autoptr(NbFinding) first = nb_finding_group_get_first (carry);

    cells = nb_finding_get_cells (first, &n_cells);
    g_assert_cmpuint (n_cells, ==, 1);
    g_assert_cmpstr (nb_schema_get_cell (nb_report_get_edition (report), cells[0])->id, ==,
                     "requests.carried_in.natural_person");
    g_assert_true (nb_table_view_cell_has_class (window->table_view, cells[0], "nb-highlight"));
    g_assert_true (nb_source_view_span_has_tag (window->source_view, nb_report_get_span (report, cells[0]),
                                                "nb-selected"));
  }

  /* series.copied_text: its passages highlighted, and the report it copies named
   * with a button that goes there */
  pos = group_position (window, "series.copied_text");
  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  {
    g_autoptr(NbFindingGroup) group = g_list_model_get_item (window->groups, pos);

    g_assert_cmpuint (nb_finding_group_get_n_findings (group), ==, 1);
    copied = nb_finding_group_get_first (group);
  }
  g_assert_nonnull (strstr (nb_finding_get_message (copied, "en"), "mianchi-2021.txt"));
  spans = nb_finding_get_spans (copied, &n_cells);
  g_assert_cmpuint (n_cells, >, 0);
  gtk_single_selection_set_selected (window->selection, pos);
  g_assert_true (nb_source_view_span_has_tag (window->source_view, spans[0], "nb-selected"));
  row = row_at (window, pos);
  g_assert_nonnull (row);
  g_assert_nonnull (find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, label_says,
                                     (gpointer) nb_rule_short_name ("series.copied_text")));
  go = nb_finding_row_get_go_button (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (go)));
  go_label = g_strdup (gtk_button_get_label (go));
  g_assert_nonnull (strstr (go_label, "mianchi-2021.txt"));
  g_assert_true (nb_review_item_get_copied_from (item, copied, &other, &span));

  /* last year's report is hidden by a filter (reviewed already): going there shows it */
  nb_review_sidebar_select (sidebar, review_set_position_of (shown, "mianchi-2021.txt"));
  spin ();
  g_assert_true (nb_review_sidebar_set_status (sidebar, NB_REVIEW_STATUS_REVIEWED));
  nb_review_sidebar_select (sidebar, review_set_position_of (shown, "mianchi-2022.txt"));
  spin ();
  nb_review_sidebar_set_filter (sidebar, FALSE, TRUE);
  spin ();
  g_assert_true (nb_review_sidebar_get_selected (sidebar) == item);
  row = row_at (window, group_position (window, "series.copied_text"));
  g_assert_nonnull (row);
  go = nb_finding_row_get_go_button (row);
  g_signal_emit_by_name (go, "clicked");
  spin ();
  g_assert_true (nb_review_sidebar_get_selected (sidebar) == other);
  g_assert_cmpstr (nb_review_item_get_display_name (other), ==, "mianchi-2021.txt");
  g_assert_true (nb_window_get_report (window) == nb_review_item_get_report (other));
  g_assert_true (nb_source_view_span_has_tag (window->source_view, span, "nb-selected"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 6);

  /* this year's 上年结转 corrected to last year's 结转下年度: the set's finding goes
   * from the list, the others stay, with their way to the other report */
  g_assert_true (nb_review_sidebar_go_to (sidebar, item, (NbSpan) { -1, -1 }));
  spin ();
  nb_window_apply_edit (window, nb_schema_lookup (nb_report_get_edition (report), "requests.carried_in.natural_person"),
                        TRUE, 2);
  nb_window_apply_edit (window, nb_schema_lookup (nb_report_get_edition (report), "requests.carried_in.total"),
                        TRUE, 2);
  spin ();
  g_assert_cmpuint (group_position (window, "series.carry_over"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (nb_window_count_findings (window, NB_SEVERITY_ERROR), ==, nb_review_item_count (item, NB_SEVERITY_ERROR));
  pos = group_position (window, "series.copied_text");
  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  row = row_at (window, pos);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (nb_finding_row_get_go_button (row))));

  /* a report of the set with no set findings lists only its own */
  nb_review_sidebar_select (sidebar, review_set_position_of (shown, "office-2021.txt"));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (nb_review_item_get_set_findings (nb_review_sidebar_get_selected (sidebar))),
                    ==, 0);
  g_assert_cmpuint (group_position (window, "series.copied_text"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (nb_window_count_findings (window, NB_SEVERITY_WARNING), ==,
                    nb_report_count_findings (nb_window_get_report (window), NB_SEVERITY_WARNING));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

static gboolean
lists_reports (GtkWidget *list,
               gpointer   shown)
{
  return (gpointer) gtk_list_view_get_model (GTK_LIST_VIEW (list)) == shown;
}

/* The list of the reports (the sort drop-down has a list too) */
static GtkWidget *
sidebar_list (NbReviewSidebar *sidebar)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW, lists_reports,
                                     nb_review_sidebar_get_shown (sidebar));

  g_assert_nonnull (list);
  return list;
}

static const char *
shown_name (NbReviewSidebar *sidebar)
{
  NbReviewItem *item = nb_review_sidebar_get_selected (sidebar);

  g_assert_nonnull (item);
  return nb_review_item_get_display_name (item);
}

static const char *
name_at (GListModel *shown,
         guint       position)
{
  g_autoptr(NbReviewItem) item = g_list_model_get_item (shown, position);

  return nb_review_item_get_display_name (item);  /* the set holds it */
}

static void
assert_shows (NbWindow        *window,
              NbReviewSidebar *sidebar,
              GListModel      *shown,
              guint            position)
{
  g_autoptr(NbReviewItem) item = g_list_model_get_item (shown, position);

  g_assert_cmpstr (shown_name (sidebar), ==, nb_review_item_get_display_name (item));
  g_assert_true (nb_window_get_report (window) == nb_review_item_get_report (item));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, position);
}

/* The keys move through the sidebar: Down and Up by one report, Home and End to the
 * ends; the report shown follows, and each keeps its own status, note and
 * corrections. The keys go the way a key press goes (send_key ()), from the widget
 * that has the focus. */
static void
test_keys (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  GtkWidget *list = sidebar_list (sidebar);
  guint n = g_list_model_get_n_items (shown), start;
  const char *notes[] = { "第一份：请核对", "第二份：已改" };
  guint cells[2];
  NbReport *reports[2];

  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (n, ==, 6);
  /* the first report read is shown, and the list has the focus */
  start = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown));
  g_assert_cmpuint (start, <, n);
  g_assert_true (gtk_widget_has_focus (list) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  assert_shows (window, sidebar, shown, start);

  /* Down from the report shown first goes to the next, not to the list's first */
  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  assert_shows (window, sidebar, shown, MIN (start + 1, n - 1));

  /* Home, then Down through every report, then Up back */
  send_key (GTK_WIDGET (window), GDK_KEY_Home, 0);
  assert_shows (window, sidebar, shown, 0);
  for (guint i = 1; i < n; i++)
    {
      send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
      assert_shows (window, sidebar, shown, i);
    }
  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);  /* the last stays */
  assert_shows (window, sidebar, shown, n - 1);
  for (guint i = n - 1; i > 0; i--)
    {
      send_key (GTK_WIDGET (window), GDK_KEY_Up, 0);
      assert_shows (window, sidebar, shown, i - 1);
    }
  send_key (GTK_WIDGET (window), GDK_KEY_End, 0);
  assert_shows (window, sidebar, shown, n - 1);
  send_key (GTK_WIDGET (window), GDK_KEY_Home, 0);
  assert_shows (window, sidebar, shown, 0);

  /* a status, a note and a correction on each of the first two, moving by keys */
  for (guint k = 0; k < 2; k++)
    {
      if (k > 0)
        send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
      assert_shows (window, sidebar, shown, k);
      reports[k] = nb_window_get_report (window);
      g_assert_true (nb_review_sidebar_set_status (sidebar, k == 0 ? NB_REVIEW_STATUS_NEEDS_CHANGES
                                                                   : NB_REVIEW_STATUS_REVIEWED));
      nb_review_sidebar_set_note (sidebar, notes[k]);
      cells[k] = request_cell (reports[k], "new", 0);
      nb_window_apply_edit (window, cells[k], TRUE, 900 + k);
      spin ();
      /* the key goes back to the list, which a click in the tables would have taken */
      gtk_widget_grab_focus (list);
      g_assert_true (gtk_widget_has_focus (list) ||
                     gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
    }
  /* the set's filter and order do not move: both are where they were */
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < 2; k++)
      {
        NbReviewItem *item;
        double value;

        send_key (GTK_WIDGET (window), k == 0 ? GDK_KEY_Up : GDK_KEY_Down, 0);
        assert_shows (window, sidebar, shown, k);
        item = nb_review_sidebar_get_selected (sidebar);
        g_assert_cmpstr (nb_review_item_get_note (item), ==, notes[k]);
        g_assert_cmpint (nb_review_item_get_status (item), ==,
                         k == 0 ? NB_REVIEW_STATUS_NEEDS_CHANGES : NB_REVIEW_STATUS_REVIEWED);
        g_assert_true (nb_window_get_report (window) == reports[k]);
        g_assert_true (nb_report_get_value (reports[k], cells[k], &value));
        g_assert_cmpfloat (value, ==, 900 + k);
        g_assert_false (nb_report_get_modified (reports[k]));
      }
  /* what the sidebar shows of the report shown is its own */
  {
    GtkWidget *note = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_TEXT_VIEW, NULL, NULL);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (note));
    GtkTextIter a, b;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &a, &b);
    text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (text, ==, notes[1]);
  }
  g_assert_cmpstr (name_at (shown, 1), ==, shown_name (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* all of it there when the set is opened again */
  window = review_set_open (dir, &sidebar);
  shown = nb_review_sidebar_get_shown (sidebar);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(NbReviewItem) item = g_list_model_get_item (shown, k);
      double value;

      g_assert_cmpstr (nb_review_item_get_note (item), ==, notes[k]);
      g_assert_true (nb_report_get_value (nb_review_item_get_report (item), cells[k], &value));
      g_assert_cmpfloat (value, ==, 900 + k);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

/* A file of the set that cannot be read shows as such: not the report before it
 * (which could then be edited or exported in its name), and the next one shows again. */
static void
test_unreadable (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  g_autofree char *junk = g_build_filename (dir, "office-empty-2021.txt", NULL);
  NbReviewSidebar *sidebar;
  NbWindow *window;
  GListModel *shown;
  guint pos;

  g_assert_true (g_file_set_contents (junk, "这不是一份年报。\n只有两行。\n", -1, NULL));
  window = review_set_open (dir, &sidebar);
  shown = nb_review_sidebar_get_shown (sidebar);
  pos = review_set_position_of (shown, "office-empty-2021.txt");
  g_assert_cmpuint (pos, >, 0);
  nb_review_sidebar_select (sidebar, pos - 1);
  spin ();
  g_assert_nonnull (nb_window_get_report (window));

  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  g_assert_cmpstr (shown_name (sidebar), ==, "office-empty-2021.txt");
  g_assert_null (nb_window_get_report (window));
  g_assert_nonnull (nb_window_get_error_message (window));
  g_assert_nonnull (strstr (nb_window_get_error_message (window), "office-empty-2021.txt"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->export_button)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 0);
  /* the set's window takes no other file in its place */
  g_assert_false (nb_window_is_empty (window));

  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  assert_shows (window, sidebar, shown, pos + 1);
  g_assert_null (nb_window_get_error_message (window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->export_button)));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

/* Marked reviewed while only the reports not yet reviewed are listed, a report leaves
 * the list: it stays on show, and what is done to it next is still kept. */
static void
test_filtered_out (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  NbReviewItem *item;
  NbReport *report;
  guint cell;
  double value;

  nb_review_sidebar_set_filter (sidebar, FALSE, TRUE);
  nb_review_sidebar_select (sidebar, review_set_position_of (shown, "ruzhou-2021.txt"));
  spin ();
  item = nb_review_sidebar_get_selected (sidebar);
  report = nb_review_item_get_report (item);
  g_assert_true (nb_review_sidebar_set_status (sidebar, NB_REVIEW_STATUS_REVIEWED));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  g_assert_true (nb_review_sidebar_get_selected (sidebar) == item);
  g_assert_true (nb_window_get_report (window) == report);

  /* a second thought: a correction, a note */
  cell = request_cell (report, "new", 0);
  nb_window_apply_edit (window, cell, TRUE, 77);
  spin ();
  g_assert_false (nb_report_get_modified (report));
  nb_review_sidebar_set_note (sidebar, "再看一遍");
  g_assert_cmpstr (nb_review_item_get_note (item), ==, "再看一遍");

  /* the keys go on from the list: Down shows a report that is listed */
  gtk_widget_grab_focus (sidebar_list (sidebar));
  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  g_assert_true (nb_review_sidebar_get_selected (sidebar) != item);
  assert_shows (window, sidebar, shown, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  window = review_set_open (dir, &sidebar);
  shown = nb_review_sidebar_get_shown (sidebar);
  {
    g_autoptr(NbReviewItem) again = g_list_model_get_item (shown, review_set_position_of (shown, "ruzhou-2021.txt"));

    g_assert_cmpstr (nb_review_item_get_note (again), ==, "再看一遍");
    g_assert_true (nb_report_get_value (nb_review_item_get_report (again), cell, &value));
    g_assert_cmpfloat (value, ==, 77);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

/* Sorted by errors, a report whose errors are corrected moves down the list: it
 * stays selected there, and Down goes on from it. */
static void
test_resorted (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  NbReviewItem *item;
  NbReport *report;
  NbEdition ed;
  guint pos;

  nb_review_sidebar_set_sort (sidebar, NB_REVIEW_SORT_ERRORS);
  nb_review_sidebar_select (sidebar, 0);
  spin ();
  item = nb_review_sidebar_get_selected (sidebar);
  report = nb_review_item_get_report (item);
  ed = nb_report_get_edition (report);
  g_assert_cmpstr (nb_review_item_get_display_name (item), ==, "mianchi-2021.txt");
  /* its suggested correction: nothing carried over to the next year */
  nb_window_apply_edit (window, nb_schema_lookup (ed, "requests.carried_over.natural_person"), TRUE, 0);
  nb_window_apply_edit (window, nb_schema_lookup (ed, "requests.carried_over.total"), TRUE, 0);
  spin ();
  pos = review_set_position_of (shown, "mianchi-2021.txt");
  g_assert_cmpuint (pos, >, 0);
  g_assert_true (nb_review_sidebar_get_selected (sidebar) == item);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, pos);
  wait_for_frame (GTK_WIDGET (window));
  gtk_widget_grab_focus (sidebar_list (sidebar));
  send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  assert_shows (window, sidebar, shown, MIN (pos + 1, g_list_model_get_n_items (shown) - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

static gboolean
lists_statuses (GtkWidget *dropdown,
                gpointer   first)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  return GTK_IS_STRING_LIST (model) &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0;
}

/* Marked through the status drop-down, the keys go back to the list: Down goes on
 * to the next report, as a reviewer walks the set (Alt+T, a status, Return, Down). */
static void
test_mark_and_move (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  GtkWidget *status = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_DROP_DOWN, lists_statuses,
                                       "Not yet looked at");
  GtkWidget *list = sidebar_list (sidebar);

  g_assert_nonnull (status);
  gtk_window_present (GTK_WINDOW (window));
  send_key (GTK_WIDGET (window), GDK_KEY_Home, 0);
  assert_shows (window, sidebar, shown, 0);
  for (guint k = 0; k < 3; k++)
    {
      GtkWidget *focus;

      gtk_widget_grab_focus (status);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), NB_REVIEW_STATUS_REVIEWED);
      spin ();
      wait_for_frame (GTK_WIDGET (window));
      g_assert_cmpint (nb_review_item_get_status (nb_review_sidebar_get_selected (sidebar)), ==,
                       NB_REVIEW_STATUS_REVIEWED);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
      send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
      assert_shows (window, sidebar, shown, k + 1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

static gboolean
button_says (GtkWidget *button,
             gpointer   label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0;
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK holds it */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_FILE_CHOOSER (w);
    }
  return NULL;
}

/* Export Summary asks where beside the set's folder, not in the current directory */
static void
test_summary_folder (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GtkWidget *button = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_BUTTON, button_says, "E_xport Summary…");
  g_autoptr(GFile) expected = g_file_new_for_path (dir);
  g_autoptr(GFile) folder = NULL;
  GtkFileChooser *chooser;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
  chooser = find_chooser ();
  if (chooser == NULL)
    {
      /* a portal's chooser is not ours to look into */
      g_test_skip ("the file chooser is not a GTK dialog here");
    }
  else
    {
      folder = gtk_file_chooser_get_current_folder (chooser);
      g_assert_nonnull (folder);
      g_assert_true (g_file_equal (folder, expected));
      g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "summary.csv");
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      spin ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the review set window tests\n");
      return 77;
    }
  g_test_add_func ("/gui/review-set/set-findings", test_set_findings);
  g_test_add_func ("/gui/review-set/keys", test_keys);
  g_test_add_func ("/gui/review-set/unreadable", test_unreadable);
  g_test_add_func ("/gui/review-set/summary-folder", test_summary_folder);
  g_test_add_func ("/gui/review-set/filtered-out", test_filtered_out);
  g_test_add_func ("/gui/review-set/resorted", test_resorted);
  g_test_add_func ("/gui/review-set/mark-and-move", test_mark_and_move);
  return g_test_run ();
}
