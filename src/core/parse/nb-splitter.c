/* nb-splitter.c — cells written without separators, split by the table's equations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

/* Cells whose separators were lost ("230000023" for 23 0 0 0 0 0 23) are
 * split by the table's equations: each group of cells adds up to its last
 * cell. The search goes cell by cell; a group's total is not chosen but
 * read: it must be the decimal digits of the sum of the parts before it,
 * which prunes almost every wrong split at once. */
typedef struct
{
  const gunichar *norm;
  const Token    *vals;
  guint           n_vals;
  guint           min_run;
  guint           n_cells;
  guint           group;
  Token           cur[MAX_SPLIT_CELLS];
  GArray         *out;     /* Token, n_cells per split */
  guint           n_found;
  guint           steps;
} Splitter;

static gboolean
is_run (const Token *t,
        guint        min_run)
{
  return t->kind == TOK_NUMBER && t->plain && (t->too_long || t->lead_zero || t->n_digits >= min_run);
}

static void
split_part (Splitter *sp,
            guint     ci,
            guint     start,
            guint     len,
            double    value)
{
  Token *t = &sp->cur[ci];

  memset (t, 0, sizeof *t);
  t->kind = TOK_NUMBER;
  t->start = start;
  t->end = start + len;
  t->value = value;
  t->is_integer = t->plain = TRUE;
  t->n_digits = len;
}

static guint
count_digits (double value)
{
  guint n = 1;

  for (guint64 v = (guint64) value; v >= 10; v /= 10)
    n++;
  return n;
}

static void
split_search (Splitter *sp,
              guint     vi,
              guint     off,
              guint     ci,
              double    sum)
{
  const Token *t;
  gboolean total;
  guint rem, min_cells = 0, max_cells = 0;

  if (sp->n_found > MAX_SPLITS || ++sp->steps > MAX_SPLIT_STEPS)
    return;
  if (ci == sp->n_cells || vi == sp->n_vals)
    {
      if (ci == sp->n_cells && vi == sp->n_vals)
        {
          if (sp->n_found < MAX_SPLITS)
            g_array_append_vals (sp->out, sp->cur, sp->n_cells);
          sp->n_found++;
        }
      return;
    }

  /* enough input left for the cells left, and not too much */
  for (guint i = vi; i < sp->n_vals; i++)
    {
      const Token *u = &sp->vals[i];
      guint digits = u->end - u->start - (i == vi ? off : 0);

      min_cells += is_run (u, sp->min_run) && (i != vi || off == 0) ? 2 : 1;
      max_cells += is_run (u, sp->min_run) ? digits : 1;
    }
  if (sp->n_cells - ci < min_cells || sp->n_cells - ci > max_cells)
    return;

  t = &sp->vals[vi];
  total = ci % sp->group == sp->group - 1;

  if (!is_run (t, sp->min_run))
    {
      if (total && t->value != sum)
        return;
      sp->cur[ci] = *t;
      split_search (sp, vi + 1, 0, ci + 1, total ? 0 : sum + t->value);
      return;
    }

  rem = t->end - t->start - off;
  if (total)
    {
      char digits[24];
      guint len = 0;

      /* the sum's decimal digits (parts have at most MAX_CELL_DIGITS, and
       * there are at most MAX_SPLIT_CELLS of them: it fits a guint64) */
      for (guint64 v = (guint64) sum; len == 0 || v > 0; v /= 10)
        digits[len++] = '0' + v % 10;
      for (guint k = 0; k < len / 2; k++)
        {
          char tmp = digits[k];

          digits[k] = digits[len - 1 - k];
          digits[len - 1 - k] = tmp;
        }

      if (len > rem || (off == 0 && len == rem))
        return;
      for (guint k = 0; k < len; k++)
        if (sp->norm[t->start + off + k] != (gunichar) digits[k])
          return;
      split_part (sp, ci, t->start + off, len, sum);
      if (len == rem)
        split_search (sp, vi + 1, 0, ci + 1, 0);
      else
        split_search (sp, vi, off + len, ci + 1, 0);
      return;
    }

  {
    double value = 0;
    /* the run holds every cell left of this group, its total among them */
    gboolean last_in_run = sp->n_cells - ci <= sp->group - ci % sp->group;

    for (guint len = 1; len <= MIN (rem - (off == 0 ? 1 : 0), MAX_CELL_DIGITS); len++)
      {
        gunichar c = sp->norm[t->start + off + len - 1];

        if (len > 1 && sp->norm[t->start + off] == '0')
          break;  /* only 0 itself begins with 0 */
        value = value * 10 + (c - '0');
        /* when the group's total is in this run, after the parts left, it
         * has at least the digits of the sum so far and at most one more
         * than a cell can have */
        if (vi == sp->n_vals - 1 && last_in_run)
          {
            guint left = rem - len, parts_left = sp->group - 2 - ci % sp->group;

            if (left < parts_left + count_digits (sum + value) ||
                left > parts_left * MAX_CELL_DIGITS + MAX_CELL_DIGITS + 1)
              continue;
          }
        split_part (sp, ci, t->start + off, len, value);
        if (len == rem)
          split_search (sp, vi + 1, 0, ci + 1, sum + value);
        else
          split_search (sp, vi, off + len, ci + 1, sum + value);
      }
  }
}

/* Whether vals hold cells written together; if so, every split of them
 * into n_cells cells that fits the groups' sums goes to out (n_cells tokens
 * each, at most MAX_SPLITS), and the number of splits is returned in
 * n_splits (more than MAX_SPLITS: too many to tell). */
gboolean
nb_parse_split_runs (Parser      *p,
                     const Token *vals,
                     guint        n_vals,
                     guint        min_run,
                     guint        n_cells,
                     guint        group,
                     GArray      *out,
                     guint       *n_splits)
{
  Splitter sp = { p->norm, vals, n_vals, min_run, n_cells, group };
  gboolean any_run = FALSE;

  g_return_val_if_fail (n_cells <= MAX_SPLIT_CELLS, FALSE);

  if (n_vals == 0 || n_vals >= n_cells || group == 0)
    return FALSE;
  for (guint i = 0; i < n_vals; i++)
    {
      if (vals[i].kind != TOK_NUMBER || !vals[i].plain)
        return FALSE;
      any_run |= is_run (&vals[i], min_run);
    }
  if (!any_run)
    return FALSE;

  sp.out = out;
  split_search (&sp, 0, 0, 0, 0);
  *n_splits = sp.steps > MAX_SPLIT_STEPS ? MAX_SPLITS + 1 : sp.n_found;
  return TRUE;
}

/* Runs of zeros only, with more digits than @n_cells (a row printed with an
 * extra 0, its separators lost): whatever the extra values were, each cell
 * is a 0 (no number begins with 0). The first @n_cells digits go to @parts,
 * the rest to @extra. FALSE for anything else. */
gboolean
nb_parse_split_zeros (Parser      *p,
                      const Token *vals,
                      guint        n_vals,
                      guint        n_cells,
                      GArray      *parts,
                      GArray      *extra)
{
  guint n_digits = 0;

  for (guint i = 0; i < n_vals; i++)
    {
      if (vals[i].kind != TOK_NUMBER || !vals[i].plain || !vals[i].is_integer || vals[i].value != 0)
        return FALSE;
      for (guint j = vals[i].start; j < vals[i].end; j++)
        if (p->norm[j] != '0')
          return FALSE;
      n_digits += vals[i].end - vals[i].start;
    }
  if (n_digits <= n_cells)
    return FALSE;
  for (guint i = 0; i < n_vals; i++)
    for (guint j = vals[i].start; j < vals[i].end; j++)
      {
        Token t;

        memset (&t, 0, sizeof t);
        t.kind = TOK_NUMBER;
        t.start = j;
        t.end = j + 1;
        t.is_integer = t.plain = TRUE;
        t.n_digits = 1;
        g_array_append_val (parts->len < n_cells ? parts : extra, t);
      }
  return TRUE;
}

char *
nb_parse_runs_text (Parser      *p,
                    const Token *vals,
                    guint        n_vals)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_vals; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      nb_parse_append_norm (out, p->norm, vals[i].start, vals[i].end);
    }
  return g_string_free (out, FALSE);
}

/* The one place that names cell.unseparated (the digits split one way only,
 * @split) and cell.ambiguous (none or several ways): every table's run-together
 * digits come here. @key: which of the rule's messages */
NbMessage *
nb_parse_split_message_new (gboolean    split,
                            const char *key)
{
  return nb_message_new (split ? "cell.unseparated" : "cell.ambiguous", key);
}

NbFinding *
nb_parse_add_split_finding (Parser          *p,
                            gboolean         split,
                            const NbMessage *m)
{
  return nb_parse_add_message (p, m, split ? NB_SEVERITY_INFO : NB_SEVERITY_WARNING);
}

/* cell.unseparated (one split) or cell.ambiguous (none or several) */
void
nb_parse_note_split (Parser      *p,
                     const char  *what_zh,
                     const char  *what_en,
                     const Token *vals,
                     guint        n_vals,
                     const Token *split,
                     guint        n_cells,
                     guint        n_splits,
                     int          first_cell)
{
  g_autofree char *runs = nb_parse_runs_text (p, vals, n_vals);
  g_autoptr (NbMessage) m = NULL;
  NbFinding *f;

  /* a row's one split that the whole table does not hold with (no @split given): no
   * split fits the table */
  if (n_splits == 1 && split == NULL)
    n_splits = 0;
  if (n_splits == 1)
    {
      g_autofree char *cells = nb_parse_runs_text (p, split, n_cells);

      m = nb_parse_split_message_new (TRUE, "one_split");
      nb_message_set_lang (m, "what", what_zh, what_en);
      nb_message_set (m, "runs", runs);
      nb_message_set (m, "cells", cells);
      f = nb_parse_add_split_finding (p, TRUE, m);
    }
  else if (n_splits == 0)
    {
      m = nb_parse_split_message_new (FALSE, "no_split");
      nb_message_set_lang (m, "what", what_zh, what_en);
      nb_message_set (m, "runs", runs);
      f = nb_parse_add_split_finding (p, FALSE, m);
    }
  else
    {
      g_autofree char *count = n_splits > MAX_SPLITS ? g_strdup_printf ("%u+", MAX_SPLITS)
                                                     : g_strdup_printf ("%u", n_splits);

      m = nb_parse_split_message_new (FALSE, "splits");
      nb_message_set_lang (m, "what", what_zh, what_en);
      nb_message_set (m, "runs", runs);
      nb_message_set (m, "n_splits", count);
      f = nb_parse_add_split_finding (p, FALSE, m);
    }
  for (guint i = 0; i < n_cells && first_cell >= 0; i++)
    nb_finding_add_cell (f, first_cell + i);
  for (guint i = 0; i < n_vals; i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, vals[i].start, vals[i].end));
}

/* cell.ambiguous for digits that several splits fit, where the splits agree on some
 * cells (@agreed, @n_agreed of them, read): the finding names the cells left empty */
void
nb_parse_note_split_agreed (Parser         *p,
                            const char     *what_zh,
                            const char     *what_en,
                            const Token    *vals,
                            guint           n_vals,
                            guint           n_splits,
                            int             first_cell,
                            guint           n_cells,
                            const gboolean *agreed,
                            guint           n_agreed)
{
  g_autofree char *runs = nb_parse_runs_text (p, vals, n_vals);
  g_autoptr (NbMessage) m = nb_parse_split_message_new (FALSE, "splits_agree");
  NbFinding *f;

  nb_message_set_lang (m, "what", what_zh, what_en);
  nb_message_set (m, "runs", runs);
  nb_message_set_int (m, "n_splits", n_splits);
  nb_message_set_int (m, "n_agreed", n_agreed);
  nb_message_set_int (m, "n_left", n_cells - n_agreed);
  f = nb_parse_add_split_finding (p, FALSE, m);

  for (guint i = 0; i < n_cells; i++)
    if (!agreed[i])
      nb_finding_add_cell (f, first_cell + i);
  for (guint i = 0; i < n_vals; i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, vals[i].start, vals[i].end));
}
