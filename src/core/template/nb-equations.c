/* nb-equations.c — the equations of the template's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-template.h"

/**
 * nb_template_get_equations:
 * @n_equations: (out): their number
 *
 * The equations of @edition's tables, as its description lists them: for
 * each, the rule its breaking raises, the severity, and the cells with their
 * coefficients (sum of coef × value = 0; parts +1 first, then totals -1).
 *
 * Returns: (transfer none) (array length=n_equations): the equations
 */
const NbEquation *
nb_template_get_equations (NbEdition  edition,
                           guint     *n_equations)
{
  const NbTemplate *tpl = nb_template_get (edition);

  *n_equations = tpl->n_equations;
  return tpl->equations;
}

/* The terms with a positive coefficient: they come first */
guint
nb_equation_get_n_parts (const NbEquation *equation)
{
  guint n = 0;

  while (n < equation->n_terms && equation->terms[n].coef > 0)
    n++;
  return n;
}

/* The index of @cell among the equation's terms, or -1 */
int
nb_equation_find_cell (const NbEquation *equation,
                       guint             cell)
{
  for (guint i = 0; i < equation->n_terms; i++)
    if (equation->terms[i].cell == cell)
      return i;
  return -1;
}

/* The first and last row of section 三 the equation's cells lie in; FALSE
 * when it has a cell in another table. */
gboolean
nb_equation_get_rows (const NbEquation *equation,
                      NbEdition         edition,
                      guint            *first_row,
                      guint            *last_row)
{
  guint first = G_MAXUINT, last = 0;

  for (guint i = 0; i < equation->n_terms; i++)
    {
      const NbCellDef *def = nb_schema_get_cell (edition, equation->terms[i].cell);

      if (def->table != NB_TABLE_REQUESTS)
        return FALSE;
      first = MIN (first, def->row);
      last = MAX (last, def->row);
    }
  if (first > last)
    return FALSE;
  *first_row = first;
  *last_row = last;
  return TRUE;
}

/* The first equation of @rule_id that has @cell among its terms, or NULL */
const NbEquation *
nb_template_find_equation (NbEdition   edition,
                           const char *rule_id,
                           guint       cell)
{
  guint n;
  const NbEquation *eqs = nb_template_get_equations (edition, &n);

  for (guint e = 0; e < n; e++)
    if (strcmp (eqs[e].rule_id, rule_id) == 0 && nb_equation_find_cell (&eqs[e], cell) >= 0)
      return &eqs[e];
  return NULL;
}

const NbTemplateTable *
nb_template_get_table (const NbTemplate *tpl,
                       NbTableKind       table)
{
  for (guint i = 0; i < tpl->n_tables; i++)
    if (tpl->tables[i].table == table)
      return &tpl->tables[i];
  g_return_val_if_reached (NULL);
}
