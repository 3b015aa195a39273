/* nb-check-unread.c — tables that could not be read: one finding for a table, not one for
 * each of its cells or rows (table.unread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-check-private.h"

#define N_TABLES 3
#define MIN_UNREAD_CELLS 8  /* fewer cells left empty keep a cell.missing finding each */

/* Whether cell @i is one the checker would call empty with no value the equations give */
static gboolean
left_empty (Checker *ck,
            guint    i)
{
  const NbCell *c = &ck->report->cells[i];

  return nb_schema_get_cell (ck->edition, i)->kind != NB_CELL_UNIT && c->was_present && !c->unsplit &&
         !c->corrected && c->origin == NB_ORIGIN_MISSING && !nb_span_is_set (c->span);
}

static gboolean
names_table (NbFinding   *f,
             Checker     *ck,
             NbTableKind  table)
{
  guint n = 0;
  const guint *cells = nb_finding_get_cells (f, &n);

  return n > 0 && nb_schema_get_cell (ck->edition, cells[0])->table == table;
}

/* A table none of whose rows was found: its template.missing_row findings (parse findings,
 * already in the output) become one table.unread; all three tables absent, one in all */
static void
say_absent_tables (Checker *ck)
{
  const NbTemplate *tpl = nb_template_get (ck->edition);
  gboolean absent[N_TABLES];
  guint n_absent = 0, n_cells = 0;
  g_autoptr(GString) zh = g_string_new (NULL);
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr (NbMessage) m = NULL;
  NbFinding *f;

  for (guint t = 0; t < N_TABLES; t++)
    absent[t] = TRUE;
  for (guint i = 0; i < ck->report->n_cells; i++)
    if (ck->report->cells[i].was_present)
      absent[nb_schema_get_cell (ck->edition, i)->table] = FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    n_absent += absent[t];
  if (n_absent == 0)
    return;

  for (guint k = ck->out->len; k-- > 0;)
    {
      NbFinding *g = g_ptr_array_index (ck->out, k);

      for (guint t = 0; t < N_TABLES; t++)
        if (absent[t] && g_strcmp0 (nb_finding_get_rule (g), "template.missing_row") == 0 &&
            names_table (g, ck, t))
          {
            g_ptr_array_remove_index (ck->out, k);
            break;
          }
    }

  for (guint t = 0; t < N_TABLES; t++)
    {
      const NbTemplateTable *table = nb_template_get_table (tpl, t);

      if (!absent[t])
        continue;
      g_string_append_printf (zh, "%s%s", zh->len ? "、" : "", table->zh);
      g_string_append_printf (en, "%s%s", en->len ? "; " : "", table->en);
    }
  for (guint i = 0; i < ck->report->n_cells; i++)
    n_cells += absent[nb_schema_get_cell (ck->edition, i)->table] &&
               nb_schema_get_cell (ck->edition, i)->kind != NB_CELL_UNIT;
  m = nb_message_new ("table.unread", n_absent == N_TABLES ? "no_tables" : "absent");
  nb_message_set_lang (m, "tables", zh->str, en->str);
  nb_message_set_int (m, "n_cells", n_cells);
  f = add_message (ck, m, NB_SEVERITY_WARNING);
  for (guint i = 0; i < ck->report->n_cells; i++)
    if (absent[nb_schema_get_cell (ck->edition, i)->table] &&
        nb_schema_get_cell (ck->edition, i)->kind != NB_CELL_UNIT)
      nb_finding_add_cell (f, i);
}

/* A row's name, as the template prints it and in English */
static void
row_names (Checker         *ck,
           const NbCellDef *def,
           char           **zh,
           char           **en)
{
  switch (def->table)
    {
    case NB_TABLE_ACTIVE:
      *zh = g_strdup (nb_schema_get_active_item_label (ck->edition, def->row));
      *en = g_strdup_printf ("%s (active.%s)", *zh, nb_schema_get_active_item_id (ck->edition, def->row));
      break;
    case NB_TABLE_REQUESTS:
      *zh = g_strdup (nb_schema_get_request_row_label (ck->edition, def->row));
      *en = g_strdup (nb_schema_get_request_row_english (ck->edition, def->row));
      break;
    case NB_TABLE_APPEALS:
    default:
      *zh = g_strdup (nb_schema_get_appeal_group_label (def->row));
      *en = g_strdup (nb_schema_get_appeal_group_english (def->row));
      break;
    }
}

/**
 * nb_check_unread_tables:
 *
 * Says once for each table what could not be read of it: a table none of whose rows was
 * found, and a table with many cells left empty (numbers that could not be placed with
 * certainty), each get one table.unread finding with the number of cells and why; in the
 * other tables, so does a row with several cells left empty.
 *
 * Returns: (transfer full): for each cell, whether that finding names it (then it gets no
 *   cell.missing finding of its own)
 */
gboolean *
nb_check_unread_tables (Checker *ck)
{
  const NbTemplate *tpl = nb_template_get (ck->edition);
  gboolean *said = g_new0 (gboolean, ck->report->n_cells);
  guint count[N_TABLES] = { 0 };

  say_absent_tables (ck);
  for (guint i = 0; i < ck->report->n_cells; i++)
    if (left_empty (ck, i))
      count[nb_schema_get_cell (ck->edition, i)->table]++;

  for (guint t = 0; t < N_TABLES; t++)
    {
      const NbTemplateTable *table = nb_template_get_table (tpl, t);
      g_autoptr (NbMessage) m = NULL;
      NbFinding *f;

      if (count[t] < MIN_UNREAD_CELLS)
        continue;
      m = nb_message_new ("table.unread", "cells");
      nb_message_set_lang (m, "table", table->zh, table->en);
      nb_message_set_int (m, "n_cells", count[t]);
      f = add_message (ck, m, NB_SEVERITY_WARNING);
      for (guint i = 0; i < ck->report->n_cells; i++)
        if (nb_schema_get_cell (ck->edition, i)->table == t && left_empty (ck, i))
          {
            nb_finding_add_cell (f, i);
            said[i] = TRUE;
          }
    }

  /* in the other tables, a row with several cells left empty: one finding for the row */
  for (guint i = 0; i < ck->report->n_cells;)
    {
      const NbCellDef *def = nb_schema_get_cell (ck->edition, i);
      guint end = i, n = 0;

      while (end < ck->report->n_cells && nb_schema_get_cell (ck->edition, end)->table == def->table &&
             nb_schema_get_cell (ck->edition, end)->row == def->row)
        {
          n += !said[end] && left_empty (ck, end);
          end++;
        }
      if (n >= 2)
        {
          g_autofree char *row_zh = NULL, *row_en = NULL;
          g_autoptr (NbMessage) m = nb_message_new ("table.unread", "row");
          NbFinding *f;

          row_names (ck, def, &row_zh, &row_en);
          nb_message_set_lang (m, "row", row_zh, row_en);
          nb_message_set_int (m, "n_cells", n);
          f = add_message (ck, m, NB_SEVERITY_WARNING);
          for (guint k = i; k < end; k++)
            if (!said[k] && left_empty (ck, k))
              {
                nb_finding_add_cell (f, k);
                said[k] = TRUE;
              }
        }
      i = end;
    }
  return said;
}
