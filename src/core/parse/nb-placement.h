/* nb-placement.h — placing a table's values in its cells by its equations (internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row that holds fewer values than cells could have its gaps anywhere. Each
 * way to place them (a candidate) is weighed by the table's equations: the
 * search takes, for each ambiguous row, the candidate that with the others
 * breaks the fewest equations, and keeps the cells on which every such best
 * placement agrees. Section 三 is searched as its rows of seven cells, section
 * 四 as one row of fifteen.
 */
#pragma once

#include <glib.h>

#include "template/nb-template.h"

G_BEGIN_DECLS

#define NB_PLACE_MAX_COLS  15   /* cells of a row: 7 in section 三; section 四 is one row of 15 */
#define NB_PLACE_MAX_ROWS  NB_TEMPLATE_MAX_REQUEST_ROWS
#define NB_PLACE_MAX_CELLS (NB_TEMPLATE_MAX_REQUEST_ROWS * 7)  /* of a table: rows × columns */

/* The sum of the lhs cells equals the sum of the rhs cells; cells numbered
 * from the table's first, row * n_cols + col (nb_parse_table_equations () in
 * nb-table-equations.c makes them from the template's equations) */
typedef struct
{
  int   lhs[NB_TEMPLATE_MAX_EQUATION_PARTS];
  guint n_lhs;
  int   rhs[NB_TEMPLATE_MAX_EQUATION_TOTALS];
  guint n_rhs;
} NbSumEquation;

/* One way to place a row's values */
typedef struct
{
  double v[NB_PLACE_MAX_COLS];
  guint8 known[NB_PLACE_MAX_COLS];
  int    tok[NB_PLACE_MAX_COLS];  /* index of the value placed in the cell, or -1 */
} NbPlaceCandidate;

typedef struct
{
  double x[NB_PLACE_MAX_CELLS];
  guint8 known[NB_PLACE_MAX_CELLS];
} NbPlaceGrid;

typedef struct
{
  /* in */
  guint                n_rows;
  guint                n_cols;
  GArray             **cands;        /* NbPlaceCandidate, per row; the first is taken when none is better */
  guint               *ambiguous;    /* the rows with several candidates, in search order */
  guint                n_ambiguous;
  const NbSumEquation *eqs;
  guint                n_eqs;
  gboolean            *cell_agrees;  /* per cell, n_rows * n_cols: FALSE leaves it unknown */
  guint                max_nodes;    /* partial placements weighed before giving up */
  guint                max_leaves;   /* whole placements propagated before giving up */
  gboolean             prune;        /* cut branches by the bounds of the rows not chosen yet */
  /* out */
  NbPlaceGrid          best_grid;    /* cells on which all best placements agree, solved */
  guint                best_violations;
  guint                best_choice[NB_PLACE_MAX_ROWS];  /* the first best placement */
  guint64              best_set[NB_PLACE_MAX_ROWS];     /* the candidates some best placement takes */
  gboolean             gave_up;      /* too many placements: the ambiguous rows were left unplaced */
} NbPlacement;

guint    nb_place_propagate (double              *x,
                             guint8              *known,
                             const NbSumEquation *eqs,
                             guint                n_eqs);
void     nb_place_first     (guint               *pos,
                             guint                n,
                             guint                n_slots);
gboolean nb_place_next      (guint               *pos,
                             guint                n,
                             guint                n_slots);
void     nb_place_enumerate (const double        *values,
                             const gboolean      *is_number,
                             guint                n,
                             guint                n_cols,
                             GArray              *out);
void     nb_place_search    (NbPlacement         *pl);

G_END_DECLS
