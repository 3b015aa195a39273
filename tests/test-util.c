/* test-util.c — what the test suites ask of a report's findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

guint
nb_test_count_findings (NbReport   *report,
                        const char *rule,
                        int         severity,
                        int         cell)
{
  GListModel *findings = nb_report_get_findings (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (nb_finding_get_rule (f), rule) == 0 &&
          (severity < 0 || (int) nb_finding_get_severity (f) == severity) &&
          (cell < 0 || nb_finding_has_cell (f, cell)))
        n++;
    }
  return n;
}

/* A file of data/samples: from NB_SAMPLES_DIR, else beside the tests' sources */
char *
nb_test_sample_path (const char *file)
{
  const char *dir = g_getenv ("NB_SAMPLES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, file, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file, NULL);
}
