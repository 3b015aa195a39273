/* nb-table-view-navigation.c — the cursor of NbTableView: selection, keys, clicks and the pointer
 *
 * Arrow keys move to the nearest value in their direction, Tab in reading order across
 * the tables; past the last value the focus moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-table-view-private.h"

void
_nb_table_view_select_cell (NbTableView *self,
                            int          cell)
{
  if (self->cursor != cell)
    {
      Item *old = _nb_table_view_get_item (self, self->cursor, NULL);
      Item *new = _nb_table_view_get_item (self, cell, NULL);

      self->cursor = cell;
      if (old != NULL && old->accessible != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (old->accessible),
                                     GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
      if (new != NULL && new->accessible != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (new->accessible),
                                     GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
      _nb_table_view_update_accessible_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_signal_emit (self, _nb_table_view_signals[CELL_SELECTED], 0, (guint) cell);
}

void
_nb_table_view_grab_focus_quietly (NbTableView *self)
{
  self->grabbing = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->grabbing = FALSE;
}

static int
first_value (NbTableView *self,
             gboolean     last)
{
  for (guint k = 0; k < self->n_tables; k++)
    {
      Table *table = &self->tables[last ? self->n_tables - 1 - k : k];
      guint n = table->grid->items->len;

      for (guint j = 0; j < n; j++)
        {
          Item *item = &table->items[last ? n - 1 - j : j];

          if (!_nb_table_view_is_label (item))
            return item->def->cell;
        }
    }
  return -1;
}

/* The next (or previous) value in reading order, across tables; -1 at the end. */
int
_nb_table_view_next_value (NbTableView *self,
                           int          cell,
                           gboolean     backwards)
{
  guint32 ref;
  int t, i;

  if (_nb_table_view_get_item (self, cell, NULL) == NULL)
    return first_value (self, backwards);
  ref = g_array_index (self->cell_items, guint32, cell);
  t = ref >> 16;
  i = ref & 0xffff;
  for (;;)
    {
      i += backwards ? -1 : 1;
      while (i < 0 || i >= (int) self->tables[t].grid->items->len)
        {
          t += backwards ? -1 : 1;
          if (t < 0 || t >= (int) self->n_tables)
            return -1;
          i = backwards ? (int) self->tables[t].grid->items->len - 1 : 0;
        }
      if (!_nb_table_view_is_label (&self->tables[t].items[i]))
        return self->tables[t].items[i].def->cell;
    }
}

/* The nearest value in a direction: in the same row or column band if there is one. */
int
_nb_table_view_neighbour (NbTableView   *self,
                          int            cell,
                          MoveDirection  direction)
{
  Item *from = _nb_table_view_get_item (self, cell, NULL);
  const GdkRectangle *a;
  gboolean vertical = direction == MOVE_UP || direction == MOVE_DOWN;
  gint64 best_score = G_MAXINT64;
  int best = -1;
  int cx, cy;

  if (from == NULL)
    return first_value (self, FALSE);
  _nb_table_view_ensure_layout (self);
  a = &from->area;
  cx = a->x + a->width / 2;
  cy = a->y + a->height / 2;

  for (guint t = 0; t < self->n_tables; t++)
    for (guint i = 0; i < self->tables[t].grid->items->len; i++)
      {
        Item *item = &self->tables[t].items[i];
        const GdkRectangle *b = &item->area;
        gboolean in_band;
        int distance, offset;

        if (_nb_table_view_is_label (item) || item == from)
          continue;
        switch (direction)
          {
          case MOVE_LEFT:
            distance = a->x - (b->x + b->width);
            break;
          case MOVE_RIGHT:
            distance = b->x - (a->x + a->width);
            break;
          case MOVE_UP:
            distance = a->y - (b->y + b->height);
            break;
          case MOVE_DOWN:
          default:
            distance = b->y - (a->y + a->height);
            break;
          }
        if (distance < 0)
          continue;
        if (vertical)
          {
            in_band = b->x <= cx && cx < b->x + b->width;
            offset = ABS (b->x + b->width / 2 - cx);
          }
        else
          {
            in_band = b->y <= cy && cy < b->y + b->height;
            offset = ABS (b->y + b->height / 2 - cy);
          }
        /* Within the band the nearest wins; outside it, the nearest row (column) first. */
        {
          gint64 score = in_band ? distance : ((gint64) 1 << 32) + (gint64) distance * 4096 + offset;

          if (score < best_score)
            {
              best_score = score;
              best = item->def->cell;
            }
        }
      }
  return best;
}

gboolean
_nb_table_view_get_key_direction (guint          keyval,
                                  MoveDirection *direction)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      *direction = MOVE_LEFT;
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      *direction = MOVE_RIGHT;
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      *direction = MOVE_UP;
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      *direction = MOVE_DOWN;
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_nb_table_view_is_tab_key (guint keyval)
{
  return keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;
}

void
_nb_table_view_move_to (NbTableView *self,
                        int          cell)
{
  if (cell < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  _nb_table_view_select_cell (self, cell);
  nb_table_view_scroll_to_cell (self, cell);
}

void
_nb_table_view_click_pressed_cb (GtkGestureClick *gesture,
                                 int              n_press,
                                 double           x,
                                 double           y,
                                 NbTableView     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int cell = nb_table_view_cell_at (self, x, y);

  if (self->editing >= 0)
    {
      if (cell == self->editing)
        return;
      _nb_table_view_stop_editing (self, TRUE);
    }
  if (cell < 0)
    {
      /* a label: the keyboard comes here, the selection stays */
      _nb_table_view_grab_focus_quietly (self);
      return;
    }

  _nb_table_view_grab_focus_quietly (self);
  /* A selected cell that is clicked again still says it is selected. */
  _nb_table_view_select_cell (self, cell);

  if (button == GDK_BUTTON_SECONDARY)
    {
      _nb_table_view_show_menu (self, cell, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (n_press == 2)
    {
      _nb_table_view_start_editing (self, cell, NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

gboolean
_nb_table_view_key_pressed_cb (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               NbTableView           *self)
{
  int cell = self->cursor;
  MoveDirection direction;
  gunichar c;

  if (self->editing >= 0 || self->report == NULL)
    return FALSE;

  if (_nb_table_view_get_key_direction (keyval, &direction))
    {
      _nb_table_view_move_to (self, _nb_table_view_neighbour (self, cell, direction));
      return TRUE;
    }
  if (_nb_table_view_is_tab_key (keyval))
    {
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      cell = _nb_table_view_next_value (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
      if (cell < 0)
        return FALSE;  /* past the last cell, the focus moves on */
      _nb_table_view_move_to (self, cell);
      return TRUE;
    }

  if (cell < 0)
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
      keyval == GDK_KEY_F2)
    {
      _nb_table_view_start_editing (self, cell, NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      Item *item = _nb_table_view_get_item (self, cell, NULL);

      _nb_table_view_show_menu (self, cell, item->area.x + item->area.width / 2.0, item->area.y + item->area.height / 2.0);
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      _nb_table_view_start_editing (self, cell, "");
      return TRUE;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && (g_unichar_isdigit (c) || c == '.' || c == '-'))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      _nb_table_view_start_editing (self, cell, buf);
      return TRUE;
    }
  return FALSE;
}

/**
 * nb_table_view_take_focus:
 *
 * Gives the tables the keyboard, its cell on the first value (drawn as the focused
 * cell) but not selected: the text and the findings stay as they are, as when a
 * report opens.
 */
void
nb_table_view_take_focus (NbTableView *self)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (self->cursor < 0 && self->report != NULL)
    self->cursor = first_value (self, FALSE);
  _nb_table_view_grab_focus_quietly (self);
}

/* The first highlighted value in reading order, or -1 */
static int
first_highlighted (NbTableView *self)
{
  for (guint k = 0; k < self->n_tables; k++)
    for (guint j = 0; j < self->tables[k].grid->items->len; j++)
      {
        Item *item = &self->tables[k].items[j];

        if (item->highlighted && !_nb_table_view_is_label (item))
          return item->def->cell;
      }
  return -1;
}

void
_nb_table_view_focus_enter_cb (GtkEventControllerFocus *controller,
                               NbTableView             *self)
{
  int cell;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Coming in with the keyboard selects a cell, as a click does. */
  if (self->grabbing || self->editing >= 0 || self->report == NULL)
    return;
  /* on the finding's first cell when one is shown (F6 or Tab from the findings list) */
  cell = first_highlighted (self);
  if (cell < 0 || (self->cursor >= 0 && nb_table_view_cell_has_class (self, self->cursor, "nb-highlight")))
    cell = self->cursor >= 0 ? self->cursor : first_value (self, FALSE);
  if (cell >= 0)
    {
      _nb_table_view_select_cell (self, cell);
      nb_table_view_scroll_to_cell (self, cell);
    }
}

void
_nb_table_view_focus_leave_cb (GtkEventControllerFocus *controller,
                               NbTableView             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hover (NbTableView *self,
           int          cell)
{
  if (self->hover != cell)
    {
      self->hover = cell;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
_nb_table_view_motion_cb (GtkEventControllerMotion *controller,
                          double                    x,
                          double                    y,
                          NbTableView              *self)
{
  set_hover (self, nb_table_view_cell_at (self, x, y));
}

void
_nb_table_view_motion_leave_cb (GtkEventControllerMotion *controller,
                                NbTableView              *self)
{
  set_hover (self, -1);
}
