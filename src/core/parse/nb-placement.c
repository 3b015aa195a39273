/* nb-placement.c — placing a table's values in its cells by its equations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-placement.h"

/**
 * nb_place_propagate:
 * @x: the cells' values
 * @known: which of them are known
 *
 * Solves what the equations determine: an equation with one unknown cell
 * gives it; one whose known cells already balance makes its unknown cells 0.
 *
 * Returns: the number of equations contradicted
 */
guint
nb_place_propagate (double              *x,
                    guint8              *known,
                    const NbSumEquation *eqs,
                    guint                n_eqs)
{
  gboolean progress = TRUE;
  guint violations = 0;

  while (progress)
    {
      progress = FALSE;
      for (guint e = 0; e < n_eqs; e++)
        {
          const NbSumEquation *eq = &eqs[e];
          double lsum = 0, rsum = 0;
          int lunk = 0, runk = 0, last_l = -1, last_r = -1;

          for (guint i = 0; i < eq->n_lhs; i++)
            if (known[eq->lhs[i]])
              lsum += x[eq->lhs[i]];
            else
              lunk++, last_l = eq->lhs[i];
          for (guint i = 0; i < eq->n_rhs; i++)
            if (known[eq->rhs[i]])
              rsum += x[eq->rhs[i]];
            else
              runk++, last_r = eq->rhs[i];

          if (lunk + runk == 1)
            {
              double v = lunk ? rsum - lsum : lsum - rsum;
              int cell = lunk ? last_l : last_r;

              if (v < -1e-9)
                continue;  /* contradiction; counted below */
              x[cell] = round (v);
              known[cell] = TRUE;
              progress = TRUE;
            }
          else if (lunk > 0 && runk == 0 && fabs (lsum - rsum) < 1e-9)
            {
              for (guint i = 0; i < eq->n_lhs; i++)
                if (!known[eq->lhs[i]])
                  x[eq->lhs[i]] = 0, known[eq->lhs[i]] = TRUE;
              progress = TRUE;
            }
          else if (runk > 0 && lunk == 0 && fabs (lsum - rsum) < 1e-9)
            {
              for (guint i = 0; i < eq->n_rhs; i++)
                if (!known[eq->rhs[i]])
                  x[eq->rhs[i]] = 0, known[eq->rhs[i]] = TRUE;
              progress = TRUE;
            }
        }
    }

  for (guint e = 0; e < n_eqs; e++)
    {
      const NbSumEquation *eq = &eqs[e];
      double lsum = 0, rsum = 0;
      gboolean all = TRUE;

      for (guint i = 0; i < eq->n_lhs; i++)
        all &= known[eq->lhs[i]], lsum += x[eq->lhs[i]];
      for (guint i = 0; i < eq->n_rhs; i++)
        all &= known[eq->rhs[i]], rsum += x[eq->rhs[i]];
      if (all ? fabs (lsum - rsum) > 1e-6
              : (eq->n_rhs == 1 && known[eq->rhs[0]] && lsum - rsum > 1e-6))
        violations++;
    }
  return violations;
}

/* Placements of n values in n_slots cells, keeping their order: the
 * combinations of n positions, generated from the right so that the first
 * ones leave their gaps on the left. */
void
nb_place_first (guint *pos,
                guint  n,
                guint  n_slots)
{
  for (guint i = 0; i < n; i++)
    pos[i] = n_slots - n + i;
}

/* Moves to the previous combination in lexicographic order; FALSE after the last. */
gboolean
nb_place_next (guint *pos,
               guint  n,
               guint  n_slots)
{
  int i = n - 1;

  /* the rightmost position that can move left */
  while (i >= 0 && pos[i] == (i == 0 ? 0 : pos[i - 1] + 1))
    i--;
  if (i < 0)
    return FALSE;
  pos[i]--;
  for (guint j = i + 1; j < n; j++)
    pos[j] = n_slots - n + j;
  return TRUE;
}

/**
 * nb_place_enumerate:
 * @values: the row's @n values
 * @is_number: whether each is a number (a placeholder stays unknown)
 * @out: (element-type NbPlaceCandidate): where the candidates go
 *
 * All ways to put the row's values into its @n_cols cells in their order,
 * gaps leftmost first; none when they are no fewer than the cells.
 */
void
nb_place_enumerate (const double   *values,
                    const gboolean *is_number,
                    guint           n,
                    guint           n_cols,
                    GArray         *out)
{
  guint pos[NB_PLACE_MAX_COLS];

  g_return_if_fail (n_cols <= NB_PLACE_MAX_COLS);

  if (n == 0 || n >= n_cols)
    return;
  nb_place_first (pos, n, n_cols);
  do
    {
      NbPlaceCandidate cand = { { 0 } };

      for (guint c = 0; c < n_cols; c++)
        cand.tok[c] = -1;
      for (guint i = 0; i < n; i++)
        {
          cand.tok[pos[i]] = i;
          if (is_number[i])
            cand.v[pos[i]] = values[i], cand.known[pos[i]] = TRUE;
        }
      g_array_append_val (out, cand);
    }
  while (nb_place_next (pos, n, n_cols));
}

/* The search for the placements that break the fewest equations: one
 * candidate per ambiguous row, depth first. With some rows chosen, each
 * equation's sides lie between bounds: exact for the cells known, the least
 * and the most a row's candidates give for the rows not chosen yet. An
 * equation whose sides cannot meet is broken by every way to choose the
 * rest, so a branch that already breaks more than the best placement found
 * is cut: for a consistent table, every branch that breaks one. */
typedef struct
{
  NbPlacement *pl;
  guint        choice[NB_PLACE_MAX_ROWS];  /* per row, its candidate now */
  guint        nodes;
  guint        leaves;
  double       lo[NB_PLACE_MAX_CELLS];  /* per cell, the least and the most its row's */
  double       hi[NB_PLACE_MAX_CELLS];  /* candidates give (hi INFINITY: one leaves it unknown) */
} Search;

static void
search_init_bounds (Search *s)
{
  const NbPlacement *pl = s->pl;

  for (guint r = 0; r < pl->n_rows; r++)
    for (guint k = 0; k < pl->n_cols; k++)
      {
        guint cell = r * pl->n_cols + k;

        s->lo[cell] = INFINITY;
        s->hi[cell] = -INFINITY;
        for (guint i = 0; i < pl->cands[r]->len; i++)
          {
            const NbPlaceCandidate *c = &g_array_index (pl->cands[r], NbPlaceCandidate, i);
            gboolean known = c->known[k] && pl->cell_agrees[cell];

            s->lo[cell] = MIN (s->lo[cell], known ? c->v[k] : 0);
            s->hi[cell] = MAX (s->hi[cell], known ? c->v[k] : INFINITY);
          }
      }
}

/* The equations that no choice of the rows left can satisfy (counted up to
 * one more than @limit: beyond that, the branch is cut anyway) */
static guint
bound_violations (const Search      *s,
                  const NbPlaceGrid *g,
                  guint              depth,
                  guint              limit)
{
  const NbPlacement *pl = s->pl;
  guint violations = 0;
  gboolean open[NB_PLACE_MAX_ROWS] = { 0 };

  for (guint i = depth; i < pl->n_ambiguous; i++)
    open[pl->ambiguous[i]] = TRUE;

  for (guint e = 0; e < pl->n_eqs; e++)
    {
      const NbSumEquation *eq = &pl->eqs[e];
      double lo[2] = { 0, 0 }, hi[2] = { 0, 0 };

      for (guint side = 0; side < 2; side++)
        {
          const int *cells = side == 0 ? eq->lhs : eq->rhs;
          guint n = side == 0 ? eq->n_lhs : eq->n_rhs;

          for (guint i = 0; i < n; i++)
            {
              guint cell = cells[i];

              if (g->known[cell])
                lo[side] += g->x[cell], hi[side] += g->x[cell];
              else if (open[cell / pl->n_cols])
                lo[side] += s->lo[cell], hi[side] += s->hi[cell];
              else
                hi[side] = INFINITY;  /* an unknown cell: any value not below 0 */
            }
        }
      if ((lo[0] > hi[1] + 1e-9 || lo[1] > hi[0] + 1e-9) && ++violations > limit)
        break;
    }
  return violations;
}

/* A whole placement: solved, and weighed against the best so far */
static void
search_leaf (Search      *s,
             NbPlaceGrid *g)
{
  NbPlacement *pl = s->pl;
  guint n_cells = pl->n_rows * pl->n_cols;
  guint violations;

  if (++s->leaves > pl->max_leaves)
    {
      s->nodes = pl->max_nodes + 1;  /* too many placements as good as each other */
      return;
    }
  violations = nb_place_propagate (g->x, g->known, pl->eqs, pl->n_eqs);
  if (violations > pl->best_violations)
    return;
  if (violations < pl->best_violations)
    {
      pl->best_violations = violations;
      pl->best_grid = *g;
      memcpy (pl->best_choice, s->choice, pl->n_rows * sizeof (guint));
      for (guint r = 0; r < pl->n_rows; r++)
        pl->best_set[r] = G_GUINT64_CONSTANT (1) << MIN (s->choice[r], 63);
      return;
    }
  for (guint r = 0; r < pl->n_rows; r++)
    pl->best_set[r] |= G_GUINT64_CONSTANT (1) << MIN (s->choice[r], 63);
  for (guint cell = 0; cell < n_cells; cell++)
    if (g->known[cell] != pl->best_grid.known[cell] ||
        (g->known[cell] && g->x[cell] != pl->best_grid.x[cell]))
      pl->best_grid.known[cell] = FALSE;  /* the placements disagree: not determined */
}

static void
search_placements (Search *s,
                   guint   depth)
{
  NbPlacement *pl = s->pl;
  NbPlaceGrid g = { { 0 } };

  if (++s->nodes > pl->max_nodes)
    return;

  for (guint r = 0; r < pl->n_rows; r++)
    {
      const NbPlaceCandidate *c = &g_array_index (pl->cands[r], NbPlaceCandidate, s->choice[r]);
      gboolean chosen = TRUE;

      for (guint i = depth; i < pl->n_ambiguous; i++)
        chosen &= pl->ambiguous[i] != r;
      for (guint k = 0; k < pl->n_cols; k++)
        {
          guint cell = r * pl->n_cols + k;

          g.x[cell] = c->v[k];
          g.known[cell] = chosen && c->known[k] && pl->cell_agrees[cell];
        }
    }
  /* the bounds alone, without propagating: cheap enough for every node
   * (a table with nothing to choose has no branch to cut) */
  if (pl->prune && pl->n_ambiguous > 0 &&
      bound_violations (s, &g, depth, pl->best_violations) > pl->best_violations)
    return;

  if (depth < pl->n_ambiguous)
    {
      guint r = pl->ambiguous[depth];

      for (guint k = 0; k < pl->cands[r]->len; k++)
        {
          s->choice[r] = k;
          search_placements (s, depth + 1);
        }
      s->choice[r] = 0;
      return;
    }
  search_leaf (s, &g);
}

/**
 * nb_place_search:
 *
 * Finds the placements of @pl's rows that break the fewest equations, and
 * the cells they agree on (NbPlacement's "out" fields). With too many ways to
 * place the values, it gives up on the ambiguous rows: they are left
 * unplaced, and the rest is solved.
 */
void
nb_place_search (NbPlacement *pl)
{
  Search search = { 0 }, *s = &search;

  g_return_if_fail (pl->n_rows <= NB_PLACE_MAX_ROWS && pl->n_cols <= NB_PLACE_MAX_COLS &&
                    pl->n_rows * pl->n_cols <= NB_PLACE_MAX_CELLS);

  s->pl = pl;
  pl->best_violations = G_MAXUINT;
  pl->gave_up = FALSE;
  memset (&pl->best_grid, 0, sizeof pl->best_grid);
  memset (pl->best_choice, 0, sizeof pl->best_choice);
  memset (pl->best_set, 0, sizeof pl->best_set);

  if (pl->prune)
    search_init_bounds (s);
  search_placements (s, 0);
  if (s->nodes <= pl->max_nodes)
    return;

  for (guint i = 0; i < pl->n_ambiguous; i++)
    {
      guint r = pl->ambiguous[i];

      for (guint c = 0; c < pl->n_cols; c++)
        pl->cell_agrees[r * pl->n_cols + c] = FALSE;
      s->choice[r] = 0;
    }
  pl->gave_up = TRUE;
  pl->best_violations = G_MAXUINT;
  pl->n_ambiguous = 0;
  s->nodes = s->leaves = 0;
  search_placements (s, 0);
}
