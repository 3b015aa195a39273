/* test-window-cancel.c — the window's Cancel, and closing a window, stop a reader helper
 * that is reading (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF that takes its reader tens of seconds (tests/test-slow.c) is opened in a window, in
 * a review set's sidebar, and stopped 200 ms into the reading: its helper must be gone at
 * once, not at the 20-second time limit, and the window must go on working. The time
 * bounds are hang checks, not measures of speed.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "gui-util.h"
#include "nb-review-sidebar.h"
#include "test-slow.h"

#define HANG_BOUND (5 * G_USEC_PER_SEC)

static char *tmp_dir;
static char *slow_pdf;

/* Runs what the main loop has pending, a few times: while the loading page's spinner turns,
 * something is always pending (a frame), and spin () would not return */
static void
pump (void)
{
  for (guint i = 0; i < 4 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @pid has gone (killed and reaped), within the bound */
static void
spin_until_gone (pid_t pid)
{
  gint64 deadline = g_get_monotonic_time () + HANG_BOUND;

  while (nb_test_process_exists (pid) && g_get_monotonic_time () < deadline)
    {
      pump ();
      g_usleep (10000);
    }
  g_assert_false (nb_test_process_exists (pid));
}

static pid_t
wait_for_reading (void)
{
  gint64 deadline = g_get_monotonic_time () + HANG_BOUND;
  pid_t helper = 0;

  while (helper == 0 && g_get_monotonic_time () < deadline)
    {
      pump ();
      helper = nb_test_wait_for_helper (getpid (), 20);
    }
  g_assert_cmpint (helper, >, 0);
  /* reading for 200 ms */
  for (guint i = 0; i < 20; i++)
    {
      pump ();
      g_usleep (10000);
    }
  g_assert_true (nb_test_process_exists (helper));
  return helper;
}

static void
test_cancel_button (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (slow_pdf);
  g_autofree char *sample = sample_path ("mianchi-2022.txt");
  NbWindow *window = nb_window_new (NULL);
  gint64 pressed;
  pid_t helper;

  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  g_assert_nonnull (strstr (gtk_label_get_text (window->loading_label), "slow.pdf"));
  helper = wait_for_reading ();

  pressed = g_get_monotonic_time ();
  g_signal_emit_by_name (window->cancel_load_button, "clicked");
  g_assert_false (nb_window_is_loading (window));
  spin_until_gone (helper);
  g_assert_cmpint (g_get_monotonic_time () - pressed, <, HANG_BOUND);

  /* the window is empty again, with no error to show, and opens another report */
  g_assert_true (nb_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_null (nb_window_get_file (window));
  g_assert_false (gtk_info_bar_get_revealed (window->error_bar));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "slow.pdf"));
  spin ();
  {
    g_autoptr(GFile) good = g_file_new_for_path (sample);

    nb_window_load_file (window, good);
    spin_until_loaded (window);
  }
  g_assert_nonnull (nb_window_get_report (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "report");
  close_window (window);
}

/* A window made to open a report from another window goes when its reading is cancelled;
 * the other window keeps its report */
static void
test_cancel_from_origin (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (slow_pdf);
  g_autofree char *sample = sample_path ("mianchi-2022.txt");
  NbWindow *origin = open_window (sample);
  NbReport *report = nb_window_get_report (origin);
  NbWindow *window = nb_window_new (NULL);
  pid_t helper;

  g_assert_nonnull (report);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  nb_window_set_origin (window, origin);
  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  helper = wait_for_reading ();
  g_signal_emit_by_name (window->cancel_load_button, "clicked");
  spin_until_gone (helper);
  /* its callback, told of the cancellation, lets it go */
  for (gint64 deadline = g_get_monotonic_time () + HANG_BOUND;
       window != NULL && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
  g_assert_true (nb_window_get_report (origin) == report);
  g_assert_null (nb_window_get_error_message (origin));
  close_window (origin);
}

/* Closing a window while its report is read stops the reading too */
static void
test_close_while_reading (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (slow_pdf);
  NbWindow *window = nb_window_new (NULL);
  pid_t helper;

  gtk_window_present (GTK_WINDOW (window));
  nb_window_load_file (window, file);
  helper = wait_for_reading ();
  gtk_window_close (GTK_WINDOW (window));
  spin_until_gone (helper);
}

static NbWindow *
open_set_reading (NbReviewSidebar **sidebar,
                  pid_t            *helper)
{
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  NbWindow *window = nb_review_sidebar_open (NULL, &folder, 1);

  *sidebar = nb_review_sidebar_get_for_window (window);
  g_assert_nonnull (*sidebar);
  *helper = wait_for_reading ();
  g_assert_true (nb_review_sidebar_is_loading (*sidebar));
  return window;
}

/* A review set's Cancel stops the report being read; closing its window does too */
static void
test_review_set (void)
{
  NbReviewSidebar *sidebar;
  NbWindow *window;
  gint64 deadline;
  pid_t helper;

  window = open_set_reading (&sidebar, &helper);
  nb_review_sidebar_cancel (sidebar);
  spin_until_gone (helper);
  deadline = g_get_monotonic_time () + HANG_BOUND;
  while (nb_review_sidebar_is_loading (sidebar) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (nb_review_sidebar_is_loading (sidebar));
  /* the other report, read, is shown; the slow one is left unread */
  g_assert_nonnull (strstr (nb_review_sidebar_get_message (sidebar), "Stopped"));
  g_assert_nonnull (nb_window_get_report (window));
  close_window (window);

  window = open_set_reading (&sidebar, &helper);
  gtk_window_close (GTK_WINDOW (window));
  spin_until_gone (helper);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  tmp_dir = g_dir_make_tmp ("nianbao-gui-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  slow_pdf = g_build_filename (tmp_dir, "slow.pdf", NULL);
  nb_test_write_slow_pdf (slow_pdf, 500);
  /* a review set of the slow PDF and a report read at once */
  sample = sample_path ("mianchi-2022.txt");
  copy = g_build_filename (tmp_dir, "mianchi-2022.txt", NULL);
  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));

  g_test_add_func ("/gui/cancel/button", test_cancel_button);
  g_test_add_func ("/gui/cancel/origin", test_cancel_from_origin);
  g_test_add_func ("/gui/cancel/close", test_close_while_reading);
  g_test_add_func ("/gui/cancel/review-set", test_review_set);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (slow_pdf);
  g_free (tmp_dir);
  return status;
}
