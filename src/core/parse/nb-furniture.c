/* nb-furniture.c — page furniture: the footers and running headers a printed report leaves
 * in its text at every page break, none of which is a number of the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-layout-private.h"

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The dashes around an official document's page number: - (also the full-width and minus
 * forms after normalisation), – — ― and the box-drawing ─ */
static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0x2500;
}

static guint
skip_blanks (const gunichar *s,
             guint           i,
             guint           end)
{
  while (i < end && nb_layout_is_blank (s[i]))
    i++;
  return i;
}

/* A page number: one to four digits; returns the index after it, or @i when there is none */
static guint
skip_number (const gunichar *s,
             guint           i,
             guint           end)
{
  guint j = i;

  while (j < end && j - i < 5 && is_digit (s[j]))
    j++;
  return j - i >= 1 && j - i <= 4 ? j : i;
}

/* `— 5 —`, `-3-`, `- 12 -`: dashes, a number, dashes, at [i, end); returns the index after
 * it, or @i. @max_dashes bounds each run (in prose, a number between dashes is a page
 * number only when the dashes are few). */
static guint
match_dashed (const gunichar *s,
              guint           i,
              guint           end,
              guint           max_dashes)
{
  guint j = i, k, n;

  for (n = 0; j < end && is_dash (s[j]); j++)
    n++;
  if (n == 0 || n > max_dashes)
    return i;
  j = skip_blanks (s, j, end);
  k = skip_number (s, j, end);
  if (k == j)
    return i;
  j = skip_blanks (s, k, end);
  for (n = 0; j < end && is_dash (s[j]); j++)
    n++;
  if (n == 0 || n > max_dashes)
    return i;
  return j;
}

/* `第 3 页`, optionally followed by `共 7 页` (with a comma or slash between), or
 * `共 7 页 第 3 页`; returns the index after it, or @i */
static guint
match_page_of (const gunichar *s,
               guint           i,
               guint           end,
               gboolean        need_both)
{
  const gunichar first = s[i];
  guint j, k, parts = 0;

  if (i >= end || (first != 0x7B2C /* 第 */ && first != 0x5171 /* 共 */))
    return i;
  j = i;
  for (guint part = 0; part < 2; part++)
    {
      gunichar lead = part == 0 ? first : (first == 0x7B2C ? 0x5171 : 0x7B2C);

      if (part == 1)
        {
          guint save = j;

          while (j < end && (nb_layout_is_blank (s[j]) || s[j] == ',' || s[j] == 0xFF0C || s[j] == 0x3001 ||
                             s[j] == '/'))
            j++;
          if (j >= end || s[j] != lead)
            {
              j = save;
              break;
            }
        }
      else if (s[j] != lead)
        return i;
      j = skip_blanks (s, j + 1, end);
      k = skip_number (s, j, end);
      if (k == j)
        return part == 0 ? i : j;
      j = skip_blanks (s, k, end);
      if (j >= end || s[j] != 0x9875 /* 页 */)
        return part == 0 ? i : j;
      j++;
      parts++;
    }
  if (parts == 0 || (need_both && parts < 2) || (parts == 1 && first != 0x7B2C))
    return i;
  return j;
}

/* Whether [a, b) holds @word */
static gboolean
contains (const gunichar *s,
          guint           a,
          guint           b,
          const gunichar *word,
          guint           len)
{
  for (guint i = a; i + len <= b; i++)
    if (memcmp (s + i, word, len * sizeof (gunichar)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
same_line (const gunichar *s,
           guint           a1,
           guint           b1,
           guint           a2,
           guint           b2)
{
  return b1 - a1 == b2 - a2 && memcmp (s + a1, s + a2, (b1 - a1) * sizeof (gunichar)) == 0;
}

#define MAX_TITLES 8

/**
 * nb_furniture_blank:
 *
 * Blanks, with spaces:
 *
 * - lines that hold only a page number between dashes (`— 5 —`, `-3-`) or `第 3 页`
 *   (`共 7 页`), and such footers inside a line where they cannot be anything else
 *   (`— 5 —` with em dashes, `第 3 页 共 7 页`), as flattened web text has them;
 * - running headers: a line repeating the report's title (a line with 年度报告 seen
 *   before), every time but the first.
 */
void
nb_furniture_blank (gunichar *norm,
                    guint     n_norm)
{
  static const gunichar nianduBaogao[] = { 0x5E74, 0x5EA6, 0x62A5, 0x544A };  /* 年度报告 */
  guint titles[MAX_TITLES][2];
  guint n_titles = 0;

  for (guint pos = 0, a, b; nb_layout_next_line (norm, n_norm, &pos, &a, &b);)
    {
      guint e;

      if (a == b)
        continue;

      /* a whole line of furniture */
      e = match_dashed (norm, a, b, 3);
      if (e == a)
        e = match_page_of (norm, a, b, FALSE);
      if (e > a && skip_blanks (norm, e, b) == b)
        {
          nb_layout_blank (norm, a, b);
          continue;
        }

      /* a running header: the title again */
      if (b - a <= 80 && contains (norm, a, b, nianduBaogao, G_N_ELEMENTS (nianduBaogao)))
        {
          gboolean repeat = FALSE;

          for (guint t = 0; t < n_titles && !repeat; t++)
            repeat = same_line (norm, titles[t][0], titles[t][1], a, b);
          if (repeat)
            {
              nb_layout_blank (norm, a, b);
              continue;
            }
          if (n_titles < MAX_TITLES)
            {
              titles[n_titles][0] = a;
              titles[n_titles++][1] = b;
            }
        }

      /* footers inside a line: only the forms that cannot be prose */
      for (guint i = a; i < b; i++)
        {
          if (norm[i] == 0x2014 && (i == a || norm[i - 1] != 0x2014) &&
              (e = match_dashed (norm, i, b, 2)) > i && norm[e - 1] == 0x2014 &&
              (e == b || norm[e] != 0x2014) && (i == a || !is_digit (norm[i - 1])) &&
              (e == b || !is_digit (norm[e])))
            {
              nb_layout_blank (norm, i, e);
              i = e - 1;
            }
          else if (norm[i] == 0x7B2C && (e = match_page_of (norm, i, b, TRUE)) > i)
            {
              nb_layout_blank (norm, i, e);
              i = e - 1;
            }
        }
    }
}
