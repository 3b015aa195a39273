/* nb-parse-appeals.c — section 四, administrative reviews and lawsuits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

/* Section 四's values, fewer than its cells, placed as one row of fifteen: the
 * placements that break the fewest group sums are weighed (all of them, without
 * cutting by bounds), and the cells on which they all agree are set */
static void
place_appeals (Parser         *p,
               const GArray   *vals,
               int             first,
               guint           n_cells,
               const Equation *eqs,
               guint           n_eqs)
{
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (Candidate));
  GArray *rows[1] = { cands };
  guint ambiguous[1] = { 0 };
  gboolean cell_agrees[NB_PLACE_MAX_COLS];
  NbPlacement pl = { 1, n_cells, rows, ambiguous, 1, eqs, n_eqs, cell_agrees,
                     MAX_COMBINATIONS, MAX_COMBINATIONS, FALSE };
  const Candidate *best;

  g_return_if_fail (n_cells <= NB_PLACE_MAX_COLS);

  for (guint i = 0; i < n_cells; i++)
    cell_agrees[i] = TRUE;
  nb_parse_enumerate_placements (vals, n_cells, cands);
  if (cands->len == 0)
    return;
  nb_place_search (&pl);

  for (guint i = 0; i < n_cells; i++)
    {
      NbCell *c = &p->report->cells[first + i];

      nb_parse_mark_present_missing (c);
      if (pl.gave_up || !pl.best_grid.known[i])
        continue;
      c->has_value = TRUE;
      c->value = pl.best_grid.x[i];
      c->origin = NB_ORIGIN_INFERRED;
    }
  if (pl.gave_up)
    return;
  best = &g_array_index (cands, Candidate, pl.best_choice[0]);
  for (guint i = 0; i < n_cells; i++)
    if (best->tok[i] >= 0 && pl.best_grid.known[i])
      nb_parse_set_source (p, first + i, &g_array_index (vals, Token, best->tok[i]));
}

/* The cells that several splits of run-together digits all take from the same digits
 * (a group the equations split one way, while another group has several ways): @agreed
 * per cell; returns how many. None for a single split or too many to keep. */
static guint
splits_agree (const Token *parts,
              guint        n_splits,
              guint        n_cells,
              gboolean    *agreed)
{
  guint n = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      agreed[i] = n_splits >= 2 && n_splits <= MAX_SPLITS;
      for (guint j = 1; j < n_splits && agreed[i]; j++)
        agreed[i] = parts[j * n_cells + i].start == parts[i].start && parts[j * n_cells + i].end == parts[i].end;
      n += agreed[i];
    }
  return n;
}

void
nb_parse_appeals (Parser *p,
                  guint   start,
                  guint   end)
{
  NbEdition edition = p->report->edition;
  g_autoptr(GArray) tokens = nb_parse_tokenize (p, start, end, TRUE);
  g_autoptr(GArray) vals = g_array_new (FALSE, TRUE, sizeof (Token));
  const NbTemplateTable *table = nb_template_get_table (nb_template_get (edition), NB_TABLE_APPEALS);
  guint n_cells = NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS;
  int first = nb_schema_appeal_cell (edition, 0, 0);
  Equation eqs[MAX_TABLE_EQUATIONS];
  guint n_eqs = nb_parse_table_equations (edition, first, n_cells, eqs);

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind != TOK_LABEL)
        g_array_append_val (vals, *t);
      if (t->kind == TOK_NUMBER)
        p->had_numbers |= 1u << NB_TABLE_APPEALS;
    }

  nb_parse_drop_loose_empty_fields (vals, n_cells, !nb_parse_row_is_padded (vals, n_cells));
  if (vals->len > n_cells)
    {
      guint pick = nb_parse_first_window_that_holds ((const Token *) (gpointer) vals->data, vals->len, n_cells, eqs, n_eqs);
      g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (Token));

      for (guint i = 0; i < vals->len; i++)
        if (i < pick || i >= pick + n_cells)
          g_array_append_val (extra, g_array_index (vals, Token, i));
      nb_parse_note_extra (p, first, table->values_zh, table->values_en,
                  vals->len, n_cells, (const Token *) (gpointer) extra->data, extra->len);
      g_array_remove_range (vals, 0, pick);
      g_array_set_size (vals, n_cells);
    }

  if (vals->len == n_cells)
    {
      double x[NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS] = { 0 };
      guint8 known[NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS] = { 0 };

      /* blanks and placeholders the group sums determine are inferred */
      for (guint i = 0; i < n_cells; i++)
        {
          const Token *t = &g_array_index (vals, Token, i);

          known[i] = t->kind == TOK_NUMBER && !t->too_long;
          x[i] = known[i] ? t->value : 0;
        }
      nb_place_propagate (x, known, eqs, n_eqs);
      for (guint i = 0; i < n_cells; i++)
        {
          NbCell *c = &p->report->cells[first + i];

          nb_parse_set_source (p, first + i, &g_array_index (vals, Token, i));
          if (!c->has_value && known[i])
            {
              c->value = x[i];
              c->has_value = TRUE;
              c->origin = NB_ORIGIN_INFERRED;
            }
        }
      return;
    }

  /* numbers written without separators: "10203120001200000" */
  {
    g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Token));
    g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (Token));
    guint n_splits = 0;

    if (nb_parse_split_runs (p, (const Token *) (gpointer) vals->data, vals->len, NB_N_APPEAL_FIELDS, n_cells,
                    nb_parse_group_size (eqs, n_eqs), parts, &n_splits))
      {
        /* no split, but only zeros, more than the cells: the table printed an extra 0 */
        if (n_splits == 0 &&
            nb_parse_split_zeros (p, (const Token *) (gpointer) vals->data, vals->len, n_cells, parts, extra))
          {
            n_splits = 1;
            nb_parse_note_extra (p, first, table->values_zh, table->values_en, parts->len + extra->len, n_cells,
                                 (const Token *) (gpointer) extra->data, extra->len);
          }
        gboolean agreed[NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS];
        guint n_agreed = splits_agree ((const Token *) (gpointer) parts->data, n_splits, n_cells, agreed);

        for (guint i = 0; i < n_cells; i++)
          {
            NbCell *c = &p->report->cells[first + i];

            nb_parse_mark_present_missing (c);
            c->unsplit = n_splits != 1 && !agreed[i];
            if (n_splits == 1 || agreed[i])
              nb_parse_set_source (p, first + i, &g_array_index (parts, Token, i));
          }
        if (n_agreed > 0)
          nb_parse_note_split_agreed (p, table->values_zh, table->values_en,
                                      (const Token *) (gpointer) vals->data, vals->len, n_splits,
                                      first, n_cells, agreed, n_agreed);
        else
          nb_parse_note_split (p, table->values_zh, table->values_en,
                      (const Token *) (gpointer) vals->data, vals->len,
                      n_splits == 1 ? (const Token *) (gpointer) parts->data : NULL, n_cells, n_splits, first);
        return;
      }
  }
  if (vals->len == 0)
    {
      gboolean printed = FALSE;

      /* the table printed with its cells empty is there, not missing */
      for (guint i = 0; i < tokens->len && !printed; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          for (guint k = 0; k < table->n_printed && !printed; k++)
            printed = t->kind == TOK_LABEL && t->end - t->start >= 4 &&
                      nb_parse_find_text (p, table->printed[k], t->start, t->end) != G_MAXUINT;
        }
      if (printed)
        for (guint i = 0; i < n_cells; i++)
          p->report->cells[first + i].was_present = TRUE;
      else
        nb_parse_note_missing_row (p, table->row_zh, table->row_en, first, n_cells);
      return;
    }

  /* Fewer values than cells: place them where the group sums allow one way only */
  place_appeals (p, vals, first, n_cells, eqs, n_eqs);
}
