/* nb-table-view-layout.c — fonts, measuring and laying out the grids of NbTableView
 *
 * The view measures every label and value with Pango, gives each grid column and row
 * the widest (tallest) of its items, and wraps labels too wide for their slot. Values
 * share one layout per text and font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-table-view-private.h"

static PangoFontDescription *
derive_font (const PangoFontDescription *base,
             double                      scale,
             PangoWeight                 weight)
{
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size > 0 && scale != 1.0)
    {
      if (pango_font_description_get_size_is_absolute (base))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_font_description_set_weight (font, weight);
  return font;
}

static void
measure_label (NbTableView *self,
               Item        *item)
{
  int width = 0;

  if (item->layout != NULL)
    {
      pango_layout_set_font_description (item->layout, item->def->kind == NB_GRID_GROUP
                                                       ? self->group_font : self->label_font);
      pango_layout_set_width (item->layout, -1);
      pango_layout_get_size (item->layout, &width, NULL);
    }
  item->wrapped = FALSE;
  item->text_width = PANGO_PIXELS_CEIL (width);
}

/* Points @item at the shared layout of its text in its font; returns whether its
 * width changed. */
static gboolean
resolve_value_layout (NbTableView *self,
                      Item        *item)
{
  const PangoFontDescription *font = self->value_font;
  char variant = 'r';
  g_autofree char *key = NULL;
  ValueLayout *shared;
  int old_width = item->text_width;

  if (item->flags & NB_CELL_STATE_CORRECTED)
    font = self->corrected_font, variant = 'b';
  else if (item->flags & NB_CELL_STATE_INFERRED)
    font = self->inferred_font, variant = 'i';
  key = g_strdup_printf ("%c%s", variant, item->text);
  shared = g_hash_table_lookup (self->value_layouts, key);
  if (shared == NULL)
    {
      int width;

      shared = g_new0 (ValueLayout, 1);
      shared->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), item->text);
      pango_layout_set_font_description (shared->layout, font);
      pango_layout_set_attributes (shared->layout, self->value_attrs);
      pango_layout_get_size (shared->layout, &width, NULL);
      shared->width = PANGO_PIXELS_CEIL (width);
      g_hash_table_insert (self->value_layouts, g_steal_pointer (&key), shared);
    }
  item->layout = shared->layout;
  item->text_width = shared->width;
  return item->text_width != old_width;
}

void
_nb_table_view_free_value_layout (gpointer data)
{
  ValueLayout *shared = data;

  g_object_unref (shared->layout);
  g_free (shared);
}

void
_nb_table_view_clear_fonts (NbTableView *self)
{
  g_clear_pointer (&self->base_font, pango_font_description_free);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->group_font, pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->value_font, pango_font_description_free);
  g_clear_pointer (&self->inferred_font, pango_font_description_free);
  g_clear_pointer (&self->corrected_font, pango_font_description_free);
}

/* Derives the fonts from the widget's; returns whether they changed. */
gboolean
_nb_table_view_update_fonts (NbTableView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (context);
  g_autoptr(PangoLayout) probe = NULL;
  int width;

  if (self->base_font != NULL && base != NULL && pango_font_description_equal (base, self->base_font))
    return FALSE;

  _nb_table_view_clear_fonts (self);
  self->base_font = base ? pango_font_description_copy (base) : pango_font_description_new ();
  self->label_font = derive_font (self->base_font, 0.9, PANGO_WEIGHT_NORMAL);
  self->group_font = derive_font (self->base_font, 0.9, PANGO_WEIGHT_BOLD);
  self->title_font = derive_font (self->base_font, 1.1, PANGO_WEIGHT_BOLD);
  /* the labels' font, so that both share the fonts Pango loads */
  self->value_font = pango_font_description_copy (self->label_font);
  self->inferred_font = pango_font_description_copy (self->value_font);
  pango_font_description_set_style (self->inferred_font, PANGO_STYLE_ITALIC);
  self->corrected_font = derive_font (self->value_font, 1.0, PANGO_WEIGHT_BOLD);

  probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "国");
  pango_layout_set_font_description (probe, self->label_font);
  pango_layout_get_pixel_size (probe, &width, NULL);
  self->em = MAX (width, 8);

  g_hash_table_remove_all (self->value_layouts);
  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];

      if (table->title != NULL)
        {
          pango_layout_set_font_description (table->title, self->title_font);
          pango_layout_context_changed (table->title);
        }
      for (guint i = 0; i < table->grid->items->len; i++)
        {
          Item *item = &table->items[i];

          if (!_nb_table_view_is_label (item))
            resolve_value_layout (self, item);
          else if (item->layout != NULL)
            {
              pango_layout_context_changed (item->layout);
              measure_label (self, item);
            }
        }
    }
  self->layout_valid = FALSE;
  return TRUE;
}

static int
natural_width (NbTableView *self,
               const Item  *item)
{
  int width = item->text_width;

  switch (item->def->kind)
    {
    case NB_GRID_VALUE:
      return MAX (VALUE_MIN_WIDTH, width + 2 * VALUE_PAD_X);
    case NB_GRID_VERTICAL:
      return self->em + 2 * VERTICAL_PAD_X;
    case NB_GRID_HEADER:
    case NB_GRID_GROUP:
    default:
      if (item->def->wrap_em > 0)
        width = MIN (width, (int) (item->def->wrap_em * self->em));
      return width + 2 * LABEL_PAD_X;
    }
}

static int
natural_height (const Item *item)
{
  int height = 0;

  if (item->layout != NULL)
    pango_layout_get_pixel_size (item->layout, NULL, &height);
  if (item->def->kind == NB_GRID_VALUE)
    return MAX (VALUE_MIN_HEIGHT, height + 2 * VALUE_PAD_Y);
  return height + 2 * LABEL_PAD_Y;
}

/* Grows sizes[first … first + n) so that together they are at least @need. */
static void
distribute (int  *sizes,
            guint first,
            guint n,
            int   need)
{
  int have = 0;
  int extra;

  for (guint i = 0; i < n; i++)
    have += sizes[first + i];
  if (need <= have)
    return;
  extra = need - have;
  for (guint i = 0; i < n; i++)
    sizes[first + i] += extra / (int) n + ((int) i < extra % (int) n ? 1 : 0);
}

static void
layout_table (NbTableView *self,
              Table       *table,
              int          y)
{
  NbGridTable *grid = table->grid;
  g_autofree int *widths = g_new0 (int, grid->n_cols);
  g_autofree int *heights = g_new0 (int, grid->n_rows);
  guint max_span;
  int title_width = 0, title_height = 0;

  /* Column widths: the narrow items first, then those spanning columns share what they lack. */
  max_span = 1;
  for (guint i = 0; i < grid->items->len; i++)
    max_span = MAX (max_span, table->items[i].def->n_cols);
  for (guint span = 1; span <= max_span; span++)
    for (guint i = 0; i < grid->items->len; i++)
      if (table->items[i].def->n_cols == span)
        distribute (widths, table->items[i].def->col, span, natural_width (self, &table->items[i]));
  table->col_x[0] = 0;
  for (guint c = 0; c < grid->n_cols; c++)
    table->col_x[c + 1] = table->col_x[c] + widths[c];

  /* Labels wrap to their columns; then row heights, the same way. */
  max_span = 1;
  for (guint i = 0; i < grid->items->len; i++)
    {
      Item *item = &table->items[i];
      const NbGridItem *def = item->def;

      int avail;

      max_span = MAX (max_span, def->n_rows);
      if (item->layout == NULL || !_nb_table_view_is_label (item))
        continue;
      /* Only labels too wide for their slot are laid out again, wrapped. */
      avail = table->col_x[def->col + def->n_cols] - table->col_x[def->col] - 2 * LABEL_PAD_X;
      if (def->kind == NB_GRID_VERTICAL)
        avail = self->em;
      if (def->kind == NB_GRID_VERTICAL || item->text_width > avail)
        {
          pango_layout_set_width (item->layout, MAX (1, avail) * PANGO_SCALE);
          item->wrapped = TRUE;
        }
      else if (item->wrapped)
        {
          pango_layout_set_width (item->layout, -1);
          item->wrapped = FALSE;
        }
    }
  for (guint span = 1; span <= max_span; span++)
    for (guint i = 0; i < grid->items->len; i++)
      if (table->items[i].def->n_rows == span)
        distribute (heights, table->items[i].def->row, span, natural_height (&table->items[i]));
  table->row_y[0] = 0;
  for (guint r = 0; r < grid->n_rows; r++)
    table->row_y[r + 1] = table->row_y[r] + heights[r];

  if (table->title != NULL)
    pango_layout_get_pixel_size (table->title, &title_width, &title_height);
  y += TITLE_MARGIN_TOP;
  table->title_area = (GdkRectangle) { 0, y, title_width, title_height };
  y += title_height + TITLE_MARGIN_BOTTOM;
  table->area = (GdkRectangle) { 1, y + 1, table->col_x[grid->n_cols], table->row_y[grid->n_rows] };

  for (guint i = 0; i < grid->items->len; i++)
    {
      Item *item = &table->items[i];
      const NbGridItem *def = item->def;

      item->area.x = table->area.x + table->col_x[def->col];
      item->area.y = table->area.y + table->row_y[def->row];
      item->area.width = table->col_x[def->col + def->n_cols] - table->col_x[def->col];
      item->area.height = table->row_y[def->row + def->n_rows] - table->row_y[def->row];
    }
}

void
_nb_table_view_ensure_layout (NbTableView *self)
{
  int y = 0, width = 0;

  if (self->base_font == NULL)
    _nb_table_view_update_fonts (self);
  if (self->layout_valid)
    return;

  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];

      layout_table (self, table, y);
      width = MAX (width, MAX (table->title_area.width, table->area.width + 2));
      y = table->area.y + table->area.height + 1;
    }
  self->width = width;
  self->height = y;
  self->layout_valid = TRUE;
}

void
_nb_table_view_build_tables (NbTableView *self,
                             NbEdition    edition)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->base_font == NULL)
    _nb_table_view_update_fonts (self);

  self->grids = nb_grid_tables_new (edition);
  self->n_tables = self->grids->len;
  self->tables = g_new0 (Table, self->n_tables);
  g_array_set_size (self->cell_items, nb_report_get_n_cells (self->report));
  for (guint c = 0; c < self->cell_items->len; c++)
    g_array_index (self->cell_items, guint32, c) = NO_ITEM;

  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];
      NbGridTable *grid = g_ptr_array_index (self->grids, t);

      table->grid = grid;
      table->items = g_new0 (Item, grid->items->len);
      table->col_x = g_new0 (int, grid->n_cols + 1);
      table->row_y = g_new0 (int, grid->n_rows + 1);
      table->title = gtk_widget_create_pango_layout (widget, grid->title);
      pango_layout_set_font_description (table->title, self->title_font);

      for (guint i = 0; i < grid->items->len; i++)
        {
          Item *item = &table->items[i];

          item->def = &g_array_index (grid->items, NbGridItem, i);
          if (item->def->kind == NB_GRID_VALUE)
            {
              guint cell = item->def->cell;

              g_assert (cell < self->cell_items->len);
              g_array_index (self->cell_items, guint32, cell) = t << 16 | i;
              item->text = g_strdup ("");
              resolve_value_layout (self, item);
            }
          else if (item->def->label != NULL && *item->def->label != '\0')
            {
              item->layout = gtk_widget_create_pango_layout (widget, item->def->label);
              pango_layout_set_wrap (item->layout, item->def->kind == NB_GRID_VERTICAL
                                                   ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
              pango_layout_set_alignment (item->layout, item->def->xalign > 0.4 ? PANGO_ALIGN_CENTER
                                                                               : PANGO_ALIGN_LEFT);
              measure_label (self, item);
            }
        }
    }
}

/* Brings a value's text and look up to date; returns whether its size may have changed. */
gboolean
_nb_table_view_update_value (NbTableView *self,
                             Item        *item)
{
  NbCellState state;
  gboolean changed = FALSE;

  nb_cell_state_init (&state, self->report, item->def->cell);
  nb_cell_state_add_findings (&state, self->set_findings, item->def->cell);
  if ((state.flags ^ item->flags) & (NB_CELL_STATE_CORRECTED | NB_CELL_STATE_INFERRED))
    changed = TRUE;
  item->flags = state.flags;
  if (g_strcmp0 (state.text, item->text) != 0)
    {
      g_free (item->text);
      item->text = g_steal_pointer (&state.text);
      changed = TRUE;
    }
  nb_cell_state_clear (&state);
  return changed && resolve_value_layout (self, item);
}
