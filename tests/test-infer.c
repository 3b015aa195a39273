/* test-infer.c — inferred cells derived again after an edit (nb_report_infer ())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nianbao.h"
#include "test-util.h"

static NbReport *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NbReport *report = nb_report_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static NbReport *
load_sample (const char *name)
{
  g_autofree char *path = nb_test_sample_path (name);

  return load_file (path);
}

static int
cell_of (NbReport   *report,
         const char *id)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);

  g_assert_cmpint (cell, >=, 0);
  return cell;
}

static void
set (NbReport   *report,
     const char *id,
     gboolean    has_value,
     double      value)
{
  g_assert_true (nb_report_set_value (report, cell_of (report, id), has_value, value));
}

/* The cell's value (-1 when it has none) and origin */
static void
assert_cell (NbReport   *report,
             const char *id,
             double      value,
             NbOrigin    origin)
{
  int cell = cell_of (report, id);
  double v = -1;

  if (!nb_report_get_value (report, cell, &v))
    v = -1;
  if (v != value || nb_report_get_origin (report, cell) != origin)
    g_error ("%s is %g (%s), not %g (%s)", id, v, nb_origin_to_string (nb_report_get_origin (report, cell)),
             value, nb_origin_to_string (origin));
}

static void
on_changed (NbReport *report,
            guint     cell,
            GArray   *seen)
{
  g_array_append_val (seen, cell);
}

static gboolean
array_holds (GArray *cells,
             guint   cell)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_array_index (cells, guint, i) == cell)
      return TRUE;
  return FALSE;
}

/* Every report the tests have: deriving again right after loading changes nothing, so
 * that what the window and nianbao-check show of an unedited report stays as it was */
static void
test_no_change_on_load (void)
{
  const char *dirs[] = { g_getenv ("NB_SAMPLES_DIR"), NULL, NULL };
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *seeds = g_build_filename (g_getenv ("NB_SHARED_DIR"), "seeds", NULL);
  guint n_reports = 0, n_inferred = 0, n_pages = 0;

  dirs[1] = fixtures;
  dirs[2] = g_file_test (seeds, G_FILE_TEST_IS_DIR) ? seeds : NULL;
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = dirs[d] ? g_dir_open (dirs[d], 0, NULL) : NULL;
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          g_autoptr(GFile) file = NULL;
          g_autoptr(NbReport) report = NULL;

          if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".html"))
            continue;
          file = g_file_new_for_path (path);
          report = nb_report_new_from_file (file, NULL, NULL);
          if (report == NULL)
            continue;
          for (guint i = 0; i < nb_report_get_n_cells (report); i++)
            n_inferred += nb_report_get_origin (report, i) == NB_ORIGIN_INFERRED;
          if (nb_report_infer (report))
            g_error ("%s: deriving the inferred cells again changed them", name);
          g_assert_false (nb_report_get_modified (report));
          n_reports++;
          n_pages += g_str_has_suffix (name, ".html");
        }
    }
  g_assert_cmpuint (n_reports, >=, 9);
  /* municipal's 130 among them, where web pages are read (a build without the HTML reader
   * reads the text reports only) */
  g_assert_cmpuint (n_inferred, >, n_pages > 0 ? 100 : 40);
}

/* ruzhou prints only 予以公开's total: its six columns are inferred from the column sums.
 * An edit of a cell they come from moves them; undoing it brings them back. */
static void
test_follows_edit (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou-2021.txt");
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  int public_np = cell_of (report, "requests.public.natural_person");

  assert_cell (report, "requests.public.natural_person", 1, NB_ORIGIN_INFERRED);
  assert_cell (report, "requests.unavailable.not_held.natural_person", 5, NB_ORIGIN_SOURCE);
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, public_np), ==, 0);
  g_signal_connect (report, "changed", G_CALLBACK (on_changed), seen);

  /* 不是本机关掌握 5 → 4: the column's result sum now leaves 2 to 予以公开 */
  set (report, "requests.unavailable.not_held.natural_person", TRUE, 4);
  assert_cell (report, "requests.public.natural_person", 2, NB_ORIGIN_INFERRED);
  assert_cell (report, "requests.public.commercial", 0, NB_ORIGIN_INFERRED);
  g_assert_false (nb_report_get_corrected (report, public_np, NULL, NULL));
  g_assert_true (array_holds (seen, public_np));
  /* the checks ran on the new value: 2 in the row, whose printed total says 1 */
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", NB_SEVERITY_ERROR, public_np), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_INFO, public_np), ==, 1);

  /* the exports show the value now, as inferred */
  json = nb_report_to_json (report, FALSE, NULL);
  g_assert_nonnull (strstr (json, "\"public\":[2,0,0,0,0,0,1]"));
  g_assert_nonnull (strstr (json, "\"requests.public.natural_person\":{\"span\":null,\"origin\":\"inferred\"}"));
  csv = nb_report_to_csv (report, "zh_CN", NULL);
  g_assert_nonnull (strstr (csv, "（一）予以公开,,2,0,0,0,0,0,1\r\n"));
  g_assert_nonnull (strstr (csv, "只能是 2，已据此推算"));

  /* undo: the value before, and with it the inferred one */
  set (report, "requests.unavailable.not_held.natural_person", TRUE, 5);
  assert_cell (report, "requests.public.natural_person", 1, NB_ORIGIN_INFERRED);
  g_assert_cmpuint (nb_test_count_findings (report, "requests.row_sum", -1, public_np), ==, 0);
  g_assert_false (nb_report_infer (report));
}

/* Cleared so that the equations no longer give it, an inferred cell goes missing, with
 * its cell.missing warning; given back the values, it is inferred again */
static void
test_goes_missing (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou-2021.txt");
  int public_np = cell_of (report, "requests.public.natural_person");

  /* each cleared value the others still give: the cell stays inferred */
  set (report, "requests.public.total", FALSE, 0);
  assert_cell (report, "requests.public.natural_person", 1, NB_ORIGIN_INFERRED);
  set (report, "requests.unavailable.not_held.natural_person", FALSE, 0);
  assert_cell (report, "requests.public.natural_person", 1, NB_ORIGIN_INFERRED);
  /* 不是本机关掌握 and 予以公开 both open in their row and column: not determined */
  set (report, "requests.unavailable.not_held.total", FALSE, 0);
  assert_cell (report, "requests.public.natural_person", -1, NB_ORIGIN_MISSING);
  assert_cell (report, "requests.public.commercial", 0, NB_ORIGIN_INFERRED);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_WARNING, public_np), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_INFO, public_np), ==, 0);
  g_assert_false (nb_report_can_accept (report, public_np));

  set (report, "requests.unavailable.not_held.total", TRUE, 6);
  assert_cell (report, "requests.public.natural_person", 1, NB_ORIGIN_INFERRED);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_WARNING, public_np), ==, 0);
}

/* What the user typed or accepted is theirs: inference never writes over it */
static void
test_typed_kept (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou-2021.txt");
  int public_np = cell_of (report, "requests.public.natural_person");
  int public_other = cell_of (report, "requests.public.other");
  gboolean had_value;
  double original;

  set (report, "requests.public.natural_person", TRUE, 7);
  set (report, "requests.unavailable.not_held.natural_person", TRUE, 4);
  assert_cell (report, "requests.public.natural_person", 7, NB_ORIGIN_INFERRED);
  g_assert_true (nb_report_get_corrected (report, public_np, &had_value, &original));
  g_assert_true (had_value);
  g_assert_cmpfloat (original, ==, 1);

  /* back to what it was: inferred again, from the values now */
  set (report, "requests.public.natural_person", TRUE, 1);
  g_assert_false (nb_report_get_corrected (report, public_np, NULL, NULL));
  assert_cell (report, "requests.public.natural_person", 2, NB_ORIGIN_INFERRED);

  /* accepted: kept as it was accepted */
  nb_report_set_accepted (report, public_other, TRUE);
  set (report, "requests.unavailable.not_held.other", TRUE, 1);  /* 0 → 1 breaks the column */
  assert_cell (report, "requests.public.other", 0, NB_ORIGIN_INFERRED);
  g_assert_true (nb_report_get_accepted (report, public_other));
  /* withdrawn: inferred again from the values now, which would make it −1: missing */
  set (report, "requests.unavailable.not_held.other", TRUE, 0);
  set (report, "requests.withheld.admin_query.other", TRUE, 1);
  nb_report_set_accepted (report, public_other, FALSE);
  assert_cell (report, "requests.public.other", -1, NB_ORIGIN_MISSING);
}

/* Section 四: a group total left blank follows its parts */
static void
test_appeals (void)
{
  g_autofree char *path = nb_test_sample_path ("zhicheng-2021.txt");
  g_autofree char *text = NULL;
  g_autoptr(GString) blanked = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  blanked = g_string_new (text);
  /* the review group's total, blank */
  g_assert_cmpuint (g_string_replace (blanked, "\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
                                      "\n0\t0\t0\t0\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", 1), ==, 1);
  report = nb_report_new_from_bytes ((const guint8 *) blanked->str, blanked->len, "blank.txt", &error);
  g_assert_no_error (error);
  assert_cell (report, "appeals.review.total", 0, NB_ORIGIN_INFERRED);

  set (report, "appeals.review.upheld", TRUE, 3);
  assert_cell (report, "appeals.review.total", 3, NB_ORIGIN_INFERRED);
  set (report, "appeals.review.upheld", FALSE, 0);
  assert_cell (report, "appeals.review.total", -1, NB_ORIGIN_MISSING);
  set (report, "appeals.review.upheld", TRUE, 0);
  assert_cell (report, "appeals.review.total", 0, NB_ORIGIN_INFERRED);
  g_assert_false (nb_report_infer (report));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/infer/no-change-on-load", test_no_change_on_load);
  g_test_add_func ("/core/infer/follows-edit", test_follows_edit);
  g_test_add_func ("/core/infer/goes-missing", test_goes_missing);
  g_test_add_func ("/core/infer/typed-kept", test_typed_kept);
  g_test_add_func ("/core/infer/appeals", test_appeals);
  return g_test_run ();
}
