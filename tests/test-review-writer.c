/* test-review-writer.c — writes one change to a review set, says so, then waits to be
 * killed (test-review.c sends it SIGKILL straight after the change)
 *
 *   test-review-writer STORE HASH NOTE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <unistd.h>

#include "nianbao.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReviewStore) store = NULL;

  if (argc != 4)
    return 2;
  store = nb_review_store_open (argv[1], FALSE, &error);
  if (store == NULL ||
      !nb_review_store_set_status (store, argv[2], NB_REVIEW_STATUS_NEEDS_CHANGES, &error) ||
      !nb_review_store_set_correction (store, argv[2], "requests.new.total", "12", argv[3], &error) ||
      !nb_review_store_set_note (store, argv[2], argv[3], &error))
    {
      fprintf (stderr, "%s\n", error ? error->message : "?");
      return 1;
    }
  /* the change is made: from here on, only a kill ends this process */
  printf ("written\n");
  fflush (stdout);
  for (;;)
    pause ();
}
