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
/* The samples' folder with last year's mianchi (mianchi-2021.txt), whose 结转下年度
 * is not this year's 上年结转 (series.carry_over) and whose text this year's copies */
char *nb_test_make_review_set (void);

G_END_DECLS
