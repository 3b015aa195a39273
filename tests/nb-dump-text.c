/* nb-dump-text.c — prints a report's text as Nianbao reads it (the reader's text for a
 * PDF, DOCX, DOC or web page), so that tests can build variants of reports that are not
 * plain text (test-realreports.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "nianbao.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s REPORT\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  report = nb_report_new_from_file (file, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 2;
    }
  fwrite (nb_report_get_text (report), 1, nb_report_get_text_length (report), stdout);
  return 0;
}
