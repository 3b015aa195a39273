/* nb-table-view.c — the report's three tables, laid out like the template, editable in place
 *
 * One widget draws all three tables: their headings, labels and values are Pango layouts
 * placed on the grids that nb-table-grid.c describes, drawn with GtkSnapshot. There is no
 * widget per cell, so the ~400 labels and values of a report cost little at start-up.
 *
 * Clicks are hit-tested against the grids. A cursor (the selected cell) moves with the
 * arrow keys and Tab; Enter, F2, a double click or typing a digit edits the cursor's cell
 * in the view's one GtkText, placed over that cell. The view validates input with the core
 * (nb_report_parse_value) and emits ::cell-edited with the parsed value; the window applies
 * it and records undo. What a cell shows comes from nb_cell_state_init(), its tooltip
 * from nb_cell_dup_tooltip().
 *
 * Colours are the named colours of style.css (@define-color nb_error_bg …), looked up
 * again when the style changes; lines and shading are the widget's own colour at low
 * alpha. So a dark theme gets its own.
 *
 * The widget is split by concern, sharing nb-table-view-private.h: layout, drawing,
 * accessibility, navigation and editing each have their own file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "nb-accessible-cell.h"
#include "nb-table-view-private.h"

G_DEFINE_FINAL_TYPE (NbTableView, nb_table_view, GTK_TYPE_WIDGET)

guint _nb_table_view_signals[N_SIGNALS];

Item *
_nb_table_view_get_item (NbTableView *self,
                         int          cell,
                         Table      **table)
{
  guint32 ref;

  if (cell < 0 || (guint) cell >= self->cell_items->len)
    return NULL;
  ref = g_array_index (self->cell_items, guint32, cell);
  if (ref == NO_ITEM)
    return NULL;
  if (table != NULL)
    *table = &self->tables[ref >> 16];
  return &self->tables[ref >> 16].items[ref & 0xffff];
}

gboolean
_nb_table_view_is_label (const Item *item)
{
  return item->def->kind != NB_GRID_VALUE;
}

static void
clear_tables (NbTableView *self)
{
  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];

      for (guint i = 0; i < table->grid->items->len; i++)
        {
          if (_nb_table_view_is_label (&table->items[i]))
            g_clear_object (&table->items[i].layout);
          g_clear_pointer (&table->items[i].text, g_free);
        }
      g_clear_pointer (&table->accessible, gtk_widget_unparent);
      g_clear_object (&table->title);
      g_free (table->items);
      g_free (table->col_x);
      g_free (table->row_y);
    }
  g_clear_handle_id (&self->accessible_source, g_source_remove);
  g_clear_pointer (&self->tables, g_free);
  self->n_tables = 0;
  g_clear_pointer (&self->grids, g_ptr_array_unref);
  g_array_set_size (self->cell_items, 0);
  g_hash_table_remove_all (self->value_layouts);
  self->cursor = self->hover = -1;
  self->layout_valid = FALSE;
}

static Item *
item_at (NbTableView *self,
         double       x,
         double       y)
{
  _nb_table_view_ensure_layout (self);
  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];
      NbGridTable *grid = table->grid;
      double gx = x - table->area.x, gy = y - table->area.y;
      guint col = 0, row = 0;

      if (gx < 0 || gy < 0 || gx >= table->area.width || gy >= table->area.height)
        continue;
      while (col + 1 < grid->n_cols && table->col_x[col + 1] <= gx)
        col++;
      while (row + 1 < grid->n_rows && table->row_y[row + 1] <= gy)
        row++;
      for (guint i = 0; i < grid->items->len; i++)
        {
          const NbGridItem *def = table->items[i].def;

          if (def->col <= col && col < def->col + def->n_cols && def->row <= row && row < def->row + def->n_rows)
            return &table->items[i];
        }
      return NULL;
    }
  return NULL;
}

static GtkSizeRequestMode
nb_table_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
nb_table_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  NbTableView *self = NB_TABLE_VIEW (widget);

  _nb_table_view_ensure_layout (self);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

static void
nb_table_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  Item *item;

  if (self->editor != NULL && (item = _nb_table_view_get_item (self, self->editing, NULL)) != NULL)
    {
      GdkRectangle r = item->area;
      int min_height, min_width;

      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      r.x += 2;
      r.width = MAX (min_width, r.width - 4);
      r.height = MAX (min_height, r.height - 4);
      r.y = item->area.y + (item->area.height - r.height) / 2;
      gtk_widget_size_allocate (self->editor, &r, -1);
    }
  _nb_table_view_ensure_layout (self);
  _nb_table_view_allocate_accessible (self);
  if (self->hint != NULL && gtk_widget_get_visible (self->hint))
    gtk_popover_present (GTK_POPOVER (self->hint));
  if (self->menu != NULL && gtk_widget_get_visible (self->menu))
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
nb_table_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  gboolean focused = gtk_widget_has_focus (widget);

  _nb_table_view_ensure_layout (self);
  _nb_table_view_ensure_colours (self);
  for (guint t = 0; t < self->n_tables; t++)
    _nb_table_view_draw_table (self, snapshot, &self->tables[t], focused);
  if (self->editing >= 0)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static gboolean
nb_table_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  NbTableView *self = NB_TABLE_VIEW (widget);
  Item *item = keyboard ? _nb_table_view_get_item (self, self->cursor, NULL) : item_at (self, x, y);
  g_autofree char *text = NULL;

  if (item == NULL || self->report == NULL)
    return FALSE;
  if (_nb_table_view_is_label (item))
    text = g_strdup (item->def->tooltip);
  else
    text = nb_cell_dup_tooltip (self->report, item->def->cell);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &item->area);
  return TRUE;
}

static void
nb_table_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  NbTableView *self = NB_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (nb_table_view_parent_class)->css_changed (widget, change);
  self->colours_valid = FALSE;
  g_clear_object (&self->error_icon);
  g_clear_object (&self->warning_icon);
  if (self->base_font != NULL && _nb_table_view_update_fonts (self))
    gtk_widget_queue_resize (widget);
  gtk_widget_queue_draw (widget);
}

static void
nb_table_view_dispose (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_handle_id (&self->stop_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->hint, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->error_icon);
  g_clear_object (&self->warning_icon);
  clear_tables (self);
  g_clear_object (&self->report);
  g_clear_object (&self->set_findings);

  G_OBJECT_CLASS (nb_table_view_parent_class)->dispose (object);
}

static void
nb_table_view_finalize (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_pointer (&self->cell_items, g_array_unref);
  g_clear_pointer (&self->value_layouts, g_hash_table_unref);
  g_clear_pointer (&self->value_attrs, pango_attr_list_unref);
  _nb_table_view_clear_fonts (self);

  G_OBJECT_CLASS (nb_table_view_parent_class)->finalize (object);
}

static void
nb_table_view_class_init (NbTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_view_dispose;
  object_class->finalize = nb_table_view_finalize;
  widget_class->get_request_mode = nb_table_view_get_request_mode;
  widget_class->measure = nb_table_view_measure;
  widget_class->size_allocate = nb_table_view_size_allocate;
  widget_class->snapshot = nb_table_view_snapshot;
  widget_class->query_tooltip = nb_table_view_query_tooltip;
  widget_class->css_changed = nb_table_view_css_changed;

  /**
   * NbTableView::cell-selected:
   * @cell: the cell's index
   *
   * The user clicked a cell, or moved to it with the keyboard.
   */
  _nb_table_view_signals[CELL_SELECTED] =
    g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbTableView::cell-edited:
   * @cell: the cell's index
   * @has_value: %FALSE when the user cleared the cell
   * @value: the new value, already validated by the core
   */
  _nb_table_view_signals[CELL_EDITED] =
    g_signal_new ("cell-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_BOOLEAN, G_TYPE_DOUBLE);

  /**
   * NbTableView::cell-preview:
   * @cell: the cell being edited
   * @active: %TRUE for input to check as it is typed; %FALSE when the editor closes,
   *   to withdraw it (a commit then follows as ::cell-edited)
   * @has_value: %FALSE for an empty input
   * @value: the input, validated by the core
   */
  _nb_table_view_signals[CELL_PREVIEW] =
    g_signal_new ("cell-preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_BOOLEAN, G_TYPE_BOOLEAN,
                  G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "nbtableview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
nb_table_view_init (NbTableView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkEventController *controller;

  self->cell_items = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->value_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _nb_table_view_free_value_layout);
  self->cursor = self->hover = self->editing = -1;
  self->value_attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->value_attrs, pango_attr_font_features_new ("tnum"));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_widget_set_valign (widget, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Report tables"), -1);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "nb-table-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (_nb_table_view_click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "nb-table-keys");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (_nb_table_view_key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (_nb_table_view_focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (_nb_table_view_focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (_nb_table_view_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (_nb_table_view_motion_leave_cb), self);
  gtk_widget_add_controller (widget, controller);
}

/* ---------------------------------------------------------------------------------- */

GtkWidget *
nb_table_view_new (void)
{
  return g_object_new (NB_TYPE_TABLE_VIEW, NULL);
}

void
nb_table_view_set_report (NbTableView *self,
                          NbReport    *report)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  _nb_table_view_stop_editing (self, FALSE);
  clear_tables (self);
  g_set_object (&self->report, report);
  if (report != NULL)
    {
      _nb_table_view_build_tables (self, nb_report_get_edition (report));
      nb_table_view_refresh (self);
      self->accessible_source = g_idle_add_full (G_PRIORITY_LOW, _nb_table_view_build_accessible_cb, self, NULL);
    }
  _nb_table_view_update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * nb_table_view_set_set_findings:
 * @findings: (nullable): a review set's findings about the report, NbFinding
 *
 * Marks the cells @findings name as the report's own findings mark theirs, from
 * the next nb_table_view_refresh () (or nb_table_view_set_report ()) on.
 */
void
nb_table_view_set_set_findings (NbTableView *self,
                                GListModel  *findings)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  g_set_object (&self->set_findings, findings);
}

/* Shows the report's values and their states again, after an edit or a re-check. */
void
nb_table_view_refresh (NbTableView *self)
{
  gboolean resized = FALSE;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (self->report == NULL)
    return;
  for (guint t = 0; t < self->n_tables; t++)
    for (guint i = 0; i < self->tables[t].grid->items->len; i++)
      {
        Item *item = &self->tables[t].items[i];

        if (_nb_table_view_is_label (item))
          continue;
        resized |= _nb_table_view_update_value (self, item);
        if (item->accessible != NULL)
          _nb_table_view_update_value_accessible (self, item);
      }
  if (resized)
    {
      self->layout_valid = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  _nb_table_view_update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
nb_table_view_highlight_cells (NbTableView *self,
                               const guint *cells,
                               guint        n_cells)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  for (guint t = 0; t < self->n_tables; t++)
    for (guint i = 0; i < self->tables[t].grid->items->len; i++)
      self->tables[t].items[i].highlighted = FALSE;
  for (guint i = 0; i < n_cells; i++)
    {
      Item *item = _nb_table_view_get_item (self, cells[i], NULL);

      if (item != NULL)
        item->highlighted = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
nb_table_view_scroll_to_cell (NbTableView *self,
                              guint        cell)
{
  nb_table_view_scroll_to_cells (self, &cell, 1);
}

/* Scrolls so that as many of @cells as the page holds show, from the topmost: a
 * finding's rows all come into view, not only its first cell. */
void
nb_table_view_scroll_to_cells (NbTableView *self,
                               const guint *cells,
                               guint        n_cells)
{
  GtkWidget *scrolled;
  GtkWidget *child;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0), area;
  gboolean any = FALSE;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;
  _nb_table_view_ensure_layout (self);
  /* the viewport's child: its coordinates are the page's, wherever it is scrolled to (the
   * viewport's own move with the scrolling) */
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  for (guint i = 0; i < n_cells; i++)
    {
      Item *item = _nb_table_view_get_item (self, cells[i], NULL);

      if (item == NULL)
        continue;
      graphene_rect_init (&area, item->area.x, item->area.y, item->area.width, item->area.height);
      if (any)
        graphene_rect_union (&bounds, &area, &bounds);
      else
        bounds = area;
      any = TRUE;
    }
  if (!any || child == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), child, &bounds.origin, &bounds.origin))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             bounds.origin.y - SCROLL_MARGIN,
                             bounds.origin.y + bounds.size.height + SCROLL_MARGIN);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             bounds.origin.x - SCROLL_MARGIN,
                             bounds.origin.x + bounds.size.width + SCROLL_MARGIN);
}

/* Selects @cell and gives it the keyboard, as clicking it does. */
void
nb_table_view_focus_cell (NbTableView *self,
                          guint        cell)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (_nb_table_view_get_item (self, cell, NULL) == NULL)
    return;
  _nb_table_view_stop_editing (self, TRUE);
  _nb_table_view_grab_focus_quietly (self);
  _nb_table_view_select_cell (self, cell);
  nb_table_view_scroll_to_cell (self, cell);
}

/* The cell under the cursor keys, or -1. */
int
nb_table_view_get_selected_cell (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), -1);
  return self->cursor;
}

/* The cell in the editor, or -1. */
int
nb_table_view_get_editing_cell (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), -1);
  return self->editing;
}

/**
 * nb_table_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the view's GtkText, once a cell has been edited
 */
GtkWidget *
nb_table_view_get_editor (NbTableView *self)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return self->editor;
}

/* The value cell at a point of the view, or -1 (a label, or no table). */
int
nb_table_view_cell_at (NbTableView *self,
                       double       x,
                       double       y)
{
  Item *item;

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), -1);
  item = item_at (self, x, y);
  return item != NULL && !_nb_table_view_is_label (item) ? item->def->cell : -1;
}

/* Where @cell is drawn, in the view's coordinates. */
gboolean
nb_table_view_get_cell_area (NbTableView  *self,
                             guint         cell,
                             GdkRectangle *area)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  if (item == NULL)
    return FALSE;
  _nb_table_view_ensure_layout (self);
  *area = item->area;
  return TRUE;
}

/**
 * nb_table_view_get_cell_accessible:
 *
 * Returns: (transfer none) (nullable): the widget that stands for @cell in the
 *   accessibility tree, or %NULL until it is built, an idle moment after the report is set.
 */
GtkWidget *
nb_table_view_get_cell_accessible (NbTableView *self,
                                   guint        cell)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return item ? item->accessible : NULL;
}

const char *
nb_table_view_get_cell_text (NbTableView *self,
                             guint        cell)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return item ? item->text : NULL;
}

/* Whether @cell shows as the stylesheet's class (nb-error, nb-inferred …, nb-highlight,
 * nb-editing, nb-invalid) would. */
gboolean
nb_table_view_cell_has_class (NbTableView *self,
                              guint        cell,
                              const char  *css_class)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  if (item == NULL)
    return FALSE;
  if (strcmp (css_class, "nb-highlight") == 0)
    return item->highlighted;
  if (strcmp (css_class, "nb-editing") == 0)
    return self->editing == (int) cell;
  if (strcmp (css_class, "nb-invalid") == 0)
    return self->editing == (int) cell && self->invalid;
  for (guint bit = 0; bit < NB_CELL_STATE_N_CLASSES; bit++)
    if (strcmp (css_class, nb_cell_state_class_name (bit)) == 0)
      return (item->flags & (1u << bit)) != 0;
  return FALSE;
}

/* Types @input into @cell's editor and presses Enter, as a user would.
 * Returns whether the input was accepted; refused input leaves the editor open. */
gboolean
nb_table_view_enter_text (NbTableView *self,
                          guint        cell,
                          const char  *input)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);

  _nb_table_view_start_editing (self, cell, NULL);
  if (self->editing != (int) cell)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->editor), input);
  g_signal_emit_by_name (self->editor, "activate");
  return self->editing < 0;
}

/* Starts editing @cell, as a double click or Enter does. */
void
nb_table_view_start_editing (NbTableView *self,
                             guint        cell)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  nb_table_view_scroll_to_cell (self, cell);
  _nb_table_view_start_editing (self, cell, NULL);
}

/* The icon drawn in @cell's corner beside its colour (an error, a warning), or %NULL. */
const char *
nb_table_view_get_cell_icon_name (NbTableView *self,
                                  guint        cell)
{
  Item *item = _nb_table_view_get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return item ? _nb_table_view_state_icon_name (item->flags) : NULL;
}
