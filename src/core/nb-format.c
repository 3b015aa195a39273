/* nb-format.c — recognising a document's format by its content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (data, prefix, n) == 0;
}

static gboolean
contains_ascii_nocase (const guint8 *data,
                       gsize         len,
                       const char   *needle)
{
  gsize n = strlen (needle);

  if (len < n)
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

NbFormat
nb_format_sniff (const guint8 *data,
                 gsize         len,
                 const char   *filename)
{
  gsize head = MIN (len, 1024);
  gsize skip = 0;

  /* %PDF- may follow a little junk */
  for (gsize i = 0; i + 5 <= head; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return NB_FORMAT_PDF;

  if (has_prefix (data, len, "PK\x03\x04"))
    return NB_FORMAT_DOCX;  /* the reader says so when it holds no word/document.xml */

  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return NB_FORMAT_DOC;

  if (has_prefix (data, len, "\xEF\xBB\xBF"))
    skip = 3;
  while (skip < head && g_ascii_isspace (data[skip]))
    skip++;
  if (skip < head && data[skip] == '<')
    {
      gsize window = MIN (len, 4096);

      if (contains_ascii_nocase (data, window, "<html") ||
          contains_ascii_nocase (data, window, "<!doctype html") ||
          contains_ascii_nocase (data, window, "<table") ||
          contains_ascii_nocase (data, window, "<body") ||
          contains_ascii_nocase (data, window, "<meta"))
        return NB_FORMAT_HTML;
    }
  if (filename != NULL &&
      (g_str_has_suffix (filename, ".html") || g_str_has_suffix (filename, ".htm")) &&
      contains_ascii_nocase (data, MIN (len, 65536), "<table"))
    return NB_FORMAT_HTML;

  return NB_FORMAT_TEXT;
}

const char *
nb_format_to_string (NbFormat format)
{
  switch (format)
    {
    case NB_FORMAT_PDF: return "PDF";
    case NB_FORMAT_DOCX: return "DOCX";
    case NB_FORMAT_DOC: return "DOC";
    case NB_FORMAT_HTML: return "HTML";
    case NB_FORMAT_TEXT:
    default: return "text";
    }
}

G_GNUC_UNUSED static char *
unsupported (const char  *what,
             GError     **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
               _("This build of Nianbao cannot read %s files"), what);
  return NULL;
}

#ifndef HAVE_PDF
char *
nb_reader_pdf_extract (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  return unsupported ("PDF", error);
}
#endif

#ifndef HAVE_DOCX
char *
nb_reader_docx_extract (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  return unsupported ("DOCX", error);
}

char *
nb_reader_doc_extract (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  return unsupported ("DOC", error);
}
#endif

#ifndef HAVE_HTML
char *
nb_reader_html_extract (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  return unsupported ("HTML", error);
}
#endif
