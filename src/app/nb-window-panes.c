/* nb-window-panes.c — F6 and Shift+F6: the keyboard from pane to pane
 *
 * The window's three panes, in their order on screen: the report's text, the findings
 * and the tables. F6 gives the keyboard to the next, Shift+F6 to the previous; from
 * elsewhere (the header bar) F6 goes to the text. GtkPaned's own F6 went to a pane's
 * first widget that takes the keyboard: a severity badge, the agency's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-window-private.h"

enum { PANE_TEXT, PANE_FINDINGS, PANE_TABLES, N_PANES };

static GtkWidget *
get_pane (NbWindow *self,
          int       pane)
{
  switch (pane)
    {
    case PANE_TEXT:
      return gtk_paned_get_start_child (self->side_paned);
    case PANE_FINDINGS:
      return gtk_paned_get_end_child (self->side_paned);
    default:
      return gtk_paned_get_end_child (self->paned);
    }
}

/* The widget of @pane that takes the keyboard; FALSE if it cannot (no findings). */
static gboolean
focus_pane (NbWindow *self,
            int       pane)
{
  switch (pane)
    {
    case PANE_TEXT:
      return gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
    case PANE_FINDINGS:
      return gtk_widget_get_mapped (GTK_WIDGET (self->findings_view)) &&
             g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0 &&
             gtk_widget_grab_focus (GTK_WIDGET (self->findings_view));
    default:
      return gtk_widget_grab_focus (GTK_WIDGET (self->table_view));
    }
}

static gboolean
next_pane_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = args != NULL && g_variant_get_boolean (args) ? N_PANES - 1 : 1;
  int pane = -1;

  if (self->report == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    return FALSE;
  for (int i = 0; focus != NULL && i < N_PANES; i++)
    if (focus == get_pane (self, i) || gtk_widget_is_ancestor (focus, get_pane (self, i)))
      pane = i;
  if (pane < 0)
    pane = step == 1 ? N_PANES - 1 : 0;  /* from elsewhere: to the text, or the tables */
  for (int i = 0; i < N_PANES - 1; i++)
    {
      pane = (pane + step) % N_PANES;
      if (focus_pane (self, pane))
        return TRUE;
    }
  return TRUE;
}

/* Takes F6 before the paneds, whose own F6 it replaces. */
void
nb_window_panes_init (NbWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutFunc func = next_pane_cb;

  gtk_event_controller_set_name (controller, "nb-pane-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_callback_action_new (func, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                                                                         gtk_callback_action_new (func, NULL, NULL),
                                                                         "b", TRUE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
