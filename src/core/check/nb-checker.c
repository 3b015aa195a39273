/* nb-checker.c — the consistency checks, in the order they are reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every check reads the report's cells (with corrections applied) and text
 * and says what it finds as an NbFinding: a rule id (SCHEMA.md), a severity,
 * the cells and text spans concerned, and a message in Chinese and English.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

guint
nb_check_norm_at (NbReport *report,
                  int       src)
{
  /* the map never goes back: a binary search */
  const guint *map = report->text->norm_to_src;
  guint lo = 0, hi = report->text->n_norm;

  if (src < 0)
    return hi;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (map[mid] >= (guint) src)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

GPtrArray *
nb_checker_run (NbReport *report)
{
  Checker ck = { report, report->edition, g_ptr_array_new_with_free_func (g_object_unref) };
  Text t = { report->text->norm, report->text->n_norm };
  guint prose_end = t.n;

  nb_check_sections (&ck);
  nb_check_section_texts (&ck);
  nb_check_edition (&ck);
  nb_check_equations (&ck);

  for (guint i = 0; i < report->parse_findings->len; i++)
    g_ptr_array_add (ck.out, g_object_ref (g_ptr_array_index (report->parse_findings, i)));
  nb_check_cells (&ck);

  /* The prose that speaks of this year: up to section 五, whose plans speak of
   * the next; without its heading, up to 六, or to the end of the last table */
  {
    int limit = -1;

    if (nb_span_is_set (report->sections[4]))
      limit = report->sections[4].start;
    else if (nb_span_is_set (report->sections[5]))
      limit = report->sections[5].start;
    else
      for (guint i = 0; i < report->n_cells; i++)
        if (nb_span_is_set (report->cells[i].span) &&
            nb_schema_get_cell (report->edition, i)->table == NB_TABLE_APPEALS)
          limit = MAX (limit, report->cells[i].span.end);
    if (limit >= 0)
      prose_end = nb_check_norm_at (report, limit);
  }
  nb_check_figures (&ck);
  nb_check_prose_sums (&ck, &t, 0, t.n);
  nb_check_year (&ck, &t, 0, prose_end);
  nb_check_agency (&ck, &t);

  return ck.out;
}
