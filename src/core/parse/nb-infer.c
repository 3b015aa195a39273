/* nb-infer.c — the inferred cells, derived again from the values a report holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser infers a cell the report left empty when its table's equations
 * determine it (nb-parse-requests.c, nb-parse-appeals.c). After an edit those
 * cells are derived again by the same propagation (nb_place_propagate ()) from
 * the values the tables hold then: the values read, typed in or accepted. A cell
 * no longer determined goes back to missing; a cell the user typed is never
 * touched.
 *
 * Some inferred values come from the placement search, which weighed printed
 * values that were not placed in any cell; the propagation from the cells alone
 * does not give them. nb_infer_mark () keeps those as they are (a fixed value,
 * like one read), so that deriving again right after parsing changes nothing.
 */
#include "config.h"

#include "nb-parse-private.h"

typedef struct
{
  guint first;    /* the table's first cell in the schema */
  guint n_cells;
} Range;

typedef void (*TableFunc) (NbReport    *report,
                           const Range *r,
                           GArray      *changed);

/* Calls @func for each table that has equations: sections 三 and 四 */
static void
each_table (NbReport  *report,
            TableFunc  func,
            GArray    *changed)
{
  NbEdition edition = report->edition;
  Range ranges[] = {
    { nb_schema_request_cell (edition, 0, 0), nb_schema_get_n_request_rows (edition) * N_COLS },
    { nb_schema_appeal_cell (edition, 0, 0), NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS },
  };

  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    {
      g_return_if_fail (ranges[k].first + ranges[k].n_cells <= report->n_cells);
      g_return_if_fail (ranges[k].n_cells <= NB_PLACE_MAX_CELLS);
      func (report, &ranges[k], changed);
    }
}

/* A value the equations start from: read, typed in, accepted, or inferred in a way
 * the propagation does not repeat */
static gboolean
is_fixed (const NbCell *c)
{
  if (!c->has_value)
    return FALSE;
  return c->origin == NB_ORIGIN_SOURCE || c->corrected || c->accepted ||
         (c->origin == NB_ORIGIN_INFERRED && !c->reinfer);
}

/* What the equations of the table at @r determine, into @x and @known (table numbering) */
static void
solve (NbReport    *report,
       const Range *r,
       double      *x,
       guint8      *known)
{
  Equation eqs[MAX_TABLE_EQUATIONS];
  guint n_eqs = nb_parse_table_equations (report->edition, r->first, r->n_cells, eqs);

  for (guint i = 0; i < r->n_cells; i++)
    {
      const NbCell *c = &report->cells[r->first + i];

      known[i] = is_fixed (c);
      x[i] = known[i] ? c->value : 0;
    }
  nb_place_propagate (x, known, eqs, n_eqs);
}

static void
mark_table (NbReport    *report,
            const Range *r,
            GArray      *changed)
{
  double x[NB_PLACE_MAX_CELLS];
  guint8 known[NB_PLACE_MAX_CELLS];
  gboolean again = TRUE;

  for (guint i = 0; i < r->n_cells; i++)
    {
      NbCell *c = &report->cells[r->first + i];

      c->reinfer = c->origin == NB_ORIGIN_INFERRED && c->has_value;
    }
  /* a cell the propagation does not give as it was inferred stays fixed; the
   * others may then depend on it: again, until each one left is given */
  while (again)
    {
      again = FALSE;
      solve (report, r, x, known);
      for (guint i = 0; i < r->n_cells; i++)
        {
          NbCell *c = &report->cells[r->first + i];

          if (c->reinfer && (!known[i] || x[i] != c->value))
            c->reinfer = FALSE, again = TRUE;
        }
    }
}

/**
 * nb_infer_mark:
 *
 * After parsing: marks the inferred cells that nb_infer_run () derives again,
 * those the equations give from the other cells as they were read.
 */
void
nb_infer_mark (NbReport *report)
{
  each_table (report, mark_table, NULL);
}

static void
run_table (NbReport    *report,
           const Range *r,
           GArray      *changed)
{
  double x[NB_PLACE_MAX_CELLS];
  guint8 known[NB_PLACE_MAX_CELLS];
  gboolean any = FALSE;

  for (guint i = 0; i < r->n_cells; i++)
    any |= report->cells[r->first + i].reinfer;
  if (!any)
    return;
  solve (report, r, x, known);
  for (guint i = 0; i < r->n_cells; i++)
    {
      NbCell *c = &report->cells[r->first + i];
      guint cell = r->first + i;

      if (!c->reinfer || c->corrected || c->accepted)
        continue;
      if (c->has_value == known[i] && (!known[i] || c->value == x[i]))
        continue;
      c->has_value = known[i];
      c->value = known[i] ? x[i] : 0;
      c->origin = known[i] ? NB_ORIGIN_INFERRED : NB_ORIGIN_MISSING;
      g_array_append_val (changed, cell);
    }
}

/**
 * nb_infer_run:
 * @changed: (element-type guint): the cells whose value changed are appended
 *
 * Derives the inferred cells again from the values the tables hold now; a cell
 * the equations no longer determine becomes missing. Corrected and accepted
 * cells are left as they are.
 */
void
nb_infer_run (NbReport *report,
              GArray   *changed)
{
  each_table (report, run_table, changed);
}
