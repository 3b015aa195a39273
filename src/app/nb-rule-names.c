/* nb-rule-names.c — a short name for each rule, in the interface's language
 *
 * The findings list shows these ("行合计不符") and keeps the rule id for the tooltip.
 * Until the core's rule table carries short names, they live here, in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-rule-names.h"

static const struct
{
  const char *rule;
  const char *name;
} rule_names[] = {
  { "requests.row_sum", N_("Row total differs") },
  { "requests.balance", N_("Columns do not balance") },
  { "requests.result_sum", N_("Results total differs") },
  { "appeals.group_sum", N_("Appeals total differs") },
  { "prose.table_mismatch", N_("Text contradicts table") },
  { "prose.sum", N_("Stated total differs") },
  { "meta.year", N_("Year inconsistent") },
  { "meta.agency", N_("Agency name inconsistent") },
  { "meta.place", N_("Place name doubtful") },
  { "template.missing_section", N_("Section missing") },
  { "template.missing_row", N_("Row missing") },
  { "template.edition", N_("Wrong template edition") },
  { "template.label", N_("Row label differs") },
  { "template.merged_rows", N_("Rows merged") },
  { "template.heading_number", N_("Heading numbers") },
  { "table.unread", N_("Table not read") },
  { "cell.missing", N_("Empty cell") },
  { "cell.invalid", N_("Invalid value") },
  { "cell.extra", N_("Extra values") },
  { "cell.unseparated", N_("Digits run together") },
  { "cell.ambiguous", N_("Digits ambiguous") },
  { "section.placeholder", N_("Section empty") },
  { "section.fee_statement", N_("Fee statement") },
  { "text.encoding", N_("Encoding errors") },
  { "series.carry_over", N_("Carry-over differs") },
  { "series.in_force", N_("In-force count differs") },
  { "series.copied_text", N_("Copied text") },
};

/* The short name of @rule, translated; the id itself for a rule without one. */
const char *
nb_rule_short_name (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (g_strcmp0 (rule, rule_names[i].rule) == 0)
      return _(rule_names[i].name);
  return rule;
}
