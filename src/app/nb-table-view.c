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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "nb-accessible-cell.h"
#include "nb-table-grid.h"
#include "nb-table-view.h"
#include "nb-view-logic.h"

#define VALUE_MIN_WIDTH     44
#define VALUE_MIN_HEIGHT    28
#define VALUE_PAD_X          6
#define VALUE_PAD_Y          2
#define LABEL_PAD_X          6
#define LABEL_PAD_Y          3
#define VERTICAL_PAD_X       2
#define TITLE_MARGIN_TOP    18
#define TITLE_MARGIN_BOTTOM  6
#define FRAME_RADIUS         6
#define SCROLL_MARGIN       24
#define MARK_SIZE            7
#define NO_ITEM             G_MAXUINT32

typedef struct
{
  const NbGridItem *def;
  PangoLayout      *layout;       /* labels: owned, NULL for none; values: shared */
  char             *text;         /* values: as shown, "" when there is none */
  NbCellStateFlags  flags;        /* values */
  gboolean          highlighted;
  gboolean          wrapped;      /* labels: laid out to their slot's width */
  int               text_width;   /* unwrapped, in pixels */
  GdkRectangle      area;         /* in the view's coordinates */
  GtkWidget        *accessible;   /* NbAccessibleCell, owned by the table's; or NULL */
} Item;

/* Values repeat ("0" fills most tables): one layout serves every cell showing the same
 * text in the same font. */
typedef struct
{
  PangoLayout *layout;
  int          width;
} ValueLayout;

typedef struct
{
  NbGridTable  *grid;           /* unowned: in self->grids */
  Item         *items;
  PangoLayout  *title;
  int          *col_x;          /* n_cols + 1 edges, from the grid's left */
  int          *row_y;          /* n_rows + 1 edges, from the grid's top */
  GdkRectangle  title_area;
  GdkRectangle  area;           /* the grid, inside the table's frame */
  GtkWidget    *accessible;     /* NbAccessibleCell for the whole table, a child; or NULL */
} Table;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA error_bg;
  GdkRGBA error_fg;
  GdkRGBA error_border;
  GdkRGBA warning_bg;
  GdkRGBA warning_border;
  GdkRGBA info_bg;
  GdkRGBA inferred_fg;
  GdkRGBA corrected_fg;
  GdkRGBA highlight_bg;
  GdkRGBA accent;
  GdkRGBA view_bg;
} Colours;

typedef enum
{
  MOVE_LEFT,
  MOVE_RIGHT,
  MOVE_UP,
  MOVE_DOWN,
} MoveDirection;

struct _NbTableView
{
  GtkWidget             parent_instance;

  NbReport             *report;
  GPtrArray            *grids;          /* NbGridTable */
  Table                *tables;
  guint                 n_tables;
  GArray               *cell_items;     /* guint32 per cell: table << 16 | item, or NO_ITEM */
  GHashTable           *value_layouts;  /* font and text → ValueLayout */

  int                   cursor;         /* the selected cell, or -1 */
  int                   hover;          /* the cell under the pointer, or -1 */
  int                   editing;        /* the cell in the editor, or -1 */
  gboolean              invalid;        /* the editor holds input the cell refuses */
  gboolean              grabbing;       /* grabbing focus for a selection made already */
  guint                 stop_source;
  guint                 accessible_source;  /* builds the accessible cells after the first frame */

  GtkWidget            *editor;         /* GtkText over the cell being edited; on first use */
  GtkWidget            *hint;           /* GtkPopover saying what the cell takes; on first use */
  GtkWidget            *hint_label;
  GtkWidget            *menu;           /* GtkPopoverMenu; on first use */

  PangoFontDescription *base_font;      /* the widget's font, the others derive from it */
  PangoFontDescription *label_font;
  PangoFontDescription *group_font;
  PangoFontDescription *title_font;
  PangoFontDescription *value_font;
  PangoFontDescription *inferred_font;
  PangoFontDescription *corrected_font;
  PangoAttrList        *value_attrs;    /* tabular figures */
  int                   em;             /* one Chinese character of the label font */
  gboolean              layout_valid;
  int                   width;
  int                   height;

  Colours               colours;
  gboolean              colours_valid;
};

G_DEFINE_FINAL_TYPE (NbTableView, nb_table_view, GTK_TYPE_WIDGET)

enum {
  CELL_SELECTED,
  CELL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void stop_editing (NbTableView *self, gboolean commit);

/* ---------------------------------------------------------------------------------- */
/* Items                                                                               */

static Item *
get_item (NbTableView *self,
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

static gboolean
is_label (const Item *item)
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
          if (is_label (&table->items[i]))
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

/* ---------------------------------------------------------------------------------- */
/* Fonts and measuring                                                                 */

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

static void
free_value_layout (gpointer data)
{
  ValueLayout *shared = data;

  g_object_unref (shared->layout);
  g_free (shared);
}

/* Derives the fonts from the widget's; returns whether they changed. */
static gboolean
update_fonts (NbTableView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (context);
  g_autoptr(PangoLayout) probe = NULL;
  int width;

  if (self->base_font != NULL && base != NULL && pango_font_description_equal (base, self->base_font))
    return FALSE;

  g_clear_pointer (&self->base_font, pango_font_description_free);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->group_font, pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->value_font, pango_font_description_free);
  g_clear_pointer (&self->inferred_font, pango_font_description_free);
  g_clear_pointer (&self->corrected_font, pango_font_description_free);

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

          if (!is_label (item))
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
      if (item->layout == NULL || !is_label (item))
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

static void
ensure_layout (NbTableView *self)
{
  int y = 0, width = 0;

  if (self->base_font == NULL)
    update_fonts (self);
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

/* ---------------------------------------------------------------------------------- */
/* Building from a report                                                              */

static void
build_tables (NbTableView *self,
              NbEdition    edition)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->base_font == NULL)
    update_fonts (self);

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
static gboolean
update_value (NbTableView *self,
              Item        *item)
{
  NbCellState state;
  gboolean changed = FALSE;

  nb_cell_state_init (&state, self->report, item->def->cell);
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

/* ---------------------------------------------------------------------------------- */
/* Colours and drawing                                                                 */

static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               const char      *fallback,
               GdkRGBA         *rgba)
{
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

static void
ensure_colours (NbTableView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  Colours *c = &self->colours;

  if (self->colours_valid)
    return;
  gtk_style_context_get_color (context, &c->fg);
  lookup_colour (context, "nb_error_bg", "rgba(224,27,36,0.22)", &c->error_bg);
  lookup_colour (context, "nb_error_fg", "#e01b24", &c->error_fg);
  lookup_colour (context, "nb_error_border", "rgba(224,27,36,0.85)", &c->error_border);
  lookup_colour (context, "nb_warning_bg", "rgba(245,194,17,0.30)", &c->warning_bg);
  lookup_colour (context, "nb_warning_border", "rgba(229,165,10,0.9)", &c->warning_border);
  lookup_colour (context, "nb_info_bg", "rgba(53,132,228,0.16)", &c->info_bg);
  lookup_colour (context, "nb_inferred_fg", "#3584e4", &c->inferred_fg);
  lookup_colour (context, "nb_corrected_fg", "#2ec27e", &c->corrected_fg);
  lookup_colour (context, "nb_highlight_bg", "rgba(53,132,228,0.35)", &c->highlight_bg);
  lookup_colour (context, "nb_accent", "#3584e4", &c->accent);
  if (!gtk_style_context_lookup_color (context, "nb_view_bg", &c->view_bg))
    c->view_bg = (GdkRGBA) { 1 - c->fg.red, 1 - c->fg.green, 1 - c->fg.blue, 1 };
  self->colours_valid = TRUE;
}

static GdkRGBA
fade (const GdkRGBA *colour,
      float          alpha)
{
  GdkRGBA faded = *colour;

  faded.alpha *= alpha;
  return faded;
}

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *colour,
      int            x,
      int            y,
      int            width,
      int            height)
{
  if (width > 0 && height > 0)
    gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/* An inset frame, drawn as four rectangles (one kind of render node for the whole view). */
static void
frame (GtkSnapshot        *snapshot,
       const GdkRGBA      *colour,
       const GdkRectangle *r,
       int                 w)
{
  fill (snapshot, colour, r->x, r->y, r->width, w);
  fill (snapshot, colour, r->x, r->y + r->height - w, r->width, w);
  fill (snapshot, colour, r->x, r->y + w, w, r->height - 2 * w);
  fill (snapshot, colour, r->x + r->width - w, r->y + w, w, r->height - 2 * w);
}

/* A triangle in the top right corner, one row at a time. */
static void
corner_mark (GtkSnapshot        *snapshot,
             const GdkRGBA      *colour,
             const GdkRectangle *r,
             int                 size)
{
  for (int i = 0; i < size; i++)
    fill (snapshot, colour, r->x + r->width - size + i, r->y + i, size - i, 1);
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *colour,
             int            x,
             int            y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
draw_value (NbTableView *self,
            GtkSnapshot *snapshot,
            const Item  *item,
            gboolean     focused)
{
  const Colours *c = &self->colours;
  const GdkRectangle *r = &item->area;
  NbCellStateFlags flags = item->flags;
  int cell = item->def->cell;
  gboolean editing = cell == self->editing;
  const GdkRGBA *bg = NULL;

  /* Later states win, as later rules did in the stylesheet. */
  if (flags & NB_CELL_STATE_ERROR)
    bg = &c->error_bg;
  else if (flags & NB_CELL_STATE_WARNING)
    bg = &c->warning_bg;
  else if (flags & NB_CELL_STATE_INFO)
    bg = &c->info_bg;
  if (item->highlighted)
    bg = &c->highlight_bg;
  if (editing)
    bg = self->invalid ? &c->error_bg : &c->view_bg;
  if (bg != NULL)
    fill (snapshot, bg, r->x, r->y, r->width, r->height);
  if (cell == self->hover && !editing)
    {
      GdkRGBA hover = fade (&c->fg, 0.05);

      fill (snapshot, &hover, r->x, r->y, r->width, r->height);
    }

  if (flags & NB_CELL_STATE_ERROR)
    fill (snapshot, &c->error_border, r->x, r->y + r->height - 2, r->width, 2);
  else if (flags & NB_CELL_STATE_WARNING)
    fill (snapshot, &c->warning_border, r->x, r->y + r->height - 2, r->width, 2);
  if (flags & NB_CELL_STATE_MISSING)
    {
      GdkRGBA line = fade (&c->fg, 0.25), mark = fade (&c->fg, 0.45);

      frame (snapshot, &line, r, 1);
      corner_mark (snapshot, &mark, r, MARK_SIZE);
    }
  if (flags & NB_CELL_STATE_INFERRED)
    corner_mark (snapshot, &c->inferred_fg, r, MARK_SIZE);
  if (flags & (NB_CELL_STATE_CORRECTED | NB_CELL_STATE_ACCEPTED))
    corner_mark (snapshot, &c->corrected_fg, r, MARK_SIZE + 1);

  if (editing)
    frame (snapshot, self->invalid ? &c->error_fg : &c->accent, r, 2);
  else if (item->highlighted || (focused && cell == self->cursor))
    frame (snapshot, &c->accent, r, 2);

  if (!editing && item->text[0] != '\0')
    {
      int height;

      pango_layout_get_pixel_size (item->layout, NULL, &height);
      draw_layout (snapshot, item->layout,
                   flags & (NB_CELL_STATE_INFERRED | NB_CELL_STATE_ACCEPTED) ? &c->inferred_fg : &c->fg,
                   r->x + r->width - VALUE_PAD_X - item->text_width, r->y + (r->height - height) / 2);
    }
}

static void
draw_table (NbTableView *self,
            GtkSnapshot *snapshot,
            Table       *table,
            gboolean     focused)
{
  const Colours *c = &self->colours;
  NbGridTable *grid = table->grid;
  GdkRGBA shade = fade (&c->fg, 0.035), group_shade = fade (&c->fg, 0.07);
  GdkRGBA line = fade (&c->fg, 0.10), border = fade (&c->fg, 0.18);
  GskRoundedRect outline;

  if (table->title != NULL)
    draw_layout (snapshot, table->title, &c->fg, table->title_area.x, table->title_area.y);

  for (guint i = 0; i < grid->items->len; i++)
    {
      Item *item = &table->items[i];
      const GdkRectangle *r = &item->area;

      if (is_label (item))
        {
          fill (snapshot, item->def->kind == NB_GRID_GROUP ? &group_shade : &shade,
                r->x, r->y, r->width, r->height);
          if (item->layout != NULL)
            {
              int height, x = r->x + LABEL_PAD_X;

              pango_layout_get_pixel_size (item->layout, NULL, &height);
              if (item->def->kind == NB_GRID_VERTICAL)
                x = r->x + (r->width - self->em) / 2;
              else if (!item->wrapped)
                x += (r->width - 2 * LABEL_PAD_X - item->text_width) * item->def->xalign;
              draw_layout (snapshot, item->layout, &c->fg, x, r->y + (r->height - height) / 2);
            }
        }
      else
        draw_value (self, snapshot, item, focused);

      /* each slot's right and bottom lines; the frame draws the outer ones */
      if (item->def->col + item->def->n_cols < grid->n_cols)
        fill (snapshot, &line, r->x + r->width - 1, r->y, 1, r->height);
      if (item->def->row + item->def->n_rows < grid->n_rows)
        fill (snapshot, &line, r->x, r->y + r->height - 1, r->width, 1);
    }

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (table->area.x - 1, table->area.y - 1,
                                                        table->area.width + 2, table->area.height + 2),
                                   FRAME_RADIUS);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });
}

/* ---------------------------------------------------------------------------------- */
/* Selection and scrolling                                                             */

/* What a value counts, then its value, for screen readers. */
static char *
describe_value (NbTableView *self,
                const Item  *item)
{
  g_autofree char *description = nb_schema_describe_cell (nb_report_get_edition (self->report),
                                                          item->def->cell,
                                                          !nb_ui_language_is_chinese ());

  /* Translators: the selected cell, for screen readers: what it counts, then its value */
  return g_strdup_printf (_("%s: %s"), description ? description : "",
                          item->text[0] ? item->text : _("empty"));
}

static void
update_accessible_description (NbTableView *self)
{
  g_autofree char *text = NULL;
  Item *item = get_item (self, self->cursor, NULL);

  if (item == NULL || self->report == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  text = describe_value (self, item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* A value's name, its findings and whether it is wrong or selected, for its accessible cell. */
static void
update_value_accessible (NbTableView *self,
                         Item        *item)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (item->accessible);
  g_autofree char *name = describe_value (self, item);
  g_autofree char *details = nb_cell_dup_tooltip (self->report, item->def->cell);

  gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (details != NULL && *details != '\0')
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);
  else
    gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_state (accessible,
                               GTK_ACCESSIBLE_STATE_INVALID,
                               item->flags & NB_CELL_STATE_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                 : GTK_ACCESSIBLE_INVALID_FALSE,
                               GTK_ACCESSIBLE_STATE_SELECTED, item->def->cell == self->cursor,
                               -1);
}

static GtkAccessibleRole
label_role (const NbGridItem *def)
{
  return def->kind == NB_GRID_HEADER && def->col > 0 ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                                                     : GTK_ACCESSIBLE_ROLE_ROW_HEADER;
}

/* Each table, label and value as a widget a screen reader can walk (see
 * nb-accessible-cell.c), built once the first frame is up: a few hundred widgets that
 * only assistive technologies read need not delay it. */
static gboolean
build_accessible_cb (gpointer data)
{
  NbTableView *self = data;

  self->accessible_source = 0;
  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];
      NbGridTable *grid = table->grid;

      table->accessible = nb_accessible_cell_new (GTK_ACCESSIBLE_ROLE_ROW_GROUP);
      gtk_accessible_update_property (GTK_ACCESSIBLE (table->accessible),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, grid->title, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (table->accessible),
                                      GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) grid->n_rows,
                                      GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) grid->n_cols,
                                      -1);
      for (guint i = 0; i < grid->items->len; i++)
        {
          Item *item = &table->items[i];
          const NbGridItem *def = item->def;

          if (is_label (item) && (def->label == NULL || *def->label == '\0'))
            continue;
          item->accessible = nb_accessible_cell_new (is_label (item) ? label_role (def)
                                                                     : GTK_ACCESSIBLE_ROLE_GRID_CELL);
          gtk_widget_set_parent (item->accessible, table->accessible);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (item->accessible),
                                          GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) def->row + 1,
                                          GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) def->col + 1,
                                          GTK_ACCESSIBLE_RELATION_ROW_SPAN, (int) def->n_rows,
                                          GTK_ACCESSIBLE_RELATION_COL_SPAN, (int) def->n_cols,
                                          -1);
          if (!is_label (item))
            update_value_accessible (self, item);
          else
            {
              gtk_accessible_update_property (GTK_ACCESSIBLE (item->accessible),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, def->label, -1);
              if (def->tooltip != NULL)
                gtk_accessible_update_property (GTK_ACCESSIBLE (item->accessible),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, def->tooltip, -1);
            }
        }
      gtk_widget_set_parent (table->accessible, GTK_WIDGET (self));
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Puts the accessible cells where their tables and cells are drawn. */
static void
allocate_accessible (NbTableView *self)
{
  for (guint t = 0; t < self->n_tables; t++)
    {
      Table *table = &self->tables[t];
      GdkRectangle area;

      if (table->accessible == NULL)
        continue;
      gdk_rectangle_union (&table->title_area, &table->area, &area);
      nb_accessible_cell_set_area (NB_ACCESSIBLE_CELL (table->accessible), &area);
      for (guint i = 0; i < table->grid->items->len; i++)
        {
          Item *item = &table->items[i];
          GdkRectangle cell;

          if (item->accessible == NULL)
            continue;
          cell = item->area;
          cell.x -= area.x;
          cell.y -= area.y;
          nb_accessible_cell_set_area (NB_ACCESSIBLE_CELL (item->accessible), &cell);
        }
      nb_accessible_cell_allocate (NB_ACCESSIBLE_CELL (table->accessible));
    }
}

static void
select_cell (NbTableView *self,
             int          cell)
{
  if (self->cursor != cell)
    {
      Item *old = get_item (self, self->cursor, NULL);
      Item *new = get_item (self, cell, NULL);

      self->cursor = cell;
      if (old != NULL && old->accessible != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (old->accessible),
                                     GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
      if (new != NULL && new->accessible != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (new->accessible),
                                     GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
      update_accessible_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_signal_emit (self, signals[CELL_SELECTED], 0, (guint) cell);
}

static void
grab_focus_quietly (NbTableView *self)
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

          if (!is_label (item))
            return item->def->cell;
        }
    }
  return -1;
}

/* The next (or previous) value in reading order, across tables; -1 at the end. */
static int
next_value (NbTableView *self,
            int          cell,
            gboolean     backwards)
{
  guint32 ref;
  int t, i;

  if (get_item (self, cell, NULL) == NULL)
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
      if (!is_label (&self->tables[t].items[i]))
        return self->tables[t].items[i].def->cell;
    }
}

/* The nearest value in a direction: in the same row or column band if there is one. */
static int
neighbour (NbTableView   *self,
           int            cell,
           MoveDirection  direction)
{
  Item *from = get_item (self, cell, NULL);
  const GdkRectangle *a;
  gboolean vertical = direction == MOVE_UP || direction == MOVE_DOWN;
  gint64 best_score = G_MAXINT64;
  int best = -1;
  int cx, cy;

  if (from == NULL)
    return first_value (self, FALSE);
  ensure_layout (self);
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

        if (is_label (item) || item == from)
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

static gboolean
get_key_direction (guint          keyval,
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

static gboolean
is_tab_key (guint keyval)
{
  return keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;
}

static void
move_to (NbTableView *self,
         int          cell)
{
  if (cell < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  select_cell (self, cell);
  nb_table_view_scroll_to_cell (self, cell);
}

/* ---------------------------------------------------------------------------------- */
/* Editing                                                                             */

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
  Item *item = get_item (self, self->editing, NULL);
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

static void
editor_changed_cb (GtkEditable *editable,
                   NbTableView *self)
{
  gboolean has_value;
  double value;

  if (self->editing >= 0)
    set_invalid (self, !parse_input (self, gtk_editable_get_text (editable), &has_value, &value));
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
  stop_editing (self, FALSE);
  g_signal_emit (self, signals[CELL_EDITED], 0, cell, has_value, value);
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
      stop_editing (self, FALSE);
      return TRUE;
    }
  /* Left and Right move within the text; Up, Down and Tab move on. */
  if (is_tab_key (keyval))
    target = next_value (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
  else if (get_key_direction (keyval, &direction) && (direction == MOVE_UP || direction == MOVE_DOWN))
    target = neighbour (self, cell, direction);
  else
    return FALSE;
  /* Moving on commits, as in a spreadsheet; refused input keeps the editor open. */
  if (commit_editor (self) && target >= 0)
    move_to (self, target);
  return TRUE;
}

static gboolean
stop_later_cb (gpointer data)
{
  NbTableView *self = data;

  self->stop_source = 0;
  stop_editing (self, TRUE);
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

static void
start_editing (NbTableView *self,
               int          cell,
               const char  *initial)
{
  Item *item = get_item (self, cell, NULL);

  if (self->report == NULL || item == NULL)
    return;
  if (self->editing == cell)
    {
      gtk_widget_grab_focus (self->editor);
      return;
    }
  if (self->editing >= 0)
    stop_editing (self, TRUE);
  if (self->cursor != cell)
    select_cell (self, cell);

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
static void
stop_editing (NbTableView *self,
              gboolean     commit)
{
  g_autofree char *input = NULL;
  Item *item;
  int cell = self->editing;

  if (cell < 0)
    return;
  g_clear_handle_id (&self->stop_source, g_source_remove);
  item = get_item (self, cell, NULL);
  input = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));

  show_hint (self, FALSE);
  self->editing = -1;
  self->invalid = FALSE;
  if (gtk_widget_is_focus (self->editor))
    grab_focus_quietly (self);
  gtk_widget_set_child_visible (self->editor, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (commit && item != NULL && g_strcmp0 (input, item->text) != 0)
    {
      gboolean has_value;
      double value;

      if (nb_report_parse_value (self->report, cell, input, &has_value, &value))
        g_signal_emit (self, signals[CELL_EDITED], 0, (guint) cell, has_value, value);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Events                                                                              */

static void
show_menu (NbTableView *self,
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

static void
click_pressed_cb (GtkGestureClick *gesture,
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
      stop_editing (self, TRUE);
    }
  if (cell < 0)
    {
      /* a label: the keyboard comes here, the selection stays */
      grab_focus_quietly (self);
      return;
    }

  grab_focus_quietly (self);
  /* A selected cell that is clicked again still says it is selected. */
  select_cell (self, cell);

  if (button == GDK_BUTTON_SECONDARY)
    {
      show_menu (self, cell, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (n_press == 2)
    {
      start_editing (self, cell, NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
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

  if (get_key_direction (keyval, &direction))
    {
      move_to (self, neighbour (self, cell, direction));
      return TRUE;
    }
  if (is_tab_key (keyval))
    {
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      cell = next_value (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));
      if (cell < 0)
        return FALSE;  /* past the last cell, the focus moves on */
      move_to (self, cell);
      return TRUE;
    }

  if (cell < 0)
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
      keyval == GDK_KEY_F2)
    {
      start_editing (self, cell, NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      Item *item = get_item (self, cell, NULL);

      show_menu (self, cell, item->area.x + item->area.width / 2.0, item->area.y + item->area.height / 2.0);
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      start_editing (self, cell, "");
      return TRUE;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && (g_unichar_isdigit (c) || c == '.' || c == '-'))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      start_editing (self, cell, buf);
      return TRUE;
    }
  return FALSE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                NbTableView             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Coming in with the keyboard selects a cell, as a click does. */
  if (self->grabbing || self->editing >= 0 || self->report == NULL)
    return;
  if (self->cursor < 0)
    self->cursor = first_value (self, FALSE);
  if (self->cursor >= 0)
    {
      select_cell (self, self->cursor);
      nb_table_view_scroll_to_cell (self, self->cursor);
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
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

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           NbTableView              *self)
{
  set_hover (self, nb_table_view_cell_at (self, x, y));
}

static void
motion_leave_cb (GtkEventControllerMotion *controller,
                 NbTableView              *self)
{
  set_hover (self, -1);
}

/* ---------------------------------------------------------------------------------- */
/* GtkWidget                                                                           */

static Item *
item_at (NbTableView *self,
         double       x,
         double       y)
{
  ensure_layout (self);
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

  ensure_layout (self);
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

  if (self->editor != NULL && (item = get_item (self, self->editing, NULL)) != NULL)
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
  ensure_layout (self);
  allocate_accessible (self);
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

  ensure_layout (self);
  ensure_colours (self);
  for (guint t = 0; t < self->n_tables; t++)
    draw_table (self, snapshot, &self->tables[t], focused);
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
  Item *item = keyboard ? get_item (self, self->cursor, NULL) : item_at (self, x, y);
  g_autofree char *text = NULL;

  if (item == NULL || self->report == NULL)
    return FALSE;
  if (is_label (item))
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
  if (self->base_font != NULL && update_fonts (self))
    gtk_widget_queue_resize (widget);
  gtk_widget_queue_draw (widget);
}

static void
nb_table_view_dispose (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_handle_id (&self->stop_source, g_source_remove);
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->hint, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  clear_tables (self);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_table_view_parent_class)->dispose (object);
}

static void
nb_table_view_finalize (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_pointer (&self->cell_items, g_array_unref);
  g_clear_pointer (&self->value_layouts, g_hash_table_unref);
  g_clear_pointer (&self->value_attrs, pango_attr_list_unref);
  g_clear_pointer (&self->base_font, pango_font_description_free);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->group_font, pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->value_font, pango_font_description_free);
  g_clear_pointer (&self->inferred_font, pango_font_description_free);
  g_clear_pointer (&self->corrected_font, pango_font_description_free);

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
  signals[CELL_SELECTED] =
    g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbTableView::cell-edited:
   * @cell: the cell's index
   * @has_value: %FALSE when the user cleared the cell
   * @value: the new value, already validated by the core
   */
  signals[CELL_EDITED] =
    g_signal_new ("cell-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_BOOLEAN, G_TYPE_DOUBLE);

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
  self->value_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value_layout);
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
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "nb-table-keys");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (motion_leave_cb), self);
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

  stop_editing (self, FALSE);
  clear_tables (self);
  g_set_object (&self->report, report);
  if (report != NULL)
    {
      build_tables (self, nb_report_get_edition (report));
      nb_table_view_refresh (self);
      self->accessible_source = g_idle_add_full (G_PRIORITY_LOW, build_accessible_cb, self, NULL);
    }
  update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

        if (is_label (item))
          continue;
        resized |= update_value (self, item);
        if (item->accessible != NULL)
          update_value_accessible (self, item);
      }
  if (resized)
    {
      self->layout_valid = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  update_accessible_description (self);
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
      Item *item = get_item (self, cells[i], NULL);

      if (item != NULL)
        item->highlighted = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
nb_table_view_scroll_to_cell (NbTableView *self,
                              guint        cell)
{
  Item *item = get_item (self, cell, NULL);
  GtkWidget *scrolled;
  GtkWidget *child;
  graphene_point_t point;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (item == NULL || scrolled == NULL)
    return;
  ensure_layout (self);
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (child == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), child,
                                 &GRAPHENE_POINT_INIT (item->area.x, item->area.y), &point))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             point.y - SCROLL_MARGIN, point.y + item->area.height + SCROLL_MARGIN);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             point.x - SCROLL_MARGIN, point.x + item->area.width + SCROLL_MARGIN);
}

/* Selects @cell and gives it the keyboard, as clicking it does. */
void
nb_table_view_focus_cell (NbTableView *self,
                          guint        cell)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (get_item (self, cell, NULL) == NULL)
    return;
  stop_editing (self, TRUE);
  grab_focus_quietly (self);
  select_cell (self, cell);
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
  return item != NULL && !is_label (item) ? item->def->cell : -1;
}

/* Where @cell is drawn, in the view's coordinates. */
gboolean
nb_table_view_get_cell_area (NbTableView  *self,
                             guint         cell,
                             GdkRectangle *area)
{
  Item *item = get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  if (item == NULL)
    return FALSE;
  ensure_layout (self);
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
  Item *item = get_item (self, cell, NULL);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return item ? item->accessible : NULL;
}

const char *
nb_table_view_get_cell_text (NbTableView *self,
                             guint        cell)
{
  Item *item = get_item (self, cell, NULL);

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
  Item *item = get_item (self, cell, NULL);

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

  start_editing (self, cell, NULL);
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
  start_editing (self, cell, NULL);
}
