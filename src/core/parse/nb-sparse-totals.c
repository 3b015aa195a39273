/* nb-sparse-totals.c — the totals of a sparse table whose blank cells were lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A web page that leaves its zeros blank, flattened or copied without its cell
 * boundaries, prints each row of section 三 as the few numbers it holds:
 *
 *   一、本年新收政府信息公开申请数量 821 35 2 1 859
 *   （一）予以公开 258 12 1 1
 *   2.其他法律行政法规禁止公开
 *
 * Which columns those numbers sat in is lost, and every way of shifting them
 * together fits the equations: the placement search rightly leaves such rows
 * empty. Their totals can still be certain. A row's total is at least what its
 * numbers give (cells are not negative): the last of them if it is the total,
 * else their sum; and a last number that is the sum of those before it is read
 * as the row's total. When the totals of the result rows, so bounded, can only
 * add up to 本年度办理结果's printed total by each being the least it can be,
 * each is that, and a row that prints no number is 0 throughout. Nothing is
 * written unless every equation of the total column then holds.
 */
#include "config.h"

#include <math.h>

#include "nb-parse-private.h"

#define MAX_ROUNDS 32

typedef struct
{
  double lo;
  double hi;
  int    printed;  /* the vals index of a total read from the row's own numbers, or -1 */
} Bounds;

/* The bounds of row @r's total from its cells as placed, or else from its numbers */
static Bounds
row_total_bounds (Parser          *p,
                  const RowValues *row,
                  guint            r)
{
  const NbCell *total = &p->report->cells[nb_schema_request_cell (p->report->edition, r, N_COLS - 1)];
  Bounds b = { 0, INFINITY, -1 };
  double sum = 0, last = 0;
  guint n = row->vals->len;

  if (total->has_value)
    return (Bounds) { total->value, total->value, -1 };
  if (row->run || row->gaps != NULL || n >= N_COLS)
    return b;
  for (guint i = 0; i < n; i++)
    {
      const Token *t = &g_array_index (row->vals, Token, i);

      if (t->kind != TOK_NUMBER || t->too_long || t->empty_field || t->value < 0)
        return b;
      sum += t->value;
      last = t->value;
    }
  if (n >= 2 && last == sum - last)
    return (Bounds) { last, last, n - 1 };  /* its last number is its total */
  b.lo = n >= 2 && last > sum - last ? last : sum;
  return b;
}

/* Narrows the bounds by the equations on totals alone; FALSE on a contradiction */
static gboolean
narrow (Bounds         *b,
        const Equation *eqs,
        guint           n_eqs)
{
  gboolean changed = TRUE;

  for (guint round = 0; changed && round < MAX_ROUNDS; round++)
    {
      changed = FALSE;
      for (guint e = 0; e < n_eqs; e++)
        for (guint side = 0; side < 2; side++)
          {
            const int *own = side == 0 ? eqs[e].lhs : eqs[e].rhs;
            const int *other = side == 0 ? eqs[e].rhs : eqs[e].lhs;
            guint n_own = side == 0 ? eqs[e].n_lhs : eqs[e].n_rhs;
            guint n_other = side == 0 ? eqs[e].n_rhs : eqs[e].n_lhs;
            double own_lo = 0, other_hi = 0;

            for (guint i = 0; i < n_own; i++)
              own_lo += b[own[i] / N_COLS].lo;
            for (guint i = 0; i < n_other; i++)
              other_hi += b[other[i] / N_COLS].hi;
            /* each of this side is at most the other side's most less the least of the rest */
            for (guint i = 0; i < n_own && !isinf (other_hi); i++)
              {
                Bounds *x = &b[own[i] / N_COLS];
                double hi = other_hi - (own_lo - x->lo);

                if (hi < x->lo - 1e-9)
                  return FALSE;
                if (hi < x->hi - 1e-9)
                  {
                    x->hi = hi;
                    changed = TRUE;
                  }
              }
          }
    }
  return TRUE;
}

static void
set_inferred (Parser *p,
              int     cell,
              double  value)
{
  NbCell *c = &p->report->cells[cell];

  c->value = value;
  c->has_value = TRUE;
  c->origin = NB_ORIGIN_INFERRED;
  c->span = NB_SPAN_NONE;
}

/**
 * nb_parse_sparse_totals:
 * @rows: section 三's rows as read, after the placement
 * @eqs: (array length=n_eqs): the table's equations, cells numbered from its first
 *
 * Writes the totals that the bounds above determine, and the zeros of the rows that
 * print no number and total 0; only cells still empty.
 */
void
nb_parse_sparse_totals (Parser          *p,
                        const RowValues *rows,
                        guint            n_rows,
                        const Equation  *eqs,
                        guint            n_eqs)
{
  NbEdition edition = p->report->edition;
  Equation totals[MAX_TABLE_EQUATIONS];
  Bounds b[MAX_ROWS];
  guint n_totals = 0;
  gboolean open = FALSE;

  /* the equations between totals only: 一+二 = （七）+四, and （七） = the sum of the results */
  for (guint e = 0; e < n_eqs; e++)
    {
      gboolean all = eqs[e].n_lhs + eqs[e].n_rhs > 2;

      for (guint i = 0; i < eqs[e].n_lhs && all; i++)
        all = eqs[e].lhs[i] % N_COLS == N_COLS - 1;
      for (guint i = 0; i < eqs[e].n_rhs && all; i++)
        all = eqs[e].rhs[i] % N_COLS == N_COLS - 1;
      if (all)
        totals[n_totals++] = eqs[e];
    }
  for (guint r = 0; r < n_rows; r++)
    {
      b[r] = row_total_bounds (p, &rows[r], r);
      open |= b[r].lo != b[r].hi;
    }
  if (n_totals == 0 || !open || !narrow (b, totals, n_totals))
    return;
  /* every equation of totals holds once each total is fixed */
  for (guint e = 0; e < n_totals; e++)
    for (guint i = 0; i < totals[e].n_lhs + totals[e].n_rhs; i++)
      {
        int cell = i < totals[e].n_lhs ? totals[e].lhs[i] : totals[e].rhs[i - totals[e].n_lhs];

        if (b[cell / N_COLS].lo != b[cell / N_COLS].hi)
          return;
      }

  for (guint r = 0; r < n_rows; r++)
    {
      int total = nb_schema_request_cell (edition, r, N_COLS - 1);

      if (p->report->cells[total].has_value || b[r].lo != b[r].hi)
        continue;
      if (b[r].printed >= 0)
        nb_parse_set_source (p, total, &g_array_index (rows[r].vals, Token, b[r].printed));
      else
        set_inferred (p, total, b[r].lo);
      if (b[r].lo == 0 && rows[r].vals->len == 0)
        for (guint k = 0; k + 1 < N_COLS; k++)
          if (!p->report->cells[nb_schema_request_cell (edition, r, k)].has_value)
            set_inferred (p, nb_schema_request_cell (edition, r, k), 0);
    }
}
