/* nb-rule-names.h — a short name for each rule, in the interface's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *nb_rule_short_name (const char *rule);

G_END_DECLS
