/* test-template-edit.h — the report both template tests read: one with a row label
 * only the edited description knows (tests/edit-template.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "nianbao.h"

/* ruzhou-2021.txt with its row 8.属于行政查询事项 printed as 8.属于查档类事项 */
static inline NbReport *
nb_test_load_relabelled_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("NB_SAMPLES_DIR"), "ruzhou-2021.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  edited = g_string_new_len (text, len);
  g_assert_cmpuint (g_string_replace (edited, "8.属于行政查询事项", "8.属于查档类事项", 0), ==, 1);
  report = nb_report_new_from_bytes ((const guint8 *) edited->str, edited->len, "relabelled.txt", &error);
  g_assert_no_error (error);
  return report;
}

static inline int
nb_test_cell (NbReport   *report,
              const char *id)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);

  g_assert_cmpint (cell, >=, 0);
  return cell;
}
