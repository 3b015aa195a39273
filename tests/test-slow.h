/* test-slow.h — a PDF that takes its reader a long time, and the reader helpers running
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests of Cancel (issue 13) start reading such a PDF, stop it, and check that its
 * helper (nianbao-reader-pdf) is gone.
 */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* Writes a PDF of @pages pages of 8,000 one-digit lines each (one content stream shared by
 * every page) to @path: poppler takes tens of seconds on 500 pages, the time limit cuts it */
void   nb_test_write_slow_pdf   (const char *path,
                                 guint       pages);
/* The pids of the running reader helpers (nianbao-reader-*) whose parent is @parent */
GArray *nb_test_reader_helpers  (pid_t       parent);
/* Waits up to @timeout_ms for a reader helper of @parent to run: its pid, or 0 */
pid_t  nb_test_wait_for_helper  (pid_t       parent,
                                 guint       timeout_ms);
/* Whether a process @pid exists at all (a zombie, not reaped yet, does) */
gboolean nb_test_process_exists (pid_t       pid);
/* How many descriptors this process has open */
guint  nb_test_count_fds        (void);

G_END_DECLS
