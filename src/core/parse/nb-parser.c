/* nb-parser.c — finding the sections and reading the tables of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser works on the normalised text (NFKC), as a stream of tokens:
 * label text and numbers. It does not trust line or tab positions: real
 * reports come with cells separated by tabs, by spaces, one a line, with
 * labels wrapped and cells dropped. A row is recognised by the meaning of
 * its label (key phrases, the latest one wins), and the numbers after it
 * are its values. Rows with too few values are placed, and their missing
 * cells filled, only where the table's equations allow exactly one answer.
 *
 * Tabs are trusted in one way only: an empty field between tabs, on a line
 * holding numbers, is a blank cell (web pages, Word tables and spreadsheets
 * leave zeros blank). It is used only when the row's fields then number
 * exactly the row's cells, since tables laid out on their grid also pad
 * merged cells with empty fields.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

/* A table printed without a single number is no table: one error for it,
 * beside the cell.missing warnings of its cells. A table whose numbers are run together
 * past splitting holds numbers: its cell.ambiguous finding says so. */
static void
note_empty_tables (Parser *p)
{
  NbReport *report = p->report;
  const NbTemplate *tpl = nb_template_get (report->edition);
  const NbTemplateTable *tables = tpl->tables;
  guint present[NB_TEMPLATE_MAX_TABLES] = { 0 }, read[NB_TEMPLATE_MAX_TABLES] = { 0 };
  guint unsplit[NB_TEMPLATE_MAX_TABLES] = { 0 };

  for (guint i = 0; i < report->n_cells; i++)
    {
      NbTableKind table = nb_schema_get_cell (report->edition, i)->table;

      for (guint t = 0; t < tpl->n_tables; t++)
        if (tables[t].table == table)
          {
            present[t] += report->cells[i].was_present;
            read[t] += report->cells[i].origin == NB_ORIGIN_SOURCE;
            unsplit[t] += report->cells[i].unsplit;
          }
    }

  for (guint t = 0; t < tpl->n_tables; t++)
    {
      g_autoptr (NbMessage) m = NULL;
      NbFinding *f;

      /* numbers that could not be placed (a table flattened with its blanks lost) are
       * numbers all the same: table.unread says what became of them */
      if (present[t] == 0 || read[t] > 0 || unsplit[t] > 0 || (p->had_numbers & (1u << tables[t].table)))
        continue;
      m = nb_parse_missing_row_message_new ("no_numbers");
      nb_message_set_lang (m, "table", tables[t].zh, tables[t].en);
      f = nb_parse_add_message (p, m, NB_SEVERITY_ERROR);
      for (guint i = 0; i < report->n_cells; i++)
        if (nb_schema_get_cell (report->edition, i)->table == tables[t].table && report->cells[i].was_present)
          nb_finding_add_cell (f, i);
    }
}

/* ------------------------------------------------------------------ */

void
nb_parser_parse (NbReport *report)
{
  Parser p = { report, report->text->norm, report->text->n_norm };
  guint active_start, requests_start, appeals_start, appeals_end;

  nb_parse_find_sections (&p);
  for (guint k = 0; k < NB_N_SECTIONS; k++)
    report->sections[k] = p.heading[k] == G_MAXUINT ? NB_SPAN_NONE
                          : nb_report_norm_span (report, p.heading[k], p.heading_end[k]);

  report->edition = nb_parse_detect_edition (&p);
  report->n_cells = nb_schema_get_n_cells (report->edition);
  report->cells = g_new0 (NbCell, report->n_cells);
  for (guint i = 0; i < report->n_cells; i++)
    report->cells[i].span = NB_SPAN_NONE;

  nb_parse_find_title (&p);

  /* Where each table is: its section, or failing the heading, its first label */
  requests_start = nb_parse_table_start (&p, NB_TABLE_REQUESTS, 0, p.n_norm);
  appeals_start = nb_parse_table_start (&p, NB_TABLE_APPEALS, requests_start == G_MAXUINT ? 0 : requests_start, p.n_norm);
  active_start = nb_parse_table_start (&p, NB_TABLE_ACTIVE, 0, requests_start == G_MAXUINT ? p.n_norm : requests_start);

  if (active_start != G_MAXUINT)
    {
      guint end = requests_start != G_MAXUINT && requests_start > active_start ? requests_start
                  : p.heading[1] != G_MAXUINT ? nb_parse_section_end (&p, 1) : p.n_norm;

      nb_parse_active (&p, active_start, end);
    }
  else
    nb_parse_active (&p, 0, 0);

  if (requests_start != G_MAXUINT)
    {
      guint end = appeals_start != G_MAXUINT && appeals_start > requests_start ? appeals_start
                  : p.heading[2] != G_MAXUINT ? nb_parse_section_end (&p, 2) : p.n_norm;

      nb_parse_requests (&p, requests_start, end);
    }
  else
    nb_parse_requests (&p, 0, 0);

  appeals_end = p.n_norm;
  if (appeals_start != G_MAXUINT)
    {
      for (guint k = 4; k < NB_N_SECTIONS; k++)
        if (p.heading[k] != G_MAXUINT && p.heading[k] > appeals_start)
          {
            appeals_end = p.heading[k];
            break;
          }
      nb_parse_appeals (&p, appeals_start, appeals_end);
    }
  else
    nb_parse_appeals (&p, 0, 0);

  note_empty_tables (&p);
}
