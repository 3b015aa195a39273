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
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
  close_window (window);

  window = open_window (path);
  wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->table_view)));
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
  return g_test_run ();
}
