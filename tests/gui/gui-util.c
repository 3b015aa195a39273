/* gui-util.c — opening, driving and closing windows in the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-util.h"

char *
sample_path (const char *name)
{
  const char *dir = g_getenv ("NB_SAMPLES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples", name, NULL);
}

/* Runs what the main loop has pending: events, idles, a frame */
void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
spin_until_loaded (NbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (nb_window_is_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (nb_window_is_loading (window));
  /* let the window lay out and draw once */
  spin ();
}

NbWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbWindow *window = nb_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  spin_until_loaded (window);
  return window;
}

void
close_window (NbWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The view's own controllers are named, so that a test can drive them as events would. */
GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;  /* the widget holds it */
    }
  g_assert_not_reached ();
}

void
click_cell (NbWindow *window,
            guint     cell,
            int       n_press)
{
  GtkEventController *click = find_controller (GTK_WIDGET (window->table_view), "nb-table-click");
  GdkRectangle area;

  g_assert_true (nb_table_view_get_cell_area (window->table_view, cell, &area));
  g_signal_emit_by_name (click, "pressed", n_press, area.x + area.width / 2.0, area.y + area.height / 2.0);
}

gboolean
press_key (GtkWidget       *widget,
           const char      *controller_name,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (widget, controller_name);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  guint *ticks = data;

  (*ticks)++;
  return *ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Waits until @widget's window has laid out and drawn a frame since now. */
void
wait_for_frame (GtkWidget *widget)
{
  guint ticks = 0;

  gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);
  gtk_widget_queue_draw (widget);
  while (ticks < 2)
    g_main_context_iteration (NULL, TRUE);
}

guint
request_cell (NbReport   *report,
              const char *row_id,
              guint       column)
{
  NbEdition edition = nb_report_get_edition (report);
  int row = nb_schema_request_row_index (edition, row_id);
  int cell;

  g_assert_cmpint (row, >=, 0);
  cell = nb_schema_request_cell (edition, row, column);
  g_assert_cmpint (cell, >=, 0);
  return cell;
}
