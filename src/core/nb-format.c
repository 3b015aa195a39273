/* nb-format.c — recognising a document's format by its content, and reading it with the
 * format's reader in the helper process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memfd_create */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
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

/* The first characters of UTF-16 text after its BOM, a byte each (a character beyond
 * ASCII as 0x80), so that a page's markup can be looked for as in other pages */
static guint8 *
narrow_utf16 (const guint8 *data,
              gsize         len,
              gsize        *out_len)
{
  gboolean big_endian = data[0] == 0xFE;
  guint8 *narrow = g_malloc (len / 2 + 1);
  gsize n = 0;

  for (gsize i = 2; i + 1 < len; i += 2)
    {
      guint unit = big_endian ? (guint) data[i] << 8 | data[i + 1] : (guint) data[i + 1] << 8 | data[i];

      narrow[n++] = unit < 0x80 ? (guint8) unit : 0x80;
    }
  narrow[n] = 0;
  *out_len = n;
  return narrow;
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

  /* a page in UTF-16 with a BOM (Word's "Unicode" web page): its markup is a page's,
   * never a text's numbers; the HTML reader decodes it */
  if (has_prefix (data, len, "\xFF\xFE") || has_prefix (data, len, "\xFE\xFF"))
    {
      gsize n = 0;
      g_autofree guint8 *narrow = narrow_utf16 (data, MIN (len, 2 * 262144 + 2), &n);

      return nb_format_sniff (narrow, n, filename) == NB_FORMAT_HTML ? NB_FORMAT_HTML : NB_FORMAT_TEXT;
    }

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

/* The helper's answer to a document it read: the text, or its error */
static char *
take_answer (GByteArray  *out,
             int          status,
             GError     **error)
{
  if (status == 0)  /* an empty GByteArray may have no data at all */
    return out->len > 0 ? g_strndup ((const char *) out->data, out->len) : g_strdup ("");

  /* "CODE\nmessage" */
  {
    g_autofree char *reply = g_strndup ((const char *) out->data, out->len);
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

/* A file descriptor holding @data from its start, to be the helper's standard input: a memory
 * file, so that the helper reads the document in one read() instead of through a pipe fed
 * 64 KB at a time; an unlinked temporary file where memory files are missing. -1 on error. */
static int
input_fd (const guint8  *data,
          gsize          len,
          GError       **error)
{
  int fd = -1;

#ifdef HAVE_MEMFD_CREATE
  fd = memfd_create ("nianbao-document", MFD_CLOEXEC);
#endif
  if (fd < 0)
    {
      g_autofree char *path = NULL;

      fd = g_file_open_tmp ("nianbao-XXXXXX", &path, error);
      if (fd < 0)
        return -1;
      g_unlink (path);
      fcntl (fd, F_SETFD, FD_CLOEXEC);
    }
  for (gsize done = 0; done < len;)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return -1;
        }
      done += n;
    }
  if (lseek (fd, 0, SEEK_SET) != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return -1;
    }
  return fd;
}

/* Starts @argv with @in as its standard input, a new pipe (returned in @out) as its standard
 * output and /dev/null as its standard error; every other descriptor is closed in the child.
 * posix_spawn() starts it without copying this process's page tables (vfork-like), which
 * matters in the window, a large process. */
static gboolean
spawn_helper (char   **argv,
              int      in,
              pid_t   *pid,
              int     *out,
              GError **error)
{
  extern char **environ;
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  sigset_t signals;
  int pipe_fds[2];
  int err;

  if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, error))
    return FALSE;
  posix_spawn_file_actions_init (&actions);
  /* dup2 clears close-on-exec on the copies */
  posix_spawn_file_actions_adddup2 (&actions, in, STDIN_FILENO);
  posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
#ifdef HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP
  /* no other descriptor of this process (the window's, another reading's) reaches the helper */
  posix_spawn_file_actions_addclosefrom_np (&actions, STDERR_FILENO + 1);
#endif
  /* the signals its limits and crashes raise act as they should, whatever the calling
   * thread blocks or ignores (SIGPIPE, say) */
  posix_spawnattr_init (&attr);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  sigemptyset (&signals);
  posix_spawnattr_setsigmask (&attr, &signals);
  sigfillset (&signals);
  posix_spawnattr_setsigdefault (&attr, &signals);
  err = posix_spawn (pid, argv[0], &actions, &attr, argv, environ);
  posix_spawnattr_destroy (&attr);
  posix_spawn_file_actions_destroy (&actions);
  close (pipe_fds[1]);
  if (err != 0)
    {
      close (pipe_fds[0]);
      g_set_error_literal (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, g_strerror (err));
      return FALSE;
    }
  *out = pipe_fds[0];
  return TRUE;
}

/* Waits up to @timeout_ms for @pid to end, without reaping it, or for @cancel_fd (when not -1)
 * to become readable: on a pidfd where the kernel has them (Linux 5.3), else in short naps */
static void
wait_for_end (pid_t pid,
              int   cancel_fd,
              int   timeout_ms)
{
#ifdef SYS_pidfd_open
  int pidfd = syscall (SYS_pidfd_open, pid, 0);

  if (pidfd >= 0)
    {
      struct pollfd pfds[2] = { { pidfd, POLLIN, 0 }, { cancel_fd, POLLIN, 0 } };

      poll (pfds, cancel_fd >= 0 ? 2 : 1, timeout_ms);
      close (pidfd);
      return;
    }
#endif
  g_usleep (MIN (timeout_ms, 1) * 100);
}

static gpointer
reap_thread (gpointer data)
{
  pid_t pid = GPOINTER_TO_INT (data);

  while (waitpid (pid, NULL, 0) < 0 && errno == EINTR)
    ;
  return NULL;
}

/* A framed answer (see nianbao-reader.c) ends in a NUL byte and the exit status: then it is
 * whole, and the helper, still tearing itself down, is reaped in the background */
static gboolean
take_frame (pid_t       pid,
            GByteArray *text,
            int        *status)
{
  guint len = text->len;

  if (len < 2 || text->data[len - 2] != '\0' ||
      (text->data[len - 1] != '0' && text->data[len - 1] != '0' + NB_READER_EXIT_ERROR) ||
      memchr (text->data, '\0', len - 2) != NULL)
    return FALSE;
  *status = W_EXITCODE (text->data[len - 1] - '0', 0);
  g_byte_array_set_size (text, len - 2);
  if (waitpid (pid, NULL, WNOHANG) == 0)
    g_thread_unref (g_thread_new ("nianbao-reaper", reap_thread, GINT_TO_POINTER (pid)));
  return TRUE;
}

typedef enum
{
  HELPER_ENDED,      /* it answered, crashed or was killed by its own limits */
  HELPER_TIMED_OUT,  /* killed at the deadline */
  HELPER_CANCELLED,  /* killed when the reading was cancelled */
} HelperEnd;

/* Kills the helper and reaps it: no zombie is left. Only a helper not reaped yet is killed,
 * so its pid cannot have gone to another process. */
static void
kill_helper (pid_t pid,
             int  *status)
{
  kill (pid, SIGKILL);
  while (waitpid (pid, status, 0) < 0 && errno == EINTR)
    ;
}

/* Reads the helper's standard output to its end and reaps it, killing it at @deadline (a
 * monotonic time) or as soon as @cancellable is cancelled: the wait polls @cancel_fd, the
 * cancellable's descriptor (-1 for none), beside the helper's output, so that a Cancel ends
 * it at once rather than at the time limit. */
static HelperEnd
collect (pid_t         pid,
         int           out,
         GCancellable *cancellable,
         int           cancel_fd,
         gint64        deadline,
         GByteArray   *text,
         int          *status)
{
  gboolean open = TRUE;
  guint8 buf[65536];

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      struct pollfd pfds[2] = { { out, POLLIN, 0 }, { cancel_fd, POLLIN, 0 } };
      int timeout_ms;
      pid_t got;

      if (!open)
        {
          /* its output ended: it has exited, or is about to */
          got = waitpid (pid, status, WNOHANG);
          if (got == pid || (got < 0 && errno != EINTR))
            return HELPER_ENDED;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          kill_helper (pid, status);
          return HELPER_CANCELLED;
        }
      if (now >= deadline)
        {
          kill_helper (pid, status);
          return HELPER_TIMED_OUT;
        }
      timeout_ms = (int) MIN ((deadline - now + 999) / 1000, G_MAXINT);
      if (cancellable != NULL && cancel_fd < 0)
        timeout_ms = MIN (timeout_ms, 100);  /* no descriptor to wake on: look now and then */
      if (!open)
        {
          wait_for_end (pid, cancel_fd, timeout_ms);
          continue;
        }
      if (poll (pfds, cancel_fd >= 0 ? 2 : 1, timeout_ms) < 0)
        {
          if (errno != EINTR)
            open = FALSE;
          continue;
        }
      if (pfds[0].revents == 0)
        continue;  /* the time is up, or the reading was cancelled: see above */
      {
        gssize n = read (out, buf, sizeof buf);

        if (n < 0 && (errno == EINTR || errno == EAGAIN))
          continue;
        if (n <= 0 && take_frame (pid, text, status))
          return HELPER_ENDED;
        if (n <= 0)
          open = FALSE;
        else if (text->len <= NB_READER_MAX_TEXT)  /* past it, the helper is refused anyway */
          g_byte_array_append (text, buf, n);
      }
    }
}

static char *
read_in_helper (NbFormat       format,
                const char    *helper,
                const char    *reader,
                const guint8  *data,
                gsize          len,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *parent = NULL;
  guint seconds = get_limit ("NIANBAO_READ_TIMEOUT", DEFAULT_TIME_LIMIT);
  const char *what = nb_format_to_string (format);
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  HelperEnd end = HELPER_ENDED;
  GPollFD cancel = { -1, 0, 0 };
  int status = 0;
  int in, from;
  pid_t pid;

  if (g_cancellable_is_cancelled (cancellable))
    goto cancelled;
  memory = g_strdup_printf ("%u", get_limit ("NIANBAO_READER_MEMORY", DEFAULT_MEMORY_MB));
  cpu = g_strdup_printf ("%u", seconds + 1);  /* the wall-clock limit comes first */
  parent = g_strdup_printf ("--parent=%d", (int) getpid ());

  in = input_fd (data, len, &local_error);
  if (in >= 0)
    {
      char *argv[] = { (char *) helper, (char *) reader, memory, cpu, (char *) "--framed", parent, NULL };

      /* an eventfd, made for this reading and released after it: the helper never gets it
       * (close-on-exec, and closed from 3 up at the spawn) */
      if (cancellable != NULL && !g_cancellable_make_pollfd (cancellable, &cancel))
        cancel.fd = -1;
      if (spawn_helper (argv, in, &pid, &from, &local_error))
        {
          end = collect (pid, from, cancellable, cancel.fd, deadline, out, &status);
          close (from);
        }
      if (cancel.fd >= 0)
        g_cancellable_release_fd (cancellable);
      close (in);
    }

  if (local_error != NULL)
    {
      /* Translators: the first %s is a format (PDF, DOCX, DOC, HTML) */
      g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                   _("%s support could not be started: %s"), what, local_error->message);
      return NULL;
    }
  if (end == HELPER_CANCELLED)
    goto cancelled;
  if (end == HELPER_TIMED_OUT)
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
  if (WIFSIGNALED (status))
    {
      int sig = WTERMSIG (status);

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
  if (!WIFEXITED (status) ||
      (WEXITSTATUS (status) != 0 && WEXITSTATUS (status) != NB_READER_EXIT_ERROR))
    {
      /* a sanitizer build's helper exits with a status of its own where it would crash */
      g_set_error (error, NB_ERROR, NB_ERROR_UNREADABLE,
                   /* Translators: %s is a format (PDF, DOCX, DOC, HTML), %d an exit status */
                   _("The %s file could not be read: its reader crashed on it or ran out of "
                     "memory (exit status %d)"),
                   what, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return NULL;
    }
  return take_answer (out, WEXITSTATUS (status), error);

cancelled:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               /* Translators: %s is a format (PDF, DOCX, DOC, HTML) */
               _("Reading the %s file was cancelled"), what);
  return NULL;
}

/**
 * nb_format_extract:
 * @format: a format other than %NB_FORMAT_TEXT
 *
 * Reads a document with its format's reader, in a helper process (nianbao-reader-GROUP), within
 * a time limit ($NIANBAO_READ_TIMEOUT seconds, 20 by default) and a memory limit
 * ($NIANBAO_READER_MEMORY MB of address space, 1024 by default). When @cancellable is
 * cancelled, the helper is killed at once and the error is %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the document's text as the reader gives it (see
 *   nb-readers-private.h), or %NULL with @error set
 */
char *
nb_format_extract (NbFormat       format,
                   const guint8  *data,
                   gsize          len,
                   GCancellable  *cancellable,
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
            return read_in_helper (format, helper, readers[i].name, (const guint8 *) page, page_len,
                                   cancellable, error);
        }
      return read_in_helper (format, helper, readers[i].name, data, len, cancellable, error);
    }

  g_return_val_if_reached (NULL);
}
