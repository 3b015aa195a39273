/* test-review.c — review sets: the store survives closing, reopening and kill -9;
 * a changed file is marked and its corrections offered again; a set's state comes
 * back when the folder is opened again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "nianbao.h"
#include "test-util.h"

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nb-review-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_store_reopen (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "set" NB_REVIEW_SET_EXTENSION, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  NbReviewStore *store = nb_review_store_open (path, FALSE, &error);
  g_autoptr(GPtrArray) corrections = NULL;
  g_autofree char *note = NULL;
  NbCorrection *c;

  g_assert_no_error (error);
  g_assert_true (nb_review_store_set_status (store, "aaa", NB_REVIEW_STATUS_REVIEWED, &error));
  g_assert_true (nb_review_store_set_note (store, "aaa", "第三项总计有误，请核对", &error));
  g_assert_true (nb_review_store_set_correction (store, "aaa", "requests.new.total", "12", "13", &error));
  g_assert_true (nb_review_store_set_correction (store, "aaa", "requests.public.total", "", "1", &error));
  g_assert_true (nb_review_store_set_correction (store, "aaa", "requests.public.total", NULL, NULL, &error));
  g_assert_no_error (error);
  /* write-ahead logging: the log is there while the set is open */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_object_unref (store);

  store = nb_review_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_review_store_get_status (store, "aaa"), ==, NB_REVIEW_STATUS_REVIEWED);
  g_assert_cmpint (nb_review_store_get_status (store, "bbb"), ==, NB_REVIEW_STATUS_NEW);
  note = nb_review_store_get_note (store, "aaa");
  g_assert_cmpstr (note, ==, "第三项总计有误，请核对");
  corrections = nb_review_store_get_corrections (store, "aaa");
  g_assert_cmpuint (corrections->len, ==, 1);
  c = g_ptr_array_index (corrections, 0);
  g_assert_cmpstr (c->cell, ==, "requests.new.total");
  g_assert_cmpstr (c->printed, ==, "12");
  g_assert_cmpstr (c->corrected, ==, "13");
  g_object_unref (store);

  /* read-only, as nianbao-check --summary opens it */
  store = nb_review_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_review_store_get_status (store, "aaa"), ==, NB_REVIEW_STATUS_REVIEWED);
  g_object_unref (store);

  /* a file that is not a review set is refused */
  g_assert_true (g_file_set_contents (path, "not a database, just text", -1, NULL));
  g_unlink (wal);
  store = nb_review_store_open (path, FALSE, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  nb_test_remove_tree (dir);
}

static void
test_store_changed (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "set" NB_REVIEW_SET_EXTENSION, NULL);
  g_autofree char *report = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReviewStore) store = nb_review_store_open (path, FALSE, &error);
  g_autoptr(GPtrArray) old = NULL;
  g_auto(GStrv) files = NULL;
  char *previous = NULL;

  g_assert_no_error (error);
  g_assert_true (nb_review_store_track_file (store, report, "h1", &previous, &error));
  g_assert_null (previous);
  files = nb_review_store_list_files (store);
  g_assert_cmpstrv (files, ((const char *const[]) { "a.txt", NULL }));

  /* changed before anyone reviewed it: nothing to offer */
  g_assert_true (nb_review_store_track_file (store, report, "h0", &previous, &error));
  g_assert_null (previous);
  g_assert_true (nb_review_store_track_file (store, report, "h1", &previous, &error));
  g_assert_null (previous);

  g_assert_true (nb_review_store_set_status (store, "h1", NB_REVIEW_STATUS_NEEDS_CHANGES, &error));
  g_assert_true (nb_review_store_set_correction (store, "h1", "requests.new.total", "12", "13", &error));

  /* the file changed after its review: marked, and its corrections still there */
  g_assert_true (nb_review_store_track_file (store, report, "h2", &previous, &error));
  g_assert_cmpstr (previous, ==, "h1");
  g_clear_pointer (&previous, g_free);
  g_assert_cmpint (nb_review_store_get_status (store, "h2"), ==, NB_REVIEW_STATUS_NEW);
  old = nb_review_store_get_corrections (store, "h1");
  g_assert_cmpuint (old->len, ==, 1);

  /* still offered when the set is opened again, until dealt with */
  g_assert_true (nb_review_store_track_file (store, report, "h2", &previous, &error));
  g_assert_cmpstr (previous, ==, "h1");
  g_clear_pointer (&previous, g_free);
  g_assert_true (nb_review_store_forget_previous (store, report, &error));
  g_assert_true (nb_review_store_track_file (store, report, "h2", &previous, &error));
  g_assert_null (previous);
  g_assert_no_error (error);
  nb_test_remove_tree (dir);
}

/* The writer makes a change, says so, and is killed at once: the change is there. */
static void
test_store_kill (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "set" NB_REVIEW_SET_EXTENSION, NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "test-review-writer", NULL);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *hash = g_strdup_printf ("hash%u", round);
      g_autofree char *note = g_strdup_printf ("第 %u 次修改", round);
      const char *argv[] = { writer, path, hash, note, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReviewStore) store = NULL;
      g_autoptr(GPtrArray) corrections = NULL;
      g_autofree char *stored = NULL;
      char line[64] = { 0 };
      GPid pid;
      int out, status;
      FILE *from;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      from = fdopen (out, "r");
      g_assert_nonnull (fgets (line, sizeof line, from));
      g_assert_cmpstr (line, ==, "written\n");
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      fclose (from);
      g_spawn_close_pid (pid);

      store = nb_review_store_open (path, FALSE, &error);
      g_assert_no_error (error);
      for (guint r = 0; r <= round; r++)
        {
          g_autofree char *h = g_strdup_printf ("hash%u", r);
          g_autofree char *n = g_strdup_printf ("第 %u 次修改", r);

          g_clear_pointer (&stored, g_free);
          stored = nb_review_store_get_note (store, h);
          g_assert_cmpstr (stored, ==, n);
          g_assert_cmpint (nb_review_store_get_status (store, h), ==, NB_REVIEW_STATUS_NEEDS_CHANGES);
        }
      corrections = nb_review_store_get_corrections (store, hash);
      g_assert_cmpuint (corrections->len, ==, 1);
    }
  nb_test_remove_tree (dir);
}

static NbReviewSet *
open_set (const char *dir)
{
  g_autoptr(GError) error = NULL;
  NbReviewSet *set = nb_review_set_new ();
  g_autofree char *store = NULL;

  nb_review_set_set_keep_reports (set, TRUE);
  g_assert_true (nb_review_set_add (set, dir, &error));
  store = nb_review_set_default_store_path (set);
  g_assert_true (g_str_has_suffix (store, NB_REVIEW_SET_EXTENSION));
  g_assert_true (nb_review_set_open_store (set, store, FALSE, &error));
  g_assert_no_error (error);
  nb_review_set_load (set, 2, NULL);
  return set;
}

static NbReviewItem *
find_item (NbReviewSet *set,
           const char  *name)
{
  for (guint i = 0; i < nb_review_set_get_n_items (set); i++)
    if (g_str_equal (nb_review_item_get_display_name (nb_review_set_get_item (set, i)), name))
      return nb_review_set_get_item (set, i);
  g_assert_not_reached ();
}

static void
test_set_state (void)
{
  g_autofree char *dir = nb_test_copy_samples (NULL);
  g_autoptr(GError) error = NULL;
  NbReviewSet *set = open_set (dir);
  NbReviewItem *item;
  NbReport *report;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *ruzhou = g_build_filename (dir, "ruzhou-2021.txt", NULL);
  g_autofree char *store = NULL;
  int cell;

  g_assert_cmpuint (nb_review_set_get_n_items (set), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      item = nb_review_set_get_item (set, i);
      g_assert_true (nb_review_item_get_loaded (item));
      g_assert_nonnull (nb_review_item_get_report (item));
      g_assert_cmpuint (strlen (nb_review_item_get_hash (item)), ==, 64);
      g_assert_cmpint (nb_review_item_get_status (item), ==, NB_REVIEW_STATUS_NEW);
      g_assert_null (nb_review_item_get_previous_hash (item));
    }
  g_assert_cmpstr (nb_review_item_get_agency (find_item (set, "ruzhou-2021.txt")), ==, "汝州市人民政府办公室");

  g_assert_true (nb_review_item_set_status (find_item (set, "mianchi-2022.txt"), NB_REVIEW_STATUS_REVIEWED, &error));
  g_assert_true (nb_review_item_set_note (find_item (set, "zhicheng-2021.txt"), "请补充第五部分", &error));
  item = find_item (set, "ruzhou-2021.txt");
  report = nb_review_item_get_report (item);
  cell = nb_schema_lookup (nb_report_get_edition (report), "requests.new.natural_person");
  g_assert_true (nb_report_set_value (report, cell, TRUE, 12));
  nb_report_check (report);
  g_assert_true (nb_review_item_save_corrections (item, &error));
  g_assert_true (nb_review_item_set_status (item, NB_REVIEW_STATUS_NEEDS_CHANGES, &error));
  g_assert_no_error (error);
  sheet = nb_review_set_to_sheet (set, item);
  g_assert_nonnull (strstr (sheet, "状态：需修改"));
  g_assert_nonnull (strstr (sheet, "汝州市人民政府办公室"));
  store = g_strdup (nb_review_set_get_store_path (set));
  g_object_unref (set);

  /* opened again: everything is back */
  set = open_set (dir);
  g_assert_cmpint (nb_review_item_get_status (find_item (set, "mianchi-2022.txt")), ==, NB_REVIEW_STATUS_REVIEWED);
  g_assert_cmpstr (nb_review_item_get_note (find_item (set, "zhicheng-2021.txt")), ==, "请补充第五部分");
  item = find_item (set, "ruzhou-2021.txt");
  g_assert_cmpint (nb_review_item_get_status (item), ==, NB_REVIEW_STATUS_NEEDS_CHANGES);
  /* the correction is made again to the report */
  {
    gboolean had_value;
    double original, value;

    report = nb_review_item_get_report (item);
    g_assert_true (nb_report_get_corrected (report, cell, &had_value, &original));
    g_assert_true (nb_report_get_value (report, cell, &value));
    g_assert_cmpfloat (value, ==, 12);
    g_assert_false (nb_report_get_modified (report));
  }
  g_object_unref (set);

  /* the office sends a new version of ruzhou: marked changed, its corrections offered */
  {
    g_autofree char *data = NULL;
    g_autofree char *changed = NULL;

    g_assert_true (g_file_get_contents (ruzhou, &data, NULL, NULL));
    changed = g_strconcat (data, "\n（修订版）\n", NULL);
    g_assert_true (g_file_set_contents (ruzhou, changed, -1, NULL));
  }
  set = open_set (dir);
  item = find_item (set, "ruzhou-2021.txt");
  g_assert_nonnull (nb_review_item_get_previous_hash (item));
  g_assert_cmpint (nb_review_item_get_status (item), ==, NB_REVIEW_STATUS_NEW);
  old = nb_review_item_get_old_corrections (item);
  g_assert_nonnull (old);
  g_assert_cmpuint (old->len, ==, 1);
  g_assert_cmpstr (((NbCorrection *) g_ptr_array_index (old, 0))->cell, ==, "requests.new.natural_person");
  g_assert_cmpstr (((NbCorrection *) g_ptr_array_index (old, 0))->corrected, ==, "12");
  g_assert_null (nb_review_item_get_previous_hash (find_item (set, "zhicheng-2021.txt")));
  {
    g_autofree char *json = nb_review_set_to_json (set, NULL);

    g_assert_nonnull (strstr (json, "\"changed\" : true"));
  }
  g_object_unref (set);

  /* the review set's own file opens the set: its members and its state */
  set = nb_review_set_new ();
  g_assert_true (nb_review_set_add (set, store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nb_review_set_get_n_items (set), ==, 5);
  nb_review_set_load (set, 1, NULL);
  g_assert_cmpint (nb_review_item_get_status (find_item (set, "mianchi-2022.txt")), ==, NB_REVIEW_STATUS_REVIEWED);
  g_object_unref (set);
  nb_test_remove_tree (dir);
}

static guint
count_set_findings (NbReviewItem *item,
                    const char   *rule)
{
  GListModel *findings = nb_review_item_get_set_findings (item);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      n += g_str_equal (nb_finding_get_rule (f), rule);
    }
  return n;
}

/* A correction to what the rules across the set compare runs them again, at once
 * and when the set is opened again: correcting this year's 上年结转 to last year's
 * 结转下年度 clears series.carry_over, and the summary's figures are the corrected ones. */
static void
test_set_corrected_series (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  g_autoptr(GError) error = NULL;
  NbReviewSet *set = open_set (dir);
  NbReviewItem *item = find_item (set, "mianchi-2022.txt");
  NbReport *report = nb_review_item_get_report (item);
  NbEdition ed = nb_report_get_edition (report);
  int person = nb_schema_lookup (ed, "requests.carried_in.natural_person");
  int total = nb_schema_lookup (ed, "requests.carried_in.total");
  int fresh = nb_schema_lookup (ed, "requests.new.total");
  double new_total;

  g_assert_cmpuint (count_set_findings (item, "series.carry_over"), ==, 2);
  g_assert_cmpuint (nb_review_item_count (item, NB_SEVERITY_ERROR), ==, nb_report_count_findings (report, NB_SEVERITY_ERROR) + 2);
  g_assert_true (nb_report_get_value (report, fresh, &new_total));

  /* a correction elsewhere leaves the set's findings as they are */
  g_assert_true (nb_report_set_value (report, fresh, TRUE, new_total + 1));
  nb_report_check (report);
  g_assert_false (nb_review_item_refresh (item));
  g_assert_cmpuint (count_set_findings (item, "series.carry_over"), ==, 2);
  {
    g_autofree char *json = nb_review_set_to_json (set, NULL);
    g_autofree char *figure = g_strdup_printf ("\"new\" : %g", new_total + 1);

    g_assert_nonnull (strstr (json, figure));
  }
  g_assert_true (nb_report_set_value (report, fresh, TRUE, new_total));

  g_assert_true (nb_report_set_value (report, person, TRUE, 2));
  g_assert_true (nb_report_set_value (report, total, TRUE, 2));
  nb_report_check (report);
  g_assert_true (nb_review_item_refresh (item));
  g_assert_cmpuint (count_set_findings (item, "series.carry_over"), ==, 0);
  /* its errors are now its own (its table's sums, which the correction changed) */
  g_assert_cmpuint (nb_review_item_count (item, NB_SEVERITY_ERROR), ==, nb_report_count_findings (report, NB_SEVERITY_ERROR));
  g_assert_true (nb_review_item_save_corrections (item, &error));
  g_assert_no_error (error);
  g_object_unref (set);

  set = open_set (dir);
  item = find_item (set, "mianchi-2022.txt");
  g_assert_cmpuint (count_set_findings (item, "series.carry_over"), ==, 0);
  g_object_unref (set);
  nb_test_remove_tree (dir);
}

/* A file that cannot be read keeps its reviewer's note in the summary, after why
 * it cannot be read ("请重新报送" is what goes back to the office). */
static void
test_set_unreadable_note (void)
{
  g_autofree char *dir = nb_test_copy_samples (NULL);
  g_autofree char *junk = g_build_filename (dir, "empty-2021.txt", NULL);
  g_autoptr(GError) error = NULL;
  NbReviewSet *set;
  NbReviewItem *item;
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;

  g_assert_true (g_file_set_contents (junk, "这不是一份年报。\n", -1, NULL));
  set = open_set (dir);
  item = find_item (set, "empty-2021.txt");
  g_assert_nonnull (nb_review_item_get_error (item));
  g_assert_true (nb_review_item_set_note (item, "请重新报送", &error));
  g_assert_no_error (error);
  csv = nb_review_set_to_csv (set, NULL);
  g_assert_nonnull (strstr (csv, nb_review_item_get_error (item)->message));
  g_assert_nonnull (strstr (csv, "请重新报送"));
  sheet = nb_review_set_to_sheet (set, item);
  g_assert_nonnull (strstr (sheet, "请重新报送"));
  g_object_unref (set);
  nb_test_remove_tree (dir);
}

/* Writes @text to @dir/@name, with every @from in it made @to (none: as it is). */
static void
write_variant (const char *dir,
               const char *name,
               const char *text,
               const char *from,
               const char *to)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_auto(GStrv) parts = g_strsplit (text, from ? from : "\x01", -1);
  g_autofree char *changed = g_strjoinv (to ? to : "", parts);

  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
}

static char *
read_sample (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The messages (English) of @item's set findings of series.copied_text, in order */
static GPtrArray *
copied_messages (NbReviewSet *set,
                 const char  *name)
{
  GListModel *findings = nb_review_item_get_set_findings (find_item (set, name));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (g_str_equal (nb_finding_get_rule (f), "series.copied_text"))
        g_ptr_array_add (out, g_strdup (nb_finding_get_message (f, "en")));
    }
  return out;
}

static gboolean
says (GPtrArray  *messages,
      const char *a,
      const char *b)
{
  for (guint i = 0; i < messages->len; i++)
    if (strstr (g_ptr_array_index (messages, i), a) && strstr (g_ptr_array_index (messages, i), b))
      return TRUE;
  return FALSE;
}

/* Whole reports alike. A file sent twice: said once, in the later file, naming the
 * other; sent again with other figures: said so. One office's report copied whole by
 * two others (their names put in): each of the three names the other two, as a copy
 * of the whole report, however stock three offices make its sentences; the others
 * have no such finding. */
static void
test_set_whole_copies (void)
{
  g_autofree char *mianchi = NULL;
  g_autofree char *dir = nb_test_copy_samples (&mianchi);
  g_autofree char *ruzhou = read_sample (dir, "ruzhou-2021.txt");
  g_autofree char *zhicheng = read_sample (dir, "zhicheng-2021.txt");
  g_autoptr(GRegex) carried_over = g_regex_new ("^(四、结转下年度继续办理)[\\t 0-9]*$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *other_figures = g_regex_replace (carried_over, mianchi, -1, 0, "\\1\t\t2\t0\t0\t0\t0\t0\t2", 0, NULL);
  g_autoptr(NbReviewSet) set = nb_review_set_new ();
  g_autoptr(GError) error = NULL;
  const char *const offices[3] = { "zhicheng-2021.txt", "potou-2021.txt", "wangwu-2021.txt" };
  const char *const untouched[] = { "ruzhou-2021.txt", "ruijin-2021.txt", "office-2021.txt", "mianchi-2022.txt" };

  g_assert_cmpstr (other_figures, !=, mianchi);
  write_variant (dir, "ruzhou-2021_copy.txt", ruzhou, NULL, NULL);
  write_variant (dir, "mianchi-2022_v2.txt", other_figures, NULL, NULL);
  write_variant (dir, "potou-2021.txt", zhicheng, "轵城", "坡头");
  write_variant (dir, "wangwu-2021.txt", zhicheng, "轵城", "王屋");
  g_assert_true (nb_review_set_add (set, dir, &error));
  g_assert_no_error (error);
  nb_review_set_load (set, 2, NULL);
  g_assert_cmpstr (nb_review_item_get_agency (find_item (set, "potou-2021.txt")), ==, "坡头镇人民政府");

  {
    g_autoptr(GPtrArray) copy = copied_messages (set, "ruzhou-2021_copy.txt");
    g_autoptr(GPtrArray) v2 = copied_messages (set, "mianchi-2022_v2.txt");

    g_assert_cmpuint (copy->len, ==, 1);
    g_assert_true (says (copy, "sent twice", "ruzhou-2021.txt"));
    g_assert_cmpuint (v2->len, ==, 1);
    g_assert_true (says (v2, "other figures", "mianchi-2022.txt"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (untouched); i++)
    {
      g_autoptr(GPtrArray) none = copied_messages (set, untouched[i]);

      g_assert_cmpuint (none->len, ==, 0);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) whole = copied_messages (set, offices[i]);
      GListModel *findings = nb_review_item_get_set_findings (find_item (set, offices[i]));
      g_autoptr(NbFinding) first = g_list_model_get_item (findings, 0);
      guint n_spans;

      g_assert_cmpuint (whole->len, ==, 2);
      for (guint k = 1; k < 3; k++)
        g_assert_true (says (whole, "copied whole", offices[(i + k) % 3]));
      /* the passages it shares are its spans */
      nb_finding_get_spans (first, &n_spans);
      g_assert_cmpuint (n_spans, >=, 3);
    }
  nb_test_remove_tree (dir);
}

/* Cancelled before it starts, a set reads nothing; progress comes once per report. */
static void
progress_cb (NbReviewSet  *set,
             NbReviewItem *item,
             guint         done,
             guint         total,
             gpointer      user_data)
{
  g_atomic_int_inc ((int *) user_data);
}

static void
test_set_progress (void)
{
  g_autoptr(NbReviewSet) set = nb_review_set_new ();
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  int calls = 0;

  g_assert_true (nb_review_set_add (set, g_getenv ("NB_SAMPLES_DIR"), &error));
  g_cancellable_cancel (cancel);
  nb_review_set_parse (set, 2, cancel, progress_cb, &calls);
  nb_review_set_finish (set);
  g_assert_false (nb_review_item_get_loaded (nb_review_set_get_item (set, 0)));

  nb_review_set_parse (set, 2, NULL, progress_cb, &calls);
  g_assert_cmpint (calls, ==, 5);
  nb_review_set_finish (set);
  for (guint i = 0; i < 5; i++)
    g_assert_true (nb_review_item_get_loaded (nb_review_set_get_item (set, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review/store/reopen", test_store_reopen);
  g_test_add_func ("/review/store/changed", test_store_changed);
  g_test_add_func ("/review/store/kill", test_store_kill);
  g_test_add_func ("/review/set/state", test_set_state);
  g_test_add_func ("/review/set/progress", test_set_progress);
  g_test_add_func ("/review/set/corrected-series", test_set_corrected_series);
  g_test_add_func ("/review/set/unreadable-note", test_set_unreadable_note);
  g_test_add_func ("/review/set/whole-copies", test_set_whole_copies);
  return g_test_run ();
}
