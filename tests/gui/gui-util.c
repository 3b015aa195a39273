/* gui-util.c — opening, driving and closing windows in the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-util.h"
#include "test-util.h"

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

/* Whether @trigger is @keyval with @state, or has it among its alternatives */
static gboolean
trigger_is_key (GtkShortcutTrigger *trigger,
                guint               keyval,
                GdkModifierType     state)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is_key (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state) ||
           trigger_is_key (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, state);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state;
}

/* Offers the key to @widget's controllers of @phase as GTK would: its key
 * controllers' key-pressed, its shortcut controllers' shortcuts for the key. */
static gboolean
offer_key (GtkWidget       *widget,
           GtkPropagationPhase phase,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint k = 0; !handled && k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

            if (trigger_is_key (gtk_shortcut_get_trigger (shortcut), keyval, state))
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                      widget, gtk_shortcut_get_arguments (shortcut));
          }
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* Sends a key press to @root's focus widget the way GTK delivers it: down from the
 * root through the controllers that capture, then up from the focus widget through
 * those that bubble (the widgets' keybindings, GtkWindow's arrow keys that move the
 * focus). GTK 4 has no way left to make a key event, and the real path of a key
 * press through the widgets is what is tested. */
gboolean
send_key (GtkWidget       *root,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  gboolean handled = FALSE;

  for (GtkWidget *w = focus ? focus : root; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; !handled && i > 0; i--)
    handled = offer_key (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval, state);
  for (guint i = 0; !handled && i < chain->len; i++)
    handled = offer_key (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, state);
  spin ();
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

void
review_set_spin_until_read (NbReviewSidebar *sidebar)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (nb_review_sidebar_is_loading (sidebar) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (nb_review_sidebar_is_loading (sidebar));
  spin ();
}

/* A folder, several files or a review set's file, opened as a review set and read */
NbWindow *
review_set_open (const char       *path,
                 NbReviewSidebar **sidebar)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  NbWindow *window = nb_review_sidebar_open (NULL, &folder, 1);

  *sidebar = nb_review_sidebar_get_for_window (window);
  g_assert_nonnull (*sidebar);
  review_set_spin_until_read (*sidebar);
  return window;
}

guint
review_set_position_of (GListModel *shown,
                        const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(NbReviewItem) item = g_list_model_get_item (shown, i);

      if (g_str_equal (nb_review_item_get_display_name (item), name))
        return i;
    }
  g_assert_not_reached ();
}
