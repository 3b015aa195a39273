/* nb-format.c — recognising a document's format by its content, and reading it with the
 * format's reader module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "nb-error.h"
#include "nb-jsstring-private.h"
#include "nb-readers-private.h"

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

/* Which module and symbol read each format. A module is loaded the first time a file of
 * one of its formats comes, and stays loaded; a module may hold several readers. */
typedef char *(*ExtractFunc) (const guint8 *data, gsize len, GError **error);

typedef struct
{
  const char *module;
  GModule    *handle;
  char       *failure;  /* why it could not be loaded, once tried */
  gboolean    tried;
} ReaderModule;

enum { MODULE_PDF, MODULE_WORD, MODULE_HTML, N_MODULES };

static ReaderModule modules[N_MODULES] = {
  [MODULE_PDF] = { "pdf" },
  [MODULE_WORD] = { "word" },
  [MODULE_HTML] = { "html" },
};

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
  guint       module;
  const char *symbol;
  gboolean    built;   /* whether this build has the reader at all */
} readers[] = {
  { NB_FORMAT_PDF, MODULE_PDF, "nb_reader_pdf_extract", BUILT_PDF },
  { NB_FORMAT_DOCX, MODULE_WORD, "nb_reader_docx_extract", BUILT_WORD },
  { NB_FORMAT_DOC, MODULE_WORD, "nb_reader_doc_extract", BUILT_WORD },
  { NB_FORMAT_HTML, MODULE_HTML, "nb_reader_html_extract", BUILT_HTML },
};

static GMutex modules_lock;

/* Whether this program runs from the build tree (tests, ./build/src/cli/nianbao-check):
 * then it loads the modules built beside it, not ones an earlier install left. */
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

/* Where to look for a module, in order: $NIANBAO_READER_DIR; the build tree when running
 * from it; the installed directory. */
static GPtrArray *
dup_module_paths (const char *name)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *file = g_strconcat ("nianbao-reader-", name, ".", G_MODULE_SUFFIX, NULL);
  const char *env = g_getenv ("NIANBAO_READER_DIR");

  if (env != NULL && *env != '\0')
    {
      g_ptr_array_add (paths, g_build_filename (env, file, NULL));
      return paths;
    }
  if (running_uninstalled ())
    g_ptr_array_add (paths, g_build_filename (NB_READER_BUILD_DIR, file, NULL));
  g_ptr_array_add (paths, g_build_filename (NB_READER_DIR, file, NULL));
  return paths;
}

static gboolean
load_module (ReaderModule *m)
{
  g_autoptr(GPtrArray) paths = NULL;

  if (m->tried)
    return m->handle != NULL;
  m->tried = TRUE;

  paths = dup_module_paths (m->module);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* local binding: the module's copies of core symbols stay its own. Never unloaded,
       * as libraries like poppler keep state that dlclose would leave dangling. */
      m->handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (m->handle == NULL)
        {
          m->failure = g_strdup (g_module_error ());
          return FALSE;
        }
      g_module_make_resident (m->handle);
      g_debug ("Loaded reader module %s", path);
      return TRUE;
    }
  return FALSE;
}

static char *
fail (GError     **error,
      NbFormat     format,
      const char  *reason)
{
  const char *what = nb_format_to_string (format);

  if (reason == NULL)
    /* Translators: %s is a format: PDF, DOCX, DOC or HTML */
    g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT, _("%s support is not installed"), what);
  else
    /* Translators: the first %s is a format (PDF, DOCX, DOC, HTML), the second why its
     * reader could not be loaded */
    g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT, _("%s support could not be loaded: %s"),
                 what, reason);
  return NULL;
}

/**
 * nb_format_extract:
 * @format: a format other than %NB_FORMAT_TEXT
 *
 * Reads a document with its format's reader, loading the reader's module the first time.
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
      ReaderModule *m = &modules[readers[i].module];
      ExtractFunc extract = NULL;
      g_autofree char *failure = NULL;

      if (readers[i].format != format)
        continue;
      if (!readers[i].built)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                       _("This build of Nianbao cannot read %s files"), nb_format_to_string (format));
          return NULL;
        }

      g_mutex_lock (&modules_lock);
      if (load_module (m) && !g_module_symbol (m->handle, readers[i].symbol, (gpointer *) &extract))
        failure = g_strdup (g_module_error ());
      else if (m->handle == NULL)
        failure = g_strdup (m->failure);
      g_mutex_unlock (&modules_lock);

      if (extract == NULL)
        return fail (error, format, failure);
      if (format == NB_FORMAT_HTML)
        {
          g_autofree char *page = NULL;
          gsize page_len = 0;

          /* a page in a script's string, quotes escaped: the reader gets the page */
          if (!starts_with_markup (data, len) && (contains_ascii_nocase (data, len, "\\\"") ||
                                 contains_ascii_nocase (data, len, "\\/")) &&
              (page = nb_js_string_extract_markup (data, len, &page_len)) != NULL)
            return extract ((const guint8 *) page, page_len, error);
        }
      return extract (data, len, error);
    }

  g_return_val_if_reached (NULL);
}
