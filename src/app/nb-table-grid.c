/* nb-table-grid.c — where each label and value of the template's tables sits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-grid.h"
#include "nb-view-logic.h"

/* Wrapping widths of row labels, in ems of the labels' font (one Chinese character). */
#define WRAP_ROW_LABEL   15
#define WRAP_GROUP_ROW   11
#define WRAP_GROUP_LABEL  7

static void
clear_item (gpointer data)
{
  NbGridItem *item = data;

  g_clear_pointer (&item->label, g_free);
  g_clear_pointer (&item->tooltip, g_free);
}

static NbGridTable *
table_new (const char *title,
           guint       n_cols)
{
  NbGridTable *table = g_new0 (NbGridTable, 1);

  table->title = g_strdup (title);
  table->n_cols = n_cols;
  table->items = g_array_new (FALSE, TRUE, sizeof (NbGridItem));
  g_array_set_clear_func (table->items, clear_item);
  return table;
}

void
nb_grid_table_free (NbGridTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->items, g_array_unref);
  g_free (table->title);
  g_free (table);
}

static NbGridItem *
add_item (NbGridTable *table,
          NbGridKind   kind,
          guint        col,
          guint        row,
          guint        n_cols,
          guint        n_rows)
{
  NbGridItem item = { kind, -1, col, row, MAX (n_cols, 1), MAX (n_rows, 1), 0, 0, NULL, NULL };

  g_assert (col + item.n_cols <= table->n_cols);
  g_array_append_val (table->items, item);
  table->n_rows = MAX (table->n_rows, row + item.n_rows);
  return &g_array_index (table->items, NbGridItem, table->items->len - 1);
}

static void
add_label (NbGridTable *table,
           const char  *label,
           const char  *tooltip,
           float        xalign,
           float        wrap_em,
           guint        col,
           guint        row,
           guint        n_cols,
           guint        n_rows)
{
  NbGridItem *item = add_item (table, NB_GRID_HEADER, col, row, n_cols, n_rows);

  item->label = g_strdup (label ? label : "");
  item->tooltip = g_strdup (tooltip);
  item->xalign = xalign;
  item->wrap_em = wrap_em;
}

static void
add_value (NbGridTable *table,
           int          cell,
           guint        col,
           guint        row,
           guint        n_cols)
{
  NbGridItem *item;

  if (cell < 0)
    return;
  item = add_item (table, NB_GRID_VALUE, col, row, n_cols, 1);
  item->cell = cell;
  item->xalign = 1.0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const NbGridItem *ia = a;
  const NbGridItem *ib = b;

  if (ia->row != ib->row)
    return ia->row < ib->row ? -1 : 1;
  return ia->col < ib->col ? -1 : ia->col > ib->col;
}

/* 二、主动公开政府信息情况: one block per article of the regulation, a heading row, a row of
 * field names, then an item per row. */
static NbGridTable *
build_active (NbEdition edition)
{
  guint n_items = nb_schema_get_n_active_items (edition);
  const char *last_group = NULL;
  guint max_fields = 1;
  NbGridTable *table;
  guint row = 0;

  if (n_items == 0)
    return NULL;

  for (guint i = 0; i < n_items; i++)
    max_fields = MAX (max_fields, nb_schema_get_active_item_n_fields (edition, i));

  table = table_new (_("2. Proactive disclosure"), max_fields + 1);
  for (guint i = 0; i < n_items; i++)
    {
      const char *group = nb_schema_get_active_item_group (edition, i);
      guint n_fields = nb_schema_get_active_item_n_fields (edition, i);

      if (i == 0 || g_strcmp0 (group, last_group) != 0)
        {
          add_label (table, group, NULL, 0, 0, 0, row++, max_fields + 1, 1);
          g_array_index (table->items, NbGridItem, table->items->len - 1).kind = NB_GRID_GROUP;
          add_label (table, "信息内容", NULL, 0.5, 0, 0, row, 1, 1);
          for (guint f = 0; f < n_fields; f++)
            add_label (table, nb_schema_get_active_field_label (edition, i, f), NULL, 0.5, 0,
                       f + 1, row, n_fields == 1 ? max_fields : 1, 1);
          row++;
          last_group = group;
        }

      add_label (table, nb_schema_get_active_item_label (edition, i), NULL, 0, WRAP_ROW_LABEL,
                 0, row, 1, 1);
      for (guint f = 0; f < n_fields; f++)
        add_value (table, nb_schema_active_cell (edition, i, f), f + 1, row,
                   n_fields == 1 ? max_fields : 1);
      row++;
    }
  return table;
}

/* 三、收到和处理政府信息公开申请情况: three rows of column headers (申请人情况 › 自然人 |
 * 法人或其他组织 › 商业企业 … 其他 | 总计), then the rows with their labels nested over
 * three columns, as the template prints them. */
static NbGridTable *
build_requests (NbEdition edition)
{
  gboolean english = !nb_ui_language_is_chinese ();
  guint n_rows = nb_schema_get_n_request_rows (edition);
  const guint first_value_col = 3;
  guint n_groups = nb_schema_get_n_request_column_groups (edition);
  guint header_rows = n_groups + 1;
  guint depth[NB_N_REQUEST_COLUMNS] = { 0 };  /* the column groups over each column */
  NbGridTable *table;
  guint first, last;

  table = table_new (_("3. Requests received and handled"), first_value_col + NB_N_REQUEST_COLUMNS);
  add_label (table, "", NULL, 0, 0, 0, 0, first_value_col, header_rows);
  /* the groups the description gives, each a row below those it lies within */
  for (guint g = 0; g < n_groups; g++)
    {
      const char *label = nb_schema_get_request_column_group (edition, g, &first, &last);
      guint row = 0;

      for (guint h = 0; h < n_groups; h++)
        {
          guint f2, l2;

          nb_schema_get_request_column_group (edition, h, &f2, &l2);
          row += h != g && f2 <= first && l2 >= last && (f2 < first || l2 > last || h < g);
        }
      add_label (table, label, NULL, 0.5, 0, first_value_col + first, row, last - first + 1, 1);
      for (guint c = first; c <= last && c < NB_N_REQUEST_COLUMNS; c++)
        depth[c]++;
    }
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      const char *tip = english ? nb_schema_get_request_column_english (c) : NULL;

      add_label (table, nb_schema_get_request_column_label (c), tip, 0.5, 0,
                 first_value_col + c, depth[c], 1, header_rows - depth[c]);
    }

  for (guint g = 0; g < nb_schema_get_n_request_row_groups (edition); g++)
    {
      const char *label = nb_schema_get_request_row_group (edition, g, &first, &last);

      add_label (table, label, NULL, 0.5, 1, 0, header_rows + first, 1, last - first + 1);
      g_array_index (table->items, NbGridItem, table->items->len - 1).kind = NB_GRID_VERTICAL;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const char *tip = english ? nb_schema_get_request_row_english (edition, r) : NULL;
      guint row = header_rows + r;
      NbRowLayout layout;

      nb_request_row_layout (edition, r, &layout);
      if (layout.group_label != NULL)
        add_label (table, layout.group_label, NULL, 0, WRAP_GROUP_LABEL, 1, row, 1, layout.group_rows);
      switch (layout.depth)
        {
        case 0:
          add_label (table, layout.label, tip, 0, WRAP_ROW_LABEL, 0, row, 3, 1);
          break;
        case 1:
          add_label (table, layout.label, tip, 0, WRAP_ROW_LABEL, 1, row, 2, 1);
          break;
        default:
          add_label (table, layout.label, tip, 0, WRAP_GROUP_ROW, 2, row, 1, 1);
          break;
        }
      nb_row_layout_clear (&layout);

      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        add_value (table, nb_schema_request_cell (edition, r, c), first_value_col + c, row, 1);
    }
  return table;
}

/* 四、政府信息公开行政复议、行政诉讼情况: a row per group, a column per result. */
static NbGridTable *
build_appeals (NbEdition edition)
{
  NbGridTable *table = table_new (_("4. Administrative reviews and lawsuits"), 1 + NB_N_APPEAL_FIELDS);

  add_label (table, "", NULL, 0, 0, 0, 0, 1, 1);
  for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
    add_label (table, nb_schema_get_appeal_field_label (f), NULL, 0.5, 0, f + 1, 0, 1, 1);
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      add_label (table, nb_schema_get_appeal_group_label (g), NULL, 0, WRAP_ROW_LABEL, 0, g + 1, 1, 1);
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        add_value (table, nb_schema_appeal_cell (edition, g, f), f + 1, g + 1, 1);
    }
  return table;
}

/**
 * nb_grid_tables_new:
 *
 * The tables of @edition's template, in the report's order.
 *
 * Returns: (transfer full) (element-type NbGridTable): the tables
 */
GPtrArray *
nb_grid_tables_new (NbEdition edition)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_grid_table_free);
  NbGridTable *table;

  if ((table = build_active (edition)) != NULL)
    g_ptr_array_add (tables, table);
  g_ptr_array_add (tables, build_requests (edition));
  g_ptr_array_add (tables, build_appeals (edition));

  for (guint i = 0; i < tables->len; i++)
    {
      table = g_ptr_array_index (tables, i);
      g_array_sort (table->items, compare_items);
    }
  return tables;
}
