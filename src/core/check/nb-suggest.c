/* nb-suggest.c — suggested corrections (Fellegi–Holt error localisation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A supervisor who sees five findings in a table rarely faces five mistakes:
 * usually one cell was mistyped and every equation it is in broke at once. This
 * finds the fewest cells whose change makes every equation of the tables hold
 * with non-negative whole numbers, and the values they must then take.
 *
 * The method is exact and small:
 *
 *  - The cells read from the text (or typed by the reviewer) are fixed; the
 *    inferred and missing cells are free unknowns, never counted as changes.
 *  - Sets of 1, 2, 3… cells are tried in turn. Each must hit every equation that
 *    does not hold (a branch over the cells of an unhit equation), then grows
 *    only through cells that share an equation with it: a part of a minimal set
 *    that touched no broken equation could be left as it was.
 *  - For a set, its cells and the free cells become unknowns, bounded by the
 *    equations (interval propagation over the sums), and a small branch finds a
 *    non-negative whole solution. A set counts when one exists; its values are
 *    definite when no other solution gives any of its cells another value
 *    (searched for explicitly, so "definite" is proved, not assumed).
 *  - Every set of the smallest size is listed (up to a bound). A set splits into
 *    independent parts (cells that share no equation); a part is `unique` when
 *    every smallest set holds it with the same values, the search finished and
 *    no smallest set was indefinite.
 *
 * The equations are the template's (nb-equations.h), one place for all.
 *
 * Weights order the answers of one size: a 总计, or a value far from the others
 * in its equations, costs less to doubt than a leaf whose change the prose would
 * contradict; a change to the figure the prose gives costs less; a named slip
 * (21 for 12, …) costs less still.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-report-private.h"
#include "nb-schema.h"
#include "nb-suggest.h"
#include "template/nb-equations.h"

#define MAX_FOUND 24          /* smallest sets listed at most */
#define SEARCH_NODES 4000     /* branch nodes for one solve */
#define DEFAULT_MAX_CELLS 4
#define DEFAULT_BUDGET_MS 250     /* a safety net: the work bound below comes first */
#define MAX_DFS_NODES 20000       /* sets tried or grown, per report: the same answer on any machine */

typedef struct
{
  guint cell;
  int   coef;
} Term;

typedef struct
{
  const char *rule;
  guint       first;  /* into terms */
  guint       n;
} Equation;

typedef struct
{
  guint    cell;
  gint64   value;
} Follow;

typedef struct
{
  guint    n;
  guint    cells[DEFAULT_MAX_CELLS + 4];
  gint64   values[DEFAULT_MAX_CELLS + 4];
  gboolean definite;
  GArray  *follow;   /* Follow: inferred cells whose value must change with the set's */
} Found;

typedef struct
{
  NbReport  *report;
  guint      n_cells;
  GArray    *terms;       /* Term */
  GArray    *eqs;         /* Equation */
  guint     *cell_eq_at;  /* n_cells + 1: CSR of the equations each cell is in */
  guint     *cell_eqs;
  gboolean  *known;       /* a value read or typed: may be doubted */
  gboolean  *free_cell;   /* in an equation, inferred or missing: an unknown */
  gint64    *val;
  gboolean  *violated;    /* per equation */
  guint      n_violated;
  gint64     bound;

  guint      max_cells;
  gint64     deadline;
  gboolean   timed_out;
  gboolean   capped;
  guint      nodes;
  GHashTable *visited;    /* nodes of the current level */
  GArray     *found;      /* Found */

  /* scratch */
  int       *var_of;      /* n_cells: variable index in the current solve, or -1 */
  guint     *mark;        /* n_cells */
  guint      stamp;
} Ctx;

typedef enum
{
  SOLVE_INFEASIBLE,
  SOLVE_DEFINITE,
  SOLVE_INDEFINITE,
  SOLVE_UNKNOWN,
} SolveResult;

/* ------------------------------------------------------------------ */
/* The equations                                                       */

static void
add_equation (Ctx        *cx,
              const char *rule,
              const int  *cells,
              const int  *coefs,
              guint       n)
{
  Equation e = { rule, cx->terms->len, 0 };

  for (guint i = 0; i < n; i++)
    if (cells[i] >= 0)
      {
        Term t = { cells[i], coefs[i] };

        g_array_append_val (cx->terms, t);
        e.n++;
      }
  if (e.n >= 2)
    g_array_append_val (cx->eqs, e);
  else
    g_array_set_size (cx->terms, e.first);
}

/* The table equations of the report's edition, as the template describes them
 * (nb-equations.h): each row's 总计, （七）总计 of each column, 一+二 = （七）+四 in
 * each column, each appeals group. */
static void
build_equations (Ctx *cx)
{
  guint n_eqs = 0;
  const NbEquation *eqs = nb_template_get_equations (cx->report->edition, &n_eqs);

  for (guint e = 0; e < n_eqs; e++)
    {
      g_autofree int *cells = g_new (int, eqs[e].n_terms);
      g_autofree int *coefs = g_new (int, eqs[e].n_terms);

      for (guint i = 0; i < eqs[e].n_terms; i++)
        {
          cells[i] = eqs[e].terms[i].cell;
          coefs[i] = eqs[e].terms[i].coef;
        }
      add_equation (cx, eqs[e].rule_id, cells, coefs, eqs[e].n_terms);
    }
}

static inline const Term *
eq_terms (Ctx   *cx,
          guint  e)
{
  return &g_array_index (cx->terms, Term, g_array_index (cx->eqs, Equation, e).first);
}

static inline guint
eq_len (Ctx   *cx,
        guint  e)
{
  return g_array_index (cx->eqs, Equation, e).n;
}

/* A 总计: the one term of its sign in some sum */
static gboolean
is_total (Ctx   *cx,
          guint  cell)
{
  for (guint k = cx->cell_eq_at[cell]; k < cx->cell_eq_at[cell + 1]; k++)
    {
      guint e = cx->cell_eqs[k];
      const Term *t = eq_terms (cx, e);
      guint same = 0;
      int coef = 0;

      for (guint i = 0; i < eq_len (cx, e); i++)
        if (t[i].cell == cell)
          coef = t[i].coef;
      for (guint i = 0; i < eq_len (cx, e); i++)
        same += t[i].coef == coef;
      if (same == 1)
        return TRUE;
    }
  return FALSE;
}

static void
found_clear (gpointer data)
{
  Found *f = data;

  g_clear_pointer (&f->follow, g_array_unref);
}

static void
ctx_init (Ctx      *cx,
          NbReport *report)
{
  guint n = report->n_cells;
  gint64 sum = 0;

  memset (cx, 0, sizeof *cx);
  cx->report = report;
  cx->n_cells = n;
  cx->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  cx->eqs = g_array_new (FALSE, FALSE, sizeof (Equation));
  build_equations (cx);

  cx->cell_eq_at = g_new0 (guint, n + 1);
  for (guint e = 0; e < cx->eqs->len; e++)
    for (guint i = 0; i < eq_len (cx, e); i++)
      cx->cell_eq_at[eq_terms (cx, e)[i].cell + 1]++;
  for (guint c = 0; c < n; c++)
    cx->cell_eq_at[c + 1] += cx->cell_eq_at[c];
  cx->cell_eqs = g_new (guint, MAX (cx->cell_eq_at[n], 1));
  {
    g_autofree guint *fill = g_memdup2 (cx->cell_eq_at, sizeof (guint) * n);

    for (guint e = 0; e < cx->eqs->len; e++)
      for (guint i = 0; i < eq_len (cx, e); i++)
        {
          guint c = eq_terms (cx, e)[i].cell;

          cx->cell_eqs[fill[c]++] = e;
        }
  }

  cx->known = g_new0 (gboolean, n);
  cx->free_cell = g_new0 (gboolean, n);
  cx->val = g_new0 (gint64, n);
  for (guint c = 0; c < n; c++)
    {
      NbCell *cell = &report->cells[c];

      if (cx->cell_eq_at[c] == cx->cell_eq_at[c + 1])
        continue;
      if (cell->has_value && (cell->origin == NB_ORIGIN_SOURCE || cell->corrected) &&
          fabs (cell->value) < 1e12)
        {
          cx->known[c] = TRUE;
          cx->val[c] = (gint64) llround (cell->value);
          sum += ABS (cx->val[c]);
        }
      else
        cx->free_cell[c] = TRUE;
    }
  cx->bound = MIN (2 * sum + 16, (gint64) 1e13);

  cx->var_of = g_new (int, n);
  for (guint c = 0; c < n; c++)
    cx->var_of[c] = -1;
  cx->mark = g_new0 (guint, n);
  cx->found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_array_set_clear_func (cx->found, found_clear);
}

static void
ctx_clear (Ctx *cx)
{
  g_array_unref (cx->terms);
  g_array_unref (cx->eqs);
  g_free (cx->cell_eq_at);
  g_free (cx->cell_eqs);
  g_free (cx->known);
  g_free (cx->free_cell);
  g_free (cx->val);
  g_free (cx->violated);
  g_free (cx->var_of);
  g_free (cx->mark);
  g_array_unref (cx->found);
  g_clear_pointer (&cx->visited, g_hash_table_unref);
}

/* An equation that cannot hold with the values read, whatever the free cells are */
static void
find_violated (Ctx *cx)
{
  cx->violated = g_new0 (gboolean, cx->eqs->len);
  for (guint e = 0; e < cx->eqs->len; e++)
    {
      const Term *t = eq_terms (cx, e);
      gint64 c = 0, lo = 0, hi = 0;

      for (guint i = 0; i < eq_len (cx, e); i++)
        if (cx->known[t[i].cell])
          c -= t[i].coef * cx->val[t[i].cell];
        else if (t[i].coef > 0)
          hi += cx->bound;
        else
          lo -= cx->bound;
      if (c < lo || c > hi)
        {
          cx->violated[e] = TRUE;
          cx->n_violated++;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Solving for a set                                                   */

typedef struct
{
  guint   n_vars;
  guint   n_set;
  guint  *vars;      /* cells: the set's first, then the free cells they reach */
  guint   n_eqs;
  guint  *eq_at;     /* n_eqs + 1 */
  guint  *eq_var;    /* variable of each term */
  int    *eq_coef;
  gint64 *rhs;
  guint   nodes;
} Sys;

static void
sys_build (Ctx         *cx,
           Sys         *sys,
           const guint *set,
           guint        n_set)
{
  GArray *vars = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *eqs = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *at = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *tv = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *tc = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *rhs = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_set; i++)
    {
      cx->var_of[set[i]] = vars->len;
      g_array_append_val (vars, set[i]);
    }
  /* the equations the unknowns are in, and the free cells those reach */
  for (guint v = 0; v < vars->len; v++)
    {
      guint cell = g_array_index (vars, guint, v);

      for (guint k = cx->cell_eq_at[cell]; k < cx->cell_eq_at[cell + 1]; k++)
        {
          guint e = cx->cell_eqs[k];
          const Term *t = eq_terms (cx, e);

          gboolean seen = FALSE;

          for (guint j = 0; j < eqs->len && !seen; j++)
            seen = g_array_index (eqs, guint, j) == e;
          if (seen)
            continue;
          g_array_append_val (eqs, e);
          for (guint i = 0; i < eq_len (cx, e); i++)
            if (cx->free_cell[t[i].cell] && cx->var_of[t[i].cell] < 0)
              {
                cx->var_of[t[i].cell] = vars->len;
                g_array_append_val (vars, t[i].cell);
              }
        }
    }
  for (guint j = 0; j < eqs->len; j++)
    {
      guint e = g_array_index (eqs, guint, j);
      const Term *t = eq_terms (cx, e);
      gint64 c = 0;

      g_array_append_val (at, tv->len);
      for (guint i = 0; i < eq_len (cx, e); i++)
        {
          int v = cx->var_of[t[i].cell];

          if (v >= 0)
            {
              g_array_append_val (tv, v);
              g_array_append_val (tc, t[i].coef);
            }
          else
            c -= t[i].coef * cx->val[t[i].cell];
        }
      g_array_append_val (rhs, c);
    }
  g_array_append_val (at, tv->len);

  for (guint v = 0; v < vars->len; v++)
    cx->var_of[g_array_index (vars, guint, v)] = -1;

  sys->n_set = n_set;
  sys->n_vars = vars->len;
  sys->vars = (guint *) g_array_free (vars, FALSE);
  sys->n_eqs = eqs->len;
  g_array_unref (eqs);
  sys->eq_at = (guint *) g_array_free (at, FALSE);
  sys->eq_var = (guint *) g_array_free (tv, FALSE);
  sys->eq_coef = (int *) g_array_free (tc, FALSE);
  sys->rhs = (gint64 *) g_array_free (rhs, FALSE);
  sys->nodes = 0;
}

static void
sys_clear (Sys *sys)
{
  g_free (sys->vars);
  g_free (sys->eq_at);
  g_free (sys->eq_var);
  g_free (sys->eq_coef);
  g_free (sys->rhs);
}

/* Narrows each unknown's bounds by every sum it is in; FALSE when none is left */
static gboolean
propagate (Sys    *sys,
           gint64 *lo,
           gint64 *hi)
{
  for (guint round = 0; round < 64; round++)
    {
      gboolean changed = FALSE;

      for (guint e = 0; e < sys->n_eqs; e++)
        {
          gint64 minsum = 0, maxsum = 0, c = sys->rhs[e];

          for (guint k = sys->eq_at[e]; k < sys->eq_at[e + 1]; k++)
            {
              guint v = sys->eq_var[k];

              minsum += sys->eq_coef[k] > 0 ? lo[v] : -hi[v];
              maxsum += sys->eq_coef[k] > 0 ? hi[v] : -lo[v];
            }
          if (c < minsum || c > maxsum)
            return FALSE;
          for (guint k = sys->eq_at[e]; k < sys->eq_at[e + 1]; k++)
            {
              guint v = sys->eq_var[k];
              gboolean pos = sys->eq_coef[k] > 0;
              gint64 tmin = pos ? lo[v] : -hi[v], tmax = pos ? hi[v] : -lo[v];
              gint64 nmin = c - (maxsum - tmax), nmax = c - (minsum - tmin);
              gint64 nlo = pos ? nmin : -nmax, nhi = pos ? nmax : -nmin;

              if (nlo > lo[v])
                lo[v] = nlo, changed = TRUE;
              if (nhi < hi[v])
                hi[v] = nhi, changed = TRUE;
              if (lo[v] > hi[v])
                return FALSE;
            }
        }
      if (!changed)
        return TRUE;
    }
  return TRUE;
}

/* 1: a solution (in sol), 0: none, -1: gave up */
static int
search (Sys          *sys,
        const gint64 *lo0,
        const gint64 *hi0,
        gint64       *sol)
{
  gsize size = sizeof (gint64) * sys->n_vars;
  g_autofree gint64 *lo = g_memdup2 (lo0, size);
  g_autofree gint64 *hi = g_memdup2 (hi0, size);
  int pick = -1, result = 0;
  gint64 width = G_MAXINT64;

  if (++sys->nodes > SEARCH_NODES)
    return -1;
  if (!propagate (sys, lo, hi))
    return 0;
  for (guint v = 0; v < sys->n_vars; v++)
    if (hi[v] > lo[v] && hi[v] - lo[v] < width)
      width = hi[v] - lo[v], pick = v;
  if (pick < 0)
    {
      /* every unknown fixed: the propagation may have stopped early, so check */
      for (guint e = 0; e < sys->n_eqs; e++)
        {
          gint64 s = 0;

          for (guint k = sys->eq_at[e]; k < sys->eq_at[e + 1]; k++)
            s += sys->eq_coef[k] * lo[sys->eq_var[k]];
          if (s != sys->rhs[e])
            return 0;
        }
      memcpy (sol, lo, size);
      return 1;
    }
  {
    g_autofree gint64 *sub_lo = g_memdup2 (lo, size);
    g_autofree gint64 *sub_hi = g_memdup2 (hi, size);
    gint64 l = lo[pick], h = hi[pick], mid = l + (h - l) / 2;
    gint64 parts[2][2] = { { l, mid }, { mid + 1, h } };

    for (guint p = 0; p < 2; p++)
      {
        int r;

        sub_lo[pick] = parts[p][0];
        sub_hi[pick] = parts[p][1];
        r = search (sys, sub_lo, sub_hi, sol);
        if (r == 1)
          return 1;
        if (r < 0)
          result = -1;
        memcpy (sub_lo, lo, size);
        memcpy (sub_hi, hi, size);
      }
  }
  return result;
}

/* Whether a solution exists with unknown @v other than @value */
static gboolean
another_value (Sys          *sys,
               const gint64 *lo,
               const gint64 *hi,
               guint         v,
               gint64        value)
{
  gsize size = sizeof (gint64) * sys->n_vars;
  g_autofree gint64 *other = g_new0 (gint64, sys->n_vars);

  for (guint side = 0; side < 2; side++)
    {
      g_autofree gint64 *l2 = g_memdup2 (lo, size);
      g_autofree gint64 *h2 = g_memdup2 (hi, size);

      if (side == 0)
        h2[v] = value - 1;
      else
        l2[v] = value + 1;
      if (l2[v] > h2[v])
        continue;
      sys->nodes = 0;
      if (search (sys, l2, h2, other) != 0)
        return TRUE;  /* found, or gave up: not proved definite */
    }
  return FALSE;
}

static SolveResult
solve (Ctx         *cx,
       const guint *set,
       guint        n_set,
       gint64      *values,
       GArray     **follow)
{
  Sys sys;
  SolveResult result;
  g_autofree gint64 *lo = NULL, *hi = NULL, *sol = NULL;
  int r;

  *follow = NULL;
  sys_build (cx, &sys, set, n_set);
  lo = g_new0 (gint64, sys.n_vars);
  hi = g_new (gint64, sys.n_vars);
  sol = g_new0 (gint64, sys.n_vars);
  for (guint v = 0; v < sys.n_vars; v++)
    hi[v] = cx->bound;

  r = search (&sys, lo, hi, sol);
  if (r <= 0)
    {
      sys_clear (&sys);
      return r == 0 ? SOLVE_INFEASIBLE : SOLVE_UNKNOWN;
    }
  /* definite: no solution gives one of the set's cells another value */
  result = SOLVE_DEFINITE;
  for (guint v = 0; v < n_set && result == SOLVE_DEFINITE; v++)
    {
      if (another_value (&sys, lo, hi, v, sol[v]))
        result = SOLVE_INDEFINITE;
      values[v] = sol[v];
    }
  /* an inferred cell whose value must change too follows the set, when that value is
   * definite as well; otherwise the set has no definite correction */
  for (guint v = n_set; v < sys.n_vars && result == SOLVE_DEFINITE; v++)
    {
      NbCell *c = &cx->report->cells[sys.vars[v]];

      if (!c->has_value || (double) sol[v] == c->value)
        continue;
      if (another_value (&sys, lo, hi, v, sol[v]))
        result = SOLVE_INDEFINITE;
      else
        {
          Follow fw = { sys.vars[v], sol[v] };

          if (*follow == NULL)
            *follow = g_array_new (FALSE, FALSE, sizeof (Follow));
          g_array_append_val (*follow, fw);
        }
    }
  if (result != SOLVE_DEFINITE)
    g_clear_pointer (follow, g_array_unref);
  sys_clear (&sys);
  return result;
}

/* ------------------------------------------------------------------ */
/* Enumerating the sets                                                */

/* A set as one number: its cells (each below 65,535) in order, 16 bits each */
static gint64
set_key (const guint *set,
         guint        n)
{
  guint sorted[DEFAULT_MAX_CELLS + 4];
  guint64 key = 0;

  memcpy (sorted, set, n * sizeof (guint));
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
      {
        guint t = sorted[j];

        sorted[j] = sorted[j - 1];
        sorted[j - 1] = t;
      }
  for (guint i = 0; i < n; i++)
    key = (key << 16) | (sorted[i] + 1);
  return (gint64) key;
}

static gboolean
in_set (const guint *set,
        guint        n,
        guint        cell)
{
  for (guint i = 0; i < n; i++)
    if (set[i] == cell)
      return TRUE;
  return FALSE;
}

static gboolean
eq_hit (Ctx         *cx,
        guint        e,
        const guint *set,
        guint        n)
{
  const Term *t = eq_terms (cx, e);

  for (guint i = 0; i < eq_len (cx, e); i++)
    if (in_set (set, n, t[i].cell))
      return TRUE;
  return FALSE;
}

static void
record (Ctx          *cx,
        const guint  *set,
        guint         n,
        SolveResult   result,
        const gint64 *values,
        GArray       *follow)
{
  Found f = { n, { 0 }, { 0 }, result == SOLVE_DEFINITE, follow };

  if (cx->found->len >= MAX_FOUND)
    {
      cx->capped = TRUE;
      g_clear_pointer (&follow, g_array_unref);
      return;
    }
  memcpy (f.cells, set, n * sizeof (guint));
  if (values)
    memcpy (f.values, values, n * sizeof (gint64));
  g_array_append_val (cx->found, f);
}

/* The cells that share an equation with @cell, directly or through free cells */
static void
collect_neighbours (Ctx    *cx,
                    guint   cell,
                    GArray *out)
{
  guint stamp = ++cx->stamp;
  GArray *queue = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (queue, cell);
  cx->mark[cell] = stamp;
  for (guint q = 0; q < queue->len; q++)
    {
      guint c = g_array_index (queue, guint, q);

      for (guint k = cx->cell_eq_at[c]; k < cx->cell_eq_at[c + 1]; k++)
        {
          guint e = cx->cell_eqs[k];
          const Term *t = eq_terms (cx, e);

          for (guint i = 0; i < eq_len (cx, e); i++)
            {
              guint o = t[i].cell;

              if (cx->mark[o] == stamp)
                continue;
              cx->mark[o] = stamp;
              if (cx->known[o])
                g_array_append_val (out, o);
              else if (cx->free_cell[o])
                g_array_append_val (queue, o);
            }
        }
    }
  g_array_unref (queue);
}

static void
dfs (Ctx   *cx,
     guint *set,
     guint  n,
     guint  k)
{
  gint64 key;
  int best = -1;
  guint best_n = G_MAXUINT;

  if (cx->timed_out || cx->capped)
    return;
  if (++cx->nodes > MAX_DFS_NODES || g_get_monotonic_time () > cx->deadline)
    {
      cx->timed_out = TRUE;
      return;
    }
  key = set_key (set, n);
  if (g_hash_table_contains (cx->visited, &key))
    return;
  g_hash_table_add (cx->visited, g_memdup2 (&key, sizeof key));

  /* an equation still broken: one of its cells must change */
  for (guint e = 0; e < cx->eqs->len; e++)
    if (cx->violated[e] && !eq_hit (cx, e, set, n))
      {
        guint m = 0;
        const Term *t = eq_terms (cx, e);

        for (guint i = 0; i < eq_len (cx, e); i++)
          m += cx->known[t[i].cell];
        if (m < best_n)
          best_n = m, best = e;
      }
  if (best >= 0)
    {
      const Term *t = eq_terms (cx, best);

      if (n == k)
        return;
      for (guint i = 0; i < eq_len (cx, best); i++)
        if (cx->known[t[i].cell] && !in_set (set, n, t[i].cell))
          {
            set[n] = t[i].cell;
            dfs (cx, set, n + 1, k);
          }
      return;
    }

  /* every broken equation is hit: try the set as it is */
  if (n == k)
    {
      SolveResult result;
      gint64 values[DEFAULT_MAX_CELLS + 4];
      GArray *follow = NULL;

      /* the visited nodes of this size are new: each set is solved once */
      result = solve (cx, set, n, values, &follow);
      if (result != SOLVE_INFEASIBLE)
        record (cx, set, n, result, result == SOLVE_DEFINITE ? values : NULL, follow);
      else
        g_clear_pointer (&follow, g_array_unref);
      return;
    }
  /* a smaller set that hits them all was tried at a smaller size and failed:
   * grow it through the cells it shares an equation with */
  {
    g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < n; i++)
      collect_neighbours (cx, set[i], next);
    for (guint i = 0; i < next->len; i++)
      {
        guint c = g_array_index (next, guint, i);

        if (in_set (set, n, c))
          continue;
        set[n] = c;
        dfs (cx, set, n + 1, k);
      }
  }
}

/* ------------------------------------------------------------------ */
/* From sets to suggestions                                            */

static char *
finding_key (NbFinding *f)
{
  guint n_cells, n_spans;
  const guint *cells = nb_finding_get_cells (f, &n_cells);
  const NbSpan *spans = nb_finding_get_spans (f, &n_spans);

  return g_strdup_printf ("%s|%d|%d", nb_finding_get_rule (f), n_cells ? (int) cells[0] : -1,
                          n_spans ? spans[0].start : -1);
}

/* The findings with the suggestion applied */
static GPtrArray *
check_with (NbReport           *report,
            const NbSuggestion *s)
{
  g_autofree NbCell *saved = g_new (NbCell, s->n_cells);
  GPtrArray *after;

  for (guint i = 0; i < s->n_cells; i++)
    {
      NbCell *c = &report->cells[s->cells[i].cell];

      saved[i] = *c;
      c->has_value = TRUE;
      c->value = s->cells[i].suggested;
    }
  /* the checks the report runs (the loader's), else the core's */
  after = report->checker ? report->checker (report) : nb_checker_run (report);
  for (guint i = s->n_cells; i-- > 0;)
    report->cells[s->cells[i].cell] = saved[i];
  return after;
}

static gboolean
is_transposition (double a,
                  double b)
{
  char sa[32], sb[32];
  guint n, diff = 0, at = 0;

  if (a < 10 || b < 10 || a != floor (a) || b != floor (b) || a > 1e15 || b > 1e15)
    return FALSE;
  g_snprintf (sa, sizeof sa, "%.0f", a);
  g_snprintf (sb, sizeof sb, "%.0f", b);
  n = strlen (sa);
  if (strlen (sb) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (sa[i] != sb[i])
      {
        if (diff++ == 0)
          at = i;
      }
  return diff == 2 && at + 1 < n && sa[at] == sb[at + 1] && sa[at + 1] == sb[at];
}

static NbSlipKind
name_slip (Ctx                *cx,
           const NbSuggestion *s,
           GListModel         *before)
{
  NbEdition ed = cx->report->edition;

  if (s->n_doubted == 1)
    {
      guint cell = s->cells[0].cell;

      if (s->cells[0].had_value && is_transposition (s->cells[0].value, s->cells[0].suggested))
        return NB_SLIP_TRANSPOSED_DIGITS;
      if (is_total (cx, cell))
        for (guint i = 0; i < s->n_resolves; i++)
          {
            g_autoptr(NbFinding) f = g_list_model_get_item (before, s->resolves[i]);

            if (g_str_equal (nb_finding_get_rule (f), "prose.table_mismatch") && nb_finding_has_cell (f, cell))
              return NB_SLIP_STALE_TOTAL;
          }
      return NB_SLIP_NONE;
    }

  /* all in one row of section 三 */
  {
    const NbCellDef *d0 = nb_schema_get_cell (ed, s->cells[0].cell);
    gboolean one_row = d0->table == NB_TABLE_REQUESTS, one_col = one_row;

    for (guint i = 1; i < s->n_doubted; i++)
      {
        const NbCellDef *d = nb_schema_get_cell (ed, s->cells[i].cell);

        one_row = one_row && d->table == NB_TABLE_REQUESTS && d->row == d0->row;
        one_col = one_col && d->table == NB_TABLE_REQUESTS && d->col == d0->col;
      }
    if (one_col && s->n_doubted == 2 && s->cells[0].had_value && s->cells[1].had_value &&
        s->cells[0].value == s->cells[1].suggested && s->cells[1].value == s->cells[0].suggested)
      return NB_SLIP_WRONG_ROW;
    if (one_row)
      {
        double now[NB_REQUEST_COLUMN_TOTAL], want[NB_REQUEST_COLUMN_TOTAL];
        gboolean right = TRUE, left = TRUE;

        for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
          {
            int cell = nb_schema_request_cell (ed, d0->row, c);
            NbCell *rc = &cx->report->cells[cell];

            now[c] = want[c] = rc->has_value ? rc->value : 0;
            for (guint i = 0; i < s->n_doubted; i++)
              if (s->cells[i].cell == (guint) cell)
                want[c] = s->cells[i].suggested;
          }
        for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
          {
            right = right && now[c] == (c > 0 ? want[c - 1] : 0);
            left = left && now[c] == (c + 1 < NB_REQUEST_COLUMN_TOTAL ? want[c + 1] : 0);
          }
        if (right || left)
          return NB_SLIP_SHIFTED_ROW;
      }
  }
  return NB_SLIP_NONE;
}

/* A value far from the others in its equations: ten times the largest */
static gboolean
far_from_neighbours (Ctx   *cx,
                     guint  cell)
{
  gint64 v = cx->val[cell], largest = 0;

  if (v < 10)
    return FALSE;
  for (guint k = cx->cell_eq_at[cell]; k < cx->cell_eq_at[cell + 1]; k++)
    {
      guint e = cx->cell_eqs[k];
      const Term *t = eq_terms (cx, e);

      for (guint i = 0; i < eq_len (cx, e); i++)
        if (t[i].cell != cell && cx->known[t[i].cell] && t[i].coef == 1)
          largest = MAX (largest, cx->val[t[i].cell]);
    }
  return v > 10 * MAX (largest, 1);
}

static gboolean
same_part (const NbSuggestion *a,
           const NbSuggestion *b)
{
  if (a->n_doubted != b->n_doubted)
    return FALSE;
  for (guint i = 0; i < a->n_doubted; i++)
    if (a->cells[i].cell != b->cells[i].cell || a->cells[i].suggested != b->cells[i].suggested)
      return FALSE;
  return TRUE;
}

static gboolean
share_equation (Ctx   *cx,
                guint  a,
                guint  b)
{
  for (guint k = cx->cell_eq_at[a]; k < cx->cell_eq_at[a + 1]; k++)
    for (guint j = cx->cell_eq_at[b]; j < cx->cell_eq_at[b + 1]; j++)
      if (cx->cell_eqs[k] == cx->cell_eqs[j])
        return TRUE;
  return FALSE;
}

/* The parts of a set: its cells grouped by the equations they share */
static void
split_found (Ctx         *cx,
             const Found *f,
             GPtrArray   *parts)
{
  guint group[DEFAULT_MAX_CELLS + 4];
  guint first = parts->len;  /* this set's parts */

  for (guint i = 0; i < f->n; i++)
    group[i] = i;
  for (gboolean changed = TRUE; changed;)
    {
      changed = FALSE;
      for (guint i = 0; i < f->n; i++)
        for (guint j = 0; j < f->n; j++)
          if (group[j] < group[i] && share_equation (cx, f->cells[i], f->cells[j]))
            group[i] = group[j], changed = TRUE;
    }
  for (guint g = 0; g < f->n; g++)
    {
      NbSuggestion *s = NULL;
      guint n_follow = f->follow ? f->follow->len : 0;

      for (guint i = 0; i < f->n; i++)
        if (group[i] == g)
          {
            NbCell *c = &cx->report->cells[f->cells[i]];
            NbSuggestedCell sc = { f->cells[i], c->has_value, c->has_value ? c->value : 0, (double) f->values[i], FALSE };
            guint at;

            if (s == NULL)
              {
                s = g_new0 (NbSuggestion, 1);
                s->cells = g_new (NbSuggestedCell, f->n + n_follow);
              }
            /* sorted by cell */
            for (at = s->n_cells; at > 0 && s->cells[at - 1].cell > sc.cell; at--)
              s->cells[at] = s->cells[at - 1];
            s->cells[at] = sc;
            s->n_cells++;
          }
      if (s)
        {
          s->n_doubted = s->n_cells;
          g_ptr_array_add (parts, s);
        }
    }
  /* the blank cells that follow go with the part they share an equation with */
  if (f->follow)
    {
      g_autofree gboolean *placed = g_new0 (gboolean, f->follow->len);
      for (gboolean changed = TRUE; changed;)
        {
          changed = FALSE;
          for (guint i = 0; i < f->follow->len; i++)
            for (guint p = first; p < parts->len && !placed[i]; p++)
              {
                NbSuggestion *s = g_ptr_array_index (parts, p);

                for (guint k = 0; k < s->n_cells && !placed[i]; k++)
                  if (share_equation (cx, s->cells[k].cell, g_array_index (f->follow, Follow, i).cell))
                    {
                      Follow *fw = &g_array_index (f->follow, Follow, i);
                      NbCell *c = &cx->report->cells[fw->cell];
                      NbSuggestedCell sc = { fw->cell, TRUE, c->value, (double) fw->value, TRUE };

                      s->cells[s->n_cells++] = sc;
                      placed[i] = changed = TRUE;
                    }
              }
        }
      for (guint i = 0; i < f->follow->len; i++)
        if (!placed[i])
          {
            NbSuggestion *s = g_ptr_array_index (parts, first);
            Follow *fw = &g_array_index (f->follow, Follow, i);
            NbSuggestedCell sc = { fw->cell, TRUE, cx->report->cells[fw->cell].value, (double) fw->value, TRUE };

            s->cells[s->n_cells++] = sc;
          }
    }
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const NbSuggestion *sa = *(NbSuggestion **) a, *sb = *(NbSuggestion **) b;

  if (sa->unique != sb->unique)
    return sa->unique ? -1 : 1;
  if (sa->weight != sb->weight)
    return sa->weight < sb->weight ? -1 : 1;
  return (int) sa->cells[0].cell - (int) sb->cells[0].cell;
}

void
nb_suggestion_free (NbSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->cells);
  g_free (suggestion->resolves);
  g_free (suggestion);
}

/* The smallest sets of cells whose change makes the tables add up, smallest size first */
static void
search_smallest_sets (Ctx *cx)
{
  if (cx->n_violated == 0)
    return;
  for (guint k = 1; k <= cx->max_cells && cx->found->len == 0 && !cx->timed_out; k++)
    {
      guint set[DEFAULT_MAX_CELLS + 4];

      g_clear_pointer (&cx->visited, g_hash_table_unref);
      cx->visited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      dfs (cx, set, 0, k);
    }
}

/* In how many of the first @n_found smallest sets @s's every change is */
static guint
count_holding_sets (Ctx                *cx,
                    guint               n_found,
                    const NbSuggestion *s)
{
  guint holding = 0;

  for (guint j = 0; j < n_found; j++)
    {
      Found *f = &g_array_index (cx->found, Found, j);
      guint match = 0;

      for (guint a = 0; a < s->n_doubted; a++)
        for (guint b = 0; b < f->n; b++)
          if (f->definite && f->cells[b] == s->cells[a].cell && (double) f->values[b] == s->cells[a].suggested)
            match++;
      holding += match == s->n_doubted;
    }
  return holding;
}

/* Checks the report with @s applied: fills in the findings it resolves, and tells whether
 * the prose then disagrees with the tables (a new prose finding) or agreed with the
 * corrected value (a prose finding resolved) */
static void
compare_findings (NbReport     *report,
                  NbSuggestion *s,
                  GListModel   *before,
                  GHashTable   *before_keys,
                  gboolean     *contradicts_prose,
                  gboolean     *agrees_with_prose)
{
  g_autoptr(GPtrArray) after = check_with (report, s);
  g_autoptr(GHashTable) after_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) resolves = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_before = g_list_model_get_n_items (before);

  for (guint j = 0; j < after->len; j++)
    {
      NbFinding *f = g_ptr_array_index (after, j);
      char *key = finding_key (f);

      if (!g_hash_table_contains (before_keys, key) && g_str_has_prefix (nb_finding_get_rule (f), "prose."))
        *contradicts_prose = TRUE;
      g_hash_table_add (after_keys, key);
    }
  for (guint j = 0; j < n_before; j++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (before, j);
      g_autofree char *key = finding_key (f);

      if (!g_hash_table_contains (after_keys, key))
        {
          g_array_append_val (resolves, j);
          /* the prose gives the value the correction restores */
          *agrees_with_prose |= g_str_has_prefix (nb_finding_get_rule (f), "prose.");
        }
    }
  s->n_resolves = resolves->len;
  s->resolves = (guint *) g_array_free (g_steal_pointer (&resolves), FALSE);
}

/* How unlikely @s is: the lighter, the more likely (the list is sorted by it) */
static double
weigh_suggestion (Ctx                *cx,
                  const NbSuggestion *s,
                  gboolean            contradicts_prose,
                  gboolean            agrees_with_prose)
{
  double weight = 0;

  for (guint a = 0; a < s->n_doubted; a++)
    {
      guint cell = s->cells[a].cell;
      double w = 1.0;

      if (is_total (cx, cell))
        w -= 0.1;
      if (far_from_neighbours (cx, cell))
        w -= 0.15;
      if (contradicts_prose)
        w += 0.25;
      if (agrees_with_prose)
        w -= 0.2;
      weight += w;
    }
  if (s->kind != NB_SLIP_NONE)
    weight *= 0.8;
  return weight;
}

/**
 * nb_report_suggest_full:
 * @max_cells: the largest set tried (at most 4)
 * @budget_ms: the time the search may take
 * @complete: (out) (optional): whether the search finished within its bounds
 *
 * Returns: (transfer full) (element-type NbSuggestion): the suggested corrections,
 *   unique ones first, then the most likely
 */
GPtrArray *
nb_report_suggest_full (NbReport *report,
                        guint     max_cells,
                        guint     budget_ms,
                        gboolean *complete)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_suggestion_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_suggestion_free);
  GListModel *before;
  g_autoptr(GHashTable) before_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_before;
  gboolean any_indefinite = FALSE;
  guint n_found;
  Ctx cx;

  g_return_val_if_fail (NB_IS_REPORT (report), out);
  g_return_val_if_fail (report->n_cells < G_MAXUINT16, out);

  before = nb_report_get_findings (report);
  n_before = g_list_model_get_n_items (before);
  max_cells = CLAMP (max_cells, 1, DEFAULT_MAX_CELLS);
  ctx_init (&cx, report);
  cx.max_cells = max_cells;
  cx.deadline = g_get_monotonic_time () + (gint64) budget_ms * 1000;
  find_violated (&cx);
  search_smallest_sets (&cx);
  if (complete)
    *complete = !cx.timed_out && !cx.capped;

  n_found = cx.found->len;
  for (guint i = 0; i < n_found; i++)
    {
      Found *f = &g_array_index (cx.found, Found, i);

      if (f->definite)
        split_found (&cx, f, parts);
      else
        any_indefinite = TRUE;
    }

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (before, i);

      g_hash_table_add (before_keys, finding_key (f));
    }

  for (guint i = 0; i < parts->len; i++)
    {
      NbSuggestion *s = g_ptr_array_index (parts, i);
      gboolean seen = FALSE;
      gboolean contradicts_prose = FALSE, agrees_with_prose = FALSE;

      for (guint j = 0; j < out->len && !seen; j++)
        seen = same_part (s, g_ptr_array_index (out, j));
      if (seen)
        continue;
      s->unique = count_holding_sets (&cx, n_found, s) == n_found &&
                  !any_indefinite && !cx.timed_out && !cx.capped;
      compare_findings (report, s, before, before_keys, &contradicts_prose, &agrees_with_prose);
      s->kind = name_slip (&cx, s, before);
      s->weight = weigh_suggestion (&cx, s, contradicts_prose, agrees_with_prose);

      g_ptr_array_add (out, g_ptr_array_steal_index (parts, i));
      i--;
    }
  g_ptr_array_sort (out, compare_suggestions);
  ctx_clear (&cx);
  return out;
}

/**
 * nb_report_suggest:
 *
 * The suggested corrections for the report's tables as they are now, with the
 * default bounds (sets of up to four cells, 20,000 sets tried, 250 ms).
 *
 * Returns: (transfer full) (element-type NbSuggestion): the suggestions
 */
GPtrArray *
nb_report_suggest (NbReport *report)
{
  return nb_report_suggest_full (report, DEFAULT_MAX_CELLS, DEFAULT_BUDGET_MS, NULL);
}

gboolean
nb_suggestion_resolves (const NbSuggestion *suggestion,
                        guint               finding)
{
  for (guint i = 0; i < suggestion->n_resolves; i++)
    if (suggestion->resolves[i] == finding)
      return TRUE;
  return FALSE;
}

const char *
nb_slip_kind_to_string (NbSlipKind kind)
{
  switch (kind)
    {
    case NB_SLIP_TRANSPOSED_DIGITS: return "transposed_digits";
    case NB_SLIP_SHIFTED_ROW: return "shifted_row";
    case NB_SLIP_WRONG_ROW: return "wrong_row";
    case NB_SLIP_STALE_TOTAL: return "stale_total";
    case NB_SLIP_NONE:
    default: return NULL;
    }
}

static const char *
slip_label (NbSlipKind kind,
            gboolean   zh)
{
  switch (kind)
    {
    case NB_SLIP_TRANSPOSED_DIGITS: return zh ? "数字顺序颠倒" : "transposed digits";
    case NB_SLIP_SHIFTED_ROW: return zh ? "一行数字错位一列" : "row shifted one column";
    case NB_SLIP_WRONG_ROW: return zh ? "数字填入了错误的行" : "value typed into the wrong row";
    case NB_SLIP_STALE_TOTAL: return zh ? "总计未随各项更新" : "stale total";
    case NB_SLIP_NONE:
    default: return NULL;
    }
}

/**
 * nb_suggestion_describe:
 * @lang: "zh_CN" or "en"
 *
 * Returns: (transfer full): one line: the cells, their values now and suggested,
 *   whether it is the only minimal correction, and the slip's name
 */
char *
nb_suggestion_describe (NbReport           *report,
                        const NbSuggestion *suggestion,
                        const char         *lang)
{
  gboolean zh = lang && g_str_has_prefix (lang, "zh");
  NbEdition ed = nb_report_get_edition (report);
  GString *out = g_string_new (NULL);
  const char *slip = slip_label (suggestion->kind, zh);

  for (guint i = 0; i < suggestion->n_cells; i++)
    {
      const NbSuggestedCell *c = &suggestion->cells[i];
      g_autofree char *name = nb_schema_describe_cell (ed, c->cell, !zh);
      g_autofree char *now = c->had_value ? nb_format_number (c->value) : g_strdup (zh ? "空" : "empty");
      g_autofree char *want = nb_format_number (c->suggested);

      g_string_append_printf (out, "%s%s%s %s → %s", i ? (zh ? "；" : "; ") : "",
                              c->follows ? (zh ? "（推算值）" : "(inferred) ") : "", name, now, want);
    }
  if (zh)
    g_string_append_printf (out, "（%s%s%s，可消除 %u 条问题）", suggestion->unique ? "唯一的最小更正" : "可能的更正之一",
                            slip ? "，" : "", slip ? slip : "", suggestion->n_resolves);
  else
    g_string_append_printf (out, " (%s%s%s; resolves %u finding%s)",
                            suggestion->unique ? "the only minimal correction" : "one of several possible corrections",
                            slip ? ", " : "", slip ? slip : "", suggestion->n_resolves,
                            suggestion->n_resolves == 1 ? "" : "s");
  return g_string_free (out, FALSE);
}

static void
json_double (GString *out,
             double   v)
{
  if (v == floor (v) && fabs (v) < 1e15)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", v));
    }
}

/**
 * nb_suggestions_to_json:
 *
 * Returns: (transfer full): SCHEMA.md's "suggestions" array, as JSON text
 */
char *
nb_suggestions_to_json (NbReport  *report,
                        GPtrArray *suggestions)
{
  NbEdition ed = nb_report_get_edition (report);
  GString *out = g_string_new ("[");

  for (guint i = 0; i < suggestions->len; i++)
    {
      const NbSuggestion *s = g_ptr_array_index (suggestions, i);
      const char *kind = nb_slip_kind_to_string (s->kind);

      g_string_append (out, i ? ",{\"cells\":[" : "{\"cells\":[");
      for (guint k = 0; k < s->n_cells; k++)
        {
          g_string_append_printf (out, "%s{\"cell\":\"%s\",\"value\":", k ? "," : "",
                                  nb_schema_get_cell (ed, s->cells[k].cell)->id);
          if (s->cells[k].had_value)
            json_double (out, s->cells[k].value);
          else
            g_string_append (out, "null");
          g_string_append (out, ",\"suggested\":");
          json_double (out, s->cells[k].suggested);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "],\"resolves\":[");
      for (guint k = 0; k < s->n_resolves; k++)
        g_string_append_printf (out, "%s%u", k ? "," : "", s->resolves[k]);
      g_string_append_printf (out, "],\"unique\":%s,\"kind\":", s->unique ? "true" : "false");
      if (kind)
        g_string_append_printf (out, "\"%s\"}", kind);
      else
        g_string_append (out, "null}");
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}
