/* nb-markdown.c — markdown, as OCR and PDF-to-markdown tools write reports, read as plain
 * text: pipe-table rows become tab-separated fields, separator rows and heading and bold
 * marks become blanks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "nb-layout-private.h"

/* The line [*start, *end) without its leading and trailing blanks */
static void
trim (const gunichar *s,
      guint          *start,
      guint          *end)
{
  while (*start < *end && nb_layout_is_blank (s[*start]))
    (*start)++;
  while (*end > *start && nb_layout_is_blank (s[*end - 1]))
    (*end)--;
}

static gboolean
is_pipe_row (const gunichar *s,
             guint           a,
             guint           b)
{
  return b - a >= 2 && s[a] == '|' && s[b - 1] == '|';
}

/* |---|:---:|--| */
static gboolean
is_separator_row (const gunichar *s,
                  guint           a,
                  guint           b)
{
  gboolean dash = FALSE;

  for (guint i = a; i < b; i++)
    {
      if (s[i] == '-')
        dash = TRUE;
      else if (s[i] != '|' && s[i] != ':' && !nb_layout_is_blank (s[i]))
        return FALSE;
    }
  return dash;
}

/* | 1 | 2 | 3 | … |, or | | 1 | 2 | … |: a header row numbering the columns 1…k (k ≥ 3), which
 * no row of values can be (a total column is the sum of the others, never the next
 * number) */
static gboolean
is_column_number_row (const gunichar *s,
                      guint           a,
                      guint           b)
{
  guint expect = 1, empty = 0;

  for (guint i = a + 1; i < b;)
    {
      guint j = i, x, y, v = 0;

      while (j < b && s[j] != '|')
        j++;
      x = i;
      y = j;
      trim (s, &x, &y);
      if (x == y)
        empty++;
      else
        {
          for (guint k = x; k < y; k++)
            {
              if (s[k] < '0' || s[k] > '9' || v > 1000)
                return FALSE;
              v = v * 10 + (s[k] - '0');
            }
          if (v != expect++)
            return FALSE;
        }
      i = j + 1;
    }
  return expect > 3 && empty <= 1;
}

/**
 * nb_markdown_blank:
 *
 * Where the text holds at least two pipe-table rows (`| … |`), it is read as markdown:
 *
 * - in a row, the outer pipes become spaces and the inner ones tabs, so that a cell is a
 *   tab field as in the tables the readers write (an empty cell, an empty field);
 * - separator rows (`|---|---|`), rows that number the columns (`| 1 | 2 | 3 |`) and `**`
 *   bold marks become spaces.
 *
 * Heading marks (`#` to `######` at a line's start) become spaces in any text: a `#` is never
 * part of an agency's name or a heading.
 */
void
nb_markdown_blank (gunichar *norm,
                   guint     n_norm)
{
  guint rows = 0;

  for (guint pos = 0, a, b; nb_layout_next_line (norm, n_norm, &pos, &a, &b);)
    {
      guint hashes;

      rows += is_pipe_row (norm, a, b);

      for (hashes = 0; a + hashes < b && norm[a + hashes] == '#'; hashes++)
        ;
      if (hashes >= 1 && hashes <= 6 && a + hashes < b && norm[a + hashes] != '#')
        nb_layout_blank (norm, a, a + hashes);
    }
  if (rows < 2)
    return;

  for (guint pos = 0, a, b; nb_layout_next_line (norm, n_norm, &pos, &a, &b);)
    {
      for (guint i = a; i + 1 < b; i++)
        if (norm[i] == '*' && norm[i + 1] == '*')
          nb_layout_blank (norm, i, i + 2);
      if (b - a < 1 || norm[a] != '|')
        continue;
      if (is_separator_row (norm, a, b) || (is_pipe_row (norm, a, b) && is_column_number_row (norm, a, b)))
        {
          nb_layout_blank (norm, a, b);
          continue;
        }
      norm[a] = ' ';
      if (b - 1 > a && norm[b - 1] == '|')
        norm[--b] = ' ';
      for (guint i = a + 1; i < b; i++)
        if (norm[i] == '|')
          norm[i] = '\t';
    }
}
