/* nb-message-private.h — a finding's message, from its rule's templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a finding says is written once, in the rule table (check/nb-rules.c's
 * messages[]): a Chinese and an English template for each rule and case (its key),
 * where {name} stands for a figure the code raising the rule supplies:
 *
 *   g_autoptr (NbMessage) m = nb_message_new ("requests.row_sum", "said");
 *
 *   nb_message_set_lang (m, "row", label, english);
 *   nb_message_set_number (m, "sum", sum);
 *   f = nb_message_to_finding (m, NB_SEVERITY_ERROR);
 *
 * A template is never a format string: a value is put in as it is, and is not read
 * for placeholders. A placeholder no value was given for is a critical (and stays
 * as written); tests/test-rules.py checks that each place a message is made gives
 * every placeholder of the templates it can pick, and nothing else.
 */
#pragma once

#include "nb-finding.h"

G_BEGIN_DECLS

typedef struct _NbMessage NbMessage;

NbMessage *nb_message_new         (const char      *rule,
                                   const char      *key);
void       nb_message_free        (NbMessage       *self);
void       nb_message_set_rule    (NbMessage       *self,
                                   const char      *rule);
void       nb_message_set         (NbMessage       *self,
                                   const char      *name,
                                   const char      *value);
void       nb_message_set_lang    (NbMessage       *self,
                                   const char      *name,
                                   const char      *zh,
                                   const char      *en);
void       nb_message_set_int     (NbMessage       *self,
                                   const char      *name,
                                   gint64           value);
void       nb_message_set_number  (NbMessage       *self,
                                   const char      *name,
                                   double           value);
char      *nb_message_expand      (const NbMessage *self,
                                   gboolean         english);
NbFinding *nb_message_to_finding  (const NbMessage *self,
                                   NbSeverity       severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbMessage, nb_message_free)

G_END_DECLS
