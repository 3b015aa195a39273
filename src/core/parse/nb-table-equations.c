/* nb-table-equations.c — the template's equations in a table's own cell numbering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

/* The template's equations (nb-equations.h) that lie within cells [first, first + n_cells)
 * of the schema, their cells numbered from @first: for section 三, row * N_COLS + col. */
guint
nb_parse_table_equations (NbEdition  edition,
                          guint      first,
                          guint      n_cells,
                          Equation  *eqs)
{
  guint n_all, n = 0;
  const NbEquation *all = nb_template_get_equations (edition, &n_all);

  for (guint e = 0; e < n_all && n < MAX_TABLE_EQUATIONS; e++)
    {
      const NbEquation *eq = &all[e];
      gboolean inside = TRUE;

      for (guint i = 0; i < eq->n_terms; i++)
        inside &= eq->terms[i].cell >= first && eq->terms[i].cell < first + n_cells;
      if (!inside)
        continue;
      eqs[n].n_lhs = eqs[n].n_rhs = 0;
      for (guint i = 0; i < eq->n_terms; i++)
        if (eq->terms[i].coef > 0)
          eqs[n].lhs[eqs[n].n_lhs++] = eq->terms[i].cell - first;
        else
          eqs[n].rhs[eqs[n].n_rhs++] = eq->terms[i].cell - first;
      n++;
    }
  return n;
}

/* The size of the groups of consecutive cells each adding up to its last, as
 * the table's first equation over its first cells says (a row of section 三,
 * a group of section 四); 0 when the table has none. */
guint
nb_parse_group_size (const Equation *eqs,
                     guint           n_eqs)
{
  for (guint e = 0; e < n_eqs; e++)
    {
      const Equation *eq = &eqs[e];
      gboolean consecutive = eq->n_rhs == 1 && eq->rhs[0] == (int) eq->n_lhs;

      for (guint i = 0; i < eq->n_lhs; i++)
        consecutive &= eq->lhs[i] == (int) i;
      if (consecutive)
        return eq->n_lhs + 1;
    }
  return 0;
}

/* Whether each equation holds on the values of @t, numbered as the equations' cells */
gboolean
nb_parse_equations_hold (const Equation *eqs,
                         guint           n_eqs,
                         const Token    *t)
{
  for (guint e = 0; e < n_eqs; e++)
    {
      double lsum = 0, rsum = 0;

      for (guint i = 0; i < eqs[e].n_lhs; i++)
        lsum += t[eqs[e].lhs[i]].value;
      for (guint i = 0; i < eqs[e].n_rhs; i++)
        rsum += t[eqs[e].rhs[i]].value;
      if (!(fabs (lsum - rsum) < 1e-9))
        return FALSE;
    }
  return TRUE;
}

/* The first of @n values from which @n_cells values satisfy the equations, or 0 */
guint
nb_parse_first_window_that_holds (const Token    *vals,
                                  guint           n,
                                  guint           n_cells,
                                  const Equation *eqs,
                                  guint           n_eqs)
{
  for (guint s = 0; s + n_cells <= n; s++)
    if (nb_parse_equations_hold (eqs, n_eqs, vals + s))
      return s;
  return 0;
}

/* All ways to put a row's values into its @n_cols cells, gaps leftmost first */
void
nb_parse_enumerate_placements (const GArray *vals,
                               guint         n_cols,
                               GArray       *out)
{
  double values[NB_PLACE_MAX_COLS];
  gboolean is_number[NB_PLACE_MAX_COLS];

  if (vals->len >= n_cols)
    return;
  for (guint i = 0; i < vals->len; i++)
    {
      const Token *t = &g_array_index (vals, Token, i);

      values[i] = t->value;
      is_number[i] = t->kind == TOK_NUMBER;
    }
  nb_place_enumerate (values, is_number, vals->len, n_cols, out);
}
