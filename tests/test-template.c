/* test-template.c — every reference in the template's description holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator (src/core/template/gen-template.py) refuses a description
 * whose ids do not resolve; these tests check the C tables it wrote, as the
 * parser, the checker and the window read them.
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"
#include "template/nb-template.h"
#include "test-template-edit.h"
#include "test-util.h"

static void
test_cells (void)
{
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    {
      const NbTemplate *tpl = nb_template_get (e);

      g_assert_cmpuint (tpl->edition, ==, e);
      g_assert_cmpuint (nb_schema_get_n_cells (e), ==, tpl->n_cells);
      for (guint i = 0; i < tpl->n_cells; i++)
        {
          const NbCellDef *def = nb_schema_get_cell (e, i);

          /* every id found by lookup, and the ids in strcmp order */
          g_assert_cmpint (nb_schema_lookup (e, def->id), ==, i);
          if (i > 0)
            g_assert_cmpint (strcmp (tpl->cells[tpl->cells_by_id[i - 1]].id,
                                     tpl->cells[tpl->cells_by_id[i]].id), <, 0);
          switch (def->table)
            {
            case NB_TABLE_ACTIVE:
              g_assert_cmpint (nb_schema_active_cell (e, def->row, def->col), ==, i);
              g_assert_cmpstr (nb_schema_get_active_item_id (e, def->row), ==, def->item);
              break;
            case NB_TABLE_REQUESTS:
              g_assert_cmpint (nb_schema_request_cell (e, def->row, def->col), ==, i);
              g_assert_cmpstr (nb_schema_get_request_row_id (e, def->row), ==, def->item);
              g_assert_cmpstr (nb_schema_get_request_column_id (def->col), ==, def->field);
              break;
            case NB_TABLE_APPEALS:
              g_assert_cmpint (nb_schema_appeal_cell (e, def->row, def->col), ==, i);
              g_assert_cmpstr (nb_schema_get_appeal_group_id (def->row), ==, def->item);
              g_assert_cmpstr (nb_schema_get_appeal_field_id (def->col), ==, def->field);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      g_assert_cmpint (nb_schema_lookup (e, "requests.nothing.total"), ==, -1);
    }
}

static void
test_equations (void)
{
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    {
      guint n;
      const NbEquation *eqs = nb_template_get_equations (e, &n);

      g_assert_cmpuint (n, >, 0);
      for (guint k = 0; k < n; k++)
        {
          const NbEquation *eq = &eqs[k];
          const NbRule *rule = nb_rules_lookup (eq->rule_id);
          guint n_parts = nb_equation_get_n_parts (eq);

          /* its rule is in the rule table, with its severity */
          g_assert_nonnull (rule);
          g_assert_cmpint (rule->severity, ==, eq->severity);
          /* parts then totals, over distinct cells of one table */
          g_assert_cmpuint (n_parts, >, 0);
          g_assert_cmpuint (n_parts, <, eq->n_terms);
          g_assert_cmpuint (n_parts, <=, NB_TEMPLATE_MAX_EQUATION_PARTS);
          g_assert_cmpuint (eq->n_terms - n_parts, <=, NB_TEMPLATE_MAX_EQUATION_TOTALS);
          for (guint i = 0; i < eq->n_terms; i++)
            {
              g_assert_cmpuint (eq->terms[i].cell, <, nb_schema_get_n_cells (e));
              g_assert_cmpint (eq->terms[i].coef, ==, i < n_parts ? 1 : -1);
              g_assert_cmpint (nb_equation_find_cell (eq, eq->terms[i].cell), ==, i);
              g_assert_cmpint (nb_schema_get_cell (e, eq->terms[i].cell)->table, ==,
                               nb_schema_get_cell (e, eq->terms[0].cell)->table);
              g_assert_cmpint (nb_schema_get_cell (e, eq->terms[i].cell)->kind, !=, NB_CELL_UNIT);
            }
          g_assert_true (nb_template_find_equation (e, eq->rule_id, eq->terms[0].cell) != NULL);
        }
    }
}

/* Each row and item can be recognised, each table found and named, each header
 * group lies over cells of the table */
static void
test_keys_and_header (void)
{
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    {
      const NbTemplate *tpl = nb_template_get (e);
      guint first, last;

      g_assert_cmpuint (tpl->n_rows, <=, NB_TEMPLATE_MAX_REQUEST_ROWS);
      g_assert_cmpuint (tpl->n_active, <=, NB_TEMPLATE_MAX_ACTIVE_ITEMS);
      for (guint r = 0; r < tpl->n_rows; r++)
        {
          g_assert_cmpuint (tpl->rows[r].n_keys, >, 0);
          for (guint k = 0; k < tpl->rows[r].n_keys; k++)
            g_assert_cmpstr (tpl->rows[r].keys[k].text, !=, "");
        }
      for (guint i = 0; i < tpl->n_active; i++)
        {
          g_assert_cmpuint (tpl->active[i].n_keys, >, 0);
          g_assert_cmpuint (tpl->active[i].n_values, >=, 1);
          g_assert_cmpuint (tpl->active[i].n_values, <=, tpl->active[i].n_fields);
          g_assert_cmpuint (nb_schema_get_active_item_n_fields (e, i), ==, tpl->active[i].n_fields);
        }
      for (guint s = 0; s < NB_N_SECTIONS; s++)
        {
          g_assert_cmpuint (tpl->sections[s].n_keys, >, 0);
          g_assert_nonnull (tpl->sections[s].zh);
        }
      g_assert_cmpuint (tpl->n_tables, ==, NB_TEMPLATE_MAX_TABLES);
      for (NbTableKind t = NB_TABLE_ACTIVE; t <= NB_TABLE_APPEALS; t++)
        {
          const NbTemplateTable *table = nb_template_get_table (tpl, t);

          g_assert_nonnull (table);
          g_assert_cmpuint (table->section, <, NB_N_SECTIONS);
          g_assert_cmpuint (table->n_start_keys, >, 0);
        }
      g_assert_cmpuint (tpl->n_markers, >, 0);

      for (guint g = 0; g < nb_schema_get_n_request_column_groups (e); g++)
        {
          g_assert_nonnull (nb_schema_get_request_column_group (e, g, &first, &last));
          g_assert_cmpuint (first, <=, last);
          g_assert_cmpuint (last, <, NB_N_REQUEST_COLUMNS);
        }
      g_assert_cmpuint (nb_schema_get_n_request_row_groups (e), >, 0);
      for (guint g = 0; g < nb_schema_get_n_request_row_groups (e); g++)
        {
          g_assert_nonnull (nb_schema_get_request_row_group (e, g, &first, &last));
          g_assert_cmpuint (first, <=, last);
          g_assert_cmpuint (last, <, tpl->n_rows);
        }
      /* 三、本年度办理结果: （一）予以公开 … （七）总计 */
      nb_schema_get_request_row_group (e, 0, &first, &last);
      g_assert_cmpstr (nb_schema_get_request_row_id (e, first), ==, "public");
      g_assert_cmpstr (nb_schema_get_request_row_id (e, last), ==, "result_total");
    }
}

/* Each edition's markers name that edition only */
static void
test_markers (void)
{
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    for (guint f = 0; f < NB_N_EDITIONS; f++)
      if (e != f)
        for (guint i = 0; i < nb_template_get (e)->n_markers; i++)
          for (guint j = 0; j < nb_template_get (f)->n_markers; j++)
            g_assert_cmpstr (nb_template_get (e)->markers[i], !=, nb_template_get (f)->markers[j]);
}

/* The report test-template-edit.c reads with an edited description: with the
 * stock one, the relabelled row is not read and no test.equation is checked */
static void
test_stock_description (void)
{
  g_autoptr(NbReport) report = nb_test_load_relabelled_sample ();
  int cell = nb_test_cell (report, "requests.withheld.admin_query.natural_person");

  g_assert_cmpint (nb_report_get_origin (report, cell), !=, NB_ORIGIN_SOURCE);
  g_assert_cmpuint (nb_test_count_findings (report, "template.missing_row", -1, cell), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "test.equation", -1, -1), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/cells", test_cells);
  g_test_add_func ("/template/equations", test_equations);
  g_test_add_func ("/template/keys-and-header", test_keys_and_header);
  g_test_add_func ("/template/markers", test_markers);
  g_test_add_func ("/template/stock-description", test_stock_description);
  return g_test_run ();
}
