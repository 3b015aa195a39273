/* nb-table-view-draw.c — colours and drawing of NbTableView
 *
 * Colours are the named colours of style.css (@define-color nb_error_bg …), looked up
 * again when the style changes; lines and shading are the widget's own colour at low
 * alpha. So a dark theme gets its own. Errors and warnings also carry their icon in
 * the cell's corner, so that they do not rest on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-table-view-private.h"

#define ICON_SIZE   10
#define ICON_MARGIN  3

static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               const char      *fallback,
               GdkRGBA         *rgba)
{
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
}

void
_nb_table_view_ensure_colours (NbTableView *self)
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

/* Errors and warnings are marked with their icon as well as their colour. */
const char *
_nb_table_view_state_icon_name (NbCellStateFlags flags)
{
  if (flags & NB_CELL_STATE_ERROR)
    return "dialog-error-symbolic";
  if (flags & NB_CELL_STATE_WARNING)
    return "dialog-warning-symbolic";
  return NULL;
}

static GdkPaintable *
lookup_icon (NbTableView *self,
             const char  *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkIconPaintable *icon;
  GdkPaintable **slot = g_str_equal (name, "dialog-error-symbolic") ? &self->error_icon : &self->warning_icon;

  if (*slot == NULL)
    {
      icon = gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE,
                                         gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                         gtk_widget_get_direction (GTK_WIDGET (self)), 0);
      *slot = GDK_PAINTABLE (icon);
    }
  return *slot;
}

static void
draw_state_icon (NbTableView        *self,
                 GtkSnapshot        *snapshot,
                 const GdkRectangle *r,
                 NbCellStateFlags    flags)
{
  const char *name = _nb_table_view_state_icon_name (flags);
  const Colours *c = &self->colours;
  GdkPaintable *icon;
  GdkRGBA colours[4];

  if (name == NULL || r->width < ICON_SIZE * 3 || (icon = lookup_icon (self, name)) == NULL)
    return;
  colours[0] = flags & NB_CELL_STATE_ERROR ? c->error_fg : c->warning_border;
  colours[1] = c->error_fg;
  colours[2] = c->warning_border;
  colours[3] = c->corrected_fg;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r->x + ICON_MARGIN, r->y + ICON_MARGIN));
  if (GTK_IS_SYMBOLIC_PAINTABLE (icon))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                              ICON_SIZE, ICON_SIZE, colours, G_N_ELEMENTS (colours));
  else
    gdk_paintable_snapshot (icon, snapshot, ICON_SIZE, ICON_SIZE);
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

  if (!editing)
    draw_state_icon (self, snapshot, r, flags);

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

void
_nb_table_view_draw_table (NbTableView *self,
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

      if (_nb_table_view_is_label (item))
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
