/* nb-headings.c — section headings numbered otherwise than the template numbers them
 * (template.heading_number): a report that drops a section often renumbers the ones after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-parse-private.h"

static const gunichar numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B };

static gboolean
is_numeral (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (c == numerals[i])
      return TRUE;
  return FALSE;
}

/**
 * nb_parse_check_heading_numbers:
 *
 * After the sections are found: each heading found printed with a numeral other than its
 * own ("四、存在的主要问题及改进情况" where section 四 is dropped) is named, with the numeral
 * printed and the template's, in one template.heading_number finding.
 */
void
nb_parse_check_heading_numbers (Parser *p)
{
  const NbTemplate *tpl = nb_template_get (NB_EDITION_2021);
  g_autoptr(GString) zh = g_string_new (NULL);
  g_autoptr(GString) en = g_string_new (NULL);
  guint renumbered[NB_N_SECTIONS], n = 0;
  NbFinding *f;

  for (guint k = 0; k < NB_N_SECTIONS; k++)
    {
      const NbTemplateSection *sec = &tpl->sections[k];
      gunichar printed;
      char buf[8] = { 0 }, own[8] = { 0 };

      if (p->heading[k] == G_MAXUINT || p->heading[k] + 1 >= p->n_norm)
        continue;
      printed = p->norm[p->heading[k]];
      if (!is_numeral (printed) || printed == sec->numeral ||
          (p->norm[p->heading[k] + 1] != 0x3001 && p->norm[p->heading[k] + 1] != '.'))
        continue;
      g_unichar_to_utf8 (printed, buf);
      g_unichar_to_utf8 (sec->numeral, own);
      g_string_append_printf (zh, "%s“%s”编号为“%s”（模板为“%s”）", zh->len ? "，" : "", sec->zh, buf, own);
      g_string_append_printf (en, "%s“%s” is numbered %s (the template numbers it %s)", en->len ? "; " : "",
                              sec->en, buf, own);
      renumbered[n++] = k;
    }
  if (n == 0)
    return;
  g_string_append (zh, "。部分标题的序号与模板不同，可能是删去了某一部分后重新编号。");
  g_string_append (en, ". Some headings are numbered otherwise than in the template, perhaps renumbered after "
                       "a section was left out.");
  f = nb_report_add_parse_finding (p->report, "template.heading_number", NB_SEVERITY_WARNING, zh->str, en->str);
  for (guint i = 0; i < n; i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, p->heading[renumbered[i]], p->heading_end[renumbered[i]]));
}
