/* nb-schema.c — the template's tables, rows, columns and cell ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-schema.h"
#include "template/nb-template.h"

/* The tables come from the template's description (template/template-*.json),
 * turned into C at build time: see nb-template.h. */

static inline const NbTemplate *
tpl (NbEdition edition)
{
  return nb_template_get (edition);
}

guint
nb_schema_get_n_cells (NbEdition edition)
{
  return tpl (edition)->n_cells;
}

const NbCellDef *
nb_schema_get_cell (NbEdition edition,
                    guint     index)
{
  const NbTemplate *t = tpl (edition);

  g_return_val_if_fail (index < t->n_cells, NULL);
  return &t->cells[index];
}

int
nb_schema_lookup (NbEdition   edition,
                  const char *id)
{
  const NbTemplate *t = tpl (edition);
  guint lo = 0, hi = t->n_cells;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (t->cells[t->cells_by_id[mid]].id, id);

      if (cmp == 0)
        return t->cells_by_id[mid];
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
nb_schema_get_n_active_items (NbEdition edition)
{
  return tpl (edition)->n_active;
}

static const NbTemplateActiveItem *
active_item (NbEdition edition,
             guint     item)
{
  const NbTemplate *t = tpl (edition);

  g_return_val_if_fail (item < t->n_active, NULL);
  return &t->active[item];
}

const char *
nb_schema_get_active_item_id (NbEdition edition,
                              guint     item)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  return a ? a->id : NULL;
}

const char *
nb_schema_get_active_item_label (NbEdition edition,
                                 guint     item)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  return a ? a->zh : NULL;
}

const char *
nb_schema_get_active_item_group (NbEdition edition,
                                 guint     item)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  return a ? a->group : NULL;
}

const char *
nb_schema_get_active_field_label (NbEdition edition,
                                  guint     item,
                                  guint     field)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  g_return_val_if_fail (a != NULL && field < 4, NULL);
  return field < a->n_fields ? a->fields[field].zh : NULL;
}

/**
 * nb_schema_get_active_item_n_fields:
 *
 * Returns: the cells of section 二's @item (1 for a one-value item)
 */
guint
nb_schema_get_active_item_n_fields (NbEdition edition,
                                    guint     item)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  return a ? a->n_fields : 0;
}

/**
 * nb_schema_get_active_item_n_values:
 *
 * Returns: the numbers section 二's @item holds in the text: its cells, but
 *   a unit printed beside an amount (政府集中采购's 单位)
 */
guint
nb_schema_get_active_item_n_values (NbEdition edition,
                                    guint     item)
{
  const NbTemplateActiveItem *a = active_item (edition, item);

  return a ? a->n_values : 0;
}

int
nb_schema_active_cell (NbEdition edition,
                       guint     item,
                       guint     field)
{
  const NbTemplate *t = tpl (edition);

  if (item >= t->n_active || field >= t->active[item].n_fields)
    return -1;
  return t->active[item].first_cell + field;
}

guint
nb_schema_get_n_request_rows (NbEdition edition)
{
  return tpl (edition)->n_rows;
}

static const NbTemplateRow *
request_row (NbEdition edition,
             guint     row)
{
  const NbTemplate *t = tpl (edition);

  g_return_val_if_fail (row < t->n_rows, NULL);
  return &t->rows[row];
}

const char *
nb_schema_get_request_row_id (NbEdition edition,
                              guint     row)
{
  const NbTemplateRow *r = request_row (edition, row);

  return r ? r->id : NULL;
}

const char *
nb_schema_get_request_row_label (NbEdition edition,
                                 guint     row)
{
  const NbTemplateRow *r = request_row (edition, row);

  return r ? r->zh : NULL;
}

const char *
nb_schema_get_request_row_english (NbEdition edition,
                                   guint     row)
{
  const NbTemplateRow *r = request_row (edition, row);

  return r ? r->en : NULL;
}

int
nb_schema_request_row_index (NbEdition   edition,
                             const char *row_id)
{
  const NbTemplate *t = tpl (edition);

  for (guint r = 0; r < t->n_rows; r++)
    if (strcmp (t->rows[r].id, row_id) == 0)
      return r;
  return -1;
}

/* The columns and section 四 are the same in every edition */
static const NbTemplateName *
request_column (guint col)
{
  g_return_val_if_fail (col < NB_N_REQUEST_COLUMNS, NULL);
  return &tpl (NB_EDITION_2021)->columns[col];
}

const char *
nb_schema_get_request_column_id (guint col)
{
  const NbTemplateName *c = request_column (col);

  return c ? c->id : NULL;
}

const char *
nb_schema_get_request_column_label (guint col)
{
  const NbTemplateName *c = request_column (col);

  return c ? c->zh : NULL;
}

const char *
nb_schema_get_request_column_english (guint col)
{
  const NbTemplateName *c = request_column (col);

  return c ? c->en : NULL;
}

int
nb_schema_request_cell (NbEdition edition,
                        guint     row,
                        guint     col)
{
  const NbTemplate *t = tpl (edition);

  if (row >= t->n_rows || col >= NB_N_REQUEST_COLUMNS)
    return -1;
  return t->first_request + row * NB_N_REQUEST_COLUMNS + col;
}

guint
nb_schema_get_n_request_column_groups (NbEdition edition)
{
  return tpl (edition)->n_column_groups;
}

/**
 * nb_schema_get_request_column_group:
 * @first_col: (out): the first column it spans
 * @last_col: (out): the last
 *
 * Returns: the label the template prints over those columns of section 三
 */
const char *
nb_schema_get_request_column_group (NbEdition  edition,
                                    guint      group,
                                    guint     *first_col,
                                    guint     *last_col)
{
  const NbTemplate *t = tpl (edition);

  g_return_val_if_fail (group < t->n_column_groups, NULL);
  *first_col = t->column_groups[group].first;
  *last_col = t->column_groups[group].last;
  return t->column_groups[group].zh;
}

guint
nb_schema_get_n_request_row_groups (NbEdition edition)
{
  return tpl (edition)->n_row_groups;
}

/**
 * nb_schema_get_request_row_group:
 * @first_row: (out): the first row it spans
 * @last_row: (out): the last
 *
 * Returns: the label the template prints beside those rows of section 三
 *   (the rows of one of its equations, as the description says)
 */
const char *
nb_schema_get_request_row_group (NbEdition  edition,
                                 guint      group,
                                 guint     *first_row,
                                 guint     *last_row)
{
  const NbTemplate *t = tpl (edition);

  g_return_val_if_fail (group < t->n_row_groups, NULL);
  *first_row = t->row_groups[group].first;
  *last_row = t->row_groups[group].last;
  return t->row_groups[group].zh;
}

static const NbTemplateName *
appeal_group (guint group)
{
  g_return_val_if_fail (group < NB_N_APPEAL_GROUPS, NULL);
  return &tpl (NB_EDITION_2021)->appeal_groups[group];
}

static const NbTemplateName *
appeal_field (guint field)
{
  g_return_val_if_fail (field < NB_N_APPEAL_FIELDS, NULL);
  return &tpl (NB_EDITION_2021)->appeal_fields[field];
}

const char *
nb_schema_get_appeal_group_id (guint group)
{
  const NbTemplateName *g = appeal_group (group);

  return g ? g->id : NULL;
}

const char *
nb_schema_get_appeal_group_label (guint group)
{
  const NbTemplateName *g = appeal_group (group);

  return g ? g->zh : NULL;
}

const char *
nb_schema_get_appeal_group_english (guint group)
{
  const NbTemplateName *g = appeal_group (group);

  return g ? g->en : NULL;
}

const char *
nb_schema_get_appeal_field_id (guint field)
{
  const NbTemplateName *f = appeal_field (field);

  return f ? f->id : NULL;
}

const char *
nb_schema_get_appeal_field_label (guint field)
{
  const NbTemplateName *f = appeal_field (field);

  return f ? f->zh : NULL;
}

int
nb_schema_appeal_cell (NbEdition edition,
                       guint     group,
                       guint     field)
{
  if (group >= NB_N_APPEAL_GROUPS || field >= NB_N_APPEAL_FIELDS)
    return -1;
  return tpl (edition)->first_appeal + group * NB_N_APPEAL_FIELDS + field;
}

char *
nb_schema_describe_cell (NbEdition edition,
                         guint     index,
                         gboolean  english)
{
  const NbTemplate *t = tpl (edition);
  const NbCellDef *def = nb_schema_get_cell (edition, index);

  g_return_val_if_fail (def != NULL, NULL);

  switch (def->table)
    {
    case NB_TABLE_ACTIVE:
      {
        const NbTemplateActiveItem *a = &t->active[def->row];

        if (def->field == NULL)
          return g_strdup (english ? a->en : a->zh);
        if (english)
          return g_strdup_printf ("%s, %s", a->en, a->fields[def->col].en);
        return g_strdup_printf ("%s %s", a->zh, a->fields[def->col].zh);
      }
    case NB_TABLE_REQUESTS:
      {
        const NbTemplateRow *r = &t->rows[def->row];
        const NbTemplateName *c = &t->columns[def->col];

        if (english)
          return g_strdup_printf ("“%s”, %s", r->en, c->en);
        return g_strdup_printf ("%s %s", r->zh, c->zh);
      }
    case NB_TABLE_APPEALS:
      {
        const NbTemplateName *g = &t->appeal_groups[def->row];
        const NbTemplateName *f = &t->appeal_fields[def->col];

        if (english)
          return g_strdup_printf ("%s, %s", g->en, f->en);
        return g_strdup_printf ("%s %s", g->zh, f->zh);
      }
    default:
      g_assert_not_reached ();
    }
}

const char *
nb_severity_to_string (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return "error";
    case NB_SEVERITY_WARNING: return "warning";
    case NB_SEVERITY_INFO: return "info";
    default: return "info";
    }
}

const char *
nb_origin_to_string (NbOrigin origin)
{
  switch (origin)
    {
    case NB_ORIGIN_SOURCE: return "source";
    case NB_ORIGIN_INFERRED: return "inferred";
    case NB_ORIGIN_MISSING: return "missing";
    default: return "missing";
    }
}

const char *
nb_edition_to_string (NbEdition edition)
{
  return edition == NB_EDITION_2019 ? "2019" : "2021";
}
