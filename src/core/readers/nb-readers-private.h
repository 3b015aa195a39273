/* nb-readers-private.h — format readers: a document's bytes to the text the parser reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most text any reader gives (bytes of UTF-8): a document that holds more is refused */
#define NB_READER_MAX_TEXT (64 * 1024 * 1024)

/* The reader helper's exit status when it answers with an error (nianbao-reader.c) */
#define NB_READER_EXIT_ERROR 3

typedef enum
{
  NB_FORMAT_TEXT,
  NB_FORMAT_PDF,
  NB_FORMAT_DOCX,
  NB_FORMAT_DOC,
  NB_FORMAT_HTML,
} NbFormat;

NbFormat  nb_format_sniff        (const guint8  *data,
                                  gsize          len,
                                  const char    *filename);
const char *nb_format_to_string  (NbFormat       format);
char     *nb_format_extract      (NbFormat       format,
                                  const guint8  *data,
                                  gsize          len,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Each returns newly allocated, valid UTF-8 text with "\n" line ends (table rows one a line,
 * cells separated by tabs), or NULL with an NB_ERROR set. They live in the reader modules
 * (nianbao-reader-pdf, -word, -html), not in libnianbao: the core calls them through
 * nb_format_extract(), which loads the module; the reader tests link their sources. */
char     *nb_reader_pdf_extract  (const guint8  *data,
                                  gsize          len,
                                  GError       **error);
char     *nb_reader_docx_extract (const guint8  *data,
                                  gsize          len,
                                  GError       **error);
char     *nb_reader_doc_extract  (const guint8  *data,
                                  gsize          len,
                                  GError       **error);
char     *nb_reader_html_extract (const guint8  *data,
                                  gsize          len,
                                  GError       **error);

/* nb-input.c, in libnianbao and the reader helper */
GBytes   *nb_input_read_all       (GInputStream  *in,
                                   gsize          max,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* nb-ole2.c, with the .doc reader */
gboolean  nb_ole2_check_directory (const guint8  *data,
                                   gsize          len,
                                   GError       **error);

G_END_DECLS
