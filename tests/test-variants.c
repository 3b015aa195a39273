/* test-variants.c — the samples read the same whatever their bytes look like
 *
 * Every sample is parsed once; then variants of its bytes are made in memory
 * (other encodings, line ends, full-width digits, Kangxi radicals, tabs made
 * spaces or line breaks, labels split over two lines, …) and each must give
 * exactly the same cell values, the same origins and the same set of
 * error-severity rules as the original. For every variant, every source
 * cell's span must also cover its number in the decoded text (SCHEMA.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "nianbao.h"

/* ------------------------------------------------------------------ */
/* Samples                                                             */

typedef struct
{
  const char *name;      /* "ruzhou" */
  const char *file;      /* "ruzhou-2021.txt" */
  const char *errors;    /* the error rules the original has, sorted, space-separated */
  NbEdition   template;  /* the edition it follows */
  gboolean    complete;  /* every row of tables 三 and 四 holds all its values */
  gboolean    fixture;   /* in tests/data (made for the tests), not data/samples */
  char       *text;      /* the file, UTF-8 */
  gsize       len;
  NbEdition   edition;
  guint       n_cells;
  gboolean   *has;
  double     *values;
  NbOrigin   *origins;
  char       *error_rules;
} Sample;

static Sample samples[] = {
  { "ruzhou",   "ruzhou-2021.txt",   "",            NB_EDITION_2021, FALSE },
  { "office",   "office-2021.txt",   "",            NB_EDITION_2021, TRUE },
  { "zhicheng", "zhicheng-2021.txt", "",            NB_EDITION_2021, TRUE },
  { "ruijin",   "ruijin-2021.txt",   "",            NB_EDITION_2021, TRUE },
  { "mianchi",  "mianchi-2022.txt",  "meta.agency", NB_EDITION_2021, FALSE },
  /* the 2019 edition: a county office (tabs) and a bureau (one cell a line) */
  { "county-2019", "county-2019.txt", "",           NB_EDITION_2019, TRUE, TRUE },
  { "bureau-2020", "bureau-2020.txt", "",           NB_EDITION_2019, TRUE, TRUE },
  /* the county's table filled with two-digit counts: run together, most rows fit
   * several splits and only the column equations leave one */
  { "county-busy", "county-busy-2019.txt", "",      NB_EDITION_2019, TRUE, TRUE },
};

static char *
sample_path (const Sample *s)
{
  const char *dir = g_getenv ("NB_SAMPLES_DIR");

  if (s->fixture)
    return g_test_build_filename (G_TEST_DIST, "data", s->file, NULL);
  if (dir != NULL)
    return g_build_filename (dir, s->file, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", s->file, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The error-severity rule ids of a report, sorted, unique, space-separated. */
static char *
error_rules (NbReport *report)
{
  GListModel *findings = nb_report_get_findings (report);
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (nb_finding_get_severity (f) == NB_SEVERITY_ERROR)
        g_ptr_array_add (rules, (gpointer) nb_finding_get_rule (f));
    }
  g_ptr_array_sort (rules, compare_strings);
  for (guint i = 0; i < rules->len; i++)
    {
      if (i > 0 && g_strcmp0 (rules->pdata[i], rules->pdata[i - 1]) == 0)
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, rules->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

static const char *
cell_id (NbEdition edition,
         guint     cell)
{
  return nb_schema_get_cell (edition, cell)->id;
}

/* Every source cell: its span's text, NFKC-normalised and without spaces,
 * is its value. Returns the problems found, one a line ("" when none). */
static char *
check_spans (NbReport *report)
{
  GString *bad = g_string_new (NULL);
  const char *text = nb_report_get_text (report);
  guint n_chars = nb_report_get_n_chars (report);
  NbEdition edition = nb_report_get_edition (report);

  g_assert_cmpuint (n_chars, ==, g_utf8_strlen (text, nb_report_get_text_length (report)));

  for (guint cell = 0; cell < nb_report_get_n_cells (report); cell++)
    {
      NbSpan span = nb_report_get_span (report, cell);
      double value = 0, parsed;
      const char *a, *b;
      g_autofree char *slice = NULL, *norm = NULL;
      g_autoptr(GString) compact = g_string_new (NULL);
      char *end = NULL;

      if (nb_report_get_origin (report, cell) != NB_ORIGIN_SOURCE)
        continue;
      if (nb_schema_get_cell (edition, cell)->kind == NB_CELL_UNIT)
        continue;
      if (!nb_report_get_value (report, cell, &value))
        {
          g_string_append_printf (bad, "%s: source cell without a value\n", cell_id (edition, cell));
          continue;
        }
      if (!nb_span_is_set (span) || span.start >= span.end || (guint) span.end > n_chars)
        {
          g_string_append_printf (bad, "%s: bad span [%d, %d) (text has %u characters)\n",
                                  cell_id (edition, cell), span.start, span.end, n_chars);
          continue;
        }
      a = g_utf8_offset_to_pointer (text, span.start);
      b = g_utf8_offset_to_pointer (text, span.end);
      slice = g_strndup (a, b - a);
      norm = g_utf8_normalize (slice, -1, G_NORMALIZE_NFKC);
      for (const char *p = norm; p && *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c))
            g_string_append_unichar (compact, c);
        }
      parsed = g_ascii_strtod (compact->str, &end);
      if (compact->len == 0 || end == NULL || *end != '\0' || parsed != value)
        g_string_append_printf (bad, "%s: span [%d, %d) is “%s” but the value is %g\n",
                                cell_id (edition, cell), span.start, span.end, slice, value);
    }
  return g_string_free (bad, FALSE);
}

static void
load_sample (Sample *s)
{
  g_autofree char *path = sample_path (s);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  if (!g_file_get_contents (path, &s->text, &s->len, &error))
    g_error ("cannot read %s: %s", path, error->message);

  report = nb_report_new_from_bytes ((const guint8 *) s->text, s->len, s->file, &error);
  if (report == NULL)
    g_error ("cannot parse %s: %s", path, error->message);

  s->edition = nb_report_get_edition (report);
  s->n_cells = nb_report_get_n_cells (report);
  s->has = g_new0 (gboolean, s->n_cells);
  s->values = g_new0 (double, s->n_cells);
  s->origins = g_new0 (NbOrigin, s->n_cells);
  for (guint i = 0; i < s->n_cells; i++)
    {
      s->has[i] = nb_report_get_value (report, i, &s->values[i]);
      s->origins[i] = nb_report_get_origin (report, i);
    }
  s->error_rules = error_rules (report);
}

/* ------------------------------------------------------------------ */
/* Variants: each takes the sample's UTF-8 text and returns new bytes  */

typedef GBytes *(*MakeVariant) (const Sample *s);

static GBytes *
convert_to (const Sample *s,
            const char   *charset,
            const char   *bom,
            gsize         bom_len)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *conv = g_convert (s->text, s->len, charset, "UTF-8", NULL, &written, &error);
  GByteArray *out = g_byte_array_new ();

  g_assert_no_error (error);
  g_assert_nonnull (conv);
  g_byte_array_append (out, (const guint8 *) bom, bom_len);
  g_byte_array_append (out, (const guint8 *) conv, written);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
string_to_bytes (GString *str)
{
  gsize len = str->len;

  return g_bytes_new_take (g_string_free (str, FALSE), len);
}

static GBytes *
v_gb18030 (const Sample *s)
{
  return convert_to (s, "GB18030", "", 0);
}

static GBytes *
v_utf16le (const Sample *s)
{
  return convert_to (s, "UTF-16LE", "\xFF\xFE", 2);
}

static GBytes *
v_utf16be (const Sample *s)
{
  return convert_to (s, "UTF-16BE", "\xFE\xFF", 2);
}

static GBytes *
v_utf8_bom (const Sample *s)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_string_append_len (out, s->text, s->len);
  return string_to_bytes (out);
}

/* Replaces every occurrence of one ASCII byte by a string. */
static GBytes *
replace_byte (const Sample *s,
              char          from,
              const char   *to)
{
  GString *out = g_string_sized_new (s->len * 2);

  for (gsize i = 0; i < s->len; i++)
    {
      if (s->text[i] == from)
        g_string_append (out, to);
      else
        g_string_append_c (out, s->text[i]);
    }
  return string_to_bytes (out);
}

static GBytes *
v_crlf (const Sample *s)
{
  return replace_byte (s, '\n', "\r\n");
}

static GBytes *
v_cr (const Sample *s)
{
  return replace_byte (s, '\n', "\r");
}

static GBytes *
v_tabs_to_spaces (const Sample *s)
{
  return replace_byte (s, '\t', "   ");
}

static GBytes *
v_tabs_to_lines (const Sample *s)
{
  return replace_byte (s, '\t', "\n");
}

/* Replaces code points through a function. */
static GBytes *
map_chars (const Sample *s,
           gunichar    (*map) (gunichar c))
{
  GString *out = g_string_sized_new (s->len * 2);

  for (const char *p = s->text; p < s->text + s->len; p = g_utf8_next_char (p))
    g_string_append_unichar (out, map (g_utf8_get_char (p)));
  return string_to_bytes (out);
}

static gunichar
fullwidth_digit (gunichar c)
{
  return c >= '0' && c <= '9' ? 0xFF10 + (c - '0') : c;
}

static GBytes *
v_fullwidth_digits (const Sample *s)
{
  return map_chars (s, fullwidth_digit);
}

/* Ideograph → Kangxi radical, each checked with
 * unicodedata.normalize ('NFKC', radical) == ideograph. 见 is left out: the
 * Kangxi radical U+2F92 is the traditional 見. */
static const struct { gunichar ideograph, radical; } kangxi[] = {
  { 0x4E00, 0x2F00 },  /* 一 */
  { 0x4E8C, 0x2F06 },  /* 二 */
  { 0x4EBA, 0x2F08 },  /* 人 */
  { 0x5165, 0x2F0A },  /* 入 */
  { 0x516B, 0x2F0B },  /* 八 */
  { 0x529B, 0x2F12 },  /* 力 */
  { 0x5341, 0x2F17 },  /* 十 */
  { 0x53E3, 0x2F1D },  /* 口 */
  { 0x5927, 0x2F24 },  /* 大 */
  { 0x5B50, 0x2F26 },  /* 子 */
  { 0x5DE5, 0x2F2F },  /* 工 */
  { 0x5FC3, 0x2F3C },  /* 心 */
  { 0x6587, 0x2F42 },  /* 文 */
  { 0x65B9, 0x2F45 },  /* 方 */
  { 0x65E5, 0x2F47 },  /* 日 */
  { 0x6708, 0x2F49 },  /* 月 */
  { 0x6B62, 0x2F4C },  /* 止 */
  { 0x6C34, 0x2F54 },  /* 水 */
  { 0x7528, 0x2F64 },  /* 用 */
  { 0x76EE, 0x2F6C },  /* 目 */
  { 0x884C, 0x2F8F },  /* 行 */
};

static gunichar
kangxi_radical (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (kangxi); i++)
    if (kangxi[i].ideograph == c)
      return kangxi[i].radical;
  return c;
}

static GBytes *
v_kangxi (const Sample *s)
{
  return map_chars (s, kangxi_radical);
}

/* Lines of the text, without their "\n"; the last one may be empty. */
static char **
split_lines (const Sample *s)
{
  g_autofree char *copy = g_strndup (s->text, s->len);

  return g_strsplit (copy, "\n", -1);
}

static const char *
skip_blanks (const char *line)
{
  while (*line == ' ' || *line == '\t' || g_str_has_prefix (line, "\xE3\x80\x80"))
    line += *line == ' ' || *line == '\t' ? 1 : 3;
  return line;
}

/* The first line at or after @from that, without leading blanks, starts
 * with @prefix and is a heading (short); -1 when none. */
static int
find_heading (char       **lines,
              int          from,
              const char  *prefix,
              const char  *contains)
{
  for (int i = MAX (from, 0); lines[i]; i++)
    {
      const char *l = skip_blanks (lines[i]);

      if (g_utf8_strlen (l, -1) > 40)
        continue;
      if (prefix && !g_str_has_prefix (l, prefix))
        continue;
      if (contains && strstr (l, contains) == NULL)
        continue;
      return i;
    }
  return -1;
}

/* The lines of the tables: from section 二's heading to section 五's. */
static void
table_lines (const Sample  *s,
             char         **lines,
             int           *first,
             int           *end)
{
  *first = find_heading (lines, 0, NULL, "主动公开政府信息情况");
  g_assert_cmpint (*first, >=, 0);
  *end = find_heading (lines, *first, "五、", NULL);
  g_assert_cmpint (*end, >, *first);
}

/* The lines of section 三's table: between its heading and section 四's. */
static void
request_lines (const Sample  *s,
               char         **lines,
               int           *first,
               int           *end)
{
  *first = find_heading (lines, 0, NULL, "收到和处理政府信息公开申请情况");
  g_assert_cmpint (*first, >=, 0);
  *end = find_heading (lines, *first, "四、政府信息公开", NULL);
  g_assert_cmpint (*end, >, *first);
}

static GBytes *
join_lines (char **lines)
{
  g_autofree char *joined = g_strjoinv ("\n", lines);
  gsize len = strlen (joined);

  return g_bytes_new_take (g_steal_pointer (&joined), len);
}

static GBytes *
v_ideographic_spaces (const Sample *s)
{
  g_auto(GStrv) lines = split_lines (s);
  int first, end;

  table_lines (s, lines, &first, &end);
  for (int i = first + 1; i < end; i++)
    {
      GString *l = g_string_new (lines[i]);

      g_string_replace (l, " ", "\xE3\x80\x80", 0);
      g_free (lines[i]);
      lines[i] = g_string_free (l, FALSE);
    }
  return join_lines (lines);
}

static gboolean
is_label (const char *field)
{
  gboolean text = FALSE;

  for (const char *p = field; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_isdigit (c) && c != '.')
        text = TRUE;
    }
  return text;
}

/* One field with a "\n" in its middle when it is a label of more than 8
 * characters. */
static void
append_field (GString    *out,
              const char *field)
{
  glong n = g_utf8_strlen (field, -1);

  if (n > 8 && is_label (field))
    {
      const char *mid = g_utf8_offset_to_pointer (field, n / 2);

      g_string_append_len (out, field, mid - field);
      g_string_append_c (out, '\n');
      g_string_append (out, mid);
    }
  else
    g_string_append (out, field);
}

static GBytes *
v_split_labels (const Sample *s)
{
  g_auto(GStrv) lines = split_lines (s);
  int first, end;

  request_lines (s, lines, &first, &end);
  for (int i = first + 1; i < end; i++)
    {
      const char *sep = strchr (lines[i], '\t') ? "\t" : " ";
      g_auto(GStrv) fields = g_strsplit (lines[i], sep, -1);
      GString *l = g_string_new (NULL);

      for (guint k = 0; fields[k]; k++)
        {
          if (k)
            g_string_append (l, sep);
          append_field (l, fields[k]);
        }
      g_free (lines[i]);
      lines[i] = g_string_free (l, FALSE);
    }
  return join_lines (lines);
}

/* Every space doubled, a space after every tab, a tab and a space at the
 * end of every line that has text. */
static GBytes *
v_extra_blanks (const Sample *s)
{
  g_auto(GStrv) lines = split_lines (s);

  for (guint i = 0; lines[i]; i++)
    {
      GString *l = g_string_new (lines[i]);

      g_string_replace (l, " ", "  ", 0);
      g_string_replace (l, "\t", "\t ", 0);
      if (*lines[i])
        g_string_append (l, "\t \t");
      g_free (lines[i]);
      lines[i] = g_string_free (l, FALSE);
    }
  return join_lines (lines);
}

/* A blank between cells: space, tab, line end, U+00A0 or U+3000; its length, or 0 */
static gsize
blank_len (const char *p,
           const char *end)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    return 1;
  if (p + 1 < end && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (p + 2 < end && memcmp (p, "\xE3\x80\x80", 3) == 0)
    return 3;
  return 0;
}

static gboolean
is_whole_number (const char *p,
                 const char *end)
{
  if (p == end)
    return FALSE;
  for (; p < end; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Tables 三 and 四 as some web pages copy them: the numbers of each row
 * written without separators and glued to the row's label
 * ("一、本年新收政府信息公开申请数量230000023"). Only for samples whose rows
 * hold all their values: a row with a gap run together is another puzzle. */
static GBytes *
v_run_together (const Sample *s)
{
  g_auto(GStrv) lines = split_lines (s);
  GString *out = g_string_sized_new (s->len);
  const char *text = s->text, *end = text + s->len, *from, *to, *p, *prev_end = NULL;
  gboolean prev_number = FALSE;
  int first, last;

  if (!s->complete)
    return g_bytes_new (s->text, s->len);
  first = find_heading (lines, 0, NULL, "收到和处理政府信息公开申请情况");
  last = find_heading (lines, first, "五、", NULL);
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (last, >, first);

  /* byte offsets of those lines */
  from = text;
  for (int i = 0; i < first; i++)
    from += strlen (lines[i]) + 1;
  to = from;
  for (int i = first; i < last; i++)
    to += strlen (lines[i]) + 1;

  g_string_append_len (out, text, from - text);
  p = from;
  while (p < to)
    {
      const char *cs = p, *ce, *gap = p;
      gboolean number;

      while (p < to && blank_len (p, to))
        p += blank_len (p, to);
      if (p >= to)
        {
          g_string_append_len (out, gap, p - gap);
          break;
        }
      cs = p;
      while (p < to && !blank_len (p, to))
        p = g_utf8_next_char (p);
      ce = p;
      number = is_whole_number (cs, ce);

      /* the next chunk: is this number one of a run of numbers? */
      {
        const char *q = ce, *ns;

        while (q < to && blank_len (q, to))
          q += blank_len (q, to);
        ns = q;
        while (q < to && !blank_len (q, to))
          q = g_utf8_next_char (q);
        if (number && (prev_number || is_whole_number (ns, q)))
          {
            /* glued: drop the blanks before it, unless the label before
             * ends in something a reader would not take for a label's end */
            gunichar before = prev_end ? g_utf8_get_char (g_utf8_find_prev_char (text, prev_end)) : 0;

            if (!prev_number && !(before >= 0x3000))
              g_string_append_len (out, gap, cs - gap);
          }
        else
          g_string_append_len (out, gap, cs - gap);
      }
      g_string_append_len (out, cs, ce - cs);
      prev_number = number;
      prev_end = ce;
    }
  g_string_append_len (out, to, end - to);
  return string_to_bytes (out);
}

typedef struct
{
  const char  *name;
  MakeVariant  make;
} Variant;

static const Variant variants[] = {
  { "gb18030",           v_gb18030 },
  { "utf16le-bom",       v_utf16le },
  { "utf16be-bom",       v_utf16be },
  { "utf8-bom",          v_utf8_bom },
  { "crlf",              v_crlf },
  { "cr",                v_cr },
  { "fullwidth-digits",  v_fullwidth_digits },
  { "kangxi-radicals",   v_kangxi },
  { "tabs-to-spaces",    v_tabs_to_spaces },
  { "tabs-to-lines",     v_tabs_to_lines },
  { "ideographic-spaces", v_ideographic_spaces },
  { "split-labels",      v_split_labels },
  { "extra-blanks",      v_extra_blanks },
  { "run-together",      v_run_together },
};

/* ------------------------------------------------------------------ */
/* Tests                                                               */

typedef struct
{
  Sample        *sample;
  const Variant *variant;  /* NULL: the original */
} Case;

static void
test_original (gconstpointer data)
{
  const Case *c = data;
  Sample *s = c->sample;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_new_from_bytes ((const guint8 *) s->text, s->len, s->file, &error);
  g_autofree char *spans = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  if (report == NULL)
    return;
  g_assert_cmpint (nb_report_get_edition (report), ==, s->template);
  g_assert_cmpstr (s->error_rules, ==, s->errors);

  spans = check_spans (report);
  g_assert_cmpstr (spans, ==, "");
}

static void
test_variant (gconstpointer data)
{
  const Case *c = data;
  Sample *s = c->sample;
  g_autoptr(GBytes) bytes = c->variant->make (s);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) origins = g_string_new (NULL);
  g_autofree char *errors = NULL, *spans = NULL;
  gsize len;
  const guint8 *data_ = g_bytes_get_data (bytes, &len);

  /* NB_VARIANTS_DUMP=DIR keeps the variants there, to look at a failing one */
  if (g_getenv ("NB_VARIANTS_DUMP"))
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.txt", s->name, c->variant->name);
      g_autofree char *path = g_build_filename (g_getenv ("NB_VARIANTS_DUMP"), file, NULL);

      g_file_set_contents (path, (const char *) data_, len, NULL);
    }

  if (len == s->len && memcmp (data_, s->text, len) == 0)
    {
      g_test_skip ("the sample has nothing this variant changes");
      return;
    }

  report = nb_report_new_from_bytes (data_, len, s->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  if (report == NULL)
    return;

  g_assert_cmpint (nb_report_get_edition (report), ==, s->edition);
  g_assert_cmpuint (nb_report_get_n_cells (report), ==, s->n_cells);
  if (g_test_failed ())
    return;

  for (guint i = 0; i < s->n_cells; i++)
    {
      double v = 0;
      gboolean has = nb_report_get_value (report, i, &v);
      NbOrigin origin = nb_report_get_origin (report, i);

      if (has != s->has[i] || (has && v != s->values[i]))
        {
          g_autofree char *want = s->has[i] ? g_strdup_printf ("%g", s->values[i]) : g_strdup ("none");
          g_autofree char *got = has ? g_strdup_printf ("%g", v) : g_strdup ("none");

          g_string_append_printf (values, "%s: %s, not %s; ", cell_id (s->edition, i), got, want);
        }
      if (origin != s->origins[i])
        g_string_append_printf (origins, "%s: %s, not %s; ", cell_id (s->edition, i),
                                nb_origin_to_string (origin), nb_origin_to_string (s->origins[i]));
    }

  /* the lists name every cell that differs: read them in the log */
  g_assert_cmpstr (values->str, ==, "");
  g_assert_cmpstr (origins->str, ==, "");

  errors = error_rules (report);
  g_assert_cmpstr (errors, ==, s->error_rules);

  spans = check_spans (report);
  g_assert_cmpstr (spans, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* a failed check fails its case and the run goes on to the next case */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      Sample *s = &samples[i];
      Case *c;
      g_autofree char *path = NULL;

      load_sample (s);

      c = g_new0 (Case, 1);
      c->sample = s;
      g_ptr_array_add (cases, c);
      path = g_strdup_printf ("/core/variants/%s/original", s->name);
      g_test_add_data_func (path, c, test_original);

      for (guint k = 0; k < G_N_ELEMENTS (variants); k++)
        {
          g_autofree char *vpath = g_strdup_printf ("/core/variants/%s/%s", s->name, variants[k].name);

          c = g_new0 (Case, 1);
          c->sample = s;
          c->variant = &variants[k];
          g_ptr_array_add (cases, c);
          g_test_add_data_func (vpath, c, test_variant);
        }
    }

  ret = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_free (samples[i].text);
      g_free (samples[i].has);
      g_free (samples[i].values);
      g_free (samples[i].origins);
      g_free (samples[i].error_rules);
    }
  return ret;
}
