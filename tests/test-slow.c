/* test-slow.c — a PDF that takes its reader a long time, and the reader helpers running
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-slow.h"

#define LINES 8000

/* The same document as make_pdf_many_lines() in tests/hostile/make_hostile.py */
void
nb_test_write_slow_pdf (const char *path,
                        guint       pages)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GError) error = NULL;
  guint font = 3 + pages, shared = 4 + pages, n_objects = shared;
  double step = 830.0 / LINES;
  gsize xref;

  for (guint k = 0; k < LINES; k++)
    {
      char size[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (size, sizeof size, "%.3f", step * 0.9);
      g_ascii_formatd (y, sizeof y, "%.3f", 5 + k * step);
      g_string_append_printf (content, "%sBT /F1 %s Tf 40 %s Td (%u) Tj ET", k ? "\n" : "", size, y, k % 10);
    }

  for (guint num = 1; num <= n_objects; num++)
    {
      gsize offset = pdf->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n", num);
      if (num == 1)
        g_string_append (pdf, "<< /Type /Catalog /Pages 2 0 R >>");
      else if (num == 2)
        {
          g_string_append (pdf, "<< /Type /Pages /Kids [");
          for (guint i = 0; i < pages; i++)
            g_string_append_printf (pdf, "%s%u 0 R", i ? " " : "", 3 + i);
          g_string_append_printf (pdf, "] /Count %u >>", pages);
        }
      else if (num < font)
        g_string_append_printf (pdf, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                                "<< /Font << /F1 %u 0 R >> >> /Contents %u 0 R >>", font, shared);
      else if (num == font)
        g_string_append (pdf, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
      else
        {
          g_string_append_printf (pdf, "<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", content->len);
          g_string_append_len (pdf, content->str, content->len);
          g_string_append (pdf, "\nendstream");
        }
      g_string_append (pdf, "\nendobj\n");
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_objects + 1, xref);
  g_file_set_contents (path, pdf->str, pdf->len, &error);
  g_assert_no_error (error);
}

GArray *
nb_test_reader_helpers (pid_t parent)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *open, *close;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]))
        continue;
      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* "PID (COMM) STATE PPID …": the name may hold blanks and parentheses */
      open = strchr (stat, '(');
      close = strrchr (stat, ')');
      if (open == NULL || close == NULL ||
          sscanf (close + 1, " %c %d", &state, &ppid) != 2 || ppid != parent)
        continue;
      /* the kernel's name is cut to 15 characters: nianbao-reader- */
      if (g_str_has_prefix (open + 1, "nianbao-reader"))
        {
          pid_t pid = atoi (name);

          g_array_append_val (pids, pid);
        }
    }
  return pids;
}

pid_t
nb_test_wait_for_helper (pid_t parent,
                         guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * (gint64) 1000;

  do
    {
      g_autoptr(GArray) pids = nb_test_reader_helpers (parent);

      if (pids->len > 0)
        return g_array_index (pids, pid_t, 0);
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < deadline);
  return 0;
}

gboolean
nb_test_process_exists (pid_t pid)
{
  return kill (pid, 0) == 0 || errno != ESRCH;
}

guint
nb_test_count_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
