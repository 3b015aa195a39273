/* nb-format.c — recognising a document's format by its content, and reading it with the
 * format's reader in the helper process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "nb-error.h"
#include "nb-jsstring-private.h"
#include "readers/nb-readers-private.h"

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (data, prefix, n) == 0;
}

static gboolean contains_ascii_nocase (const guint8 *data, gsize len, const char *needle);

/* Whether @data holds a web page's markup wherever it starts, whatever its name (a page
 * saved as .txt, or held in a script's string): many tags of tables and paragraphs. */
static gboolean
holds_page_markup (const guint8 *data,
                   gsize         len)
{
  static const char *const tags[] = { "<td", "<tr", "<th", "<p", "<br", "<div", "<table", "<span" };
  guint n = 0;

  for (gsize i = 0; i + 8 <= len && n < 8; i++)
    if (data[i] == '<')
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        {
          gsize k = strlen (tags[t]);

          if (g_ascii_strncasecmp ((const char *) data + i, tags[t], k) == 0 &&
              (data[i + k] == '>' || data[i + k] == '/' || g_ascii_isspace (data[i + k])))
            {
              n++;
              break;
            }
        }
  return n >= 8;
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

/* Whether the first character after a BOM and blanks is < */
static gboolean
starts_with_markup (const guint8 *data,
                    gsize         len)
{
  gsize i = has_prefix (data, len, "\xEF\xBB\xBF") ? 3 : 0;

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
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
  if (holds_page_markup (data, MIN (len, 262144)))
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

/* Readers ------------------------------------------------------------------------------ */

/* The format readers run in helper processes, nianbao-reader-GROUP (readers/nianbao-reader.c):
 * poppler, libgsf and libxml2 meet untrusted files there, under limits of memory and
 * time, and a crash or a hang costs that one file. Plain text never starts it. */

#define DEFAULT_TIME_LIMIT 20    /* seconds of reading a document */
#define DEFAULT_MEMORY_MB  1024  /* the helper's address space */

#ifdef HAVE_PDF
# define BUILT_PDF TRUE
#else
# define BUILT_PDF FALSE
#endif
#ifdef HAVE_DOCX
# define BUILT_WORD TRUE
#else
# define BUILT_WORD FALSE
#endif
#ifdef HAVE_HTML
# define BUILT_HTML TRUE
#else
# define BUILT_HTML FALSE
#endif

static const struct
{
  NbFormat    format;
  const char *group;   /* its helper: nianbao-reader-GROUP */
  const char *name;    /* the helper's argument */
  gboolean    built;   /* whether this build has the reader at all */
} readers[] = {
  { NB_FORMAT_PDF, "pdf", "pdf", BUILT_PDF },
  { NB_FORMAT_DOCX, "word", "docx", BUILT_WORD },
  { NB_FORMAT_DOC, "word", "doc", BUILT_WORD },
  { NB_FORMAT_HTML, "html", "html", BUILT_HTML },
};

/* Whether this program runs from the build tree (tests, ./build/src/cli/nianbao-check):
 * then it runs the helper built beside it, not one an earlier install left. */
static gboolean
running_uninstalled (void)
{
  static gsize result;

  if (g_once_init_enter (&result))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *root = realpath (NB_BUILD_ROOT, NULL);
      gboolean uninstalled;

      if (exe == NULL)
        uninstalled = TRUE;  /* cannot tell: the build tree is tried after the install */
      else
        uninstalled = root != NULL && g_str_has_prefix (exe, root) && exe[strlen (root)] == '/';
      g_once_init_leave (&result, uninstalled ? 2 : 1);
    }
  return result == 2;
}

/* The helper of a group of readers, in order: in $NIANBAO_READER_DIR; in the build tree
 * when running from it; installed in libexecdir. NULL when none is there. */
static char *
find_helper (const char *group)
{
  const char *env = g_getenv ("NIANBAO_READER_DIR");
  const char *prefix = g_getenv ("NIANBAO_READER_NAME");  /* the tests' nianbao-reader-test */
  g_autofree char *name = NULL;
  g_autofree char *built = NULL;
  g_autofree char *installed = NULL;

  if (prefix == NULL || *prefix == '\0' || strchr (prefix, '/') != NULL)
    prefix = "nianbao-reader";
  name = g_strconcat (prefix, "-", group, NULL);
  if (env != NULL && *env != '\0')
    {
      char *path = g_build_filename (env, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return path;
      g_free (path);
      return NULL;
    }
  built = g_build_filename (NB_READER_BUILD_DIR, name, NULL);
  if (running_uninstalled () && g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&built);
  installed = g_build_filename (NB_READER_LIBEXECDIR, name, NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return NULL;
}

/* A limit from the environment (whole seconds or MB), or its default */
static guint
get_limit (const char *variable,
           guint       fallback)
{
  const char *env = g_getenv (variable);
  guint64 value;

  if (env == NULL || !g_ascii_string_to_unsigned (env, 10, 1, 1024 * 1024, &value, NULL))
    return fallback;
  return value;
}

typedef struct
{
  GSubprocess  *process;
  GAsyncResult *result;
  gboolean      timed_out;
} Reading;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Reading *reading = user_data;

  reading->result = g_object_ref (result);
}

static gboolean
time_limit_cb (gpointer user_data)
{
  Reading *reading = user_data;

  reading->timed_out = TRUE;
  g_subprocess_force_exit (reading->process);
  return G_SOURCE_REMOVE;
}

/* The helper's answer to a document it read: the text, or its error */
static char *
take_answer (GBytes     *out,
             int         status,
             GError    **error)
{
  gsize len;
  const char *data = g_bytes_get_data (out, &len);

  if (status == 0)
    return len > 0 ? g_strndup (data, len) : g_strdup ("");  /* an empty GBytes has no data */

  /* "CODE\nmessage" */
  {
    g_autofree char *reply = g_strndup (data, len);
    char *message = strchr (reply, '\n');
    guint64 code = NB_ERROR_DAMAGED;

    if (message != NULL)
      *message++ = '\0';
    if (message == NULL ||
        !g_ascii_string_to_unsigned (reply, 10, 0, NB_ERROR_UNREADABLE, &code, NULL))
      message = _("The document’s text could not be read");
    g_set_error_literal (error, NB_ERROR, code, message);
    return NULL;
  }
}

static char *
read_in_helper (NbFormat       format,
                const char    *helper,
                const char    *reader,
                const guint8  *data,
                gsize          len,
                GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = g_bytes_new_static (data, len);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *cpu = NULL;
  guint seconds = get_limit ("NIANBAO_READ_TIMEOUT", DEFAULT_TIME_LIMIT);
  Reading reading = { 0 };
  const char *what = nb_format_to_string (format);

  memory = g_strdup_printf ("%u", get_limit ("NIANBAO_READER_MEMORY", DEFAULT_MEMORY_MB));
  cpu = g_strdup_printf ("%u", seconds + 1);  /* the wall-clock limit comes first */

  /* a helper that dies before reading all its input would raise SIGPIPE in this process,
   * whose default action ends it: as GSocket does, ignore it process-wide */
  {
    struct sigaction old;

    if (sigaction (SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
      signal (SIGPIPE, SIG_IGN);
  }

  g_main_context_push_thread_default (context);
  /* its stderr (GLib's "failed to allocate" before an abort) says no more than the error */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  process = g_subprocess_launcher_spawn (launcher, &local_error, helper, reader, memory, cpu, NULL);
  if (process != NULL)
    {
      reading.process = process;
      g_subprocess_communicate_async (process, input, NULL, communicate_cb, &reading);
      timeout = g_timeout_source_new_seconds (seconds);
      g_source_set_callback (timeout, time_limit_cb, &reading, NULL);
      g_source_attach (timeout, context);
      while (reading.result == NULL)
        g_main_context_iteration (context, TRUE);
      g_source_destroy (timeout);
      /* a helper that died early leaves its input unwritten: that error says nothing more */
      g_subprocess_communicate_finish (process, reading.result, &out, NULL, NULL);
      g_clear_object (&reading.result);
    }
  g_main_context_pop_thread_default (context);

  if (process == NULL)
    {
      /* Translators: the first %s is a format (PDF, DOCX, DOC, HTML) */
      g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                   _("%s support could not be started: %s"), what, local_error->message);
      return NULL;
    }
  if (reading.timed_out)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_UNREADABLE,
                   /* Translators: %s is a format (PDF, DOCX, DOC, HTML), %u a number of seconds */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The %s file could not be read: reading it took longer than %u "
                                "second, the limit (NIANBAO_READ_TIMEOUT sets another)",
                                "The %s file could not be read: reading it took longer than %u "
                                "seconds, the limit (NIANBAO_READ_TIMEOUT sets another)", seconds),
                   what, seconds);
      return NULL;
    }
  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      if (sig == SIGXCPU || sig == SIGKILL)
        g_set_error (error, NB_ERROR, NB_ERROR_UNREADABLE,
                     /* Translators: %s is a format (PDF, DOCX, DOC, HTML) */
                     _("The %s file could not be read: its reader used up its processor time"),
                     what);
      else
        g_set_error (error, NB_ERROR, NB_ERROR_UNREADABLE,
                     /* Translators: %s is a format (PDF, DOCX, DOC, HTML), %d a signal number and
                      * the last %s its name */
                     _("The %s file could not be read: its reader crashed on it or ran out of "
                       "memory (signal %d, %s)"),
                     what, sig, g_strsignal (sig));
      return NULL;
    }
  if (out == NULL || !g_subprocess_get_if_exited (process) ||
      (g_subprocess_get_exit_status (process) != 0 &&
       g_subprocess_get_exit_status (process) != NB_READER_EXIT_ERROR))
    {
      /* a sanitizer build's helper exits with a status of its own where it would crash */
      g_set_error (error, NB_ERROR, NB_ERROR_UNREADABLE,
                   /* Translators: %s is a format (PDF, DOCX, DOC, HTML), %d an exit status */
                   _("The %s file could not be read: its reader crashed on it or ran out of "
                     "memory (exit status %d)"),
                   what,
                   g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1);
      return NULL;
    }
  return take_answer (out, g_subprocess_get_exit_status (process), error);
}

/**
 * nb_format_extract:
 * @format: a format other than %NB_FORMAT_TEXT
 *
 * Reads a document with its format's reader, in a helper process (nianbao-reader-GROUP), within
 * a time limit ($NIANBAO_READ_TIMEOUT seconds, 20 by default) and a memory limit
 * ($NIANBAO_READER_MEMORY MB of address space, 1024 by default).
 *
 * Returns: (transfer full): the document's text as the reader gives it (see
 *   nb-readers-private.h), or %NULL with @error set
 */
char *
nb_format_extract (NbFormat       format,
                   const guint8  *data,
                   gsize          len,
                   GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *helper = NULL;

      if (readers[i].format != format)
        continue;
      if (!readers[i].built)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                       _("This build of Nianbao cannot read %s files"), nb_format_to_string (format));
          return NULL;
        }
      helper = find_helper (readers[i].group);
      if (helper == NULL)
        {
          /* Translators: %s is a format: PDF, DOCX, DOC or HTML */
          g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                       _("%s support is not installed"), nb_format_to_string (format));
          return NULL;
        }
      if (format == NB_FORMAT_HTML)
        {
          g_autofree char *page = NULL;
          gsize page_len = 0;

          /* a page in a script's string, quotes escaped: the reader gets the page */
          if (!starts_with_markup (data, len) && (contains_ascii_nocase (data, len, "\\\"") ||
                                 contains_ascii_nocase (data, len, "\\/")) &&
              (page = nb_js_string_extract_markup (data, len, &page_len)) != NULL)
            return read_in_helper (format, helper, readers[i].name, (const guint8 *) page, page_len, error);
        }
      return read_in_helper (format, helper, readers[i].name, data, len, error);
    }

  g_return_val_if_reached (NULL);
}
