/* nb-loader.c — read → text → parse → check: a report from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline, in one place: the bytes are read (a local file at once, else
 * through GIO), their format sniffed and, for a document, its text extracted
 * by a reader module (nb-format.c); the text is decoded and normalised
 * (nb-text.c); the parser fills the report's cells (parse/nb-parser.c) and the
 * checker says what it finds (check/nb-checker.c). The report (nb-report.c) is the
 * model only: it calls neither the parser nor the checker, but keeps the
 * checks the loader gives it, to run again when a cell is corrected.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-error.h"
#include "nb-loader.h"
#include "nb-message-private.h"
#include "readers/nb-readers-private.h"
#include "nb-report-private.h"

static gboolean
holds_report (NbReport *self)
{
  guint sections = 0, values = 0;

  for (guint k = 0; k < NB_N_SECTIONS; k++)
    sections += nb_span_is_set (self->sections[k]);
  for (guint i = 0; i < self->n_cells; i++)
    values += self->cells[i].origin == NB_ORIGIN_SOURCE;
  return sections >= 2 || values >= 5;
}

/* text.encoding: the bytes that were not valid in the report's encoding, read as U+FFFD */
static void
add_encoding_finding (NbReport *self)
{
  NbText *t = self->text;
  g_autoptr (NbMessage) m = NULL;
  NbFinding *f;

  if (t->n_replaced == 0)
    return;
  m = nb_message_new ("text.encoding", "replaced");
  nb_message_set_int (m, "n_bytes", t->n_replaced);
  nb_message_set (m, "encoding", t->encoding);
  f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
  g_ptr_array_add (self->parse_findings, f);
  for (guint i = 0; i < t->n_replaced;)
    {
      NbSpan span = { t->replaced[i], t->replaced[i] + 1 };

      /* one span for a run of replaced bytes */
      for (i++; i < t->n_replaced && t->replaced[i] == (guint) span.end; i++)
        span.end++;
      nb_finding_add_span (f, span);
    }
}

/* text → parse → check */
static NbReport *
report_new_from_text (NbText      *text,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(NbReport) self = nb_report_new_for_text (text, filename);

  add_encoding_finding (self);
  nb_parser_parse (self);
  if (!holds_report (self))
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_NO_REPORT,
                           _("No annual report was found in the file: it has neither the "
                             "report’s sections nor its tables"));
      return NULL;
    }
  nb_infer_mark (self);
  nb_report_set_inferrer (self, nb_infer_run);
  nb_report_set_checker (self, nb_checker_run);
  nb_report_check (self);
  return g_steal_pointer (&self);
}

/* A binary file named as a document whose signature it does not have (a damaged or
 * cut-off download, a renamed file) is not "not a text report" to its user: say that it
 * is not the document its name says. */
static void
misnamed_document (const char  *filename,
                   GError     **error)
{
  static const struct { const char *suffix, *kind; } documents[] = {
    { ".pdf", "PDF" }, { ".docx", "DOCX" }, { ".doc", "DOC" },
  };
  g_autofree char *lower = NULL;

  if (filename == NULL || error == NULL || *error == NULL ||
      !g_error_matches (*error, NB_ERROR, NB_ERROR_BINARY))
    return;
  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_str_has_suffix (lower, documents[i].suffix))
      {
        g_clear_error (error);
        /* TRANSLATORS: %s is PDF, DOCX or DOC */
        g_set_error (error, NB_ERROR, NB_ERROR_BINARY,
                     _("The file is named as a %s document but is not one: it may be damaged or incomplete"),
                     documents[i].kind);
        return;
      }
}

/**
 * nb_loader_load_bytes:
 * @data: the file's contents
 * @filename: (nullable): its name, as shown to the user and written in the JSON
 * @cancellable: (nullable): stops the reading of a document: its reader helper is killed
 *   at once, and the error is %G_IO_ERROR_CANCELLED
 *
 * Reads, parses and checks a report: text in UTF-8, UTF-16 or GB18030, or a
 * PDF, DOCX, DOC or HTML document where the build has those readers.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
NbReport *
nb_loader_load_bytes (const guint8  *data,
                      gsize          len,
                      const char    *filename,
                      GCancellable  *cancellable,
                      GError       **error)
{
  NbFormat format;
  NbText *text;
  g_autofree char *utf8 = NULL;

  if (!nb_text_check_size (len, error))
    return NULL;

  format = nb_format_sniff (data, len, filename);
  if (format != NB_FORMAT_TEXT)
    utf8 = nb_format_extract (format, data, len, cancellable, error);

  if (format != NB_FORMAT_TEXT)
    {
      if (utf8 == NULL)
        return NULL;
      if (!g_utf8_validate (utf8, -1, NULL))
        {
          g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                               _("The document’s text could not be read"));
          return NULL;
        }
      text = nb_text_new_from_utf8 (utf8, -1, nb_format_to_string (format));
    }
  else if ((text = nb_text_new_from_bytes (data, len, error)) == NULL)
    {
      misnamed_document (filename, error);
      return NULL;
    }

  return report_new_from_text (text, filename, error);
}

/* A local regular file of a report's size, read in one go into a buffer of its size.
 * NULL for anything else (missing, unreadable, a folder, a special or empty file, too
 * large, changing while read): the GIO path then reads it or says why it cannot. */
static GBytes *
read_local_file (const char *path)
{
  struct stat st;
  guint8 *buf;
  gsize size, got = 0;
  int fd;

  if (path == NULL || (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size <= 0 || st.st_size > NB_MAX_REPORT_SIZE)
    {
      close (fd);
      return NULL;
    }
  size = st.st_size;
  buf = g_malloc (size + 1);
  /* one byte more than its size: a file that grew is left to the GIO path */
  while (got < size + 1)
    {
      gssize r = read (fd, buf + got, size + 1 - got);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      got += r;
    }
  close (fd);
  if (got != size)
    {
      g_free (buf);
      return NULL;
    }
  return g_bytes_new_take (buf, size);
}

/**
 * nb_loader_load_file:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
NbReport *
nb_loader_load_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* most reports: a plain local file, read without GIO's streams and its size-limit buffer */
  if (!g_cancellable_is_cancelled (cancellable))
    bytes = read_local_file (g_file_peek_path (file));
  if (bytes != NULL)
    return nb_loader_load_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 g_file_peek_path (file), cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    }
  /* refuse a large file before reading it; an empty one is refused once read */
  if (type == G_FILE_TYPE_REGULAR && g_file_info_get_size (info) > 0 &&
      !nb_text_check_size (g_file_info_get_size (info), error))
    return NULL;

  {
    g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);

    if (in == NULL)
      return NULL;
    /* to its end (pipes, network shares), never past the limit */
    bytes = nb_input_read_all (G_INPUT_STREAM (in), NB_MAX_REPORT_SIZE, cancellable, error);
    if (bytes == NULL)
      return NULL;
  }

  name = g_file_peek_path (file) ? g_strdup (g_file_peek_path (file)) : g_file_get_uri (file);
  return nb_loader_load_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                               cancellable, error);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  NbReport *report = nb_loader_load_file (task_data, cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
nb_loader_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_loader_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_worker);
}

/**
 * nb_loader_load_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
NbReport *
nb_loader_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The entry points of the report's API, kept for its callers */

NbReport *
nb_report_new_from_bytes (const guint8  *data,
                          gsize          len,
                          const char    *filename,
                          GError       **error)
{
  return nb_loader_load_bytes (data, len, filename, NULL, error);
}

NbReport *
nb_report_new_from_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return nb_loader_load_file (file, cancellable, error);
}

void
nb_report_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  nb_loader_load_async (file, cancellable, callback, user_data);
}

NbReport *
nb_report_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  return nb_loader_load_finish (result, error);
}
