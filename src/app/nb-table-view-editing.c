/* nb-table-view-editing.c — editing a cell of NbTableView in place
 *
 * Enter, F2, a double click or typing a digit edits the cursor's cell in the view's one
 * GtkText, placed over that cell. Input is validated with the core (nb_report_parse_value);
 * the view emits ::cell-edited with the parsed value. While the user types, a pause of
 * PREVIEW_DELAY_MS emits ::cell-preview, so that the checks run as you type; closing the
 * editor withdraws the preview. The context menu offers the edits too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-view-private.h"

#define PREVIEW_DELAY_MS 300

static const char *
hint_for_kind (NbCellKind kind)
{
  switch (kind)
    {
    case NB_CELL_AMOUNT:
      return _("Enter an amount of zero or more, such as 12.5, or nothing to clear the cell");
    case NB_CELL_SIGNED:
      return _("Enter a whole number, such as 3 or -2, or nothing to clear the cell");
    case NB_CELL_UNIT:
      return _("Enter the unit as printed");
    case NB_CELL_COUNT:
    default:
      return _("Enter a whole number of zero or more, or nothing to clear the cell");
    }
}

static gboolean
parse_input (NbTableView *self,
             const char  *input,
             gboolean    *has_value,
             double      *value)
{
  if (self->report == NULL || self->editing < 0)
    return FALSE;
  return nb_report_parse_value (self->report, self->editing, input, has_value, value);
}

static void
show_hint (NbTableView *self,
           gboolean     show)
{
  Item *item = _nb_table_view_get_item (self, self->editing, NULL);
  const char *hint;

  if (!show || item == NULL)
    {
      if (self->hint != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->hint));
      if (self->editor != NULL)
        gtk_widget_set_tooltip_text (self->editor, NULL);
      return;
    }

  hint = hint_for_kind (nb_schema_get_cell (nb_report_get_edition (self->report), self->editing)->kind);
  if (self->hint == NULL)
    {
      self->hint = gtk_popover_new ();
      self->hint_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->hint_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (self->hint_label), 36);
      gtk_popover_set_child (GTK_POPOVER (self->hint), self->hint_label);
      gtk_popover_set_autohide (GTK_POPOVER (self->hint), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->hint), GTK_POS_BOTTOM);
      gtk_widget_set_can_focus (self->hint, FALSE);
      gtk_widget_set_can_target (self->hint, FALSE);
      gtk_widget_add_css_class (self->hint, "nb-hint");
      gtk_widget_set_parent (self->hint, GTK_WIDGET (self));
    }
  gtk_label_set_text (GTK_LABEL (self->hint_label), hint);
  gtk_widget_set_tooltip_text (self->editor, hint);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->hint), &item->area);
  gtk_popover_popup (GTK_POPOVER (self->hint));
}

static void
set_invalid (NbTableView *self,
             gboolean     invalid)
{
  if (self->invalid != invalid)
    {
      self->invalid = invalid;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  show_hint (self, invalid);
}

/* The input so far, for the report to check while the editor stays open. */
static gboolean
preview_cb (gpointer data)
{
  NbTableView *self = data;
  gboolean has_value;
  double value;

  self->preview_source = 0;
  if (self->editing >= 0 &&
      parse_input (self, gtk_editable_get_text (GTK_EDITABLE (self->editor)), &has_value, &value))
    {
      self->previewed = TRUE;
      g_signal_emit (self, _nb_table_view_signals[CELL_PREVIEW], 0, (guint) self->editing, TRUE,
                     has_value, value);
    }
  return G_SOURCE_REMOVE;
}

static void
editor_changed_cb (GtkEditable *editable,
                   NbTableView *self)
{
  gboolean has_value;
  double value;

  gboolean valid;

  if (self->editing < 0)
    return;
  valid = parse_input (self, gtk_editable_get_text (editable), &has_value, &value);
  set_invalid (self, !valid);
  /* the checks run again once the typing pauses */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (valid)
    self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
}

/* Commits the editor's input; returns FALSE, keeping the editor open, when it is refused. */
static gboolean
commit_editor (NbTableView *self)
{
  const char *input = gtk_editable_get_text (GTK_EDITABLE (self->editor));
  gboolean has_value;
  double value;
  guint cell = self->editing;

  if (!parse_input (self, input, &has_value, &value))
    {
      set_invalid (self, TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  _nb_table_view_stop_editing (self, FALSE);
  g_signal_emit (self, _nb_table_view_signals[CELL_EDITED], 0, cell, has_value, value);
  return TRUE;
}

static void
editor_activate_cb (GtkText     *text,
                    NbTableView *self)
{
  if (self->editing >= 0)
    commit_editor (self);
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       NbTableView           *self)
{
  int cell = self->editing;
  MoveDirection direction;
  int target;

  if (cell < 0)
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      _nb_table_view_stop_editing (self, FALSE);
      return TRUE;
    }
  /* Left and Right move within the text; Up, Down and Tab move on. */
  if (_nb_table_view_is_tab_key (keyval))
    target = _nb_table_view_next_value (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
  else if (_nb_table_view_get_key_direction (keyval, &direction) && (direction == MOVE_UP || direction == MOVE_DOWN))
    target = _nb_table_view_neighbour (self, cell, direction);
  else
    return FALSE;
  /* Moving on commits, as in a spreadsheet; refused input keeps the editor open. */
  if (commit_editor (self) && target >= 0)
    _nb_table_view_move_to (self, target);
  return TRUE;
}

static gboolean
stop_later_cb (gpointer data)
{
  NbTableView *self = data;

  self->stop_source = 0;
  _nb_table_view_stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       NbTableView             *self)
{
  /* Leaving the editor commits valid input and drops refused input; from an idle, as
   * the editor is handling its own focus change. */
  if (self->editing >= 0 && self->stop_source == 0)
    self->stop_source = g_idle_add_full (G_PRIORITY_DEFAULT, stop_later_cb,
                                         g_object_ref (self), g_object_unref);
}

static void
ensure_editor (NbTableView *self)
{
  GtkEventController *controller;

  if (self->editor != NULL)
    return;

  self->editor = gtk_text_new ();
  gtk_widget_add_css_class (self->editor, "nb-cell-editor");
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 1);
  gtk_widget_set_child_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));

  g_signal_connect (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
  g_signal_connect (self->editor, "activate", G_CALLBACK (editor_activate_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "nb-editor-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);
}

void
_nb_table_view_start_editing (NbTableView *self,
                              int          cell,
                              const char  *initial)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  if (self->report == NULL || item == NULL)
    return;
  if (self->editing == cell)
    {
      gtk_widget_grab_focus (self->editor);
      return;
    }
  if (self->editing >= 0)
    _nb_table_view_stop_editing (self, TRUE);
  if (self->cursor != cell)
    _nb_table_view_select_cell (self, cell);

  ensure_editor (self);
  self->editing = cell;
  self->invalid = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->editor), initial ? initial : item->text);
  gtk_widget_set_child_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  if (initial != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
}

/* Closes the editor; with @commit, applies valid changed input and drops refused input. */
void
_nb_table_view_stop_editing (NbTableView *self,
                             gboolean     commit)
{
  g_autofree char *input = NULL;
  Item *item;
  int cell = self->editing;

  if (cell < 0)
    return;
  g_clear_handle_id (&self->stop_source, g_source_remove);
  item = _nb_table_view_get_item (self, cell, NULL);
  input = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));

  show_hint (self, FALSE);
  /* the report goes back to the value before the editor opened; committing then applies
   * the input as one edit */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->previewed)
    {
      self->previewed = FALSE;
      g_signal_emit (self, _nb_table_view_signals[CELL_PREVIEW], 0, (guint) cell, FALSE, FALSE, 0.0);
    }
  self->editing = -1;
  self->invalid = FALSE;
  if (gtk_widget_is_focus (self->editor))
    _nb_table_view_grab_focus_quietly (self);
  gtk_widget_set_child_visible (self->editor, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (commit && item != NULL && g_strcmp0 (input, item->text) != 0)
    {
      gboolean has_value;
      double value;

      if (nb_report_parse_value (self->report, cell, input, &has_value, &value))
        g_signal_emit (self, _nb_table_view_signals[CELL_EDITED], 0, (guint) cell, has_value, value);
    }
}

void
_nb_table_view_show_menu (NbTableView *self,
                          int          cell,
                          double       x,
                          double       y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  NbReport *report = self->report;
  gboolean had_value;
  double original;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (report == NULL)
    return;

  item = g_menu_item_new (_("_Edit Value"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.edit-cell", g_variant_new_uint32 (cell));
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (nb_report_can_accept (report, cell))
    {
      item = g_menu_item_new (_("_Accept Inferred Value"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.accept-inferred", g_variant_new_uint32 (cell));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  if (nb_report_get_corrected (report, cell, &had_value, &original))
    {
      item = g_menu_item_new (_("_Restore Original Value"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.restore-cell", g_variant_new_uint32 (cell));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}
