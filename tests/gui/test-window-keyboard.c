/* test-window-keyboard.c — the review window resized, and used from the keyboard alone
 *
 * Any warning fails these tests, GTK's own included ("Trying to snapshot GtkPaned …
 * without a current allocation" on the first widening, issue 14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-util.h"

static guint warnings;

/* Counts the warnings and criticals, and prints them, so that the test that was
 * running can fail on them; the rest goes to GLib's own writer. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    warnings++;
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
resize_and_draw (NbWindow *window,
                 int       width,
                 int       height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (int i = 0; i < 6; i++)
    wait_for_frame (GTK_WIDGET (window));
}

/* A window opened narrow and then widened, twice: nothing printed, and the
 * dividers still where the layout puts them. */
static void
test_widen (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (NULL);

  warnings = 0;
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  spin_until_loaded (window);
  resize_and_draw (window, 700, 600);
  resize_and_draw (window, 1380, 880);
  resize_and_draw (window, 800, 600);
  resize_and_draw (window, 1300, 850);
  g_assert_cmpuint (warnings, ==, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 1000);
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (window->paned)), >=, 400);
  close_window (window);
}

/* The tables have the keyboard, on a cell that shows it, and the text still shows
 * the report's start: no cell was selected. */
static void
assert_keys_in_tables (NbWindow *window)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->source_view));

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  g_assert_cmpint (nb_table_view_get_selected_cell (window->table_view), >=, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);
}

/* A report opened as the application opens one (the window shows itself with the
 * report) and as a test opens one (the window shown first): the keyboard starts in the
 * tables, not on the header bar's Open button nor nowhere. */
static void
test_focus_on_open (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (NULL);

  nb_window_load_file (window, file);
  spin_until_loaded (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  wait_for_frame (GTK_WIDGET (window));
  assert_keys_in_tables (window);
  close_window (window);

  window = open_window (path);
  wait_for_frame (GTK_WIDGET (window));
  assert_keys_in_tables (window);
  close_window (window);
}

/* Whether the text's caret shows, and on a line that is on screen */
static gboolean
text_caret_shown (NbWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->source_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (!gtk_text_view_get_cursor_visible (view))
    return FALSE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* Waits until the text has scrolled where it goes (it measures its lines a few at a time) */
static void
wait_for_text (NbWindow *window)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->source_view));
  double last = -1;

  for (int i = 0; i < 50 && gtk_adjustment_get_value (v) != last; i++)
    {
      last = gtk_adjustment_get_value (v);
      wait_for_frame (GTK_WIDGET (window));
      wait_for_frame (GTK_WIDGET (window));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
}

/* Whether the keyboard is in @widget or in one of its children */
static gboolean
keys_in (NbWindow  *window,
         GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* F6 goes from the tables to the text, the findings list and back to the tables
 * (GtkPaned's own F6 stopped on a severity badge and the agency's name); the text,
 * read-only, shows a caret on screen while it has the focus, or nothing showed where
 * the keyboard was. */
static void
test_f6_text_shows_focus (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);

  /* a finding scrolls the text away from its caret, at the top */
  nb_window_select_next_finding (window, FALSE);
  wait_for_text (window);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  g_assert_false (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (window->source_view)));

  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, 0));
  wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->source_view)));
  g_assert_true (text_caret_shown (window));

  /* on to the findings list itself, not the severity badge above it */
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, 0));
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (window->source_view)));
  g_assert_false (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (window->source_view)));
  g_assert_true (keys_in (window, GTK_WIDGET (window->findings_view)));

  /* and to the tables, not the agency's name above them */
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, 0));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));

  /* Shift+F6 goes back */
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, GDK_SHIFT_MASK));
  g_assert_true (keys_in (window, GTK_WIDGET (window->findings_view)));
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->source_view)));
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  /* closed while the text still scrolls to the cell the tables selected: GTK 4.8
   * printed a critical for the scrolled window unmapped mid-animation */
  close_window (window);
}

/* Escape closes the search bar (Ctrl+F) and the keyboard goes back where it was: it
 * went to the paned around the text, whose arrow keys then moved the divider. */
static void
test_search_escape_returns_focus (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  GtkWidget *from[] = { GTK_WIDGET (window->table_view), GTK_WIDGET (window->source_view) };

  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    {
      g_assert_true (gtk_widget_grab_focus (from[i]));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "公开");
      wait_for_frame (GTK_WIDGET (window));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             GTK_WIDGET (window->search_entry)));
      g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
      /* the bar slides away */
      for (int k = 0; k < 30; k++)
        wait_for_frame (GTK_WIDGET (window));
      g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
      g_assert_true (gtk_widget_has_focus (from[i]));
    }
  close_window (window);
}

/* From the findings list the keyboard comes to the tables on the finding's first cell,
 * not on the cell it left there (the first value of all, far from the finding). */
static void
test_tables_at_finding (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021.txt");
  NbWindow *window = open_window (path);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (window->selection));
  int first = -1;

  /* a finding with cells in the tables */
  for (guint i = 0; i < n && first < 0; i++)
    {
      nb_window_select_next_finding (window, FALSE);
      for (guint c = 0; c < nb_schema_get_n_cells (nb_report_get_edition (nb_window_get_report (window))) && first < 0; c++)
        if (nb_table_view_cell_has_class (window->table_view, c, "nb-highlight"))
          first = (int) c;
    }
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (nb_table_view_get_selected_cell (window->table_view), !=, first);

  gtk_widget_grab_focus (GTK_WIDGET (window->findings_view));
  g_assert_true (send_key (GTK_WIDGET (window), GDK_KEY_F6, 0));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  g_assert_cmpint (nb_table_view_get_selected_cell (window->table_view), ==, first);
  wait_for_text (window);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window-keyboard/widen", test_widen);
  g_test_add_func ("/window-keyboard/focus/on-open", test_focus_on_open);
  g_test_add_func ("/window-keyboard/focus/f6-text", test_f6_text_shows_focus);
  g_test_add_func ("/window-keyboard/focus/search-escape", test_search_escape_returns_focus);
  g_test_add_func ("/window-keyboard/focus/tables-at-finding", test_tables_at_finding);
  return g_test_run ();
}
