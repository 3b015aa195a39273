/* nb-rules.h — every rule a finding can name, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finding names its rule by id ("requests.row_sum"). nb-rules.c lists each
 * id once, with its severity, a short name for the window and a sentence
 * saying what it finds, in Chinese and English, and the one source file that
 * raises it; and what each finding of it says (NbRuleMessage). docs/rules.md is that table for people (tests/test-rules.py
 * keeps the two in step and checks that every id the core raises is listed).
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include "nb-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;          /* "requests.row_sum" */
  NbSeverity  severity;    /* the most severe it raises; some say less when less is certain */
  const char *name_zh;     /* "行合计不符" */
  const char *name_en;     /* "Row total differs" */
  const char *summary_zh;  /* what it finds */
  const char *summary_en;
  const char *raised_in;   /* the source file that raises it, or "" for one not raised yet; a rule
                            * raised in two (for one report and across a review set; by the parser
                            * for a row and the checker for a heading) names both, separated by a
                            * space */
} NbRule;

/* What a finding of a rule says, in one case (its key): {name} stands for a figure
 * the raising code supplies (src/core/nb-message-private.h) */
typedef struct
{
  const char *rule;        /* "requests.row_sum"; "equations" for any equation without its own */
  const char *key;         /* "said": the case it words */
  const char *zh;          /* "“{row}”一行：六类申请人合计为 {sum}，总计列却为 {total}，相差 {diff}。" */
  const char *en;
} NbRuleMessage;

const NbRule        *nb_rules_get            (guint      *n_rules);
const NbRule        *nb_rules_lookup         (const char *id);
const NbRuleMessage *nb_rules_get_messages   (guint      *n_messages);
const NbRuleMessage *nb_rules_lookup_message (const char *rule,
                                              const char *key);

G_END_DECLS
