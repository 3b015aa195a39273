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
  g_autofree char *zh = g_strdup_printf ("%s有 %u 个数值，但表格只有 %u 列；多出的数值未采用。",
                                         what_zh, n_values, n_columns);
  g_autofree char *en = g_strdup_printf ("%s holds %u values but the table has %u columns; "
                                         "the extra values were not used.",
                                         what_en, n_values, n_columns);
  NbFinding *f = nb_report_add_parse_finding (p->report, "cell.extra", NB_SEVERITY_WARNING, zh, en);

  if (first_cell >= 0)
    nb_finding_add_cell (f, first_cell);
  /* the first of them: a hostile row may hold millions */
  for (guint i = 0; i < MIN (n_extra, MAX_EXTRA_SPANS); i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, extra[i].start, extra[i].end));
}

/* The one place that raises template.missing_row: a row, or a whole table's
 * numbers, absent */
NbFinding *
nb_parse_add_missing_row_finding (Parser     *p,
                                  const char *zh,
                                  const char *en)
{
  return nb_report_add_parse_finding (p->report, "template.missing_row", NB_SEVERITY_ERROR, zh, en);
}

void
nb_parse_note_missing_row (Parser     *p,
                           const char *label_zh,
                           const char *label_en,
                           int         first_cell,
                           guint       n_cells)
{
  g_autofree char *zh = g_strdup_printf ("模板中的“%s”一行在报告中没有找到。", label_zh);
  g_autofree char *en = g_strdup_printf ("The template row “%s” (%s) was not found in the report.",
                                         label_zh, label_en);
  NbFinding *f = nb_parse_add_missing_row_finding (p, zh, en);

  for (guint i = 0; i < n_cells && first_cell >= 0; i++)
    nb_finding_add_cell (f, first_cell + i);
}
