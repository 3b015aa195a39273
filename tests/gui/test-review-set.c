/* test-review-set.c — a review set in the window: the sidebar's counts, filters and order,
 * moving through it, marking, noting and correcting, and all of it back when the set
 * is opened again; the printed review sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gui-util.h"
#include "test-util.h"

static void
test_sidebar (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  g_autofree char *pdf = g_strconcat (dir, "-sheet.pdf", NULL);  /* beside the folder, not a report in it */
  NbReviewSidebar *sidebar;
  NbWindow *window = review_set_open (dir, &sidebar);
  GListModel *shown = nb_review_sidebar_get_shown (sidebar);
  guint n = g_list_model_get_n_items (shown), with_errors = 0, most = 0, pos;
  g_autoptr(NbReviewItem) first = NULL;
  g_autoptr(NbReviewItem) item = NULL;
  NbReviewItem *selected;
  NbReport *report;
  g_autofree char *pdf_data = NULL;
  int cell;

  /* the list: every report, read, with its counts */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (nb_review_sidebar_get_message (sidebar), ==, "6 reports");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbReviewItem) it = g_list_model_get_item (shown, i);

      g_assert_true (nb_review_item_get_loaded (it));
      with_errors += nb_review_item_count (it, NB_SEVERITY_ERROR) > 0;
      most = MAX (most, nb_review_item_count (it, NB_SEVERITY_ERROR));
    }
  /* mianchi-2022: its own meta.agency, and last year's 结转下年度 */
  item = g_list_model_get_item (shown, review_set_position_of (shown, "mianchi-2022.txt"));
  g_assert_cmpuint (nb_review_item_count (item, NB_SEVERITY_ERROR), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (nb_review_item_get_set_findings (item)), >=, 2);
  g_clear_object (&item);

  /* filters */
  nb_review_sidebar_set_filter (sidebar, TRUE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, with_errors);
  g_assert_cmpuint (with_errors, >=, 2);
  nb_review_sidebar_set_filter (sidebar, FALSE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);

  /* sorted by errors: the most first */
  nb_review_sidebar_set_sort (sidebar, NB_REVIEW_SORT_ERRORS);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpuint (nb_review_item_count (first, NB_SEVERITY_ERROR), ==, most);
  g_assert_cmpuint (most, >, 0);
  nb_review_sidebar_set_sort (sidebar, NB_REVIEW_SORT_AGENCY);
  nb_review_sidebar_set_sort (sidebar, NB_REVIEW_SORT_FILE);

  /* moving: selecting a row shows its report in the review view */
  pos = review_set_position_of (shown, "ruzhou-2021.txt");
  nb_review_sidebar_select (sidebar, pos);
  spin ();
  selected = nb_review_sidebar_get_selected (sidebar);
  g_assert_nonnull (selected);
  g_assert_cmpstr (nb_review_item_get_display_name (selected), ==, "ruzhou-2021.txt");
  report = nb_review_item_get_report (selected);
  g_assert_true (nb_window_get_report (window) == report);

  /* marking, a note, a correction: each stored at once */
  g_assert_true (nb_review_sidebar_set_status (sidebar, NB_REVIEW_STATUS_NEEDS_CHANGES));
  nb_review_sidebar_set_note (sidebar, "请核对第三项");
  g_assert_cmpstr (nb_review_item_get_note (selected), ==, "请核对第三项");
  cell = nb_schema_lookup (nb_report_get_edition (report), "requests.new.natural_person");
  nb_window_apply_edit (window, cell, TRUE, 12);
  spin ();
  g_assert_false (nb_report_get_modified (report));
  nb_review_sidebar_set_filter (sidebar, FALSE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n - 1);
  nb_review_sidebar_set_filter (sidebar, FALSE, FALSE);

  /* the review sheet, printed to PDF */
  nb_review_sidebar_print (sidebar, pdf);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* opened again: the mark, the note and the correction are back */
  window = review_set_open (dir, &sidebar);
  shown = nb_review_sidebar_get_shown (sidebar);
  item = g_list_model_get_item (shown, review_set_position_of (shown, "ruzhou-2021.txt"));
  g_assert_cmpint (nb_review_item_get_status (item), ==, NB_REVIEW_STATUS_NEEDS_CHANGES);
  g_assert_cmpstr (nb_review_item_get_note (item), ==, "请核对第三项");
  {
    gboolean had_value;
    double original, value;

    report = nb_review_item_get_report (item);
    g_assert_true (nb_report_get_corrected (report, cell, &had_value, &original));
    g_assert_true (nb_report_get_value (report, cell, &value));
    g_assert_cmpfloat (value, ==, 12);
  }
  nb_review_sidebar_set_filter (sidebar, FALSE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n - 1);
  g_clear_object (&item);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* the office sends ruzhou again: marked as changed, its corrections offered and
   * made again on request */
  {
    g_autofree char *path = g_build_filename (dir, "ruzhou-2021.txt", NULL);
    g_autofree char *data = NULL;
    g_autofree char *changed = NULL;
    double value;

    g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
    changed = g_strconcat (data, "\n（修订版）\n", NULL);
    g_assert_true (g_file_set_contents (path, changed, -1, NULL));
    window = review_set_open (dir, &sidebar);
    shown = nb_review_sidebar_get_shown (sidebar);
    pos = review_set_position_of (shown, "ruzhou-2021.txt");
    item = g_list_model_get_item (shown, pos);
    g_assert_nonnull (nb_review_item_get_previous_hash (item));
    g_assert_cmpint (nb_review_item_get_status (item), ==, NB_REVIEW_STATUS_NEW);
    nb_review_sidebar_select (sidebar, pos);
    spin ();
    report = nb_review_item_get_report (item);
    g_assert_true (nb_report_get_value (report, cell, &value));
    g_assert_cmpfloat (value, ==, 11);
    nb_review_sidebar_apply_old_corrections (sidebar);
    spin ();
    g_assert_true (nb_report_get_value (report, cell, &value));
    g_assert_cmpfloat (value, ==, 12);
    g_assert_null (nb_review_item_get_previous_hash (item));
    g_clear_object (&item);
    gtk_window_destroy (GTK_WINDOW (window));
    spin ();
  }
  /* the set's own file opens it as well (a double-click on it) */
  {
    g_autofree char *base = g_path_get_basename (dir);
    g_autofree char *name = g_strconcat (base, NB_REVIEW_SET_EXTENSION, NULL);
    g_autofree char *store = g_build_filename (dir, name, NULL);

    window = review_set_open (store, &sidebar);
  }
  shown = nb_review_sidebar_get_shown (sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  item = g_list_model_get_item (shown, review_set_position_of (shown, "ruzhou-2021.txt"));
  g_assert_null (nb_review_item_get_previous_hash (item));
  {
    gboolean had_value;
    double original;

    g_assert_true (nb_report_get_corrected (nb_review_item_get_report (item), cell, &had_value, &original));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_unlink (pdf);
  nb_test_remove_tree (dir);
}

/* Closed while it reads: the reading stops, and nothing is shown in a window that
 * has gone (criticals are fatal here). */
static void
test_close_while_reading (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  NbWindow *window = nb_review_sidebar_open (NULL, &folder, 1);
  NbReviewSidebar *sidebar = nb_review_sidebar_get_for_window (window);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (sidebar), (gpointer *) &sidebar);
  g_assert_true (nb_review_sidebar_is_loading (sidebar));
  gtk_window_destroy (GTK_WINDOW (window));
  while (sidebar != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (sidebar);
  spin ();
  nb_test_remove_tree (dir);
}

/* What opens as a review set: a folder, several files, a review set's file; one
 * report opens as before. */
static void
test_wants (void)
{
  g_autofree char *dir = nb_test_copy_samples (NULL);
  g_autofree char *one_path = g_build_filename (dir, "ruzhou-2021.txt", NULL);
  g_autofree char *set_path = g_build_filename (dir, "x" NB_REVIEW_SET_EXTENSION, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) one = g_file_new_for_path (one_path);
  g_autoptr(GFile) set = g_file_new_for_path (set_path);
  GFile *two[] = { one, folder };

  g_assert_true (nb_review_sidebar_wants (&folder, 1));
  g_assert_true (nb_review_sidebar_wants (&set, 1));
  g_assert_true (nb_review_sidebar_wants (two, 2));
  g_assert_false (nb_review_sidebar_wants (&one, 1));
  nb_test_remove_tree (dir);
}

/* Stopped at once, the set keeps what it has read and says so. */
static void
test_cancel (void)
{
  g_autofree char *dir = nb_test_make_review_set ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  NbWindow *window = nb_review_sidebar_open (NULL, &folder, 1);
  NbReviewSidebar *sidebar = nb_review_sidebar_get_for_window (window);

  g_assert_true (nb_review_sidebar_is_loading (sidebar));
  nb_review_sidebar_cancel (sidebar);
  review_set_spin_until_read (sidebar);
  g_assert_cmpuint (g_list_model_get_n_items (nb_review_sidebar_get_shown (sidebar)), ==, 6);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  nb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the review set tests\n");
      return 77;
    }
  g_test_add_func ("/gui/review/sidebar", test_sidebar);
  g_test_add_func ("/gui/review/cancel", test_cancel);
  g_test_add_func ("/gui/review/wants", test_wants);
  g_test_add_func ("/gui/review/close-while-reading", test_close_while_reading);
  return g_test_run ();
}
