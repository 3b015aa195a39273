/* test-cancel.c — Cancel stops a reader helper that is reading (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF that takes its reader tens of seconds is read in a thread and cancelled 200 ms into
 * the reading: the load must end at once with G_IO_ERROR_CANCELLED, its helper killed and
 * reaped, and no descriptor left open. The time bound is a hang check (the limit is 20 s),
 * not a measure of speed.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "nianbao.h"
#include "test-slow.h"
#include "test-util.h"

#define HANG_BOUND (5 * G_USEC_PER_SEC)

static char *slow_pdf;

typedef struct
{
  GFile        *file;
  GCancellable *cancellable;
  GError       *error;
  NbReport     *report;
  gint64        ended;
} Load;

static gpointer
load_thread (gpointer data)
{
  Load *load = data;

  load->report = nb_loader_load_file (load->file, load->cancellable, &load->error);
  load->ended = g_get_monotonic_time ();
  return NULL;
}

static void
test_cancel_load (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (slow_pdf);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Load load = { file, cancellable, NULL, NULL, 0 };
  guint fds = nb_test_count_fds ();
  GThread *thread;
  gint64 cancelled;
  pid_t helper;

  thread = g_thread_new ("load", load_thread, &load);
  helper = nb_test_wait_for_helper (getpid (), 5000);
  g_assert_cmpint (helper, >, 0);
  g_usleep (200 * 1000);
  g_assert_true (nb_test_process_exists (helper));  /* still reading */

  cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  g_assert_null (load.report);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (load.error->message, "PDF"));
  g_assert_cmpint (load.ended - cancelled, <, HANG_BOUND);
  /* killed and reaped: not even a zombie is left */
  g_assert_false (nb_test_process_exists (helper));
  g_assert_cmpuint (nb_test_count_fds (), ==, fds);
  g_clear_error (&load.error);
}

/* Cancelled before the reading starts: no helper is started at all */
static void
test_cancel_before (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (slow_pdf);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  gint64 start = g_get_monotonic_time ();

  g_cancellable_cancel (cancellable);
  report = nb_loader_load_file (file, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_BOUND);
}

/* A cancellable never cancelled changes nothing: a PDF is read as without one */
static void
test_not_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-cancel-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "small.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NbReport) report = NULL;
  guint fds = nb_test_count_fds ();

  g_assert_no_error (error);
  nb_test_write_slow_pdf (path, 1);
  report = nb_loader_load_file (file, cancellable, &error);
  /* one page of digits holds no report: the reader answered, and was not cancelled */
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_REPORT);
  g_assert_cmpuint (nb_test_count_fds (), ==, fds);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  NbReviewSet  *set;
  GCancellable *cancellable;
  gint64        ended;
} Parse;

static gpointer
parse_thread (gpointer data)
{
  Parse *parse = data;

  nb_review_set_parse (parse->set, 1, parse->cancellable, NULL, NULL);
  parse->ended = g_get_monotonic_time ();
  return NULL;
}

/* A review set read in the background (the window's sidebar) stops as soon as it is
 * cancelled, and the report it was reading stays unread, not in error */
static void
test_cancel_review_set (void)
{
  g_autoptr(NbReviewSet) set = nb_review_set_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = nb_test_sample_path ("mianchi-2022.txt");
  Parse parse = { set, cancellable, 0 };
  NbReviewItem *slow = NULL;
  GThread *thread;
  gint64 cancelled;
  pid_t helper;

  g_assert_true (nb_review_set_add (set, slow_pdf, &error));
  g_assert_true (nb_review_set_add (set, sample, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("parse", parse_thread, &parse);
  helper = nb_test_wait_for_helper (getpid (), 5000);
  g_assert_cmpint (helper, >, 0);
  g_usleep (200 * 1000);
  cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_cmpint (parse.ended - cancelled, <, HANG_BOUND);
  g_assert_false (nb_test_process_exists (helper));

  nb_review_set_finish (set);
  for (guint i = 0; i < nb_review_set_get_n_items (set); i++)
    if (g_strcmp0 (nb_review_item_get_path (nb_review_set_get_item (set, i)), slow_pdf) == 0)
      slow = nb_review_set_get_item (set, i);
  g_assert_nonnull (slow);
  g_assert_false (nb_review_item_get_loaded (slow));
  g_assert_null (nb_review_item_get_error (slow));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("nianbao-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  slow_pdf = g_build_filename (dir, "slow.pdf", NULL);
  nb_test_write_slow_pdf (slow_pdf, 500);

  g_test_add_func ("/cancel/load", test_cancel_load);
  g_test_add_func ("/cancel/before", test_cancel_before);
  g_test_add_func ("/cancel/not-cancelled", test_not_cancelled);
  g_test_add_func ("/cancel/review-set", test_cancel_review_set);
  status = g_test_run ();

  g_unlink (slow_pdf);
  g_rmdir (dir);
  g_free (slow_pdf);
  return status;
}
