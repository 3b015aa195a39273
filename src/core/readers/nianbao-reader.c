/* nianbao-reader.c — the helper processes that read one document with a format reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Poppler, libgsf and libxml2 are large C libraries fed untrusted files. nb-format.c runs
 * them here, in a process of their own, so that a crash, a runaway allocation or an endless
 * loop costs one file and never the window or a batch:
 *
 *   nianbao-reader-GROUP FORMAT MEMORY_MB CPU_SECONDS [--framed] [--parent=PID] < document > text
 *
 * One executable a group of readers, built from this file: nianbao-reader-pdf (FORMAT pdf),
 * -word (docx, doc) and -html (html). The helper limits its own address space and processor
 * time, reads the document from standard input to its end, and writes the text on standard
 * output with exit status 0; or the NbError code, a newline and the message with exit
 * status NB_READER_EXIT_ERROR. Any other ending (a signal, another status) is a crash,
 * which nb-format.c reports as such. With --framed (as nb-format.c starts it) the answer is
 * followed by a NUL byte and the exit status as a digit, and standard output is closed before
 * the process ends: the answer is known whole at once, while the kernel still takes a
 * millisecond or more to tear down a process of some fifty libraries. Neither a text nor a
 * message holds a NUL byte, so the frame cannot come from the document.
 *
 * With --parent=PID (as nb-format.c starts it, PID its own) the helper dies with its parent:
 * see die_with_parent().
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-text.h"
#include "nb-read-all.h"
#include "nb-readers-private.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

typedef char *(*ExtractFunc) (const guint8 *data, gsize len, GError **error);

static const struct
{
  const char  *name;
  ExtractFunc  extract;
} readers[] = {
#ifdef NB_READER_GROUP_PDF
  { "pdf", nb_reader_pdf_extract },
#endif
#ifdef NB_READER_GROUP_WORD
  { "docx", nb_reader_docx_extract },
  { "doc", nb_reader_doc_extract },
#endif
#ifdef NB_READER_GROUP_HTML
  { "html", nb_reader_html_extract },
#endif
};

/* Lowers a limit to @value (never raises one the parent set lower) */
static void
limit (int      resource,
       guint64  value)
{
  struct rlimit rl;

  if (getrlimit (resource, &rl) != 0)
    return;
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < value)
    value = rl.rlim_max;
  rl.rlim_cur = rl.rlim_max = value;
  if (setrlimit (resource, &rl) != 0)
    g_warning ("nianbao-reader: setrlimit: %s", g_strerror (errno));
}

static gboolean
write_all (const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (STDOUT_FILENO, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* A helper must not outlive the program that waits for its answer: `nianbao-check` stopped by
 * SIGTERM (or killed, or crashed) while a PDF is read would leave its helper running up to its
 * time limit, an orphan. (Ctrl+C in a terminal reaches the helper itself: it is in the same
 * process group.) The kernel sends the helper SIGKILL when its parent ends, whatever way it
 * ends, which a signal handler in the parent killing its helpers could not promise (not on
 * SIGKILL, a crash, or a handler another library installs). nb-format.c starts the helper with
 * posix_spawn(), where no code runs between fork and exec, so the helper asks for it first
 * thing; if the parent died before that, the helper has been given another parent already,
 * and ends. The signal comes when the parent *thread* ends: nb-format.c spawns from the
 * thread that then waits for the answer, which outlives the helper's work. */
static void
die_with_parent (const char *option)
{
#ifdef __linux__
  guint64 parent;

  if (!g_str_has_prefix (option, "--parent=") ||
      !g_ascii_string_to_unsigned (option + strlen ("--parent="), 10, 1, G_MAXINT, &parent, NULL))
    return;
  if (prctl (PR_SET_PDEATHSIG, SIGKILL) == 0 && getppid () != (pid_t) parent)
    _exit (2);
#endif
}

#ifdef NB_READER_TEST_HOOKS
/* Test builds only (nianbao-reader-test-GROUP, never installed): a document holding the text of
 * $NIANBAO_READER_TEST_CRASH makes the helper crash, one holding
 * $NIANBAO_READER_TEST_HANG makes it spin, as a hostile file would */
static gboolean
holds (const char *data,
       gsize       len,
       const char *needle)
{
  gsize n = needle != NULL ? strlen (needle) : 0;

  for (gsize i = 0; n > 0 && i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_hooks (GBytes *input)
{
  const char *crash = g_getenv ("NIANBAO_READER_TEST_CRASH");
  const char *hang = g_getenv ("NIANBAO_READER_TEST_HANG");
  gsize len;
  const char *data = g_bytes_get_data (input, &len);

  if (holds (data, len, crash))
    raise (SIGSEGV);
  if (holds (data, len, hang))
    for (volatile guint64 i = 0;; i++)
      ;
}
#endif

/* read() of standard input, for nb_read_all (): the helper reads its document with
 * read(), since GIO and the libraries it loads would cost every helper a millisecond of
 * start-up */
static gssize
read_stdin (gpointer   source,
            guint8    *buf,
            gsize      len,
            GError   **error)
{
  for (;;)
    {
      gssize n = read (STDIN_FILENO, buf, len);
      int saved = errno;

      if (n >= 0)
        return n;
      if (saved != EINTR)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED, _("The document could not be read: %s"),
                       g_strerror (saved));
          return -1;
        }
    }
}

/* Writes the answer and ends the process, without freeing what it read and wrote */
G_GNUC_NORETURN static void
finish (const char *answer,
        int         status,
        gboolean    framed)
{
  char frame[2] = { '\0', (char) ('0' + status) };

  if (!write_all (answer, strlen (answer)) || (framed && !write_all (frame, sizeof frame)))
    _exit (2);
  close (STDOUT_FILENO);
  _exit (status);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ExtractFunc extract = NULL;
  guint64 memory_mb, cpu_s;
  gboolean framed = FALSE;
  gboolean usage = argc < 4;

  for (int i = 4; i < argc; i++)
    {
      if (strcmp (argv[i], "--framed") == 0)
        framed = TRUE;
      else if (g_str_has_prefix (argv[i], "--parent="))
        die_with_parent (argv[i]);
      else
        usage = TRUE;
    }

  /* its only words are error messages: the other categories would cost a file each to load */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (usage)
    {
      g_printerr ("usage: nianbao-reader-GROUP FORMAT MEMORY_MB CPU_SECONDS [--framed] [--parent=PID] "
                  "< document\n");
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (strcmp (argv[1], readers[i].name) == 0)
      extract = readers[i].extract;
  if (extract == NULL)
    {
      g_printerr ("nianbao-reader: no reader for %s\n", argv[1]);
      return 2;
    }
  memory_mb = g_ascii_strtoull (argv[2], NULL, 10);
  cpu_s = g_ascii_strtoull (argv[3], NULL, 10);

  /* the limits hold before the first byte of the document is read. ASan reserves terabytes
   * of address space for its shadow memory, so its builds go without the memory limit. */
#ifdef UNDER_ASAN
  memory_mb = 0;
#endif
  if (memory_mb > 0)
    limit (RLIMIT_AS, memory_mb * 1024 * 1024);
  if (cpu_s > 0)
    limit (RLIMIT_CPU, cpu_s);
  limit (RLIMIT_CORE, 0);

  input = nb_read_all (read_stdin, NULL, NB_MAX_REPORT_SIZE, &error);
#ifdef NB_READER_TEST_HOOKS
  if (input != NULL)
    test_hooks (input);
#endif
  if (input != NULL)
    text = extract (g_bytes_get_data (input, NULL), g_bytes_get_size (input), &error);
  if (text == NULL)
    {
      g_autofree char *reply = NULL;

      if (error == NULL)
        g_set_error_literal (&error, NB_ERROR, NB_ERROR_DAMAGED,
                             _("The document’s text could not be read"));
      reply = g_strdup_printf ("%d\n%s", error->domain == NB_ERROR ? error->code : NB_ERROR_DAMAGED,
                               error->message);
      finish (reply, NB_READER_EXIT_ERROR, framed);
    }
  if (strlen (text) > NB_READER_MAX_TEXT)
    {
      g_autofree char *message = NULL;
      g_autofree char *reply = NULL;

      message = g_strdup_printf (_("The document’s text is too large (more than %d MB)"),
                                 NB_READER_MAX_TEXT / (1024 * 1024));
      reply = g_strdup_printf ("%d\n%s", NB_ERROR_TOO_LARGE, message);
      finish (reply, NB_READER_EXIT_ERROR, framed);
    }
  finish (text, 0, framed);
}
