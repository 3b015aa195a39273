/* nb-parse-requests.c — section 三, the requests table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

#define MAX_ROW_KEYS 128  /* the keys of all rows of section 三 in one edition */

/* The keys of one edition's rows, in the description's order, each with what
 * finding it in a label fast takes */
typedef struct
{
  guint                n;
  const NbTemplateKey *key[MAX_ROW_KEYS];
  int                  row[MAX_ROW_KEYS];
  gsize                len[MAX_ROW_KEYS];
  gunichar             first[MAX_ROW_KEYS];
  guint64              first_chars[4];  /* bit c % 256 for the first character c of each key */
} RowKeys;

static const RowKeys *
get_row_keys (NbEdition edition)
{
  static RowKeys keys[NB_N_EDITIONS];
  static gsize init;

  if (g_once_init_enter (&init))
    {
      for (guint e = 0; e < NB_N_EDITIONS; e++)
        {
          const NbTemplate *tpl = nb_template_get (e);
          RowKeys *rk = &keys[e];

          for (guint r = 0; r < tpl->n_rows; r++)
            for (guint k = 0; k < tpl->rows[r].n_keys && rk->n < MAX_ROW_KEYS; k++)
              {
                const NbTemplateKey *key = &tpl->rows[r].keys[k];
                guint i = rk->n++;

                rk->key[i] = key;
                rk->row[i] = r;
                rk->len[i] = strlen (key->text);
                rk->first[i] = g_utf8_get_char (key->text);
                rk->first_chars[(rk->first[i] % 256) / 64] |= G_GUINT64_CONSTANT (1) << (rk->first[i] % 64);
              }
        }
      g_once_init_leave (&init, 1);
    }
  return &keys[edition];
}

/* Trailing characters that do not count when a key must end the label */
static gsize
trimmed_length (const char *label,
                gsize       len)
{
  while (len > 0)
    {
      const char *prev = g_utf8_find_prev_char (label, label + len);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char (prev);
      if (c == ')' || c == ':' || c == 0x3002 || c == ',' || c == 0x3001 || c == '.')
        len = prev - label;
      else
        break;
    }
  return len;
}

static int
classify_request_row (NbEdition   edition,
                      const char *label,
                      const gboolean *found)
{
  gsize len = strlen (label);
  gsize tlen = trimmed_length (label, len);
  int best_row = -1;
  gssize best_end = -1;
  gsize best_keylen = 0;
  const RowKeys *rk = get_row_keys (edition);
  gssize last_end[MAX_ROW_KEYS];

  /* where each key last ends in the label, in one pass over it */
  for (guint i = 0; i < rk->n; i++)
    last_end[i] = -1;
  for (const char *q = label; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (!(rk->first_chars[(c % 256) / 64] & (G_GUINT64_CONSTANT (1) << (c % 64))))
        continue;
      for (guint i = 0; i < rk->n; i++)
        if (rk->first[i] == c && !rk->key[i]->at_end && strncmp (q, rk->key[i]->text, rk->len[i]) == 0)
          last_end[i] = (q - label) + rk->len[i];
    }

  for (guint pass = 0; pass < 2 && best_row < 0; pass++)
    for (guint i = 0; i < rk->n; i++)
      {
        const NbTemplateKey *k = rk->key[i];
        int row = rk->row[i];
        gsize klen = rk->len[i];
        gssize end;

        if (pass == 0 && found[row])
          continue;  /* first pass: rows not yet seen */
        if (k->at_end)
          {
            if (tlen < klen || memcmp (label + tlen - klen, k->text, klen) != 0)
              continue;
            end = tlen;
          }
        else if ((end = last_end[i]) < 0)
          continue;
        if (end > best_end || (end == best_end && klen > best_keylen))
          {
            best_end = end;
            best_keylen = klen;
            best_row = row;
          }
      }
  return best_row;
}

#define MAX_LABEL_STARTS 16

/* The row @label's keys name, unless it ends with the head of a later row (a label
 * wrapped with its numbers beside its head, after the tail of the row it names); none
 * when that head begins several rows' labels */
static int
classify_by_keys (NbEdition       edition,
                  const char     *label,
                  const gboolean *found)
{
  int r = classify_request_row (edition, label, found);
  int x = nb_parse_row_by_bare_head (edition, label, r, found);

  return x >= 0 ? x : x == -2 ? -1 : r;
}

/* The row the label before a row's numbers names: from the last of its ordinals that
 * names one (a label wrapped in its cell leaves the tail of the row above before it:
 * nb-wrapped-labels.c), by a key, else by the head of a template label it begins; a
 * label with no ordinal by its keys */
static int
classify_row_label (NbEdition       edition,
                    const char     *label,
                    const gboolean *found)
{
  gsize starts[MAX_LABEL_STARTS];
  guint n = nb_parse_label_starts (label, starts, MAX_LABEL_STARTS);

  if (n == 0)
    return classify_by_keys (edition, label, found);
  for (guint i = n; i-- > 0;)
    {
      int r = classify_by_keys (edition, label + starts[i], found);

      if (r < 0)
        r = nb_parse_row_by_label_head (edition, label + starts[i], found);
      if (r >= 0)
        return r;
    }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Section 三: the requests table                                     */

/* The equations of section 三, and that of its first row alone (its row sum) */
static guint
request_equations (NbEdition  edition,
                   Equation  *eqs,
                   Equation  *row_eq,
                   guint     *n_row_eqs)
{
  guint n_rows = nb_schema_get_n_request_rows (edition);
  guint n = nb_parse_table_equations (edition, nb_schema_request_cell (edition, 0, 0), n_rows * N_COLS, eqs);

  *n_row_eqs = nb_parse_table_equations (edition, nb_schema_request_cell (edition, 0, 0), N_COLS, row_eq);
  return n;
}

static gboolean
candidate_row_ok (Candidate      *cand,
                  const Equation *row_eqs,
                  guint           n_row_eqs)
{
  return nb_place_propagate (cand->v, cand->known, row_eqs, n_row_eqs) == 0;
}

static gboolean
candidates_same (const Candidate *a,
                 const Candidate *b)
{
  for (guint c = 0; c < N_COLS; c++)
    if (a->known[c] != b->known[c] || (a->known[c] && a->v[c] != b->v[c]))
      return FALSE;
  return TRUE;
}

/* A row written without separators: its cells come from the one split
 * that fits the table, or stay missing (cell.ambiguous). TRUE when split. */
static gboolean
place_run_row (Parser          *p,
               guint            r,
               RowValues       *row,
               const Candidate *chosen,
               guint64          best_set,
               guint            violations)
{
  NbEdition edition = p->report->edition;
  const Token *written = (const Token *) (gpointer) row->vals->data;
  guint n_best = 0;
  gboolean unique;

  for (guint64 b = best_set; b; b &= b - 1)
    n_best++;
  unique = row->n_splits == 1 || (row->n_splits >= 2 && row->n_splits <= MAX_SPLITS && n_best == 1);
  /* a reading with blanks is only taken when the whole table then holds */
  if (row->gaps && violations > 0)
    unique = FALSE;
  if (unique)
    row->chosen = chosen->tok[0];

  for (guint k = 0; k < N_COLS; k++)
    {
      int cell = nb_schema_request_cell (edition, r, k);
      NbCell *cc = &p->report->cells[cell];

      nb_parse_mark_present_missing (cc);
      cc->unsplit = !unique;
      if (unique && chosen->tok[k] >= 0)
        nb_parse_set_source (p, cell, &written[chosen->tok[k]]);
      else if (unique)
        {
          /* a blank of a run read with gaps (its parts add up to the total), or
           * a value the readings took from other digits: the row's
           * cell.unseparated says so, not a cell.missing for each */
          cc->was_present = FALSE;
          cc->value = chosen->v[k];
          cc->has_value = TRUE;
          cc->origin = NB_ORIGIN_INFERRED;
          cc->span = NB_SPAN_NONE;
        }
    }
  if (!unique)
    nb_parse_note_split (p, nb_schema_get_request_row_label (edition, r), nb_schema_get_request_row_english (edition, r),
                written, row->n_written, NULL, N_COLS, row->n_splits <= 1 || n_best < 2 ? row->n_splits : n_best,
                nb_schema_request_cell (edition, r, 0));
  return unique;
}

/* The cells of a split row as text (a row read with blanks: the values its
 * cells took, its blanks as 0) */
static char *
run_row_cells_text (Parser          *p,
                    guint            r,
                    const RowValues *row)
{
  GString *out;

  if (!row->gaps)
    return nb_parse_runs_text (p, &g_array_index (row->vals, Token, row->chosen), N_COLS);
  out = g_string_new (NULL);
  for (guint k = 0; k < N_COLS; k++)
    g_string_append_printf (out, "%s%.0f", k > 0 ? " " : "",
                            p->report->cells[nb_schema_request_cell (p->report->edition, r, k)].value);
  return g_string_free (out, FALSE);
}

/* cell.unseparated for the rows of the requests table that were split: one
 * finding for them all, since a page that lost its separators lost them in
 * every row. */
static void
note_split_rows (Parser          *p,
                 const RowValues *rows,
                 const guint     *split,
                 guint            n_split)
{
  NbEdition edition = p->report->edition;
  const RowValues *row0 = &rows[split[0]];
  g_autofree char *example = nb_parse_runs_text (p, (const Token *) (gpointer) row0->vals->data, row0->n_written);
  g_autofree char *example_cells = run_row_cells_text (p, split[0], row0);
  g_autoptr (NbMessage) m = NULL;
  NbFinding *f;
  guint n_gaps = 0;

  if (n_split == 1 && row0->gaps)
    {
      m = nb_parse_split_message_new (TRUE, "row_blanks");
      nb_message_set_lang (m, "what", nb_schema_get_request_row_label (edition, split[0]),
                           nb_schema_get_request_row_english (edition, split[0]));
      nb_message_set (m, "runs", example);
      nb_message_set (m, "cells", example_cells);
      f = nb_parse_add_split_finding (p, TRUE, m);
      for (guint k = 0; k < N_COLS; k++)
        nb_finding_add_cell (f, nb_schema_request_cell (edition, split[0], k));
      for (guint j = 0; j < row0->n_written; j++)
        {
          const Token *t = &g_array_index (row0->vals, Token, j);

          nb_finding_add_span (f, nb_report_norm_span (p->report, t->start, t->end));
        }
      return;
    }
  if (n_split == 1)
    {
      nb_parse_note_split (p, nb_schema_get_request_row_label (edition, split[0]),
                  nb_schema_get_request_row_english (edition, split[0]),
                  (const Token *) (gpointer) row0->vals->data, row0->n_written, &g_array_index (row0->vals, Token, row0->chosen), N_COLS, 1,
                  nb_schema_request_cell (edition, split[0], 0));
      return;
    }
  for (guint i = 0; i < n_split; i++)
    n_gaps += rows[split[i]].gaps != NULL;
  m = nb_parse_split_message_new (TRUE, n_gaps > 0 ? "rows_blanks" : "rows");
  nb_message_set_int (m, "n_rows", n_split);
  nb_message_set (m, "runs", example);
  nb_message_set (m, "cells", example_cells);
  f = nb_parse_add_split_finding (p, TRUE, m);
  for (guint i = 0; i < n_split; i++)
    {
      const RowValues *row = &rows[split[i]];

      for (guint k = 0; k < N_COLS; k++)
        nb_finding_add_cell (f, nb_schema_request_cell (edition, split[i], k));
      for (guint j = 0; j < row->n_written; j++)
        {
          const Token *t = &g_array_index (row->vals, Token, j);

          nb_finding_add_span (f, nb_report_norm_span (p->report, t->start, t->end));
        }
    }
}

/* The ways to place a row's values in its seven cells: each split of a run
 * that fits, one empty placement for a run that does not (or an empty row),
 * the row as written when it has all its cells, else every placement that
 * fits the row's equation (all of them when none does), without repeats */
static GArray *
row_candidates (const RowValues *row,
                const Equation  *row_eqs,
                guint            n_row_eqs)
{
  GArray *vals = row->vals;
  GArray *cands = g_array_new (FALSE, TRUE, sizeof (Candidate));

  if (row->run && row->gaps)
    g_array_append_vals (cands, row->gaps->data, row->gaps->len);
  else if (row->run && row->n_splits >= 1 && row->n_splits <= MAX_SPLITS)
    {
      for (guint j = 0; j < row->n_splits; j++)
        {
          Candidate c;

          for (guint k = 0; k < N_COLS; k++)
            {
              c.tok[k] = row->n_written + j * N_COLS + k;
              c.known[k] = TRUE;
              c.v[k] = g_array_index (vals, Token, c.tok[k]).value;
            }
          g_array_append_val (cands, c);
        }
    }
  else if (row->run || vals->len == 0)
    {
      Candidate c;

      for (guint k = 0; k < N_COLS; k++)
        c.tok[k] = -1, c.known[k] = FALSE, c.v[k] = 0;
      g_array_append_val (cands, c);
    }
  else if (vals->len >= N_COLS)
    {
      Candidate c;

      for (guint k = 0; k < N_COLS; k++)
        {
          const Token *t = &g_array_index (vals, Token, k);

          c.tok[k] = k;
          c.known[k] = t->kind == TOK_NUMBER;
          c.v[k] = c.known[k] ? t->value : 0;
        }
      g_array_append_val (cands, c);
    }
  else
    {
      g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Candidate));
      gboolean any_ok = FALSE;

      nb_parse_enumerate_placements (vals, N_COLS, all);
      for (guint i = 0; i < all->len; i++)
        {
          Candidate c = g_array_index (all, Candidate, i);

          if (candidate_row_ok (&c, row_eqs, n_row_eqs))
            any_ok = TRUE;
        }
      for (guint i = 0; i < all->len; i++)
        {
          Candidate c = g_array_index (all, Candidate, i);
          gboolean dup = FALSE;

          /* with no placement that fits the row sum, keep them all, unsolved */
          if (any_ok && !candidate_row_ok (&c, row_eqs, n_row_eqs))
            continue;
          for (guint j = 0; j < cands->len; j++)
            if (candidates_same (&g_array_index (cands, Candidate, j), &c))
              dup = TRUE;
          if (!dup)
            g_array_append_val (cands, c);
        }
    }
  return cands;
}

/* the rows of the 勾稽关系 first (the equations between two sums, 第一项+第二项 =
 * 第三项（七）+第四项): they constrain every column at once */
static void
order_ambiguous (guint          *ambiguous,
                 guint           n_ambiguous,
                 const Equation *eqs,
                 guint           n_eqs)
{
  gboolean first_rows[MAX_ROWS] = { 0 };
  guint n = 0;

  for (guint e = 0; e < n_eqs; e++)
    if (eqs[e].n_rhs > 1)
      {
        for (guint i = 0; i < eqs[e].n_lhs; i++)
          first_rows[eqs[e].lhs[i] / N_COLS] = TRUE;
        for (guint i = 0; i < eqs[e].n_rhs; i++)
          first_rows[eqs[e].rhs[i] / N_COLS] = TRUE;
      }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = n; i < n_ambiguous; i++)
      {
        gboolean first = first_rows[ambiguous[i]];

        if (first == (pass == 0))
          {
            guint tmp = ambiguous[n];

            ambiguous[n++] = ambiguous[i];
            ambiguous[i] = tmp;
          }
      }
}

/* Writes a row's cells as the best placement @c has them: a value read where
 * the placements agree on it, a placeholder as such, a gap the equations
 * determine as inferred, else missing */
static void
write_row (Parser          *p,
           guint            r,
           const RowValues *row,
           const Candidate *c,
           const gboolean  *agrees,
           const guint8    *best_known,
           const double    *best_x)
{
  NbEdition edition = p->report->edition;

  for (guint k = 0; k < N_COLS; k++)
    {
      int cell = nb_schema_request_cell (edition, r, k);
      NbCell *cc = &p->report->cells[cell];
      gboolean from_source = c->tok[k] >= 0 && agrees[k];

      cc->was_present = row->found;
      if (from_source && best_known[k] && c->known[k] && c->v[k] == best_x[k])
        nb_parse_set_source (p, cell, &g_array_index (row->vals, Token, c->tok[k]));
      else if (from_source && !c->known[k] && !best_known[k])
        nb_parse_set_source (p, cell, &g_array_index (row->vals, Token, c->tok[k]));  /* placeholder */
      else if (best_known[k])
        {
          /* a blank, a placeholder or a gap the equations determine; a
           * placeholder keeps its text's span */
          if (from_source && !c->known[k])
            nb_parse_set_source (p, cell, &g_array_index (row->vals, Token, c->tok[k]));
          else
            cc->span = NB_SPAN_NONE;
          cc->value = best_x[k];
          cc->has_value = TRUE;
          cc->origin = NB_ORIGIN_INFERRED;
        }
      else
        {
          cc->has_value = FALSE;
          cc->origin = NB_ORIGIN_MISSING;
          cc->span = NB_SPAN_NONE;
        }
    }
}

/* Whether the search placed a bare row with blank cells for certain: the whole table
 * holds with it, and the equations determine each of its blanks */
static gboolean
bare_row_holds (const NbPlacement *pl,
                guint              r)
{
  if (pl->gave_up || pl->best_violations > 0)
    return FALSE;
  for (guint k = 0; k < N_COLS; k++)
    if (!pl->best_grid.known[r * N_COLS + k] || !pl->cell_agrees[r * N_COLS + k])
      return FALSE;
  return TRUE;
}

static void
place_requests (Parser    *p,
                RowValues *rows,
                guint      n_rows)
{
  NbEdition edition = p->report->edition;
  Equation eqs[MAX_TABLE_EQUATIONS], row_eqs[MAX_TABLE_EQUATIONS];
  guint n_row_eqs;
  guint n_eqs = request_equations (edition, eqs, row_eqs, &n_row_eqs);
  GArray *cands[MAX_ROWS];
  guint ambiguous[MAX_ROWS], n_ambiguous = 0;
  gboolean cell_agrees[MAX_ROWS * N_COLS];
  guint split[MAX_ROWS], n_split = 0;
  NbPlacement pl = { n_rows, N_COLS, cands, ambiguous, 0, eqs, n_eqs, cell_agrees,
                     MAX_SEARCH_NODES, MAX_SEARCH_LEAVES, TRUE };

  for (;;)
    {
      int dropped = -1;

      n_ambiguous = 0;
      for (guint r = 0; r < n_rows; r++)
        {
          cands[r] = row_candidates (&rows[r], row_eqs, n_row_eqs);
          if (cands[r]->len > 1)
            ambiguous[n_ambiguous++] = r;
        }

      for (guint i = 0; i < n_rows * N_COLS; i++)
        cell_agrees[i] = TRUE;

      order_ambiguous (ambiguous, n_ambiguous, eqs, n_eqs);
      pl.n_ambiguous = n_ambiguous;
      nb_place_search (&pl);

      for (guint r = 0; r < n_rows && dropped < 0; r++)
        if (rows[r].bare && !bare_row_holds (&pl, r))
          dropped = r;
      if (dropped < 0)
        break;
      /* a bare row with blanks the table does not vouch for: its row stays missing */
      for (guint r = 0; r < n_rows; r++)
        g_array_unref (cands[r]);
      rows[dropped].bare = rows[dropped].found = FALSE;
      g_array_set_size (rows[dropped].vals, 0);
      nb_parse_note_missing_row (p, nb_schema_get_request_row_label (edition, dropped),
                                 nb_schema_get_request_row_english (edition, dropped),
                                 nb_schema_request_cell (edition, dropped, 0), N_COLS);
    }
  for (guint r = 0; r < n_rows; r++)
    if (rows[r].bare)
      nb_parse_note_bare_row (p, r, rows[r].bare_start, rows[r].bare_end);

  /* Write the cells */
  for (guint r = 0; r < n_rows; r++)
    {
      const Candidate *c = &g_array_index (cands[r], Candidate, pl.best_choice[r]);
      const guint8 *best_known = &pl.best_grid.known[r * N_COLS];
      const double *best_x = &pl.best_grid.x[r * N_COLS];

      if (rows[r].run)
        {
          if (place_run_row (p, r, &rows[r], c, cell_agrees[r * N_COLS] ? pl.best_set[r] : 0,
                             pl.gave_up ? G_MAXUINT : pl.best_violations))
            split[n_split++] = r;
          g_array_unref (cands[r]);
          continue;
        }

      write_row (p, r, &rows[r], c, &cell_agrees[r * N_COLS], best_known, best_x);
      g_array_unref (cands[r]);
    }
  if (n_split > 0)
    note_split_rows (p, rows, split, n_split);
  nb_parse_sparse_totals (p, rows, n_rows, eqs, n_eqs);
}

/* Picks 7 of the row's values when it holds more: the first run of seven that
 * satisfies the row's equation (its six parts add up to the seventh), else the
 * first seven. */
static void
trim_extra_values (Parser         *p,
                   NbEdition       edition,
                   guint           r,
                   RowValues      *row,
                   guint           n_cols,
                   const Equation *row_eqs,
                   guint           n_row_eqs)
{
  guint n = row->vals->len;
  guint start;

  if (n <= n_cols)
    return;
  start = nb_parse_first_window_that_holds ((const Token *) (gpointer) row->vals->data, n, n_cols, row_eqs, n_row_eqs);

  {
    g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (Token));
    const char *zh = nb_schema_get_request_row_label (edition, r);
    const char *en = nb_schema_get_request_row_english (edition, r);

    for (guint i = 0; i < n; i++)
      if (i < start || i >= start + n_cols)
        g_array_append_val (extra, g_array_index (row->vals, Token, i));
    nb_parse_note_extra (p, nb_schema_request_cell (edition, r, 0), zh, en, n, n_cols,
                (const Token *) (gpointer) extra->data, extra->len);
    g_array_remove_range (row->vals, 0, start);
    g_array_set_size (row->vals, n_cols);
  }
}

/* A run that no split into seven cells fits may have blank cells: a row of the
 * 2019 mianchi kind prints 9 _ 0 0 0 0 9, and glued it reads 900009. Every split
 * into fewer values whose last is the sum of the others is a reading, its parts
 * in the part columns in their order, its last the total. The blanks of such a
 * reading are 0 (the parts already add up to the total). Readings that give the
 * same values are one; a cell where they differ in its source is inferred. The
 * table's equations then choose among them with the other rows, in
 * place_requests (). Too many readings leave the row missing, as before. */
static void
split_with_gaps (Parser    *p,
                 RowValues *row)
{
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (Candidate));

  for (guint m = N_COLS - 1; m >= 2; m--)
    {
      g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Token));
      guint n_splits = 0, base = row->vals->len;

      if (!nb_parse_split_runs (p, (const Token *) (gpointer) row->vals->data, row->n_written, N_COLS - 1, m, m,
                                parts, &n_splits) || n_splits == 0)
        continue;
      if (n_splits > MAX_SPLITS)
        return;
      g_array_append_vals (row->vals, parts->data, parts->len);
      for (guint j = 0; j < n_splits; j++)
        {
          guint pos[N_COLS];

          nb_place_first (pos, m - 1, N_COLS - 1);
          do
            {
              Candidate c;
              gboolean dup = FALSE;

              for (guint k = 0; k < N_COLS; k++)
                c.tok[k] = -1, c.known[k] = TRUE, c.v[k] = 0;
              for (guint i = 0; i < m - 1; i++)
                c.tok[pos[i]] = base + j * m + i;
              c.tok[N_COLS - 1] = base + j * m + m - 1;
              for (guint k = 0; k < N_COLS; k++)
                if (c.tok[k] >= 0)
                  c.v[k] = g_array_index (row->vals, Token, c.tok[k]).value;
              for (guint i = 0; i < cands->len && !dup; i++)
                {
                  Candidate *o = &g_array_index (cands, Candidate, i);
                  gboolean same = TRUE;

                  for (guint k = 0; k < N_COLS; k++)
                    same &= o->v[k] == c.v[k];
                  if (same)
                    {
                      dup = TRUE;
                      for (guint k = 0; k < N_COLS; k++)
                        if (o->tok[k] != c.tok[k])
                          o->tok[k] = -1;  /* the same value, read from other digits */
                    }
                }
              if (!dup)
                {
                  if (cands->len == MAX_SPLITS)
                    return;  /* too many to tell */
                  g_array_append_val (cands, c);
                }
            }
          while (nb_place_next (pos, m - 1, N_COLS - 1));
        }
    }
  if (cands->len == 0)
    return;
  row->gaps = g_steal_pointer (&cands);
  row->n_splits = row->gaps->len;
}

/* A row whose values were written together: every split that fits its sum
 * is kept after its written values, for place_requests () to choose from. */
static void
split_row (Parser    *p,
           RowValues *row,
           guint      group)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Token));
  guint n_splits = 0;

  /* in a row short of cells, six digits or more are far likelier cells written
   * together than one count: if no split fits, the row is left empty, not misread */
  if (!nb_parse_split_runs (p, (const Token *) (gpointer) row->vals->data, row->vals->len, N_COLS - 1, N_COLS, group,
                   parts, &n_splits))
    return;
  row->run = TRUE;
  row->n_written = row->vals->len;
  row->n_splits = n_splits;
  g_array_append_vals (row->vals, parts->data, parts->len);
  if (n_splits == 0 && group == N_COLS)
    split_with_gaps (p, row);
}

/* A row whose label no template row's keys name, and its numbers */
typedef struct
{
  GString *label;
  GArray  *vals;
  guint    start;
  guint    end;
  gboolean active;
} UnknownRow;

#define UNKNOWN_ROW (-2)

/* Whether @labels name template row @r by one of its keys (not one that must end a label)
 * or by a wording that shows it printed */
static gboolean
row_printed_in (NbEdition   edition,
                const char *labels,
                guint       r)
{
  const NbTemplateRow *row = &nb_template_get (edition)->rows[r];

  for (guint k = 0; k < row->n_keys; k++)
    if (!row->keys[k].at_end && strstr (labels, row->keys[k].text) != NULL)
      return TRUE;
  for (guint k = 0; k < row->n_printed; k++)
    if (strstr (labels, row->printed[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* The one row not found between @last and @next, not counting those whose keys
 * @labels name; -1 for none, -2 for several */
static int
only_row_between (NbEdition       edition,
                  const gboolean *found,
                  int             last,
                  int             next,
                  const char     *labels)
{
  int row = -1;

  for (int r = last + 1; r < next; r++)
    if (!found[r] && !(labels != NULL && row_printed_in (edition, labels, r)))
      {
        if (row >= 0)
          return -2;  /* more than one: the place does not say which */
        row = r;
      }
  return row;
}

/* When the next row found is @next (n_rows at the table's end): the unknown row before it
 * is the template row between the last one found (@last) and @next when exactly one such
 * row is not found and its label is near the printed one (a typo in a fixed label:
 * 2.其他法律行政止公开); it then takes the numbers, with template.label. Otherwise they
 * are dropped, as the numbers of any label that names no row. */
static void
place_unknown_row (Parser     *p,
                   UnknownRow *unknown,
                   RowValues  *rows,
                   gboolean   *found,
                   int         last,
                   int         next,
                   const char *next_label)
{
  NbEdition edition = p->report->edition;
  int row = -1;

  if (!unknown->active)
    return;
  unknown->active = FALSE;
  /* the one row not found between; of several, the one whose label is not printed with
   * the next one's (a row of empty cells has no value to end its label: it is there,
   * whatever it holds) */
  if (next >= 0 && unknown->vals->len > 0)
    row = only_row_between (edition, found, last, next, NULL);
  if (row == -2 && next_label != NULL)
    row = only_row_between (edition, found, last, next, next_label);
  if (row >= 0 && unknown->label->len == 0)
    {
      /* a bare row of numbers: taken only as seven numbers whose six parts add up to
       * the seventh, where one row is missing */
      const Token *v = (const Token *) (gpointer) unknown->vals->data;
      guint n = 0, n_empty = 0;
      double sum = 0;
      gboolean all = TRUE;

      for (guint i = 0; i < unknown->vals->len; i++)
        {
          if (v[i].kind == TOK_PLACEHOLDER && v[i].empty_field)
            {
              n_empty++;
              continue;
            }
          all &= v[i].kind == TOK_NUMBER && v[i].plain && !v[i].too_long;
          if (n < N_COLS - 1)
            sum += v[i].value;
          else if (n == N_COLS - 1)
            all &= v[i].value == sum;
          n++;
        }
      if (all && n == N_COLS)
        {
          found[row] = TRUE;
          rows[row].found = TRUE;
          g_array_append_vals (rows[row].vals, unknown->vals->data, unknown->vals->len);
          nb_parse_note_bare_row (p, row, unknown->start, unknown->end);
        }
      else if (all && n > 0 && n + n_empty == N_COLS)
        {
          /* a row of a table with blank cells (a pipe or tab table keeps them as empty
           * fields): its fields are its seven cells, but with blanks no row sum vouches
           * for it; place_requests () takes it only if the whole table then holds */
          found[row] = TRUE;
          rows[row].found = TRUE;
          rows[row].bare = TRUE;
          rows[row].bare_start = unknown->start;
          rows[row].bare_end = unknown->end;
          g_array_append_vals (rows[row].vals, unknown->vals->data, unknown->vals->len);
        }
    }
  else if (row >= 0 && nb_parse_label_like_row (edition, unknown->label->str, row))
    {
      found[row] = TRUE;
      rows[row].found = TRUE;
      g_array_append_vals (rows[row].vals, unknown->vals->data, unknown->vals->len);
      nb_parse_note_label (p, row, unknown->label->str, unknown->start, unknown->end);
    }
  else if (row >= 0 && nb_parse_label_begins_row (edition, unknown->label->str, row))
    {
      /* the head of a label wrapped in its cell, too short to name the row by itself */
      found[row] = TRUE;
      rows[row].found = TRUE;
      g_array_append_vals (rows[row].vals, unknown->vals->data, unknown->vals->len);
    }
  g_array_set_size (unknown->vals, 0);
}

/* Whether a line break comes between @from and @to */
static gboolean
starts_line (Parser *p,
             guint   from,
             guint   to)
{
  for (guint i = from; i < to; i++)
    if (p->norm[i] == '\n')
      return TRUE;
  return FALSE;
}

/* The values of a row that are not empty tab fields */
static guint
n_filled (GArray *vals)
{
  guint n = 0;

  for (guint i = 0; i < vals->len; i++)
    n += !g_array_index (vals, Token, i).empty_field;
  return n;
}

/* Whether @label is the next row not found after @last printed with other wording: then it
 * starts a row even when the row before has room for more values */
static gboolean
next_row_like (NbEdition       edition,
               const char     *label,
               const gboolean *found,
               int             last,
               guint           n_rows)
{
  for (guint r = last + 1; r < n_rows; r++)
    if (!found[r])
      return nb_parse_label_like_row (edition, label, r);
  return FALSE;
}

/* The walk over section 三's tokens: which row each number goes to */
typedef struct
{
  Parser     *p;
  NbEdition   edition;
  guint       n_rows;
  RowValues  *rows;
  gboolean    found[MAX_ROWS];
  GString    *label;       /* the label text since the last number */
  GString    *all_labels;  /* every label of the table */
  int         current;     /* the row taking numbers, UNKNOWN_ROW, or -1 for none */
  int         last_found;
  guint       label_start;
  guint       label_end;
  guint       prev_end;
  UnknownRow  unknown;
  /* a group printed as one row (template.merged_rows) */
  int         merged_first;
  guint       merged_n;
  guint       merged_start;
  guint       merged_end;
} RowReader;

/* Numbers after a label no template row's keys name: an unknown row, maybe one
 * worded differently (place_unknown_row ()); @label is empty for a bare row */
static void
start_unknown_row (RowReader  *rd,
                   const char *label,
                   guint       start,
                   guint       end)
{
  place_unknown_row (rd->p, &rd->unknown, rd->rows, rd->found, rd->last_found, -1, NULL);
  g_string_assign (rd->unknown.label, label);
  rd->unknown.start = start;
  rd->unknown.end = end;
  rd->unknown.active = TRUE;
  rd->current = UNKNOWN_ROW;
}

/* The label text since the last number names the row these numbers start */
static void
start_row_by_label (RowReader *rd)
{
  const char *label = rd->label->str;
  int r = classify_row_label (rd->edition, label, rd->found);
  guint n_group = 0;
  int group;

  if (r >= 0)
    {
      place_unknown_row (rd->p, &rd->unknown, rd->rows, rd->found, rd->last_found, r, label);
      rd->last_found = r;
    }
  if (r >= 0 && !rd->found[r])
    {
      rd->current = r;
      rd->found[r] = TRUE;
      rd->rows[r].found = TRUE;
    }
  else if (r >= 0)
    rd->current = -1;  /* a row seen before: a repeated table is not read twice */
  else if ((group = nb_parse_merged_group (rd->edition, label, rd->found, &n_group)) >= 0)
    {
      /* a group printed as one row (its heading, then numbers, none of its rows
       * seen): its numbers are no one row's, nor the row's before */
      rd->merged_first = group;
      rd->merged_n = n_group;
      rd->merged_start = rd->label_start;
      rd->merged_end = rd->label_end;
      rd->current = -1;
    }
  else if (rd->current < 0 || rd->rows[rd->current].vals->len >= N_COLS ||
           next_row_like (rd->edition, label, rd->found, rd->last_found, rd->n_rows))
    start_unknown_row (rd, label, rd->label_start, rd->label_end);
}

/* Whether @t starts a bare row of numbers after a full row (its label lost): maybe the
 * one row missing before the next label found, by its place */
static gboolean
starts_bare_row (RowReader   *rd,
                 const Token *t)
{
  const GArray *vals;

  if (rd->current < 0 || !starts_line (rd->p, rd->prev_end, t->start))
    return FALSE;
  vals = rd->rows[rd->current].vals;
  return (n_filled ((GArray *) vals) >= N_COLS || vals->len == N_COLS) &&
         rd->current + 1 < (int) rd->n_rows && !rd->found[rd->current + 1];
}

/* Each number to the row its label names */
static void
read_rows (RowReader    *rd,
           const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOK_LABEL)
        {
          rd->prev_end = t->end;
          if (rd->label->len == 0)
            rd->label_start = t->start;
          rd->label_end = t->end;
          nb_parse_append_norm (rd->label, rd->p->norm, t->start, t->end);
          nb_parse_append_norm (rd->all_labels, rd->p->norm, t->start, t->end);
          continue;
        }

      if (rd->label->len > 0)
        start_row_by_label (rd);
      else if (starts_bare_row (rd, t))
        start_unknown_row (rd, "", t->start, t->end);
      rd->prev_end = t->end;
      g_string_truncate (rd->label, 0);
      if (rd->current == UNKNOWN_ROW)
        g_array_append_val (rd->unknown.vals, *t);
      else if (rd->current >= 0)
        g_array_append_val (rd->rows[rd->current].vals, *t);
    }
  place_unknown_row (rd->p, &rd->unknown, rd->rows, rd->found, rd->last_found, rd->n_rows, NULL);
}

/* Whether row @r is one of a group printed as one row */
static gboolean
in_merged_group (const RowReader *rd,
                 guint            r)
{
  return rd->merged_first >= 0 && r >= (guint) rd->merged_first && r < rd->merged_first + rd->merged_n;
}

/* Whether row @r is printed (with all its cells empty, or worded otherwise); if not, its
 * finding: one for a group printed as one row (at its first row), else one for the row */
static void
note_row_found (RowReader *rd,
                guint      r)
{
  RowValues *row = &rd->rows[r];

  /* a row printed with all its cells empty is there, not missing */
  if (!row->found)
    row->found = row_printed_in (rd->edition, rd->all_labels->str, r);
  if (!row->found && !in_merged_group (rd, r))
    row->found = nb_parse_printed_like_row (rd->p, rd->all_labels->str, r);
  if (rd->merged_first >= 0 && r == (guint) rd->merged_first)
    {
      gboolean any = FALSE;

      for (guint k = 0; k < rd->merged_n; k++)
        any |= rd->rows[r + k].found;
      if (!any)
        nb_parse_note_merged_rows (rd->p, r, rd->merged_n, rd->merged_start, rd->merged_end);
      else
        rd->merged_first = -1;
    }
  if (!row->found && !in_merged_group (rd, r))
    nb_parse_note_missing_row (rd->p, nb_schema_get_request_row_label (rd->edition, r),
                               nb_schema_get_request_row_english (rd->edition, r),
                               nb_schema_request_cell (rd->edition, r, 0), N_COLS);
}

void
nb_parse_requests (Parser *p,
                   guint   start,
                   guint   end)
{
  NbEdition edition = p->report->edition;
  guint n_rows = nb_schema_get_n_request_rows (edition);
  g_autoptr(GArray) tokens = nb_parse_tokenize (p, start, end, TRUE);
  RowValues rows[MAX_ROWS];
  RowReader rd = { .p = p, .edition = edition, .n_rows = n_rows, .rows = rows,
                   .label = g_string_new (NULL), .all_labels = g_string_new (NULL),
                   .current = -1, .last_found = -1, .prev_end = start, .merged_first = -1,
                   .unknown = { g_string_new (NULL), g_array_new (FALSE, TRUE, sizeof (Token)), 0, 0, FALSE } };
  gboolean padded = FALSE;
  Equation row_eqs[MAX_TABLE_EQUATIONS];
  guint n_row_eqs = nb_parse_table_equations (edition, nb_schema_request_cell (edition, 0, 0), N_COLS, row_eqs);

  for (guint r = 0; r < n_rows; r++)
    {
      rows[r].found = FALSE;
      rows[r].vals = g_array_new (FALSE, TRUE, sizeof (Token));
      rows[r].run = FALSE;
      rows[r].gaps = NULL;
      rows[r].bare = FALSE;
    }

  read_rows (&rd, tokens);
  for (guint r = 0; r < n_rows; r++)
    padded |= nb_parse_row_is_padded (rows[r].vals, N_COLS);
  for (guint r = 0; r < n_rows; r++)
    {
      note_row_found (&rd, r);
      nb_parse_drop_loose_empty_fields (rows[r].vals, N_COLS, !padded);
      trim_extra_values (p, edition, r, &rows[r], N_COLS, row_eqs, n_row_eqs);
      split_row (p, &rows[r], nb_parse_group_size (row_eqs, n_row_eqs));
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint i = 0; i < rows[r].vals->len; i++)
      if (g_array_index (rows[r].vals, Token, i).kind == TOK_NUMBER)
        p->had_numbers |= 1u << NB_TABLE_REQUESTS;
  place_requests (p, rows, n_rows);

  for (guint r = 0; r < n_rows; r++)
    {
      g_array_unref (rows[r].vals);
      g_clear_pointer (&rows[r].gaps, g_array_unref);
    }
  g_string_free (rd.label, TRUE);
  g_string_free (rd.all_labels, TRUE);
  g_string_free (rd.unknown.label, TRUE);
  g_array_unref (rd.unknown.vals);
}
