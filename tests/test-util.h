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
/* A new temporary folder holding a copy of each sample report (NB_SAMPLES_DIR);
 * when @mianchi is not NULL, the text of mianchi-2022.txt goes there too */
char *nb_test_copy_samples (char      **mianchi);
/* Removes a folder made by nb_test_copy_samples(), and what is in it */
void  nb_test_remove_tree  (const char *dir);

G_END_DECLS
