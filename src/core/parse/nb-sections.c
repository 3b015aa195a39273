/* nb-sections.c — the six sections' headings, and where each table starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

#define MAX_HEADING_LINE 60              /* characters of a line that may be a heading, blanks too */
#define MAX_HEADING_CHARS 45             /* visible characters of a numbered heading */
#define MAX_UNNUMBERED_HEADING_CHARS 22  /* of an unnumbered one: little more than its words */

/* The sections are the same in every edition: they are found before the
 * edition is known (the generator checks that the descriptions agree). */
static const NbTemplateSection *
template_section (guint section)
{
  return &nb_template_get (NB_EDITION_2021)->sections[section];
}

/* A sentence's punctuation, or a count (1136条, 21件): prose, never a heading */
static gboolean
line_is_prose (const char *line)
{
  gboolean digits = FALSE;

  for (const char *q = line; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == 0x3002 || c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';')
        return TRUE;
      if (digits && (c == 0x6761 || c == 0x4EF6 || c == 0x4E2A))  /* 条 件 个 */
        return TRUE;
      digits = g_unichar_isdigit (c);
    }
  return FALSE;
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

  if (len == 0 || len > MAX_HEADING_CHARS)
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
  /* unnumbered: the line must be little more than the heading itself, and no piece of
   * prose (a short last line of a paragraph, a column of a two-column page) */
  return !numbered_only && len <= MAX_UNNUMBERED_HEADING_CHARS && first != '(' &&
         !g_unichar_isdigit (first) && !line_is_prose (line);
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
void
nb_parse_find_sections (Parser *p)
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
      if (a == b || b - a > MAX_HEADING_LINE)
        continue;
      /* a heading is numbered (一、…六、) or short and not a row "(一)…", "1.…" */
      if (!(s[a] >= 0x4E00 && line_numeral (s[a])) && (s[a] == '(' || is_digit (s[a]) || count_visible (s, a, b) > MAX_UNNUMBERED_HEADING_CHARS))
        continue;
      g_string_truncate (buf, 0);
      nb_parse_append_norm (buf, s, a, b);
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
guint
nb_parse_section_end (Parser *p,
                      guint   k)
{
  for (guint j = k + 1; j < NB_N_SECTIONS; j++)
    if (p->heading[j] != G_MAXUINT && p->heading[j] > p->heading[k])
      return p->heading[j];
  return p->n_norm;
}

guint
nb_parse_find_text (Parser     *p,
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

guint
nb_parse_line_start (Parser *p,
                     guint   pos)
{
  while (pos > 0 && p->norm[pos - 1] != '\n')
    pos--;
  return pos;
}

/* Where a table starts: its section's heading, or failing that the line of
 * the first of its start keys found in [from, to) */
guint
nb_parse_table_start (Parser      *p,
                      NbTableKind  table,
                      guint        from,
                      guint        to)
{
  const NbTemplateTable *t = nb_template_get_table (nb_template_get (p->report->edition), table);
  guint at = G_MAXUINT;

  if (p->heading[t->section] != G_MAXUINT)
    return p->heading[t->section];
  for (guint k = 0; k < t->n_start_keys && at == G_MAXUINT; k++)
    at = nb_parse_find_text (p, t->start_keys[k], from, to);
  return at == G_MAXUINT ? G_MAXUINT : nb_parse_line_start (p, at);
}
