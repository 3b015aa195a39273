/* nb-rule-names.c — a short name for each rule, in the interface's language
 *
 * The findings list shows these ("行合计不符") and keeps the rule id for the tooltip.
 * The names come from the core's rule table (src/core/check/nb-rules.c), in Chinese and
 * English; the interface's language picks one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <nianbao.h>

#include "nb-rule-names.h"
#include "nb-view-logic.h"

/* The short name of @rule, in the interface's language; the id itself for a rule the
 * table does not list. */
const char *
nb_rule_short_name (const char *rule)
{
  const NbRule *entry = rule != NULL ? nb_rules_lookup (rule) : NULL;

  if (entry == NULL)
    return rule;
  return nb_ui_language_is_chinese () ? entry->name_zh : entry->name_en;
}
