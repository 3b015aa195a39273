/* fuzz-parser.c — libFuzzer target for the reader, parser, checks and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "nianbao.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The format readers run in helper processes, one a document: far too slow here, and the
 * reader fuzzers (tests/readers/fuzz-reader.c) run them in-process. A folder without
 * helpers makes such input a clean "support is not installed". */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("NIANBAO_READER_DIR", "/nonexistent", FALSE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_new_from_bytes (data, size, "fuzz.txt", &error);

  if (report != NULL)
    {
      g_autofree char *json = nb_report_to_json (report, FALSE, NULL);
      g_autofree char *csv = nb_report_to_csv (report, "en", NULL);
      guint n = nb_report_get_n_cells (report);

      /* a correction runs every check again */
      if (n > 0)
        nb_report_set_value (report, size % n, TRUE, 7);
      g_assert (json != NULL && csv != NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
