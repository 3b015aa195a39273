/* nb-parser.c — finding the sections and reading the tables of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser works on the normalised text (NFKC), as a stream of tokens:
 * label text and numbers. It does not trust line or tab positions: real
 * reports come with cells separated by tabs, by spaces, one a line, with
 * labels wrapped and cells dropped. A row is recognised by the meaning of
 * its label (key phrases, the latest one wins), and the numbers after it
 * are its values. Rows with too few values are placed, and their missing
 * cells filled, only where the table's equations allow exactly one answer.
 *
 * Tabs are trusted in one way only: an empty field between tabs, on a line
 * holding numbers, is a blank cell (web pages, Word tables and spreadsheets
 * leave zeros blank). It is used only when the row's fields then number
 * exactly the row's cells, since tables laid out on their grid also pad
 * merged cells with empty fields.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-report-private.h"
#include "nb-schema.h"
#include "parse/nb-placement.h"
#include "template/nb-template.h"

#define MAX_COMBINATIONS 20000  /* placements of section 四's values weighed at most */
#define MAX_SEARCH_NODES 20000  /* partial placements of ambiguous rows weighed by their bounds */
#define MAX_SEARCH_LEAVES 2000  /* whole placements propagated */
#define MAX_EXTRA_SPANS 64      /* spans a cell.extra finding lists */

typedef enum
{
  TOK_LABEL,
  TOK_NUMBER,
  TOK_PLACEHOLDER,  /* "/", "—", "无": a cell that holds no number */
} TokKind;

typedef struct
{
  TokKind kind;
  guint   start;   /* normalised positions */
  guint   end;
  double  value;
  guint   is_integer : 1;
  guint   negative : 1;
  guint   unit : 2;  /* 0 none, 1 元, 2 万元 */
  guint   plain : 1;      /* digits only: no sign, separator, decimals or unit */
  guint   lead_zero : 1;  /* plain, more than one digit, starting with 0 */
  guint   too_long : 1;   /* plain but too long to be one number: only cells run together */
  guint   empty_field : 1;  /* PLACEHOLDER: an empty field between tabs; no text, no span */
  guint   lead : 1;         /* empty_field between a row's label and its first value */
  guint   trail : 1;        /* empty_field after a line's last value */
  guint8  n_digits;
} Token;

#define MAX_DIGITS 15      /* the longest number a cell holds */
#define MAX_RUN_DIGITS 96  /* the longest run of digits read as cells written together */

typedef struct
{
  NbReport       *report;
  const gunichar *norm;
  guint           n_norm;
  guint           heading[NB_N_SECTIONS];  /* normalised position of each heading, or G_MAXUINT */
  guint           heading_end[NB_N_SECTIONS];
} Parser;

/* ------------------------------------------------------------------ */
/* Characters and tokens                                               */

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_cjk (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Parses norm[start, end) as a number: [-]digits[,ddd]*[.digits][元|万元].
 * Returns the end of the numeric part, or 0 when it is not a number. A run
 * of digits too long for one number is a number token marked too_long (its
 * value 0): it can only be cells whose separators were lost. */
static guint
scan_number (const gunichar *s,
             guint           start,
             guint           end,
             Token          *tok)
{
  guint i = start;
  gboolean neg = FALSE, dot = FALSE;
  guint digits = 0, group = 0;
  gboolean commas = FALSE;
  double value = 0, scale = 0.1;
  guint num_end;

  if (i < end && (s[i] == '-' || s[i] == 0x2212 || s[i] == 0x2014 || s[i] == 0x2013) && i + 1 < end &&
      is_digit (s[i + 1]))
    {
      neg = TRUE;
      i++;
    }
  if (i < end && s[i] == '+' && i + 1 < end && is_digit (s[i + 1]))
    i++;
  for (; i < end; i++)
    {
      gunichar c = s[i];

      if (is_digit (c))
        {
          if (!dot)
            value = value * 10 + (c - '0');
          else
            {
              value += (c - '0') * scale;
              scale /= 10;
            }
          digits++;
          group++;
        }
      else if (c == ',' && !dot && digits > 0 && i + 3 < end + 1 &&
               i + 3 <= end && is_digit (s[i + 1]) && i + 3 < end + 1 &&
               (commas ? group == 3 : group <= 3) &&
               is_digit (s[MIN (i + 2, end - 1)]) && is_digit (s[MIN (i + 3, end - 1)]) &&
               (i + 4 >= end || !is_digit (s[i + 4])))
        {
          commas = TRUE;
          group = 0;
        }
      else if (c == '.' && !dot && digits > 0 && i + 1 < end && is_digit (s[i + 1]))
        dot = TRUE;
      else
        break;
    }
  if (digits == 0 || digits > MAX_RUN_DIGITS)
    return 0;
  num_end = i;
  tok->plain = !neg && !dot && !commas && num_end - start == digits;
  tok->lead_zero = tok->plain && digits > 1 && s[start] == '0';
  tok->too_long = digits > MAX_DIGITS;
  tok->n_digits = digits;
  if (tok->too_long && !tok->plain)
    return 0;
  if (tok->too_long)
    value = 0;

  tok->unit = 0;
  if (i < end)
    {
      if (i + 2 == end && s[i] == 0x4E07 && s[i + 1] == 0x5143)  /* 万元 */
        tok->unit = 2;
      else if (i + 1 == end && s[i] == 0x5143)                    /* 元 */
        tok->unit = 1;
      else if (i + 1 == end && s[i] == '%')
        ;
      else
        return 0;
    }
  if (i < end && tok->too_long)
    return 0;
  if (i < end)
    tok->plain = tok->lead_zero = FALSE;

  tok->kind = TOK_NUMBER;
  tok->value = neg ? -value : value;
  tok->negative = neg;
  tok->is_integer = !dot;
  return num_end;
}

static gboolean
is_placeholder_chunk (const gunichar *s,
                      guint           start,
                      guint           end)
{
  static const gunichar singles[] = { '/', '-', 0x2014, 0x2015, 0x2013, 0x2212, 0x65E0, '\\', '*', 'x', 'X', 0xFF0F };

  if (end - start == 2 && s[start] == 0x2014 && s[start + 1] == 0x2014)
    return TRUE;
  if (end - start != 1)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    if (s[start] == singles[i])
      return TRUE;
  return FALSE;
}

/* A character a label can end with, just before digits glued to it */
static gboolean
ends_label (gunichar c)
{
  return (is_cjk (c) && c != 0x7B2C /* 第 */) || c == ')' || c == 0x3011 || c == 0x201D ||
         c == 0x2019 || c == 0x300D || c == 0x300F || c == ':';
}

/* What may follow a cell's digits glued inside a chunk: the next row's
 * numbering, "(六)…" or "二、…". Digits followed by "." or "、" are
 * numbering themselves, by other characters a date or a unit. */
static gboolean
starts_row_label (const gunichar *s,
                  guint           i,
                  guint           end)
{
  static const gunichar numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
  guint j = i;

  if (s[i] == '(')
    return TRUE;
  while (j < end)
    {
      gboolean numeral = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (numerals); k++)
        numeral |= s[j] == numerals[k];
      if (!numeral)
        break;
      j++;
    }
  return j > i && j < end && s[j] == 0x3001;
}

/* Splits a chunk in which labels and numbers are written together
 * ("数量230000023", "秘密0000000(六)其他处理0000000") into LABEL and NUMBER
 * tokens. FALSE when the chunk holds no such number. */
static gboolean
split_glued (Parser *p,
             guint   cs,
             guint   ce,
             GArray *tokens)
{
  const gunichar *s = p->norm;
  guint seg = cs, i = cs + 1;
  gboolean any = FALSE;

  while (i < ce)
    {
      guint ds = i, de, next;
      Token tok = { 0 };

      if (!is_digit (s[i]) || !ends_label (s[i - 1]))
        {
          i++;
          continue;
        }
      de = ds;
      while (de < ce && (is_digit (s[de]) || (s[de] == '.' && de + 1 < ce && is_digit (s[de + 1]))))
        de++;
      if ((next = scan_number (s, ds, ce, &tok)) != 0)
        de = next, next = ce;  /* the number ends the chunk, a unit after it belongs to it */
      else if (de < ce && starts_row_label (s, de, ce) && scan_number (s, ds, de, &tok) == de)
        next = de;             /* the next row's label follows */
      else
        {
          i = de;
          continue;
        }

      if (ds > seg)
        {
          Token label = { TOK_LABEL, seg, ds };

          g_array_append_val (tokens, label);
        }
      tok.start = ds;
      tok.end = de;
      g_array_append_val (tokens, tok);
      any = TRUE;
      seg = i = next;
    }
  if (!any)
    return FALSE;
  if (seg < ce)
    {
      Token label = { TOK_LABEL, seg, ce };

      g_array_append_val (tokens, label);
    }
  return TRUE;
}

/* Inserts @n empty fields at @index of @tokens, at @pos of the text: none when they
 * are more than any row has cells, a run of tabs that is layout, not blank cells. */
static void
insert_empty_fields (GArray   *tokens,
                     guint     index,
                     guint     n,
                     guint     pos,
                     gboolean  lead,
                     gboolean  trail)
{
  Token empty = { TOK_PLACEHOLDER, pos, pos };

  if (n > NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS)
    return;

  empty.empty_field = TRUE;
  empty.lead = lead;
  empty.trail = trail;
  for (guint k = 0; k < n; k++)
    g_array_insert_val (tokens, index, empty);
}

/* Tokenises norm[start, end). Chunks are runs of non-space characters; a
 * chunk that is a number is a NUMBER; one in which digits are glued to a
 * label ("数量230000023", "行政许可447228") is split into LABELs and NUMBERs.
 * With placeholders, empty fields between tabs on a line that holds values
 * are PLACEHOLDERs too (see drop_loose_empty_fields()). */
static GArray *
tokenize (Parser *p,
          guint   start,
          guint   end,
          gboolean with_placeholders)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const gunichar *s = p->norm;
  guint i = start;
  gboolean on_line = FALSE;     /* a chunk since the line began */
  gboolean after_value = FALSE; /* the line's last chunk was a value */

  while (i < end)
    {
      guint cs, ce, ne, before;
      guint tabs = 0, tab_pos = 0;
      Token tok = { 0 };

      while (i < end && is_space (s[i]))
        {
          if (s[i] == '\n')
            {
              /* blank cells closing the line: k tabs after its last value */
              if (with_placeholders && after_value && tabs > 0)
                insert_empty_fields (tokens, tokens->len, tabs, tab_pos, FALSE, TRUE);
              tabs = 0;
              on_line = after_value = FALSE;
            }
          else if (s[i] == '\t' && tabs++ == 0)
            tab_pos = i;
          i++;
        }
      if (i >= end)
        break;
      before = tokens->len;
      cs = i;
      while (i < end && !is_space (s[i]))
        i++;
      ce = i;

      if ((ne = scan_number (s, cs, ce, &tok)) != 0)
        {
          tok.start = cs;
          tok.end = ne;
          g_array_append_val (tokens, tok);
        }
      else if (with_placeholders && is_placeholder_chunk (s, cs, ce))
        {
          tok.kind = TOK_PLACEHOLDER;
          tok.start = cs;
          tok.end = ce;
          g_array_append_val (tokens, tok);
        }
      else if (!split_glued (p, cs, ce, tokens))
        {
          tok.kind = TOK_LABEL;
          tok.start = cs;
          tok.end = ce;
          g_array_append_val (tokens, tok);
        }

      /* blank cells before this one: k tabs between two chunks of a line make k - 1,
       * kept only before a value (a header's padding is nobody's cells) */
      if (with_placeholders && on_line && tabs > 1 &&
          g_array_index (tokens, Token, before).kind != TOK_LABEL)
        insert_empty_fields (tokens, before, tabs - 1, tab_pos + 1, !after_value, FALSE);
      on_line = TRUE;
      after_value = g_array_index (tokens, Token, tokens->len - 1).kind != TOK_LABEL;
    }

  return tokens;
}

/* Keeps a row's empty fields only where they make its fields exactly its cells,
 * else drops them all. With @edges, all of them count; without, only those
 * between two values: in plain text a tab may close every line, and a label
 * merged over columns may be padded with empty fields before the first value.
 * See row_is_padded(). */
static void
drop_loose_empty_fields (GArray   *vals,
                         guint     n_cells,
                         gboolean  edges)
{
  guint n = 0, kept = 0;

  for (guint k = 0; k < vals->len; k++)
    {
      const Token *t = &g_array_index (vals, Token, k);

      if (!t->empty_field || edges || !(t->lead || t->trail))
        n++;
    }
  /* in one pass: a hostile row may hold millions of them */
  for (guint k = 0; k < vals->len; k++)
    {
      const Token *t = &g_array_index (vals, Token, k);

      if (!(t->empty_field && (n != n_cells || (!edges && (t->lead || t->trail)))))
        g_array_index (vals, Token, kept++) = *t;
    }
  g_array_set_size (vals, kept);
}

/* Whether the row holds more fields than cells once its empty fields count: then its
 * table pads merged cells, or closes its lines with tabs, and only the empty fields
 * between two values are blank cells. The readers of web pages and Word documents write
 * one field a cell, but a document made from such text keeps its padding as cells. */
static gboolean
row_is_padded (GArray *vals,
               guint   n_cells)
{
  return vals->len > n_cells;
}

/* Appends norm[start, end) without its blanks, as UTF-8 (a hot path: the
 * labels of every table go through here) */
static void
append_norm (GString        *out,
             const gunichar *s,
             guint           start,
             guint           end)
{
  char buf[256];
  guint n = 0;

  for (guint i = start; i < end; i++)
    {
      gunichar c = s[i];

      if (is_space (c))
        continue;
      if (n + 4 > sizeof buf)
        {
          g_string_append_len (out, buf, n);
          n = 0;
        }
      if (c < 0x80)
        buf[n++] = c;
      else if (c >= 0x800 && c < 0x10000 && (c < 0xD800 || c > 0xDFFF))
        {
          buf[n++] = 0xE0 | (c >> 12);
          buf[n++] = 0x80 | ((c >> 6) & 0x3F);
          buf[n++] = 0x80 | (c & 0x3F);
        }
      else
        n += g_unichar_to_utf8 (c, buf + n);
    }
  g_string_append_len (out, buf, n);
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

/* The sections are the same in every edition: they are found before the
 * edition is known (the generator checks that the descriptions agree). */
static const NbTemplateSection *
template_section (guint section)
{
  return &nb_template_get (NB_EDITION_2021)->sections[section];
}

static gboolean
line_is_heading (const char *line,
                 guint       section,
                 gboolean    numbered_only)
{
  const NbTemplateSection *k = template_section (section);
  gboolean hit = FALSE;
  glong len = g_utf8_strlen (line, -1);
  gunichar first = g_utf8_get_char (line);

  if (len == 0 || len > 45)
    return FALSE;
  for (guint i = 0; i < k->n_keys; i++)
    if (strstr (line, k->keys[i]))
      hit = TRUE;
  if (!hit || (k->also && !strstr (line, k->also)))
    return FALSE;

  /* A numbered heading: "三、…", "三.…", "(三)…" is a sub-heading, not a section */
  if (first == k->numeral)
    {
      const char *next = g_utf8_next_char (line);
      gunichar c = g_utf8_get_char (next);

      return c == 0x3001 || c == '.' || c == ',' || c == ' ' || c == ':' || is_cjk (c);
    }
  if (numbered_only)
    return FALSE;
  /* unnumbered: the line must be little more than the heading itself */
  return !numbered_only && len <= 22 && first != '(' && !g_unichar_isdigit (first);
}

static guint
count_visible (const gunichar *s,
               guint           a,
               guint           b)
{
  guint n = 0;

  for (guint i = a; i < b; i++)
    n += !is_space (s[i]);
  return n;
}

static gboolean
line_numeral (gunichar c)
{
  for (guint k = 0; k < NB_N_SECTIONS; k++)
    if (c == template_section (k)->numeral)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint  start;  /* normalised positions of the line, blanks trimmed */
  guint  end;
  char  *text;   /* without blanks, UTF-8 */
} ShortLine;

/* The headings are short lines: each line that could be one is made a
 * string once, and the six sections are looked for among them in order. */
static void
find_sections (Parser *p)
{
  const gunichar *s = p->norm;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (ShortLine));
  g_autoptr(GString) buf = g_string_new (NULL);
  guint from = 0;

  for (guint pos = 0; pos < p->n_norm;)
    {
      guint ls = pos, le = pos, a, b;

      while (le < p->n_norm && s[le] != '\n')
        le++;
      pos = le + 1;
      a = ls;
      b = le;
      while (a < b && is_space (s[a]))
        a++;
      while (b > a && is_space (s[b - 1]))
        b--;
      if (a == b || b - a > 60)
        continue;
      /* a heading is numbered (一、…六、) or short and not a row "(一)…", "1.…" */
      if (!(s[a] >= 0x4E00 && line_numeral (s[a])) && (s[a] == '(' || is_digit (s[a]) || count_visible (s, a, b) > 22))
        continue;
      g_string_truncate (buf, 0);
      append_norm (buf, s, a, b);
      g_array_append_val (lines, ((ShortLine) { a, b, g_strdup (buf->str) }));
    }

  for (guint k = 0; k < NB_N_SECTIONS; k++)
    {
      p->heading[k] = p->heading_end[k] = G_MAXUINT;
      for (guint i = from; i < lines->len; i++)
        {
          const ShortLine *l = &g_array_index (lines, ShortLine, i);

          if (line_is_heading (l->text, k, FALSE))
            {
              p->heading[k] = l->start;
              p->heading_end[k] = l->end;
              from = i + 1;
              break;
            }
        }
    }

  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, ShortLine, i).text);
}

/* The end of the region that starts with section k: the next found heading. */
static guint
section_end (Parser *p,
             guint   k)
{
  for (guint j = k + 1; j < NB_N_SECTIONS; j++)
    if (p->heading[j] != G_MAXUINT && p->heading[j] > p->heading[k])
      return p->heading[j];
  return p->n_norm;
}

static guint
find_text (Parser     *p,
           const char *needle,
           guint       from,
           guint       to)
{
  g_autofree gunichar *n = g_utf8_to_ucs4_fast (needle, -1, NULL);
  guint len = 0;

  while (n[len])
    len++;
  if (len == 0)
    return G_MAXUINT;
  for (guint i = from; i + len <= to && i + len <= p->n_norm; i++)
    if (p->norm[i] == n[0] && memcmp (p->norm + i, n, len * sizeof (gunichar)) == 0)
      return i;
  return G_MAXUINT;
}

static guint
line_start (Parser *p,
            guint   pos)
{
  while (pos > 0 && p->norm[pos - 1] != '\n')
    pos--;
  return pos;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static void
set_source (Parser      *p,
            int          cell,
            const Token *tok)
{
  NbCell *c;

  if (cell < 0)
    return;
  c = &p->report->cells[cell];
  c->was_present = TRUE;
  if (tok->kind == TOK_PLACEHOLDER || tok->too_long)
    {
      c->has_value = FALSE;
      c->origin = NB_ORIGIN_MISSING;
      c->span = tok->empty_field ? NB_SPAN_NONE : nb_report_norm_span (p->report, tok->start, tok->end);
      return;
    }
  c->value = tok->value;
  c->has_value = TRUE;
  c->origin = NB_ORIGIN_SOURCE;
  c->span = nb_report_norm_span (p->report, tok->start, tok->end);
}

/* A cell of a row found in the text, with no value (yet) */
static void
mark_present_missing (NbCell *c)
{
  c->was_present = TRUE;
  c->has_value = FALSE;
  c->origin = NB_ORIGIN_MISSING;
  c->span = NB_SPAN_NONE;
}

static void
note_extra (Parser      *p,
            int          first_cell,
            const char  *what_zh,
            const char  *what_en,
            guint        n_values,
            guint        n_columns,
            const Token *extra,
            guint        n_extra)
{
  g_autofree char *zh = g_strdup_printf ("%s 有 %u 个数值，但表格只有 %u 列；多出的数值未采用。",
                                         what_zh, n_values, n_columns);
  g_autofree char *en = g_strdup_printf ("%s holds %u values but the table has %u columns; "
                                         "the extra values were not used.",
                                         what_en, n_values, n_columns);
  NbFinding *f = nb_report_add_parse_finding (p->report, "cell.extra", NB_SEVERITY_WARNING, zh, en);

  if (first_cell >= 0)
    nb_finding_add_cell (f, first_cell);
  /* the first of them: a hostile row may hold millions */
  for (guint i = 0; i < MIN (n_extra, MAX_EXTRA_SPANS); i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, extra[i].start, extra[i].end));
}

static void
note_missing_row (Parser     *p,
                  const char *label_zh,
                  const char *label_en,
                  int         first_cell,
                  guint       n_cells)
{
  g_autofree char *zh = g_strdup_printf ("模板中的“%s”一行在报告中没有找到。", label_zh);
  g_autofree char *en = g_strdup_printf ("The template row “%s” (%s) was not found in the report.",
                                         label_zh, label_en);
  NbFinding *f = nb_report_add_parse_finding (p->report, "template.missing_row",
                                              NB_SEVERITY_ERROR, zh, en);

  for (guint i = 0; i < n_cells && first_cell >= 0; i++)
    nb_finding_add_cell (f, first_cell + i);
}

/* ------------------------------------------------------------------ */
/* Row labels                                                          */

#define MAX_ROW_KEYS 128  /* the keys of all rows of section 三 in one edition */

/* The keys of one edition's rows, in the description's order, each with what
 * finding it in a label fast takes */
typedef struct
{
  guint                n;
  const NbTemplateKey *key[MAX_ROW_KEYS];
  int                  row[MAX_ROW_KEYS];
  gsize                len[MAX_ROW_KEYS];
  gunichar             first[MAX_ROW_KEYS];
  guint64              first_chars[4];  /* bit c % 256 for the first character c of each key */
} RowKeys;

static const RowKeys *
get_row_keys (NbEdition edition)
{
  static RowKeys keys[NB_N_EDITIONS];
  static gsize init;

  if (g_once_init_enter (&init))
    {
      for (guint e = 0; e < NB_N_EDITIONS; e++)
        {
          const NbTemplate *tpl = nb_template_get (e);
          RowKeys *rk = &keys[e];

          for (guint r = 0; r < tpl->n_rows; r++)
            for (guint k = 0; k < tpl->rows[r].n_keys && rk->n < MAX_ROW_KEYS; k++)
              {
                const NbTemplateKey *key = &tpl->rows[r].keys[k];
                guint i = rk->n++;

                rk->key[i] = key;
                rk->row[i] = r;
                rk->len[i] = strlen (key->text);
                rk->first[i] = g_utf8_get_char (key->text);
                rk->first_chars[(rk->first[i] % 256) / 64] |= G_GUINT64_CONSTANT (1) << (rk->first[i] % 64);
              }
        }
      g_once_init_leave (&init, 1);
    }
  return &keys[edition];
}

/* Trailing characters that do not count when a key must end the label */
static gsize
trimmed_length (const char *label,
                gsize       len)
{
  while (len > 0)
    {
      const char *prev = g_utf8_find_prev_char (label, label + len);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char (prev);
      if (c == ')' || c == ':' || c == 0x3002 || c == ',' || c == 0x3001 || c == '.')
        len = prev - label;
      else
        break;
    }
  return len;
}

static const char *
last_occurrence (const char *haystack,
                 const char *needle)
{
  const char *found = NULL, *p = haystack;

  while ((p = strstr (p, needle)) != NULL)
    {
      found = p;
      p += 1;
    }
  return found;
}

static int
classify_request_row (NbEdition   edition,
                      const char *label,
                      const gboolean *found)
{
  gsize len = strlen (label);
  gsize tlen = trimmed_length (label, len);
  int best_row = -1;
  gssize best_end = -1;
  gsize best_keylen = 0;
  const RowKeys *rk = get_row_keys (edition);
  gssize last_end[MAX_ROW_KEYS];

  /* where each key last ends in the label, in one pass over it */
  for (guint i = 0; i < rk->n; i++)
    last_end[i] = -1;
  for (const char *q = label; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (!(rk->first_chars[(c % 256) / 64] & (G_GUINT64_CONSTANT (1) << (c % 64))))
        continue;
      for (guint i = 0; i < rk->n; i++)
        if (rk->first[i] == c && !rk->key[i]->at_end && strncmp (q, rk->key[i]->text, rk->len[i]) == 0)
          last_end[i] = (q - label) + rk->len[i];
    }

  for (guint pass = 0; pass < 2 && best_row < 0; pass++)
    for (guint i = 0; i < rk->n; i++)
      {
        const NbTemplateKey *k = rk->key[i];
        int row = rk->row[i];
        gsize klen = rk->len[i];
        gssize end;

        if (pass == 0 && found[row])
          continue;  /* first pass: rows not yet seen */
        if (k->at_end)
          {
            if (tlen < klen || memcmp (label + tlen - klen, k->text, klen) != 0)
              continue;
            end = tlen;
          }
        else if ((end = last_end[i]) < 0)
          continue;
        if (end > best_end || (end == best_end && klen > best_keylen))
          {
            best_end = end;
            best_keylen = klen;
            best_row = row;
          }
      }
  return best_row;
}

/* ------------------------------------------------------------------ */
/* Cells written without separators                                    */

#define MAX_SPLITS 64           /* splits kept; more make a row ambiguous anyway */
#define MAX_SPLIT_STEPS 50000   /* bound on the search, whatever the input */
#define MAX_CELL_DIGITS 7       /* no count in these tables has more digits */
#define MAX_SPLIT_CELLS 15

/* Cells whose separators were lost ("230000023" for 23 0 0 0 0 0 23) are
 * split by the table's equations: each group of cells adds up to its last
 * cell. The search goes cell by cell; a group's total is not chosen but
 * read: it must be the decimal digits of the sum of the parts before it,
 * which prunes almost every wrong split at once. */
typedef struct
{
  const gunichar *norm;
  const Token    *vals;
  guint           n_vals;
  guint           min_run;
  guint           n_cells;
  guint           group;
  Token           cur[MAX_SPLIT_CELLS];
  GArray         *out;     /* Token, n_cells per split */
  guint           n_found;
  guint           steps;
} Splitter;

static gboolean
is_run (const Token *t,
        guint        min_run)
{
  return t->kind == TOK_NUMBER && t->plain && (t->too_long || t->lead_zero || t->n_digits >= min_run);
}

static void
split_part (Splitter *sp,
            guint     ci,
            guint     start,
            guint     len,
            double    value)
{
  Token *t = &sp->cur[ci];

  memset (t, 0, sizeof *t);
  t->kind = TOK_NUMBER;
  t->start = start;
  t->end = start + len;
  t->value = value;
  t->is_integer = t->plain = TRUE;
  t->n_digits = len;
}

static guint
count_digits (double value)
{
  guint n = 1;

  for (guint64 v = (guint64) value; v >= 10; v /= 10)
    n++;
  return n;
}

static void
split_search (Splitter *sp,
              guint     vi,
              guint     off,
              guint     ci,
              double    sum)
{
  const Token *t;
  gboolean total;
  guint rem, min_cells = 0, max_cells = 0;

  if (sp->n_found > MAX_SPLITS || ++sp->steps > MAX_SPLIT_STEPS)
    return;
  if (ci == sp->n_cells || vi == sp->n_vals)
    {
      if (ci == sp->n_cells && vi == sp->n_vals)
        {
          if (sp->n_found < MAX_SPLITS)
            g_array_append_vals (sp->out, sp->cur, sp->n_cells);
          sp->n_found++;
        }
      return;
    }

  /* enough input left for the cells left, and not too much */
  for (guint i = vi; i < sp->n_vals; i++)
    {
      const Token *u = &sp->vals[i];
      guint digits = u->end - u->start - (i == vi ? off : 0);

      min_cells += is_run (u, sp->min_run) && (i != vi || off == 0) ? 2 : 1;
      max_cells += is_run (u, sp->min_run) ? digits : 1;
    }
  if (sp->n_cells - ci < min_cells || sp->n_cells - ci > max_cells)
    return;

  t = &sp->vals[vi];
  total = ci % sp->group == sp->group - 1;

  if (!is_run (t, sp->min_run))
    {
      if (total && t->value != sum)
        return;
      sp->cur[ci] = *t;
      split_search (sp, vi + 1, 0, ci + 1, total ? 0 : sum + t->value);
      return;
    }

  rem = t->end - t->start - off;
  if (total)
    {
      char digits[24];
      guint len = 0;

      /* the sum's decimal digits (parts have at most MAX_CELL_DIGITS, and
       * there are at most MAX_SPLIT_CELLS of them: it fits a guint64) */
      for (guint64 v = (guint64) sum; len == 0 || v > 0; v /= 10)
        digits[len++] = '0' + v % 10;
      for (guint k = 0; k < len / 2; k++)
        {
          char tmp = digits[k];

          digits[k] = digits[len - 1 - k];
          digits[len - 1 - k] = tmp;
        }

      if (len > rem || (off == 0 && len == rem))
        return;
      for (guint k = 0; k < len; k++)
        if (sp->norm[t->start + off + k] != (gunichar) digits[k])
          return;
      split_part (sp, ci, t->start + off, len, sum);
      if (len == rem)
        split_search (sp, vi + 1, 0, ci + 1, 0);
      else
        split_search (sp, vi, off + len, ci + 1, 0);
      return;
    }

  {
    double value = 0;
    /* the run holds every cell left of this group, its total among them */
    gboolean last_in_run = sp->n_cells - ci <= sp->group - ci % sp->group;

    for (guint len = 1; len <= MIN (rem - (off == 0 ? 1 : 0), MAX_CELL_DIGITS); len++)
      {
        gunichar c = sp->norm[t->start + off + len - 1];

        if (len > 1 && sp->norm[t->start + off] == '0')
          break;  /* only 0 itself begins with 0 */
        value = value * 10 + (c - '0');
        /* when the group's total is in this run, after the parts left, it
         * has at least the digits of the sum so far and at most one more
         * than a cell can have */
        if (vi == sp->n_vals - 1 && last_in_run)
          {
            guint left = rem - len, parts_left = sp->group - 2 - ci % sp->group;

            if (left < parts_left + count_digits (sum + value) ||
                left > parts_left * MAX_CELL_DIGITS + MAX_CELL_DIGITS + 1)
              continue;
          }
        split_part (sp, ci, t->start + off, len, value);
        if (len == rem)
          split_search (sp, vi + 1, 0, ci + 1, sum + value);
        else
          split_search (sp, vi, off + len, ci + 1, sum + value);
      }
  }
}

/* Whether vals hold cells written together; if so, every split of them
 * into n_cells cells that fits the groups' sums goes to out (n_cells tokens
 * each, at most MAX_SPLITS), and the number of splits is returned in
 * n_splits (more than MAX_SPLITS: too many to tell). */
static gboolean
split_runs (Parser      *p,
            const Token *vals,
            guint        n_vals,
            guint        min_run,
            guint        n_cells,
            guint        group,
            GArray      *out,
            guint       *n_splits)
{
  Splitter sp = { p->norm, vals, n_vals, min_run, n_cells, group };
  gboolean any_run = FALSE;

  g_return_val_if_fail (n_cells <= MAX_SPLIT_CELLS, FALSE);

  if (n_vals == 0 || n_vals >= n_cells || group == 0)
    return FALSE;
  for (guint i = 0; i < n_vals; i++)
    {
      if (vals[i].kind != TOK_NUMBER || !vals[i].plain)
        return FALSE;
      any_run |= is_run (&vals[i], min_run);
    }
  if (!any_run)
    return FALSE;

  sp.out = out;
  split_search (&sp, 0, 0, 0, 0);
  *n_splits = sp.steps > MAX_SPLIT_STEPS ? MAX_SPLITS + 1 : sp.n_found;
  return TRUE;
}

static char *
runs_text (Parser      *p,
           const Token *vals,
           guint        n_vals)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_vals; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_norm (out, p->norm, vals[i].start, vals[i].end);
    }
  return g_string_free (out, FALSE);
}

/* cell.unseparated (one split) or cell.ambiguous (none or several) */
static void
note_split (Parser      *p,
            const char  *what_zh,
            const char  *what_en,
            const Token *vals,
            guint        n_vals,
            const Token *split,
            guint        n_cells,
            guint        n_splits,
            int          first_cell)
{
  g_autofree char *runs = runs_text (p, vals, n_vals);
  g_autofree char *zh = NULL, *en = NULL;
  NbFinding *f;

  if (n_splits == 1)
    {
      g_autofree char *cells = runs_text (p, split, n_cells);

      zh = g_strdup_printf ("%s的数字没有分隔（%s），按表格的勾稽关系只有一种拆分：%s。",
                            what_zh, runs, cells);
      en = g_strdup_printf ("%s has its numbers run together (%s); the table’s equations allow "
                            "one split only: %s.", what_en, runs, cells);
      f = nb_report_add_parse_finding (p->report, "cell.unseparated", NB_SEVERITY_INFO, zh, en);
    }
  else
    {
      if (n_splits == 0)
        {
          zh = g_strdup_printf ("%s的数字没有分隔（%s），没有一种拆分符合表格的勾稽关系，各单元格无法确定。",
                                what_zh, runs);
          en = g_strdup_printf ("%s has its numbers run together (%s) and no split fits the "
                                "table’s equations; its cells are left empty.", what_en, runs);
        }
      else
        {
          g_autofree char *count = n_splits > MAX_SPLITS ? g_strdup_printf ("%u+", MAX_SPLITS)
                                                         : g_strdup_printf ("%u", n_splits);

          zh = g_strdup_printf ("%s的数字没有分隔（%s），有 %s 种拆分都符合表格的勾稽关系，各单元格无法确定。",
                                what_zh, runs, count);
          en = g_strdup_printf ("%s has its numbers run together (%s) and %s splits fit the "
                                "table’s equations; its cells are left empty.", what_en, runs, count);
        }
      f = nb_report_add_parse_finding (p->report, "cell.ambiguous", NB_SEVERITY_WARNING, zh, en);
    }
  for (guint i = 0; i < n_cells && first_cell >= 0; i++)
    nb_finding_add_cell (f, first_cell + i);
  for (guint i = 0; i < n_vals; i++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, vals[i].start, vals[i].end));
}

/* ------------------------------------------------------------------ */
/* Section 三: the requests table                                     */

#define N_COLS NB_N_REQUEST_COLUMNS
#define MAX_ROWS 25

typedef struct
{
  gboolean found;
  GArray  *vals;      /* Token; after n_written of them, the splits of a run-together row */
  gboolean run;       /* the values were written without separators */
  guint    n_written;
  guint    n_splits;  /* splits that fit the row sum, MAX_SPLITS + 1 for too many */
  guint    chosen;    /* the vals index of the first cell of the split taken */
} RowValues;

typedef NbPlaceCandidate Candidate;
typedef NbSumEquation Equation;  /* cells numbered from the table's first */

#define MAX_TABLE_EQUATIONS NB_TEMPLATE_MAX_TABLE_EQUATIONS

/* The template's equations (nb-equations.h) that lie within cells [first, first + n_cells)
 * of the schema, their cells numbered from @first: for section 三, row * N_COLS + col. */
static guint
table_equations (NbEdition  edition,
                 guint      first,
                 guint      n_cells,
                 Equation  *eqs)
{
  guint n_all, n = 0;
  const NbEquation *all = nb_template_get_equations (edition, &n_all);

  for (guint e = 0; e < n_all && n < MAX_TABLE_EQUATIONS; e++)
    {
      const NbEquation *eq = &all[e];
      gboolean inside = TRUE;

      for (guint i = 0; i < eq->n_terms; i++)
        inside &= eq->terms[i].cell >= first && eq->terms[i].cell < first + n_cells;
      if (!inside)
        continue;
      eqs[n].n_lhs = eqs[n].n_rhs = 0;
      for (guint i = 0; i < eq->n_terms; i++)
        if (eq->terms[i].coef > 0)
          eqs[n].lhs[eqs[n].n_lhs++] = eq->terms[i].cell - first;
        else
          eqs[n].rhs[eqs[n].n_rhs++] = eq->terms[i].cell - first;
      n++;
    }
  return n;
}

/* The size of the groups of consecutive cells each adding up to its last, as
 * the table's first equation over its first cells says (a row of section 三,
 * a group of section 四); 0 when the table has none. */
static guint
group_size (const Equation *eqs,
            guint           n_eqs)
{
  for (guint e = 0; e < n_eqs; e++)
    {
      const Equation *eq = &eqs[e];
      gboolean consecutive = eq->n_rhs == 1 && eq->rhs[0] == (int) eq->n_lhs;

      for (guint i = 0; i < eq->n_lhs; i++)
        consecutive &= eq->lhs[i] == (int) i;
      if (consecutive)
        return eq->n_lhs + 1;
    }
  return 0;
}

/* Whether each equation holds on the values of @t, numbered as the equations' cells */
static gboolean
equations_hold (const Equation *eqs,
                guint           n_eqs,
                const Token    *t)
{
  for (guint e = 0; e < n_eqs; e++)
    {
      double lsum = 0, rsum = 0;

      for (guint i = 0; i < eqs[e].n_lhs; i++)
        lsum += t[eqs[e].lhs[i]].value;
      for (guint i = 0; i < eqs[e].n_rhs; i++)
        rsum += t[eqs[e].rhs[i]].value;
      if (!(fabs (lsum - rsum) < 1e-9))
        return FALSE;
    }
  return TRUE;
}

/* The equations of section 三, and that of its first row alone (its row sum) */
static guint
request_equations (NbEdition  edition,
                   Equation  *eqs,
                   Equation  *row_eq,
                   guint     *n_row_eqs)
{
  guint n_rows = nb_schema_get_n_request_rows (edition);
  guint n = table_equations (edition, nb_schema_request_cell (edition, 0, 0), n_rows * N_COLS, eqs);

  *n_row_eqs = table_equations (edition, nb_schema_request_cell (edition, 0, 0), N_COLS, row_eq);
  return n;
}

/* All ways to put a row's values into its @n_cols cells, gaps leftmost first */
static void
enumerate_placements (const GArray *vals,
                      guint         n_cols,
                      GArray       *out)
{
  double values[NB_PLACE_MAX_COLS];
  gboolean is_number[NB_PLACE_MAX_COLS];

  if (vals->len >= n_cols)
    return;
  for (guint i = 0; i < vals->len; i++)
    {
      const Token *t = &g_array_index (vals, Token, i);

      values[i] = t->value;
      is_number[i] = t->kind == TOK_NUMBER;
    }
  nb_place_enumerate (values, is_number, vals->len, n_cols, out);
}

static gboolean
candidate_row_ok (Candidate      *cand,
                  const Equation *row_eqs,
                  guint           n_row_eqs)
{
  return nb_place_propagate (cand->v, cand->known, row_eqs, n_row_eqs) == 0;
}

static gboolean
candidates_same (const Candidate *a,
                 const Candidate *b)
{
  for (guint c = 0; c < N_COLS; c++)
    if (a->known[c] != b->known[c] || (a->known[c] && a->v[c] != b->v[c]))
      return FALSE;
  return TRUE;
}

/* A row written without separators: its cells come from the one split
 * that fits the table, or stay missing (cell.ambiguous). TRUE when split. */
static gboolean
place_run_row (Parser          *p,
               guint            r,
               RowValues       *row,
               const Candidate *chosen,
               guint64          best_set)
{
  NbEdition edition = p->report->edition;
  const Token *written = (const Token *) (gpointer) row->vals->data;
  guint n_best = 0;
  gboolean unique;

  for (guint64 b = best_set; b; b &= b - 1)
    n_best++;
  unique = row->n_splits == 1 || (row->n_splits >= 2 && row->n_splits <= MAX_SPLITS && n_best == 1);
  if (unique)
    row->chosen = chosen->tok[0];

  for (guint k = 0; k < N_COLS; k++)
    {
      int cell = nb_schema_request_cell (edition, r, k);
      NbCell *cc = &p->report->cells[cell];

      mark_present_missing (cc);
      cc->unsplit = !unique;
      if (unique)
        set_source (p, cell, &written[chosen->tok[k]]);
    }
  if (!unique)
    note_split (p, nb_schema_get_request_row_label (edition, r), nb_schema_get_request_row_english (edition, r),
                written, row->n_written, NULL, N_COLS, row->n_splits <= 1 || n_best < 2 ? row->n_splits : n_best,
                nb_schema_request_cell (edition, r, 0));
  return unique;
}

/* cell.unseparated for the rows of the requests table that were split: one
 * finding for them all, since a page that lost its separators lost them in
 * every row. */
static void
note_split_rows (Parser          *p,
                 const RowValues *rows,
                 const guint     *split,
                 guint            n_split)
{
  NbEdition edition = p->report->edition;
  const RowValues *row0 = &rows[split[0]];
  const Token *parts0 = &g_array_index (row0->vals, Token, row0->chosen);
  g_autofree char *example = runs_text (p, (const Token *) (gpointer) row0->vals->data, row0->n_written);
  g_autofree char *example_cells = runs_text (p, parts0, N_COLS);
  g_autofree char *zh = NULL, *en = NULL;
  NbFinding *f;

  if (n_split == 1)
    {
      note_split (p, nb_schema_get_request_row_label (edition, split[0]),
                  nb_schema_get_request_row_english (edition, split[0]),
                  (const Token *) (gpointer) row0->vals->data, row0->n_written, parts0, N_COLS, 1,
                  nb_schema_request_cell (edition, split[0], 0));
      return;
    }
  zh = g_strdup_printf ("第三部分表格有 %u 行的数字没有分隔（如“%s”），按表格的勾稽关系每行只有一种拆分，"
                        "已据此拆分（如 %s）。", n_split, example, example_cells);
  en = g_strdup_printf ("%u rows of the requests table (section 3) have their numbers run together "
                        "(e.g. “%s”); the table’s equations allow one split for each, and they were split "
                        "so (e.g. %s).", n_split, example, example_cells);
  f = nb_report_add_parse_finding (p->report, "cell.unseparated", NB_SEVERITY_INFO, zh, en);
  for (guint i = 0; i < n_split; i++)
    {
      const RowValues *row = &rows[split[i]];

      for (guint k = 0; k < N_COLS; k++)
        nb_finding_add_cell (f, nb_schema_request_cell (edition, split[i], k));
      for (guint j = 0; j < row->n_written; j++)
        {
          const Token *t = &g_array_index (row->vals, Token, j);

          nb_finding_add_span (f, nb_report_norm_span (p->report, t->start, t->end));
        }
    }
}

static void
place_requests (Parser    *p,
                RowValues *rows,
                guint      n_rows)
{
  NbEdition edition = p->report->edition;
  Equation eqs[MAX_TABLE_EQUATIONS], row_eqs[MAX_TABLE_EQUATIONS];
  guint n_row_eqs;
  guint n_eqs = request_equations (edition, eqs, row_eqs, &n_row_eqs);
  GArray *cands[MAX_ROWS];
  guint ambiguous[MAX_ROWS], n_ambiguous = 0;
  gboolean cell_agrees[MAX_ROWS * N_COLS];
  guint split[MAX_ROWS], n_split = 0;
  NbPlacement pl = { n_rows, N_COLS, cands, ambiguous, 0, eqs, n_eqs, cell_agrees,
                     MAX_SEARCH_NODES, MAX_SEARCH_LEAVES, TRUE };

  for (guint r = 0; r < n_rows; r++)
    {
      GArray *vals = rows[r].vals;

      cands[r] = g_array_new (FALSE, TRUE, sizeof (Candidate));
      if (rows[r].run && rows[r].n_splits >= 1 && rows[r].n_splits <= MAX_SPLITS)
        {
          for (guint j = 0; j < rows[r].n_splits; j++)
            {
              Candidate c;

              for (guint k = 0; k < N_COLS; k++)
                {
                  c.tok[k] = rows[r].n_written + j * N_COLS + k;
                  c.known[k] = TRUE;
                  c.v[k] = g_array_index (vals, Token, c.tok[k]).value;
                }
              g_array_append_val (cands[r], c);
            }
        }
      else if (rows[r].run || vals->len == 0)
        {
          Candidate c;

          for (guint k = 0; k < N_COLS; k++)
            c.tok[k] = -1, c.known[k] = FALSE, c.v[k] = 0;
          g_array_append_val (cands[r], c);
        }
      else if (vals->len >= N_COLS)
        {
          Candidate c;

          for (guint k = 0; k < N_COLS; k++)
            {
              const Token *t = &g_array_index (vals, Token, k);

              c.tok[k] = k;
              c.known[k] = t->kind == TOK_NUMBER;
              c.v[k] = c.known[k] ? t->value : 0;
            }
          g_array_append_val (cands[r], c);
        }
      else
        {
          g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Candidate));
          gboolean any_ok = FALSE;

          enumerate_placements (vals, N_COLS, all);
          for (guint i = 0; i < all->len; i++)
            {
              Candidate c = g_array_index (all, Candidate, i);

              if (candidate_row_ok (&c, row_eqs, n_row_eqs))
                any_ok = TRUE;
            }
          for (guint i = 0; i < all->len; i++)
            {
              Candidate c = g_array_index (all, Candidate, i);
              gboolean dup = FALSE;

              /* with no placement that fits the row sum, keep them all, unsolved */
              if (any_ok && !candidate_row_ok (&c, row_eqs, n_row_eqs))
                continue;
              for (guint j = 0; j < cands[r]->len; j++)
                if (candidates_same (&g_array_index (cands[r], Candidate, j), &c))
                  dup = TRUE;
              if (!dup)
                g_array_append_val (cands[r], c);
            }
        }
      if (cands[r]->len > 1)
        ambiguous[n_ambiguous++] = r;
    }

  for (guint i = 0; i < n_rows * N_COLS; i++)
    cell_agrees[i] = TRUE;

  /* the rows of the 勾稽关系 first (the equations between two sums, 第一项+第二项 =
   * 第三项（七）+第四项): they constrain every column at once */
  {
    gboolean first_rows[MAX_ROWS] = { 0 };
    guint n = 0;

    for (guint e = 0; e < n_eqs; e++)
      if (eqs[e].n_rhs > 1)
        {
          for (guint i = 0; i < eqs[e].n_lhs; i++)
            first_rows[eqs[e].lhs[i] / N_COLS] = TRUE;
          for (guint i = 0; i < eqs[e].n_rhs; i++)
            first_rows[eqs[e].rhs[i] / N_COLS] = TRUE;
        }
    for (guint pass = 0; pass < 2; pass++)
      for (guint i = n; i < n_ambiguous; i++)
        {
          gboolean first = first_rows[ambiguous[i]];

          if (first == (pass == 0))
            {
              guint tmp = ambiguous[n];

              ambiguous[n++] = ambiguous[i];
              ambiguous[i] = tmp;
            }
        }
  }

  pl.n_ambiguous = n_ambiguous;
  nb_place_search (&pl);

  /* Write the cells */
  for (guint r = 0; r < n_rows; r++)
    {
      const Candidate *c = &g_array_index (cands[r], Candidate, pl.best_choice[r]);
      const guint8 *best_known = &pl.best_grid.known[r * N_COLS];
      const double *best_x = &pl.best_grid.x[r * N_COLS];

      if (rows[r].run)
        {
          if (place_run_row (p, r, &rows[r], c, cell_agrees[r * N_COLS] ? pl.best_set[r] : 0))
            split[n_split++] = r;
          g_array_unref (cands[r]);
          continue;
        }

      for (guint k = 0; k < N_COLS; k++)
        {
          int cell = nb_schema_request_cell (edition, r, k);
          NbCell *cc = &p->report->cells[cell];
          gboolean from_source = c->tok[k] >= 0 && cell_agrees[r * N_COLS + k];

          cc->was_present = rows[r].found;
          if (from_source && best_known[k] && c->known[k] && c->v[k] == best_x[k])
            set_source (p, cell, &g_array_index (rows[r].vals, Token, c->tok[k]));
          else if (from_source && !c->known[k] && !best_known[k])
            set_source (p, cell, &g_array_index (rows[r].vals, Token, c->tok[k]));  /* placeholder */
          else if (best_known[k])
            {
              /* a blank, a placeholder or a gap the equations determine; a
               * placeholder keeps its text's span */
              if (from_source && !c->known[k])
                set_source (p, cell, &g_array_index (rows[r].vals, Token, c->tok[k]));
              else
                cc->span = NB_SPAN_NONE;
              cc->value = best_x[k];
              cc->has_value = TRUE;
              cc->origin = NB_ORIGIN_INFERRED;
            }
          else
            {
              cc->has_value = FALSE;
              cc->origin = NB_ORIGIN_MISSING;
              cc->span = NB_SPAN_NONE;
            }
        }
      g_array_unref (cands[r]);
    }
  if (n_split > 0)
    note_split_rows (p, rows, split, n_split);
}

/* The first of @n values from which @n_cells values satisfy the equations, or 0 */
static guint
first_window_that_holds (const Token    *vals,
                         guint           n,
                         guint           n_cells,
                         const Equation *eqs,
                         guint           n_eqs)
{
  for (guint s = 0; s + n_cells <= n; s++)
    if (equations_hold (eqs, n_eqs, vals + s))
      return s;
  return 0;
}

/* Picks 7 of the row's values when it holds more: the first run of seven that
 * satisfies the row's equation (its six parts add up to the seventh), else the
 * first seven. */
static void
trim_extra_values (Parser         *p,
                   NbEdition       edition,
                   guint           r,
                   RowValues      *row,
                   guint           n_cols,
                   const Equation *row_eqs,
                   guint           n_row_eqs)
{
  guint n = row->vals->len;
  guint start;

  if (n <= n_cols)
    return;
  start = first_window_that_holds ((const Token *) (gpointer) row->vals->data, n, n_cols, row_eqs, n_row_eqs);

  {
    g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (Token));
    const char *zh = nb_schema_get_request_row_label (edition, r);
    const char *en = nb_schema_get_request_row_english (edition, r);

    for (guint i = 0; i < n; i++)
      if (i < start || i >= start + n_cols)
        g_array_append_val (extra, g_array_index (row->vals, Token, i));
    note_extra (p, nb_schema_request_cell (edition, r, 0), zh, en, n, n_cols,
                (const Token *) (gpointer) extra->data, extra->len);
    g_array_remove_range (row->vals, 0, start);
    g_array_set_size (row->vals, n_cols);
  }
}

/* A row whose values were written together: every split that fits its sum
 * is kept after its written values, for place_requests () to choose from. */
static void
split_row (Parser    *p,
           RowValues *row,
           guint      group)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Token));
  guint n_splits = 0;

  /* in a row short of cells, six digits or more are far likelier cells written
   * together than one count: if no split fits, the row is left empty, not misread */
  if (!split_runs (p, (const Token *) (gpointer) row->vals->data, row->vals->len, N_COLS - 1, N_COLS, group,
                   parts, &n_splits))
    return;
  row->run = TRUE;
  row->n_written = row->vals->len;
  row->n_splits = n_splits;
  g_array_append_vals (row->vals, parts->data, parts->len);
}

static void
parse_requests (Parser *p,
                guint   start,
                guint   end)
{
  NbEdition edition = p->report->edition;
  guint n_rows = nb_schema_get_n_request_rows (edition);
  g_autoptr(GArray) tokens = tokenize (p, start, end, TRUE);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) all_labels = g_string_new (NULL);
  RowValues rows[MAX_ROWS];
  gboolean found[MAX_ROWS] = { 0 };
  gboolean padded = FALSE;
  int current = -1;
  Equation row_eqs[MAX_TABLE_EQUATIONS];
  guint n_row_eqs = table_equations (edition, nb_schema_request_cell (edition, 0, 0), N_COLS, row_eqs);

  for (guint r = 0; r < n_rows; r++)
    {
      rows[r].found = FALSE;
      rows[r].vals = g_array_new (FALSE, TRUE, sizeof (Token));
      rows[r].run = FALSE;
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOK_LABEL)
        {
          append_norm (label, p->norm, t->start, t->end);
          append_norm (all_labels, p->norm, t->start, t->end);
          continue;
        }

      /* the label text since the last number names the row these numbers start */
      if (label->len > 0)
        {
          int r = classify_request_row (edition, label->str, found);

          if (r >= 0 && !found[r])
            {
              current = r;
              found[r] = TRUE;
              rows[r].found = TRUE;
            }
          else if (r >= 0)
            current = -1;  /* a row seen before: a repeated table is not read twice */
          else if (current >= 0 && rows[current].vals->len >= N_COLS)
            current = -1;
        }
      g_string_truncate (label, 0);
      if (current >= 0)
        g_array_append_val (rows[current].vals, *t);
    }

  for (guint r = 0; r < n_rows; r++)
    padded |= row_is_padded (rows[r].vals, N_COLS);
  for (guint r = 0; r < n_rows; r++)
    {
      /* a row printed with all its cells empty is there, not missing */
      const NbTemplateRow *row = &nb_template_get (edition)->rows[r];

      for (guint k = 0; k < row->n_keys && !rows[r].found; k++)
        if (!row->keys[k].at_end && strstr (all_labels->str, row->keys[k].text) != NULL)
          rows[r].found = TRUE;
      for (guint k = 0; k < row->n_printed && !rows[r].found; k++)
        if (strstr (all_labels->str, row->printed[k]) != NULL)
          rows[r].found = TRUE;
      if (!rows[r].found)
        note_missing_row (p, nb_schema_get_request_row_label (edition, r),
                          nb_schema_get_request_row_english (edition, r),
                          nb_schema_request_cell (edition, r, 0), N_COLS);
      drop_loose_empty_fields (rows[r].vals, N_COLS, !padded);
      trim_extra_values (p, edition, r, &rows[r], N_COLS, row_eqs, n_row_eqs);
      split_row (p, &rows[r], group_size (row_eqs, n_row_eqs));
    }

  place_requests (p, rows, n_rows);

  for (guint r = 0; r < n_rows; r++)
    g_array_unref (rows[r].vals);
}

/* ------------------------------------------------------------------ */
/* Section 四: appeals                                                 */

/* Section 四's values, fewer than its cells, placed as one row of fifteen: the
 * placements that break the fewest group sums are weighed (all of them, without
 * cutting by bounds), and the cells on which they all agree are set */
static void
place_appeals (Parser         *p,
               const GArray   *vals,
               int             first,
               guint           n_cells,
               const Equation *eqs,
               guint           n_eqs)
{
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (Candidate));
  GArray *rows[1] = { cands };
  guint ambiguous[1] = { 0 };
  gboolean cell_agrees[NB_PLACE_MAX_COLS];
  NbPlacement pl = { 1, n_cells, rows, ambiguous, 1, eqs, n_eqs, cell_agrees,
                     MAX_COMBINATIONS, MAX_COMBINATIONS, FALSE };
  const Candidate *best;

  g_return_if_fail (n_cells <= NB_PLACE_MAX_COLS);

  for (guint i = 0; i < n_cells; i++)
    cell_agrees[i] = TRUE;
  enumerate_placements (vals, n_cells, cands);
  if (cands->len == 0)
    return;
  nb_place_search (&pl);

  for (guint i = 0; i < n_cells; i++)
    {
      NbCell *c = &p->report->cells[first + i];

      mark_present_missing (c);
      if (pl.gave_up || !pl.best_grid.known[i])
        continue;
      c->has_value = TRUE;
      c->value = pl.best_grid.x[i];
      c->origin = NB_ORIGIN_INFERRED;
    }
  if (pl.gave_up)
    return;
  best = &g_array_index (cands, Candidate, pl.best_choice[0]);
  for (guint i = 0; i < n_cells; i++)
    if (best->tok[i] >= 0 && pl.best_grid.known[i])
      set_source (p, first + i, &g_array_index (vals, Token, best->tok[i]));
}

static void
parse_appeals (Parser *p,
               guint   start,
               guint   end)
{
  NbEdition edition = p->report->edition;
  g_autoptr(GArray) tokens = tokenize (p, start, end, TRUE);
  g_autoptr(GArray) vals = g_array_new (FALSE, TRUE, sizeof (Token));
  const NbTemplateTable *table = nb_template_get_table (nb_template_get (edition), NB_TABLE_APPEALS);
  guint n_cells = NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS;
  int first = nb_schema_appeal_cell (edition, 0, 0);
  Equation eqs[MAX_TABLE_EQUATIONS];
  guint n_eqs = table_equations (edition, first, n_cells, eqs);

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind != TOK_LABEL)
        g_array_append_val (vals, *t);
    }

  drop_loose_empty_fields (vals, n_cells, !row_is_padded (vals, n_cells));
  if (vals->len > n_cells)
    {
      guint pick = first_window_that_holds ((const Token *) (gpointer) vals->data, vals->len, n_cells, eqs, n_eqs);
      g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (Token));

      for (guint i = 0; i < vals->len; i++)
        if (i < pick || i >= pick + n_cells)
          g_array_append_val (extra, g_array_index (vals, Token, i));
      note_extra (p, first, "第四部分（行政复议、行政诉讼）表格", "The appeals table (section 4)",
                  vals->len, n_cells, (const Token *) (gpointer) extra->data, extra->len);
      g_array_remove_range (vals, 0, pick);
      g_array_set_size (vals, n_cells);
    }

  if (vals->len == n_cells)
    {
      double x[15] = { 0 };
      guint8 known[15] = { 0 };

      /* blanks and placeholders the group sums determine are inferred */
      for (guint i = 0; i < n_cells; i++)
        {
          const Token *t = &g_array_index (vals, Token, i);

          known[i] = t->kind == TOK_NUMBER && !t->too_long;
          x[i] = known[i] ? t->value : 0;
        }
      nb_place_propagate (x, known, eqs, n_eqs);
      for (guint i = 0; i < n_cells; i++)
        {
          NbCell *c = &p->report->cells[first + i];

          set_source (p, first + i, &g_array_index (vals, Token, i));
          if (!c->has_value && known[i])
            {
              c->value = x[i];
              c->has_value = TRUE;
              c->origin = NB_ORIGIN_INFERRED;
            }
        }
      return;
    }

  /* numbers written without separators: "10203120001200000" */
  {
    g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Token));
    guint n_splits = 0;

    if (split_runs (p, (const Token *) (gpointer) vals->data, vals->len, NB_N_APPEAL_FIELDS, n_cells,
                    group_size (eqs, n_eqs), parts, &n_splits))
      {
        for (guint i = 0; i < n_cells; i++)
          {
            NbCell *c = &p->report->cells[first + i];

            mark_present_missing (c);
            c->unsplit = n_splits != 1;
            if (n_splits == 1)
              set_source (p, first + i, &g_array_index (parts, Token, i));
          }
        note_split (p, "第四部分（行政复议、行政诉讼）表格", "The appeals table (section 4)",
                    (const Token *) (gpointer) vals->data, vals->len,
                    n_splits == 1 ? (const Token *) (gpointer) parts->data : NULL, n_cells, n_splits, first);
        return;
      }
  }
  if (vals->len == 0)
    {
      gboolean printed = FALSE;

      /* the table printed with its cells empty is there, not missing */
      for (guint i = 0; i < tokens->len && !printed; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          for (guint k = 0; k < table->n_printed && !printed; k++)
            printed = t->kind == TOK_LABEL && t->end - t->start >= 4 &&
                      find_text (p, table->printed[k], t->start, t->end) != G_MAXUINT;
        }
      if (printed)
        for (guint i = 0; i < n_cells; i++)
          p->report->cells[first + i].was_present = TRUE;
      else
        note_missing_row (p, "政府信息公开行政复议、行政诉讼情况", "appeals", first, n_cells);
      return;
    }

  /* Fewer values than cells: place them where the group sums allow one way only */
  place_appeals (p, vals, first, n_cells, eqs, n_eqs);
}

/* ------------------------------------------------------------------ */
/* Section 二: proactive disclosure                                   */

/* The item whose key ends last in the label, among those not yet seen */
static int
classify_active_item (NbEdition   edition,
                      const char *label,
                      const gboolean *found)
{
  const NbTemplate *tpl = nb_template_get (edition);
  int best = -1;
  gssize best_end = -1;

  for (guint item = 0; item < tpl->n_active; item++)
    for (guint k = 0; k < tpl->active[item].n_keys; k++)
      {
        const char *key = tpl->active[item].keys[k];
        const char *hit = last_occurrence (label, key);
        gssize e;

        if (hit == NULL)
          continue;
        e = hit - label + strlen (key);
        if (!found[item] && e > best_end)
          {
            best = item;
            best_end = e;
          }
      }
  return best;
}

/* 1 for a label that is "元", 2 for "万元", else 0 (the unit field of a Token) */
static guint
unit_of_label (Parser      *p,
               const Token *t)
{
  const gunichar *s = p->norm + t->start;
  guint len = t->end - t->start;

  if (len == 1 && s[0] == 0x5143)
    return 1;
  if (len == 2 && s[0] == 0x4E07 && s[1] == 0x5143)
    return 2;
  return 0;
}

/* Whether the labels of section 二 name the item (printed, maybe with no numbers) */
static gboolean
active_item_printed (NbEdition   edition,
                     guint       item,
                     const char *labels)
{
  const NbTemplateActiveItem *a = &nb_template_get (edition)->active[item];

  for (guint k = 0; k < a->n_keys; k++)
    if (strstr (labels, a->keys[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* Section 二 has no equations to split run-together digits by: "规章000"
 * is 0 0 0, one digit a cell, and that is all that can be said. A run of
 * more digits than cells ("规范性文件0845") stays missing (cell.ambiguous). */
static gboolean
split_active_run (Parser       *p,
                  guint         item,
                  int           first,
                  guint         n_fields,
                  const GArray *vals)
{
  NbEdition edition = p->report->edition;
  const Token *t = &g_array_index (vals, Token, 0);
  const char *label = nb_schema_get_active_item_label (edition, item);
  const char *id = nb_schema_get_active_item_id (edition, item);
  g_autofree char *run = NULL, *zh = NULL, *en = NULL;
  gboolean one_each;
  NbFinding *f;

  if (vals->len != 1 || !t->plain || !(t->lead_zero || t->too_long) || n_fields > 8)
    return FALSE;

  run = runs_text (p, t, 1);
  one_each = t->end - t->start == n_fields;
  if (one_each)
    {
      zh = g_strdup_printf ("“%s”一行的数字没有分隔（%s），位数与单元格数相同，每格一位。", label, run);
      en = g_strdup_printf ("The row “%s” (active.%s) has its numbers run together (%s); it has one digit "
                            "for each cell, so each cell takes one.", label, id, run);
      f = nb_report_add_parse_finding (p->report, "cell.unseparated", NB_SEVERITY_INFO, zh, en);
    }
  else
    {
      zh = g_strdup_printf ("“%s”一行的数字没有分隔（%s），这部分表格没有勾稽关系可据以拆分，各单元格无法确定。",
                            label, run);
      en = g_strdup_printf ("The row “%s” (active.%s) has its numbers run together (%s), and this table has "
                            "no equations to split them by; its cells are left empty.", label, id, run);
      f = nb_report_add_parse_finding (p->report, "cell.ambiguous", NB_SEVERITY_WARNING, zh, en);
    }
  nb_finding_add_span (f, nb_report_norm_span (p->report, t->start, t->end));

  for (guint k = 0; k < n_fields; k++)
    {
      nb_finding_add_cell (f, first + k);
      if (one_each)
        {
          Token part = *t;

          part.start = t->start + k;
          part.end = part.start + 1;
          part.value = p->norm[part.start] - '0';
          part.lead_zero = part.too_long = FALSE;
          part.n_digits = 1;
          set_source (p, first + k, &part);
        }
      else
        p->report->cells[first + k].unsplit = TRUE;
    }
  return TRUE;
}

static void
parse_active (Parser *p,
              guint   start,
              guint   end)
{
  NbEdition edition = p->report->edition;
  guint n_items = nb_schema_get_n_active_items (edition);
  g_autoptr(GArray) tokens = tokenize (p, start, end, TRUE);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) all_labels = g_string_new (NULL);
  gboolean found[16] = { 0 };
  gboolean padded = FALSE;
  GArray *vals[16];
  int current = -1;
  guint header_unit[16] = { 0 };  /* a unit the item's header gives: "采购总金额(万元)" */

  for (guint i = 0; i < n_items; i++)
    vals[i] = g_array_new (FALSE, TRUE, sizeof (Token));

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOK_LABEL)
        {
          guint unit = unit_of_label (p, t);

          /* a unit just after an amount: "251000 元" */
          if (unit && i > 0 && g_array_index (tokens, Token, i - 1).kind != TOK_LABEL &&
              current >= 0 && vals[current]->len > 0)
            {
              g_array_index (vals[current], Token, vals[current]->len - 1).unit = unit;
              continue;
            }
          append_norm (label, p->norm, t->start, t->end);
          append_norm (all_labels, p->norm, t->start, t->end);
          continue;
        }

      if (label->len > 0)
        {
          int item = classify_active_item (edition, label->str, found);

          if (item >= 0)
            {
              current = item;
              found[item] = TRUE;
              if (strstr (label->str, "万元"))
                header_unit[item] = 2;
              else if (strstr (label->str, "(元)") || strstr (label->str, "金额元") || strstr (label->str, "单位:元"))
                header_unit[item] = 1;
            }
          else
            current = -1;  /* numbers in a header ("保留 4 位小数") belong to no item */
        }
      g_string_truncate (label, 0);
      if (current >= 0)
        g_array_append_val (vals[current], *t);
    }

  for (guint item = 0; item < n_items; item++)
    padded |= row_is_padded (vals[item], nb_schema_get_active_item_n_values (edition, item));
  for (guint item = 0; item < n_items; item++)
    {
      guint n_fields = 0;
      int first = nb_schema_active_cell (edition, item, 0);
      const char *item_id = nb_schema_get_active_item_id (edition, item);

      n_fields = nb_schema_get_active_item_n_fields (edition, item);

      if (!found[item] && active_item_printed (edition, item, all_labels->str))
        {
          /* printed with its cells empty: there, but without values */
          for (guint k = 0; k < n_fields; k++)
            p->report->cells[first + k].was_present = TRUE;
          g_array_unref (vals[item]);
          continue;
        }
      if (!found[item])
        {
          note_missing_row (p, nb_schema_get_active_item_label (edition, item), item_id, first, n_fields);
          g_array_unref (vals[item]);
          continue;
        }

      drop_loose_empty_fields (vals[item], nb_schema_get_active_item_n_values (edition, item), !padded);

      /* procurement: projects, amount; its unit is a cell of its own */
      if (strcmp (item_id, "procurement") == 0)
        {
          for (guint k = 0; k < vals[item]->len && k < 2; k++)
            {
              const Token *t = &g_array_index (vals[item], Token, k);

              guint unit = t->unit ? t->unit : header_unit[item];

              set_source (p, first + k, t);
              if (k == 1 && unit)
                {
                  g_free (p->report->procurement_unit);
                  p->report->procurement_unit = g_strdup (unit == 2 ? "万元" : "元");
                }
            }
          for (guint k = 0; k < n_fields; k++)
            p->report->cells[first + k].was_present = TRUE;
          if (vals[item]->len > 2)
            note_extra (p, first, nb_schema_get_active_item_label (edition, item), item_id,
                        vals[item]->len, 2, &g_array_index (vals[item], Token, 2), vals[item]->len - 2);
          g_array_unref (vals[item]);
          continue;
        }

      for (guint k = 0; k < n_fields; k++)
        p->report->cells[first + k].was_present = TRUE;
      if (n_fields > 1 && split_active_run (p, item, first, n_fields, vals[item]))
        {
          g_array_unref (vals[item]);
          continue;
        }
      for (guint k = 0; k < vals[item]->len && k < n_fields; k++)
        set_source (p, first + k, &g_array_index (vals[item], Token, k));
      if (vals[item]->len > n_fields)
        note_extra (p, first, nb_schema_get_active_item_label (edition, item), item_id,
                    vals[item]->len, n_fields, &g_array_index (vals[item], Token, n_fields),
                    vals[item]->len - n_fields);
      g_array_unref (vals[item]);
    }
}

/* ------------------------------------------------------------------ */
/* Edition, agency and year                                            */

#define MAX_MARKERS 32       /* the markers of all editions */
#define MAX_MARKER_CHARS 12  /* a marker's characters that are compared */

/* The labels only one edition's tables print (each description's "markers"),
 * as characters, with the edition each stands for */
typedef struct
{
  guint     n;
  gunichar  c[MAX_MARKERS][MAX_MARKER_CHARS];
  guint     len[MAX_MARKERS];
  NbEdition edition[MAX_MARKERS];
  guint64   first_chars;  /* bit c % 64 for the first character c of each marker */
} Markers;

static const Markers *
get_markers (void)
{
  static Markers m;
  static gsize init;

  if (g_once_init_enter (&init))
    {
      for (guint e = 0; e < NB_N_EDITIONS; e++)
        {
          const NbTemplate *tpl = nb_template_get (e);

          for (guint k = 0; k < tpl->n_markers && m.n < MAX_MARKERS; k++, m.n++)
            {
              m.edition[m.n] = e;
              for (const char *c = tpl->markers[k]; *c && m.len[m.n] < MAX_MARKER_CHARS; c = g_utf8_next_char (c))
                m.c[m.n][m.len[m.n]++] = g_utf8_get_char (c);
              m.first_chars |= G_GUINT64_CONSTANT (1) << (m.c[m.n][0] % 64);
            }
        }
      g_once_init_leave (&init, 1);
    }
  return &m;
}

/* Counts the markers of each edition in one pass over the text: the edition
 * with the most wins, the newest on a tie. */
static NbEdition
detect_edition (Parser *p)
{
  const Markers *m = get_markers ();
  gboolean seen[MAX_MARKERS] = { 0 };
  guint count[NB_N_EDITIONS] = { 0 };
  NbEdition best = NB_EDITION_2021;

  for (guint i = 0; i < p->n_norm; i++)
    {
      gunichar c = p->norm[i];

      if (c < 0x4E00 || !(m->first_chars & (G_GUINT64_CONSTANT (1) << (c % 64))))
        continue;
      for (guint k = 0; k < m->n; k++)
        if (m->c[k][0] == c && !seen[k] && i + m->len[k] <= p->n_norm &&
            memcmp (p->norm + i, m->c[k], m->len[k] * sizeof (gunichar)) == 0)
          {
            seen[k] = TRUE;
            count[m->edition[k]]++;
          }
    }
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    if (count[e] > count[best])
      best = e;
  return best;
}

/* A title's characters without blanks, each with its normalised position */
typedef struct
{
  gunichar c[160];
  guint    pos[160];
  guint    n;
} Title;

static void
title_append (Title  *t,
              Parser *p,
              guint   start,
              guint   end)
{
  for (guint i = start; i < end && t->n < G_N_ELEMENTS (t->c); i++)
    if (!is_space (p->norm[i]))
      {
        t->c[t->n] = p->norm[i];
        t->pos[t->n++] = i;
      }
}

static guint
title_find (const Title *t,
            const char  *needle,
            guint        from)
{
  gunichar n[16];
  guint len = 0;

  for (const char *c = needle; *c && len < G_N_ELEMENTS (n); c = g_utf8_next_char (c))
    n[len++] = g_utf8_get_char (c);
  for (guint i = from; i + len <= t->n; i++)
    if (memcmp (t->c + i, n, len * sizeof (gunichar)) == 0)
      return i;
  return G_MAXUINT;
}

/* The year of a title: four digits (1990–2100) followed by 年; its index or G_MAXUINT */
static guint
title_year (const Title *t,
            int         *year)
{
  for (guint i = 0; i + 4 < t->n; i++)
    if (is_digit (t->c[i]) && is_digit (t->c[i + 1]) && is_digit (t->c[i + 2]) && is_digit (t->c[i + 3]) &&
        t->c[i + 4] == 0x5E74 /* 年 */ && (i == 0 || !is_digit (t->c[i - 1])))
      {
        int y = (t->c[i] - '0') * 1000 + (t->c[i + 1] - '0') * 100 + (t->c[i + 2] - '0') * 10 + (t->c[i + 3] - '0');

        if (y >= 1990 && y <= 2100)
          {
            *year = y;
            return i;
          }
      }
  return G_MAXUINT;
}

/* The agency in a title: what is left of it without "关于", the year and
 * the name of the document ("政府信息公开工作年度报告"), wherever the
 * year stands. [*a, *b) in the title's characters; FALSE when nothing is. */
static gboolean
title_agency (const Title *t,
              guint        year_at,
              guint       *a,
              guint       *b)
{
  static const char *const doc_names[] = {
    "政府信息公开", "政务公开", "信息公开", "年度报告", "年报", "工作报告",
  };
  guint start = 0, end = t->n;

  for (guint i = 0; i < t->n; i++)
    if (t->c[i] == ':')
      start = i + 1;
  if (title_find (t, "关于", start) == start)
    start += 2;
  if (year_at == start)
    {
      start += 5;  /* "2019年" */
      if (start < t->n && t->c[start] == 0x5EA6 /* 度 */)
        start++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (doc_names); i++)
    {
      guint at = title_find (t, doc_names[i], start);

      if (at != G_MAXUINT && at < end)
        end = at;
    }
  if (year_at != G_MAXUINT && year_at > start && year_at < end)
    end = year_at;
  /* "…县人民政府信息公开…": the 政府 of the name doubles as the document's */
  if (end + 6 <= t->n && end >= 2 && t->c[end - 2] == 0x4EBA && t->c[end - 1] == 0x6C11 /* 人民 */ &&
      title_find (t, "政府信息公开", end) == end)
    end += 2;
  while (end > start && (t->c[end - 1] == 0x7684 /* 的 */ || !is_cjk (t->c[end - 1])))
    end--;
  if (end < start + 2 || end - start > 40)
    return FALSE;
  *a = start;
  *b = end;
  return TRUE;
}

/* The title: the first short line, before section 二, that names a report
 * ("报告"/"年报") and a year, or failing that one with 年度报告; the line
 * or two before it join it when it does not name the agency itself
 * ("瑞金市人民政府办公室" / "2021年政府信息公开工作年度报告"). */
static void
find_title (Parser *p)
{
  const gunichar *s = p->norm;
  guint limit = p->heading[1] != G_MAXUINT ? p->heading[1] : MIN (p->n_norm, 4000);
  guint lines[64][2], n_lines = 0, title = G_MAXUINT;

  for (guint pos = 0; pos < limit && n_lines < G_N_ELEMENTS (lines);)
    {
      guint a = pos, b;

      while (pos < limit && s[pos] != '\n')
        pos++;
      b = pos++;
      while (a < b && is_space (s[a]))
        a++;
      while (b > a && is_space (s[b - 1]))
        b--;
      if (a == b)
        continue;
      lines[n_lines][0] = a;
      lines[n_lines][1] = b;
      n_lines++;
    }

  for (guint pass = 0; pass < 2 && title == G_MAXUINT; pass++)
    for (guint i = 0; i < n_lines && title == G_MAXUINT; i++)
      {
        Title t = { { 0 } };
        int y;

        if (lines[i][1] - lines[i][0] > 60)
          continue;
        title_append (&t, p, lines[i][0], lines[i][1]);
        if (pass == 0 && (title_find (&t, "报告", 0) != G_MAXUINT || title_find (&t, "年报", 0) != G_MAXUINT) &&
            title_find (&t, "公开", 0) != G_MAXUINT && title_year (&t, &y) != G_MAXUINT)
          title = i;
        else if (pass == 1 && title_find (&t, "年度报告", 0) != G_MAXUINT)
          title = i;
      }
  if (title == G_MAXUINT)
    return;

  for (guint before = 0; before <= 2 && before <= title; before++)
    {
      Title t = { { 0 } };
      guint year_at, a, b;
      int year = 0;

      if (before > 0 && lines[title - before][1] - lines[title - before][0] > 40)
        break;
      for (guint i = title - before; i <= title; i++)
        title_append (&t, p, lines[i][0], lines[i][1]);
      year_at = title_year (&t, &year);
      if (year_at != G_MAXUINT && p->report->year == 0)
        {
          p->report->year = year;
          p->report->year_span = nb_report_norm_span (p->report, t.pos[year_at], t.pos[year_at + 3] + 1);
        }
      if (!title_agency (&t, year_at, &a, &b))
        continue;

      /* the name as printed when it is printed in one piece, else normalised */
      {
        GString *name = g_string_new (NULL);
        NbSpan span = nb_report_norm_span (p->report, t.pos[a], t.pos[b - 1] + 1);
        const char *text = p->report->text->decoded;
        const char *from = g_utf8_offset_to_pointer (text, span.start);
        const char *to = g_utf8_offset_to_pointer (from, span.end - span.start);

        for (guint i = a; i < b; i++)
          g_string_append_unichar (name, t.c[i]);
        p->report->agency = g_strndup (from, to - from);
        p->report->agency_span = span;
        if (strcmp (p->report->agency, name->str) != 0)
          {
            g_free (p->report->agency);
            p->report->agency = g_strdup (name->str);
          }
        g_string_free (name, TRUE);
      }
      break;
    }
}

/* Where a table starts: its section's heading, or failing that the line of
 * the first of its start keys found in [from, to) */
static guint
table_start (Parser      *p,
             NbTableKind  table,
             guint        from,
             guint        to)
{
  const NbTemplateTable *t = nb_template_get_table (nb_template_get (p->report->edition), table);
  guint at = G_MAXUINT;

  if (p->heading[t->section] != G_MAXUINT)
    return p->heading[t->section];
  for (guint k = 0; k < t->n_start_keys && at == G_MAXUINT; k++)
    at = find_text (p, t->start_keys[k], from, to);
  return at == G_MAXUINT ? G_MAXUINT : line_start (p, at);
}

/* A table printed without a single number is no table: one error for it,
 * beside the cell.missing warnings of its cells. */
static void
note_empty_tables (Parser *p)
{
  NbReport *report = p->report;
  const NbTemplate *tpl = nb_template_get (report->edition);
  const NbTemplateTable *tables = tpl->tables;
  guint present[NB_TEMPLATE_MAX_TABLES] = { 0 }, read[NB_TEMPLATE_MAX_TABLES] = { 0 };

  for (guint i = 0; i < report->n_cells; i++)
    {
      NbTableKind table = nb_schema_get_cell (report->edition, i)->table;

      for (guint t = 0; t < tpl->n_tables; t++)
        if (tables[t].table == table)
          {
            present[t] += report->cells[i].was_present;
            read[t] += report->cells[i].origin == NB_ORIGIN_SOURCE;
          }
    }

  for (guint t = 0; t < tpl->n_tables; t++)
    {
      g_autofree char *zh = NULL, *en = NULL;
      NbFinding *f;

      if (present[t] == 0 || read[t] > 0)
        continue;
      zh = g_strdup_printf ("%s的表格在报告中没有填写任何数字。", tables[t].zh);
      en = g_strdup_printf ("%s: the table is printed but holds no numbers.", tables[t].en);
      f = nb_report_add_parse_finding (report, "template.missing_row", NB_SEVERITY_ERROR, zh, en);
      for (guint i = 0; i < report->n_cells; i++)
        if (nb_schema_get_cell (report->edition, i)->table == tables[t].table && report->cells[i].was_present)
          nb_finding_add_cell (f, i);
    }
}

/* ------------------------------------------------------------------ */

void
nb_parser_parse (NbReport *report)
{
  Parser p = { report, report->text->norm, report->text->n_norm };
  guint active_start, requests_start, appeals_start, appeals_end;

  find_sections (&p);
  for (guint k = 0; k < NB_N_SECTIONS; k++)
    report->sections[k] = p.heading[k] == G_MAXUINT ? NB_SPAN_NONE
                          : nb_report_norm_span (report, p.heading[k], p.heading_end[k]);

  report->edition = detect_edition (&p);
  report->n_cells = nb_schema_get_n_cells (report->edition);
  report->cells = g_new0 (NbCell, report->n_cells);
  for (guint i = 0; i < report->n_cells; i++)
    report->cells[i].span = NB_SPAN_NONE;

  find_title (&p);

  /* Where each table is: its section, or failing the heading, its first label */
  requests_start = table_start (&p, NB_TABLE_REQUESTS, 0, p.n_norm);
  appeals_start = table_start (&p, NB_TABLE_APPEALS, requests_start == G_MAXUINT ? 0 : requests_start, p.n_norm);
  active_start = table_start (&p, NB_TABLE_ACTIVE, 0, requests_start == G_MAXUINT ? p.n_norm : requests_start);

  if (active_start != G_MAXUINT)
    {
      guint end = requests_start != G_MAXUINT && requests_start > active_start ? requests_start
                  : p.heading[1] != G_MAXUINT ? section_end (&p, 1) : p.n_norm;

      parse_active (&p, active_start, end);
    }
  else
    parse_active (&p, 0, 0);

  if (requests_start != G_MAXUINT)
    {
      guint end = appeals_start != G_MAXUINT && appeals_start > requests_start ? appeals_start
                  : p.heading[2] != G_MAXUINT ? section_end (&p, 2) : p.n_norm;

      parse_requests (&p, requests_start, end);
    }
  else
    parse_requests (&p, 0, 0);

  appeals_end = p.n_norm;
  if (appeals_start != G_MAXUINT)
    {
      for (guint k = 4; k < NB_N_SECTIONS; k++)
        if (p.heading[k] != G_MAXUINT && p.heading[k] > appeals_start)
          {
            appeals_end = p.heading[k];
            break;
          }
      parse_appeals (&p, appeals_start, appeals_end);
    }
  else
    parse_appeals (&p, 0, 0);

  note_empty_tables (&p);
}
