/* test-export.c — the CSV and XLSX exports of corrected reports, read back by
 * exportcheck.py and compared with their JSON; formula injection; atomic writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nianbao.h"
#include "nb-export-private.h"

static char *
dup_report_path (const char *dir_var,
                 const char *name)
{
  const char *dir = g_getenv (dir_var);

  if (dir != NULL)
    return g_build_filename (dir, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static NbReport *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_file (file, NULL, &error);

  /* a build without a format's reader (-Dhtml=disabled) cannot test its fixtures */
  if (g_error_matches (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT))
    return NULL;
  g_assert_no_error (error);
  return report;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The first cell of @origin in section 三 */
static int
find_cell (NbReport *report,
           NbOrigin  origin)
{
  NbEdition edition = nb_report_get_edition (report);

  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    if (nb_schema_get_cell (edition, i)->table == NB_TABLE_REQUESTS &&
        nb_report_get_origin (report, i) == origin && !nb_report_get_corrected (report, i, NULL, NULL))
      return i;
  return -1;
}

/* Writes the report's JSON, CSV and XLSX into @dir and has exportcheck.py compare them */
static void
assert_exports_agree (NbReport   *report,
                      const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_build_filename (dir, "r.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "r.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "r.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "exportcheck.py", NULL);
  g_autofree char *out = NULL;
  const char *python = g_getenv ("NB_PYTHON");
  gboolean with_xlsx = nb_export_can_write_xlsx ();
  int status = 0;

  g_assert_true (nb_report_export (report, json, NB_EXPORT_JSON, &error));
  g_assert_no_error (error);
  g_assert_true (nb_report_export (report, csv, NB_EXPORT_CSV, &error));
  g_assert_no_error (error);
  if (with_xlsx)
    {
      g_assert_true (nb_report_export (report, xlsx, NB_EXPORT_XLSX, &error));
      g_assert_no_error (error);
    }

  {
    const char *argv[] = { python ? python : "python3", script, json, with_xlsx ? xlsx : "-", csv, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the exports disagree with the JSON:\n%s", out);

  g_unlink (json);
  g_unlink (csv);
  g_unlink (xlsx);
}

/* A printed value corrected, an inferred one corrected and one left inferred, in each
 * edition: the exports mark them, give the value before, and list the corrections */
static void
test_corrected (gconstpointer data)
{
  const char *const *where = data;
  g_autofree char *path = dup_report_path (where[0], where[1]);
  g_autoptr(NbReport) report = load (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  NbEdition edition;
  int printed, inferred;

  if (report == NULL)
    {
      g_test_skip ("this build cannot read the fixture's format");
      return;
    }
  dir = g_dir_make_tmp ("nb-test-export-XXXXXX", &error);
  edition = nb_report_get_edition (report);
  printed = find_cell (report, NB_ORIGIN_SOURCE);
  inferred = find_cell (report, NB_ORIGIN_INFERRED);
  double value = 0;
  char expected[256];

  g_assert_no_error (error);
  g_assert_cmpint (printed, >=, 0);
  nb_report_get_value (report, printed, &value);
  g_assert_true (nb_report_set_value (report, printed, TRUE, value + 7));
  if (inferred >= 0)
    {
      int other;

      g_assert_true (nb_report_set_value (report, inferred, TRUE, 4));
      /* one inferred cell left as it is, for the italics */
      other = find_cell (report, NB_ORIGIN_INFERRED);
      if (other < 0)
        g_test_message ("%s: no inferred cell left after the corrections", where[1]);
    }

  csv = nb_report_to_csv (report, NULL, NULL);
  g_snprintf (expected, sizeof expected, ",%s,%.0f,报告所印,%.0f\r\n",
              nb_schema_get_cell (edition, printed)->id, value, value + 7);
  g_assert_nonnull (strstr (csv, expected));

  assert_exports_agree (report, dir);
  g_rmdir (dir);
}

/* An edit moves the inferred values it determines: every export shows them as they are
 * now, in italics in the XLSX (ruzhou's 予以公开 row is inferred from its columns) */
static void
test_inferred_follow (void)
{
  g_autofree char *path = dup_report_path ("NB_SAMPLES_DIR", "ruzhou-2021.txt");
  g_autoptr(NbReport) report = load (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-test-export-XXXXXX", &error);
  g_autofree char *csv = NULL;
  NbEdition edition = nb_report_get_edition (report);
  int not_held = nb_schema_lookup (edition, "requests.unavailable.not_held.natural_person");
  int public_np = nb_schema_lookup (edition, "requests.public.natural_person");
  double value = 0;

  g_assert_no_error (error);
  g_assert_true (nb_report_set_value (report, not_held, TRUE, 4));
  g_assert_true (nb_report_get_value (report, public_np, &value));
  g_assert_cmpfloat (value, ==, 2);
  g_assert_cmpint (nb_report_get_origin (report, public_np), ==, NB_ORIGIN_INFERRED);
  csv = nb_report_to_csv (report, NULL, NULL);
  g_assert_nonnull (strstr (csv, "（一）予以公开,,2,0,0,0,0,0,1\r\n"));
  assert_exports_agree (report, dir);
  g_rmdir (dir);
}

static void
test_risky (void)
{
  static const struct
  {
    const char *text;
    gboolean    risky;
  } cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", TRUE },
    { "+1", TRUE },
    { "-2+3", TRUE },
    { "@SUM(A1)", TRUE },
    { "\t=1", TRUE },
    { "\r=1", TRUE },
    { "  =1", TRUE },
    { "＝1+2", TRUE },        /* full width: NFKC makes it = */
    { "＋1", TRUE },
    { "－1", TRUE },
    { "＠A1", TRUE },
    { "\u3000=1", TRUE },     /* an ideographic space first */
    { "汝州市人民政府办公室", FALSE },
    { "（一）予以公开", FALSE },
    { "a=b", FALSE },
    { "", FALSE },
    { "12", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (nb_export_text_is_risky (cases[i].text) != cases[i].risky)
      g_error ("“%s” is%s taken for a formula", cases[i].text, cases[i].risky ? " not" : "");
}

/* A report whose agency is a formula: the CSV writes it as text, and so does the XLSX
 * (exportcheck.py reads its cell as a string, and no cell with a formula) */
static void
test_injection (void)
{
  g_autofree char *path = dup_report_path ("NB_SAMPLES_DIR", "ruzhou-2021.txt");
  g_autofree char *text = read_text (path);
  g_autofree char *hostile = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-test-export-XXXXXX", &error);
  g_auto(GStrv) parts = g_strsplit (text, "汝州市人民政府办公室", -1);

  g_assert_no_error (error);
  hostile = g_strjoinv ("=HYPERLINK(\"x.cn\",\"y\")人民政府", parts);
  report = nb_report_new_from_bytes ((const guint8 *) hostile, strlen (hostile), "hostile.txt", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (nb_report_get_agency (report), "=HYPERLINK"));

  csv = nb_report_to_csv (report, NULL, NULL);
  g_assert_nonnull (strstr (csv, "\r\n机关,\"'=HYPERLINK(\"\"x.cn\"\",\"\"y\"\")人民政府\"\r\n"));
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  assert_exports_agree (report, dir);
  g_rmdir (dir);
}

static gboolean
dir_holds_only (const char *dir,
                const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (entry, name) == 0)
      n++;
    else
      return FALSE;
  return n == 1;
}

/* A write that fails half way (the file size limit, which binds root too) or cannot start
 * (a folder that is not writable) leaves the file there as it was, and no temporary file */
static void
test_atomic (void)
{
  g_autofree char *path = dup_report_path ("NB_SAMPLES_DIR", "ruzhou-2021.txt");
  g_autoptr(NbReport) report = load (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-test-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "tables.csv", NULL);
  const char *old = "an earlier export, to be kept whole\n";
  NbExportFormat formats[] = { NB_EXPORT_CSV, NB_EXPORT_XLSX, NB_EXPORT_JSON };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *now = NULL;

      if (formats[i] == NB_EXPORT_XLSX && !nb_export_can_write_xlsx ())
        continue;
      g_file_set_contents (target, old, -1, &error);
      g_assert_no_error (error);

      if (fork () == 0)
        {
          struct rlimit limit = { 16, 16 };
          g_autoptr(GError) write_error = NULL;
          gboolean written;

          /* the XLSX is made in memory before the limit can bite its temporary file */
          signal (SIGXFSZ, SIG_IGN);
          if (formats[i] == NB_EXPORT_XLSX)
            {
              g_autoptr(GBytes) bytes = nb_report_to_xlsx (report, NULL);

              setrlimit (RLIMIT_FSIZE, &limit);
              written = nb_write_file_atomic (target, g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), &write_error);
            }
          else
            {
              setrlimit (RLIMIT_FSIZE, &limit);
              written = nb_report_export (report, target, formats[i], &write_error);
            }
          _exit (written || write_error == NULL ? 1 : 0);
        }
      else
        {
          int status = 0;

          g_assert_cmpint (wait (&status), >, 0);
          g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
        }
      now = read_text (target);
      g_assert_cmpstr (now, ==, old);
      g_assert_true (dir_holds_only (dir, "tables.csv"));
    }

  /* a folder that cannot be written: root writes anywhere, so only others try */
  if (geteuid () != 0)
    {
      g_autofree char *now = NULL;

      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (nb_report_export (report, target, NB_EXPORT_CSV, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      if (nb_export_can_write_xlsx ())
        {
          g_assert_false (nb_report_export (report, target, NB_EXPORT_XLSX, &error));
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      g_chmod (dir, 0755);
      now = read_text (target);
      g_assert_cmpstr (now, ==, old);
      g_assert_true (dir_holds_only (dir, "tables.csv"));
    }

  /* a folder that is not there: an error, nothing written */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", "x.xlsx", NULL);

    g_assert_false (nb_report_export (report, missing, nb_export_can_write_xlsx () ? NB_EXPORT_XLSX : NB_EXPORT_CSV,
                                      &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (target);
  g_rmdir (dir);
}

static void
test_xlsx_unavailable (void)
{
  g_autofree char *path = dup_report_path ("NB_SAMPLES_DIR", "ruzhou-2021.txt");
  g_autoptr(NbReport) report = load (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nb_report_to_xlsx (report, &error);

  if (nb_export_can_write_xlsx ())
    {
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "PK\x03\x04", 4);
    }
  else
    g_assert_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT);
}

int
main (int    argc,
      char **argv)
{
  static const char *const reports[][2] = {
    { "NB_SAMPLES_DIR", "ruzhou-2021.txt" },
    { "NB_SAMPLES_DIR", "mianchi-2022.txt" },
    { "NB_FIXTURES_DIR", "county-2019.txt" },
    { "NB_FIXTURES_DIR", "municipal-2019.html" },
  };

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/export/corrected/%s", reports[i][1]);

      g_test_add_data_func (name, reports[i], test_corrected);
    }
  g_test_add_func ("/core/export/inferred-follow", test_inferred_follow);
  g_test_add_func ("/core/export/risky", test_risky);
  g_test_add_func ("/core/export/injection", test_injection);
  g_test_add_func ("/core/export/atomic", test_atomic);
  g_test_add_func ("/core/export/xlsx", test_xlsx_unavailable);
  return g_test_run ();
}
