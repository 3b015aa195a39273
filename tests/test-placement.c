/* test-placement.c — the placement search and the solver, on tables made up here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"
#include "parse/nb-placement.h"

/* a + b = c over cells 0, 1, 2 */
static const NbSumEquation sum3 = { { 0, 1 }, 2, { 2 }, 1 };

static guint
binomial (guint n,
          guint k)
{
  guint64 r = 1;

  for (guint i = 1; i <= k; i++)
    r = r * (n - k + i) / i;
  return r;
}

static void
test_combinations (void)
{
  for (guint slots = 1; slots <= NB_PLACE_MAX_COLS; slots++)
    for (guint n = 1; n <= slots; n++)
      {
        guint pos[NB_PLACE_MAX_COLS], count = 0;

        nb_place_first (pos, n, slots);
        /* the first leaves its gaps on the left */
        g_assert_cmpuint (pos[0], ==, slots - n);
        do
          {
            for (guint i = 0; i + 1 < n; i++)
              g_assert_cmpuint (pos[i], <, pos[i + 1]);
            g_assert_cmpuint (pos[n - 1], <, slots);
            count++;
          }
        while (nb_place_next (pos, n, slots));
        g_assert_cmpuint (count, ==, binomial (slots, n));
        /* the last leaves them on the right */
        for (guint i = 0; i < n; i++)
          g_assert_cmpuint (pos[i], ==, i);
      }
}

static void
test_propagate (void)
{
  double x[3] = { 2, 5, 0 };
  guint8 known[3] = { TRUE, TRUE, FALSE };

  /* the one unknown cell is determined */
  g_assert_cmpuint (nb_place_propagate (x, known, &sum3, 1), ==, 0);
  g_assert_true (known[2]);
  g_assert_cmpfloat (x[2], ==, 7);

  /* parts that already make the total: the unknown part is 0 */
  {
    double y[3] = { 4, 0, 4 };
    guint8 k[3] = { TRUE, FALSE, TRUE };

    g_assert_cmpuint (nb_place_propagate (y, k, &sum3, 1), ==, 0);
    g_assert_true (k[1]);
    g_assert_cmpfloat (y[1], ==, 0);
  }
  /* parts above the total: a contradiction, the cell left unknown */
  {
    double y[3] = { 4, 0, 3 };
    guint8 k[3] = { TRUE, FALSE, TRUE };

    g_assert_cmpuint (nb_place_propagate (y, k, &sum3, 1), ==, 1);
    g_assert_false (k[1]);
  }
  /* every cell known and the sum wrong */
  {
    double y[3] = { 1, 1, 3 };
    guint8 k[3] = { TRUE, TRUE, TRUE };

    g_assert_cmpuint (nb_place_propagate (y, k, &sum3, 1), ==, 1);
  }
}

static void
search_one_row (const double   *values,
                guint           n,
                NbPlacement    *pl,
                GArray         *cands,
                gboolean       *agrees)
{
  static GArray *rows[1];
  static guint ambiguous[1];
  gboolean is_number[NB_PLACE_MAX_COLS];

  for (guint i = 0; i < n; i++)
    is_number[i] = TRUE;
  nb_place_enumerate (values, is_number, n, 3, cands);
  rows[0] = cands;
  for (guint i = 0; i < 3; i++)
    agrees[i] = TRUE;
  pl->n_rows = 1;
  pl->n_cols = 3;
  pl->cands = rows;
  pl->ambiguous = ambiguous;
  pl->n_ambiguous = cands->len > 1;
  pl->eqs = &sum3;
  pl->n_eqs = 1;
  pl->cell_agrees = agrees;
  nb_place_search (pl);
}

/* 2 and 1 in a row of a + b = c: only 2 1 _ fits (_ 2 1 and 2 _ 1 need a negative) */
static void
test_search_unique (void)
{
  const double values[] = { 2, 1 };
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (NbPlaceCandidate));
  NbPlacement pl = { .max_nodes = 100, .max_leaves = 100, .prune = TRUE };
  gboolean agrees[3];
  const NbPlaceCandidate *best;

  search_one_row (values, 2, &pl, cands, agrees);
  g_assert_cmpuint (cands->len, ==, 3);
  g_assert_false (pl.gave_up);
  g_assert_cmpuint (pl.best_violations, ==, 0);
  g_assert_cmpuint (pl.best_choice[0], ==, 2);
  g_assert_cmpuint (pl.best_set[0], ==, 1 << 2);
  for (guint i = 0; i < 3; i++)
    g_assert_true (pl.best_grid.known[i]);
  g_assert_cmpfloat (pl.best_grid.x[2], ==, 3);
  best = &g_array_index (cands, NbPlaceCandidate, pl.best_choice[0]);
  g_assert_cmpint (best->tok[0], ==, 0);
  g_assert_cmpint (best->tok[1], ==, 1);
  g_assert_cmpint (best->tok[2], ==, -1);
}

/* 3 and 3: _ 3 3, 3 _ 3 and 3 3 _ all fit; they agree on no cell */
static void
test_search_ambiguous (void)
{
  const double values[] = { 3, 3 };
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (NbPlaceCandidate));
  NbPlacement pl = { .max_nodes = 100, .max_leaves = 100, .prune = FALSE };
  gboolean agrees[3];

  search_one_row (values, 2, &pl, cands, agrees);
  g_assert_false (pl.gave_up);
  g_assert_cmpuint (pl.best_violations, ==, 0);
  g_assert_cmpuint (pl.best_set[0], ==, 0x7);
  for (guint i = 0; i < 3; i++)
    g_assert_false (pl.best_grid.known[i]);
}

/* Too many placements to weigh: the row is left unplaced */
static void
test_search_gives_up (void)
{
  const double values[] = { 2, 1 };
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (NbPlaceCandidate));
  NbPlacement pl = { .max_nodes = 100, .max_leaves = 1, .prune = TRUE };
  gboolean agrees[3];

  search_one_row (values, 2, &pl, cands, agrees);
  g_assert_true (pl.gave_up);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (agrees[i]);
      g_assert_false (pl.best_grid.known[i]);
    }
}

/* The row equation from the description, in the parser's numbering: 1 1 2 in a
 * row of seven that adds up to its last fits 35 ways (the total left out, or
 * the 2 as the total and the gaps 0), which agree on no cell */
static void
test_search_requests_row (void)
{
  guint n;
  const NbEquation *eqs = nb_template_get_equations (NB_EDITION_2021, &n);
  const NbEquation *row = nb_template_find_equation (NB_EDITION_2021, "requests.row_sum",
                                                     nb_schema_request_cell (NB_EDITION_2021, 0, 0));
  NbSumEquation eq = { { 0 }, 0, { 0 }, 0 };
  int first = nb_schema_request_cell (NB_EDITION_2021, 0, 0);
  const double values[] = { 1, 1, 2 };
  gboolean is_number[] = { TRUE, TRUE, TRUE };
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (NbPlaceCandidate));
  GArray *rows[1] = { cands };
  guint ambiguous[1] = { 0 };
  gboolean agrees[7] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  NbPlacement pl = { 1, 7, rows, ambiguous, 1, &eq, 1, agrees, 20000, 2000, TRUE };

  g_assert_nonnull (eqs);
  g_assert_nonnull (row);
  for (guint i = 0; i < row->n_terms; i++)
    if (row->terms[i].coef > 0)
      eq.lhs[eq.n_lhs++] = row->terms[i].cell - first;
    else
      eq.rhs[eq.n_rhs++] = row->terms[i].cell - first;
  nb_place_enumerate (values, is_number, 3, 7, cands);
  g_assert_cmpuint (cands->len, ==, 35);
  nb_place_search (&pl);
  g_assert_false (pl.gave_up);
  g_assert_cmpuint (pl.best_violations, ==, 0);
  g_assert_cmpuint (pl.best_set[0], ==, (G_GUINT64_CONSTANT (1) << 35) - 1);
  for (guint i = 0; i < 7; i++)
    g_assert_false (pl.best_grid.known[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/placement/combinations", test_combinations);
  g_test_add_func ("/placement/propagate", test_propagate);
  g_test_add_func ("/placement/search-unique", test_search_unique);
  g_test_add_func ("/placement/search-ambiguous", test_search_ambiguous);
  g_test_add_func ("/placement/search-gives-up", test_search_gives_up);
  g_test_add_func ("/placement/search-requests-row", test_search_requests_row);
  return g_test_run ();
}
