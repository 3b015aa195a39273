/* nb-tokens.c — the text of a table as tokens: labels, numbers, placeholders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

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
GArray *
nb_parse_tokenize (Parser *p,
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
void
nb_parse_drop_loose_empty_fields (GArray   *vals,
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
gboolean
nb_parse_row_is_padded (GArray *vals,
                        guint   n_cells)
{
  return vals->len > n_cells;
}

/* Appends norm[start, end) without its blanks, as UTF-8 (a hot path: the
 * labels of every table go through here) */
void
nb_parse_append_norm (GString        *out,
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

const char *
nb_parse_last_occurrence (const char *haystack,
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
