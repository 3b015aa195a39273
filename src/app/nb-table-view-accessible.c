/* nb-table-view-accessible.c — the accessible cells of NbTableView
 *
 * Each table, label and value stands in the accessibility tree as an NbAccessibleCell,
 * placed where it is drawn, with its role, span, name and findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-accessible-cell.h"
#include "nb-table-view-private.h"

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

void
_nb_table_view_update_accessible_description (NbTableView *self)
{
  g_autofree char *text = NULL;
  Item *item = _nb_table_view_get_item (self, self->cursor, NULL);

  if (item == NULL || self->report == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  text = describe_value (self, item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* A value's name, its findings and whether it is wrong or selected, for its accessible cell. */
void
_nb_table_view_update_value_accessible (NbTableView *self,
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
gboolean
_nb_table_view_build_accessible_cb (gpointer data)
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

          if (_nb_table_view_is_label (item) && (def->label == NULL || *def->label == '\0'))
            continue;
          item->accessible = nb_accessible_cell_new (_nb_table_view_is_label (item) ? label_role (def)
                                                                     : GTK_ACCESSIBLE_ROLE_GRID_CELL);
          gtk_widget_set_parent (item->accessible, table->accessible);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (item->accessible),
                                          GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) def->row + 1,
                                          GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) def->col + 1,
                                          GTK_ACCESSIBLE_RELATION_ROW_SPAN, (int) def->n_rows,
                                          GTK_ACCESSIBLE_RELATION_COL_SPAN, (int) def->n_cols,
                                          -1);
          if (!_nb_table_view_is_label (item))
            _nb_table_view_update_value_accessible (self, item);
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
void
_nb_table_view_allocate_accessible (NbTableView *self)
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
