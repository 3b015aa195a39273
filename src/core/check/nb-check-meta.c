/* nb-check-meta.c — the sections, the edition, the year and the agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

#define STATISTICS_WINDOW 12  /* characters before a year in which 统计期限 makes it the report's */
#define PLANS_WINDOW 16       /* characters after next year's in which 将/计划 make it a plan */

void
nb_check_sections (Checker *ck)
{
  const NbTemplateSection *sections = nb_template_get (ck->edition)->sections;

  for (guint k = 0; k < NB_N_SECTIONS; k++)
    if (!nb_span_is_set (ck->report->sections[k]))
      {
        char numeral[8] = { 0 };
        g_autoptr (NbMessage) m = nb_message_new ("template.missing_section", "absent");

        g_unichar_to_utf8 (sections[k].numeral, numeral);
        nb_message_set (m, "numeral", numeral);
        nb_message_set (m, "section", sections[k].zh);
        nb_message_set (m, "section_en", sections[k].en);
        add_message (ck, m, NB_SEVERITY_ERROR);
      }
}

void
nb_check_edition (Checker *ck)
{
  int year = ck->report->year;
  gboolean old = ck->edition == NB_EDITION_2019;

  if (year == 0 || (old && year <= 2020) || (!old && year >= 2021))
    return;
  {
    g_autoptr (NbMessage) m = nb_message_new ("template.edition", old ? "old" : "new");

    nb_message_set_int (m, "year", year);
    nb_finding_add_span (add_message (ck, m, NB_SEVERITY_WARNING), ck->report->year_span);
  }
}

/* ------------------------------------------------------------------ */
/* Year and agency                                                     */

void
nb_check_year (Checker    *ck,
               const Text *t,
               guint       from,
               guint       to)
{
  NbReport *report = ck->report;
  int year = report->year;
  NbFinding *f = NULL;

  if (year == 0)
    return;

  for (guint i = from; i + 5 <= to; i++)
    {
      guint j, k;
      int y;
      gboolean strong = FALSE, after_stop;

      if ((i = skip_to_digit (t, i, to)) + 5 > to)
        break;
      if (!t_digit (t->s[i]) || (i > 0 && t_digit (t->s[i - 1])))
        continue;
      if (i + 4 > to || !t_digit (t->s[i + 1]) || !t_digit (t->s[i + 2]) || !t_digit (t->s[i + 3]) ||
          (i + 4 < to && t_digit (t->s[i + 4])))
        continue;
      y = (t->s[i] - '0') * 1000 + (t->s[i + 1] - '0') * 100 + (t->s[i + 2] - '0') * 10 + (t->s[i + 3] - '0');
      if (y < 2000 || y > 2100)
        continue;
      j = i + 4;
      while (j < to && t_space (t->s[j]))
        j++;
      if (j >= to || t->s[j] != 0x5E74)  /* 年 */
        continue;
      if (inside_brackets (t, i))
        continue;

      k = i;
      while (k > from && t_space (t->s[k - 1]))
        k--;
      after_stop = k == from || is_stop (t->s[k - 1]) || t->s[k - 1] == ':';

      /* "2021年，…" / "2021年度…" / "2021年政府信息公开工作年度报告" / "2021年<agency>…" at a sentence start */
      if (after_stop)
        {
          guint a = j + 1;

          if (a < to && (t->s[a] == ',' || t->s[a] == 0x5EA6 /* 度 */ || t->s[a] == 0x5171 /* 共 */ ||
                         t->s[a] == 0x6211 /* 我 */ || t->s[a] == 0x5168 /* 全 */))
            strong = TRUE;
          if (t_match (t, a, "政府信息公开"))
            strong = TRUE;
          if (report->agency && t_match (t, a, report->agency))
            strong = TRUE;
        }
      /* 统计期限自2021年1月1日至2021年12月31日 */
      for (guint b = (i > from + STATISTICS_WINDOW ? i - STATISTICS_WINDOW : from); b < i; b++)
        if (t_match (t, b, "统计期限") || t_match (t, b, "统计时限") || t_match (t, b, "统计时间") ||
            t_match (t, b, "统计周期"))
          strong = TRUE;
      if (report->year_span.start >= 0 && nb_report_norm_span (report, i, i + 4).start == report->year_span.start)
        continue;  /* the title itself */

      /* plans for the next year are not a statement of the report's year */
      if (strong && y == year + 1)
        for (guint b = j; b < MIN (to, j + PLANS_WINDOW) && !is_stop (t->s[b]); b++)
          if (t->s[b] == 0x5C06 /* 将 */ || t_match (t, b, "计划") || t_match (t, b, "下一步"))
            strong = FALSE;
      if (strong && y != year)
        {
          if (f == NULL)
            {
              g_autoptr (NbMessage) m = nb_message_new ("meta.year", "title_text");

              nb_message_set_int (m, "year", year);
              nb_message_set_int (m, "text_year", y);
              f = add_message (ck, m, NB_SEVERITY_ERROR);
              nb_finding_add_span (f, report->year_span);
            }
          nb_finding_add_span (f, span_of (ck, i, i + 4));
        }
    }
}

void
nb_check_agency (Checker    *ck,
                 const Text *t)
{
  NbReport *report = ck->report;
  g_autofree gunichar *name = NULL;
  glong len = 0;
  NbFinding *f = NULL;

  if (report->agency == NULL)
    return;
  name = g_utf8_to_ucs4_fast (report->agency, -1, &len);
  if (len < 6)
    return;

  for (guint i = 0; i + len <= t->n; i++)
    {
      guint diff = 0, at = 0;

      if (t->s[i + len - 1] != name[len - 1] && t->s[i] != name[0])
        continue;
      for (glong k = 0; k < len && diff < 2; k++)
        if (t->s[i + k] != name[k])
          diff++, at = i + k;
      if (diff != 1 || !((t->s[at] >= 0x4E00 && t->s[at] <= 0x9FFF)))
        continue;
      {
        NbSpan sp = span_of (ck, i, i + len);
        const char *text = report->text->decoded;
        const char *a = g_utf8_offset_to_pointer (text, sp.start);
        const char *b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
        g_autofree char *variant = g_strndup (a, b - a);

        if (f == NULL)
          {
            g_autoptr (NbMessage) m = nb_message_new ("meta.agency", "title_text");

            nb_message_set (m, "agency", report->agency);
            nb_message_set (m, "variant", variant);
            f = add_message (ck, m, NB_SEVERITY_ERROR);
            nb_finding_add_span (f, report->agency_span);
          }
        nb_finding_add_span (f, sp);
        i += len - 1;
      }
    }
}
