/* nianbao-check.c — check annual reports from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nianbao.h"
#include "../app/nb-locale.h"

typedef enum
{
  OUTPUT_TEXT,
  OUTPUT_JSON,
  OUTPUT_CSV,
} OutputFormat;

typedef struct
{
  char     *path;
  char     *name;   /* path as valid UTF-8, for JSON */
  char     *out;    /* what to print on stdout */
  gsize     out_len;
  char     *err;    /* what to print on stderr */
  int       status; /* 0, 1 or 2 */
  gboolean  done;
} Job;

/* Reports larger than this are read one at a time: each takes about five times its size
 * while it is parsed, so that -j N of them would multiply the peak */
#define LARGE_REPORT (8 * 1024 * 1024)

static OutputFormat output = OUTPUT_TEXT;
static gboolean suggest = FALSE;
static const char *lang = NULL;
static const char *xlsx_path = NULL;  /* --xlsx: where to write the report as a spreadsheet */
static GMutex lock;
static GMutex large_lock;
static GCond cond;

static const char *
severity_label (NbSeverity severity,
                gboolean   zh)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return zh ? "错误" : "error";
    case NB_SEVERITY_WARNING: return zh ? "警告" : "warning";
    case NB_SEVERITY_INFO:
    default: return zh ? "提示" : "info";
    }
}

/* Text as UTF-8 whatever its bytes, its control characters (escape sequences included)
 * as \\xNN, so that a file name, or a message quoting one, never drives the terminal */
static char *
dup_printable (const char *text,
               gboolean    filename)
{
  g_autofree char *utf8 = filename ? g_filename_display_name (text) : g_utf8_make_valid (text, -1);
  GString *shown = g_string_new (NULL);

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        g_string_append_printf (shown, "\\x%02X", c);
      else
        g_string_append_unichar (shown, c);
    }
  return g_string_free (shown, FALSE);
}

/* @shown_name: what to call the report instead of its path (standard input is "-", as in
 * the JSON, not /dev/stdin), or NULL */
static char *
describe_report (NbReport   *report,
                 const char *shown_name)
{
  g_autofree char *name = dup_printable (shown_name ? shown_name : nb_report_get_filename (report), TRUE);
  gboolean zh = g_str_has_prefix (lang, "zh");
  GString *out = g_string_new (NULL);
  GListModel *findings = nb_report_get_findings (report);
  guint n = g_list_model_get_n_items (findings);
  guint counts[3] = { 0 };
  const char *agency = nb_report_get_agency (report);
  int year = nb_report_get_year (report);

  g_string_append_printf (out, "%s: %s, %s%d (%s %s, %s)\n", name,
                          agency ? agency : (zh ? "未写明机关" : "agency unknown"),
                          year ? "" : "?", year,
                          zh ? "模板" : "template", nb_edition_to_string (nb_report_get_edition (report)),
                          nb_report_get_encoding (report));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      NbSeverity sev = nb_finding_get_severity (f);

      counts[sev]++;
      g_string_append_printf (out, "  %-7s %-24s %s\n", severity_label (sev, zh), nb_finding_get_rule (f),
                              nb_finding_get_message (f, lang));
    }
  if (zh)
    g_string_append_printf (out, "  %u 个错误，%u 个警告，%u 条提示\n", counts[NB_SEVERITY_ERROR],
                            counts[NB_SEVERITY_WARNING], counts[NB_SEVERITY_INFO]);
  else
    g_string_append_printf (out, "  %u error(s), %u warning(s), %u note(s)\n", counts[NB_SEVERITY_ERROR],
                            counts[NB_SEVERITY_WARNING], counts[NB_SEVERITY_INFO]);
  return g_string_free (out, FALSE);
}

/* --suggest: the suggested corrections under the findings, or the JSON's "suggestions" */
static char *
append_suggestions (NbReport *report,
                    char     *out,
                    gsize    *out_len)
{
  g_autoptr(GPtrArray) suggestions = nb_report_suggest (report);
  GString *s = g_string_new (out);

  g_free (out);

  if (output == OUTPUT_JSON && s->len > 0 && s->str[s->len - 1] == '}')
    {
      g_autofree char *json = nb_suggestions_to_json (report, suggestions);

      g_string_truncate (s, s->len - 1);
      g_string_append_printf (s, ",\"suggestions\":%s}", json);
    }
  else if (output == OUTPUT_TEXT)
    for (guint i = 0; i < suggestions->len; i++)
      {
        g_autofree char *line = nb_suggestion_describe (report, g_ptr_array_index (suggestions, i), lang);

        g_string_append_printf (s, "  %s %s\n", g_str_has_prefix (lang, "zh") ? "建议更正" : "suggest", line);
      }
  *out_len = s->len;
  return g_string_free (s, FALSE);
}

static void
run_job (Job *job)
{
  g_autoptr(GError) error = NULL;
  /* "-" is standard input */
  g_autoptr(GFile) file = strcmp (job->path, "-") == 0 ? g_file_new_for_path ("/dev/stdin")
                                                       : g_file_new_for_commandline_arg (job->path);
  g_autoptr(NbReport) report = NULL;
  char *out = NULL, *err = NULL;
  gsize out_len = 0;
  int status;
  GStatBuf st;
  gboolean large = g_stat (job->path, &st) == 0 && st.st_size > LARGE_REPORT;

  if (large)
    g_mutex_lock (&large_lock);
  report = nb_report_new_from_file (file, NULL, &error);
  if (large)
    g_mutex_unlock (&large_lock);

  if (report == NULL)
    {
      g_autofree char *shown = dup_printable (job->path, TRUE);
      g_autofree char *message = dup_printable (error->message, FALSE);

      err = g_strdup_printf ("nianbao-check: %s: %s\n", shown, message);
      status = 2;
    }
  else
    {
      status = nb_report_count_findings (report, NB_SEVERITY_ERROR) > 0 ? 1 : 0;
      if (xlsx_path != NULL && !nb_report_export (report, xlsx_path, NB_EXPORT_XLSX, &error))
        {
          err = g_strdup_printf ("nianbao-check: %s: %s\n", xlsx_path, error->message);
          status = 2;
        }
      switch (output)
        {
        case OUTPUT_JSON:
          /* the file as the user named it; one document a line (the newline is added
           * when it is printed) */
          out = nb_report_to_json_as (report, job->name, &out_len);
          break;
        case OUTPUT_CSV:
          out = nb_report_to_csv (report, lang, &out_len);
          break;
        case OUTPUT_TEXT:
        default:
          out = describe_report (report, strcmp (job->path, "-") == 0 ? "-" : NULL);
          out_len = strlen (out);
          break;
        }
      if (suggest && output != OUTPUT_CSV)
        out = append_suggestions (report, out, &out_len);
    }

  g_mutex_lock (&lock);
  job->out = out;
  job->out_len = out_len;
  job->err = err;
  job->status = status;
  job->done = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&lock);
}

/* --summary: one line per report of the whole set, with the rules across the set
 * (series.*, meta.agency, series.copied_text); a folder's review set file, when
 * there is one, gives each report's status and note */
static int
print_summary (GStrv       paths,
               gboolean    json,
               const char *xlsx,
               int         jobs)
{
  g_autoptr(NbReviewSet) set = nb_review_set_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *store = NULL;
  gsize len = 0;
  int status = 0;

  for (guint i = 0; paths[i]; i++)
    if ((g_str_has_suffix (paths[i], NB_REVIEW_SET_EXTENSION) && nb_review_set_get_store_path (set) == NULL &&
         !nb_review_set_open_store (set, paths[i], TRUE, &error)) ||
        !nb_review_set_add (set, paths[i], &error))
      {
        g_printerr ("nianbao-check: %s: %s\n", paths[i], error->message);
        return 2;
      }
  store = nb_review_set_default_store_path (set);
  if (nb_review_set_get_store_path (set) == NULL && store && g_file_test (store, G_FILE_TEST_IS_REGULAR) &&
      !nb_review_set_open_store (set, store, TRUE, &error))
    {
      g_printerr ("nianbao-check: %s\n", error->message);
      g_clear_error (&error);
    }
  nb_review_set_load (set, MAX (jobs, 0), NULL);

  for (guint i = 0; i < nb_review_set_get_n_items (set); i++)
    {
      NbReviewItem *item = nb_review_set_get_item (set, i);

      if (nb_review_item_get_error (item))
        {
          g_printerr ("nianbao-check: %s: %s\n", nb_review_item_get_path (item),
                      nb_review_item_get_error (item)->message);
          status = 2;
        }
      else if (nb_review_item_count (item, NB_SEVERITY_ERROR) > 0)
        status = MAX (status, 1);
    }

  if (xlsx)
    {
      if (!nb_review_set_write_xlsx (set, xlsx, &error))
        {
          g_printerr ("nianbao-check: %s\n", error->message);
          return 2;
        }
      return status;
    }
  data = json ? nb_review_set_to_json (set, &len) : nb_review_set_to_csv (set, &len);
  fwrite (data, 1, len, stdout);
  if (json)
    fputc ('\n', stdout);
  return status;
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  run_job (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE, csv = FALSE, version = FALSE, summary = FALSE;
  int jobs = 0;
  g_autofree char *lang_opt = NULL;
  int status = 0;
  gboolean lang_given = FALSE;
  guint n_files;
  Job *all;
  GThreadPool *pool = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print each report as one line of JSON (SCHEMA.md)"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print each report’s tables as CSV"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("Print one summary line per report (CSV; JSON with --json), "
                                                        "with the checks across the reports; folders are read whole"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("Also write the report as a spreadsheet (one report only); "
                                                          "with --summary, write the summary there instead"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_opt, N_("Language of the messages: zh_CN or en"), "LANG" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Reports to check at once (default: one per processor)"), "N" },
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest, N_("Suggest the smallest corrections that make the tables add up"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("REPORT…") },
    { NULL }
  };

  /* --lang is the language of every message, an unreadable file's too: read it first */
  for (int i = 1; i < argc; i++)
    {
      const char *value = g_str_has_prefix (argv[i], "--lang=") ? argv[i] + strlen ("--lang=")
                          : g_str_equal (argv[i], "--lang") && i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--"))
        break;
      if (value != NULL)
        {
          g_setenv ("LANGUAGE", g_str_has_prefix (value, "zh") ? "zh_CN" : "en", TRUE);
          lang_given = TRUE;
        }
    }
  /* uninstalled, the catalogues built in build/po (as the window does) */
  nb_locale_init (argv[0]);
  /* gettext ignores LANGUAGE in the C locale */
  if (lang_given)
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);

      if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
        setlocale (LC_MESSAGES, "C.UTF-8");
    }

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check government information-disclosure annual reports "
                                           "(政府信息公开工作年度报告): their tables add up, their prose "
                                           "agrees with the tables.\n\nExit status: 0 no error found, "
                                           "1 an error found, 2 a file could not be read as a report."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nianbao-check: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("nianbao-check %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("nianbao-check: no report given; try --help"));
      return 2;
    }
  if (json && csv)
    {
      g_printerr ("%s\n", _("nianbao-check: --json and --csv cannot be used together"));
      return 2;
    }
  if (summary)
    {
      if (csv || (json && xlsx_path))
        {
          g_printerr ("%s\n", _("nianbao-check: --summary prints CSV, or JSON with --json, or XLSX with --xlsx"));
          return 2;
        }
      return print_summary (files, json, xlsx_path, jobs);
    }
  if (xlsx_path != NULL && g_strv_length (files) != 1)
    {
      g_printerr ("%s\n", _("nianbao-check: --xlsx writes one report; give one"));
      return 2;
    }
  output = json ? OUTPUT_JSON : csv ? OUTPUT_CSV : OUTPUT_TEXT;

  if (lang_opt)
    lang = g_str_has_prefix (lang_opt, "zh") ? "zh_CN" : "en";
  else
    {
      const char *const *names = g_get_language_names ();

      lang = "en";
      for (guint i = 0; names[i]; i++)
        if (g_str_has_prefix (names[i], "zh"))
          {
            lang = "zh_CN";
            break;
          }
        else if (g_str_has_prefix (names[i], "en"))
          break;
    }

  /* a batch's output goes out in large writes */
  if (!isatty (STDOUT_FILENO))
    setvbuf (stdout, NULL, _IOFBF, 256 * 1024);

  n_files = g_strv_length (files);
  all = g_new0 (Job, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      all[i].path = files[i];
      all[i].name = g_filename_display_name (files[i]);
    }

  if (jobs <= 0)
    jobs = g_get_num_processors ();
  if (n_files > 1 && jobs > 1)
    {
      pool = g_thread_pool_new (pool_func, NULL, MIN ((guint) jobs, n_files), TRUE, NULL);
      for (guint i = 0; i < n_files; i++)
        g_thread_pool_push (pool, &all[i], NULL);
    }

  for (guint i = 0; i < n_files; i++)
    {
      Job *job = &all[i];

      if (pool == NULL)
        run_job (job);
      g_mutex_lock (&lock);
      while (!job->done)
        g_cond_wait (&cond, &lock);
      g_mutex_unlock (&lock);

      if (job->err)
        {
          fflush (stdout);
          fputs (job->err, stderr);
        }
      if (job->out)
        {
          const char *s = job->out;
          gsize len = job->out_len;

          /* one BOM at the start of CSV output, not one per report */
          if (output == OUTPUT_CSV && i > 0 && g_str_has_prefix (s, "\xEF\xBB\xBF"))
            s += 3, len -= 3;
          if (output == OUTPUT_CSV && i > 0)
            fputs ("\r\n", stdout);
          fwrite (s, 1, len, stdout);
          if (output == OUTPUT_JSON || (output == OUTPUT_TEXT && i + 1 < n_files))
            fputc ('\n', stdout);
        }
      /* each report out whole before the next is read: a crash later cuts none. The
       * reader helpers leave SIGPIPE ignored; a reader of the output gone ends the run as
       * the signal would */
      if (fflush (stdout) != 0 && errno == EPIPE)
        {
          signal (SIGPIPE, SIG_DFL);
          raise (SIGPIPE);
        }
      status = MAX (status, job->status);
      g_clear_pointer (&job->out, g_free);
      g_clear_pointer (&job->err, g_free);
      g_clear_pointer (&job->name, g_free);
    }

  if (pool)
    g_thread_pool_free (pool, FALSE, TRUE);
  g_free (all);
  fflush (stdout);
  return status;
}
