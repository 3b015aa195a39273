/* fuzz-reader.c — libFuzzer target for one format reader
 *
 * Built once per reader, with NB_FUZZ_EXTRACT naming its function
 * (nb_reader_pdf_extract, nb_reader_docx_extract, nb_reader_doc_extract,
 * nb_reader_html_extract).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "nb-error.h"
#include "readers/nb-readers-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = NB_FUZZ_EXTRACT (data, size, &error);
  if (text != NULL)
    g_assert (g_utf8_validate (text, -1, NULL));
  else
    g_assert (error != NULL);
  return 0;
}
