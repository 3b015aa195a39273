/* nb-cells.c — writing what was read into the report's cells, and the findings of parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

void
nb_parse_set_source (Parser      *p,
                     int          cell,
                     const Token *tok)
{
  NbCell *c;

  if (cell < 0)
    return;
  c = &p->report->cells[cell];
  c->was_present = TRUE;
  if (tok->kind == TOK_PLACEHOLDER || tok->too_long)
    {
      c->has_value = FALSE;
      c->origin = NB_ORIGIN_MISSING;
      c->span = tok->empty_field ? NB_SPAN_NONE : nb_report_norm_span (p->report, tok->start, tok->end);
      return;
    }
  c->value = tok->value;
  c->has_value = TRUE;
  c->origin = NB_ORIGIN_SOURCE;
  c->span = nb_report_norm_span (p->report, tok->start, tok->end);
}

/* A cell of a row found in the text, with no value (yet) */
void
nb_parse_mark_present_missing (NbCell *c)
{
  c->was_present = TRUE;
  c->has_value = FALSE;
  c->origin = NB_ORIGIN_MISSING;
  c->span = NB_SPAN_NONE;
}

void
nb_parse_note_extra (Parser      *p,
                     int          first_cell,
                     const char  *what_zh,
                     const char  *what_en,
                     guint        n_values,
                     guint        n_columns,
                     const Token *extra,
                     guint        n_extra)
{
  g_autoptr (NbMessage) m = nb_message_new ("cell.extra", "values");
  NbFinding *f;

  nb_message_set_lang (m, "what", what_zh, what_en);
  nb_message_set_int (m, "n_values", n_values);
  nb_message_set_int (m, "n_columns", n_columns);
  f = nb_parse_add_message (p, m, NB_SEVERITY_WARNING);

  if (first_cell >= 0)
    nb_finding_add_cell (f, first_cell);
  /* the first of them: a hostile row may hold millions */
  for (guint i = 0; i < MIN (n_extra, MAX_EXTRA_SPANS); i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, extra[i].start, extra[i].end));
}

/* The one place that names template.missing_row: a row, or a whole table's
 * numbers, absent. @key: which of its messages */
NbMessage *
nb_parse_missing_row_message_new (const char *key)
{
  return nb_message_new ("template.missing_row", key);
}

void
nb_parse_note_missing_row (Parser     *p,
                           const char *label_zh,
                           const char *label_en,
                           int         first_cell,
                           guint       n_cells)
{
  g_autoptr (NbMessage) m = nb_parse_missing_row_message_new ("row");
  NbFinding *f;

  nb_message_set (m, "row", label_zh);
  nb_message_set (m, "row_en", label_en);
  f = nb_parse_add_message (p, m, NB_SEVERITY_ERROR);

  for (guint i = 0; i < n_cells && first_cell >= 0; i++)
    nb_finding_add_cell (f, first_cell + i);
}
