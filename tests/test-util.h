/* test-util.h — what the test suites ask of a report's findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nianbao.h"

G_BEGIN_DECLS

/* The findings of @rule, of @severity (-1: any) that name @cell (-1: any) */
guint nb_test_count_findings (NbReport   *report,
                              const char *rule,
                              int         severity,
                              int         cell);

char *nb_test_sample_path    (const char *file);

G_END_DECLS
