/* test-util.c — what the test suites ask of a report's findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

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

char *
nb_test_copy_samples (char **mianchi)
{
  const char *samples = g_getenv ("NB_SAMPLES_DIR");
  g_autoptr(GDir) d = g_dir_open (samples, 0, NULL);
  char *dir = g_dir_make_tmp ("nb-review-XXXXXX", NULL);
  const char *name;

  g_assert_nonnull (d);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *from = g_build_filename (samples, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &data, &len, NULL));
      g_assert_true (g_file_set_contents (to, data, len, NULL));
      if (mianchi && g_str_equal (name, "mianchi-2022.txt"))
        *mianchi = g_steal_pointer (&data);
    }
  return dir;
}

void
nb_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        nb_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* A folder of the samples, and last year's report of one of them (mianchi) whose
 * 结转下年度 is not this year's 上年结转: this year's report copies last year's text
 * (series.copied_text) and does not carry over what it left (series.carry_over). */
char *
nb_test_make_review_set (void)
{
  g_autofree char *mianchi = NULL;
  char *dir = nb_test_copy_samples (&mianchi);
  g_autofree char *last_year = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GRegex) carried_over = g_regex_new ("^(四、结转下年度继续办理)[\\t 0-9]*$", G_REGEX_MULTILINE, 0, NULL);
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (mianchi);
  parts = g_strsplit (mianchi, "2022", -1);
  last_year = g_strjoinv ("2021", parts);
  broken = g_regex_replace (carried_over, last_year, -1, 0, "\\1\t\t2\t0\t0\t0\t0\t0\t2", 0, NULL);
  path = g_build_filename (dir, "mianchi-2021.txt", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  return dir;
}
