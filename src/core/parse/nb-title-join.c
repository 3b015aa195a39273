/* nb-title-join.c — a title wrapped mid-phrase (…政府信息公开 / 工作年度报告) read as one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-layout-private.h"

/* 政府信息公开工作年度报告 */
static const gunichar phrase[] = {
  0x653F, 0x5E9C, 0x4FE1, 0x606F, 0x516C, 0x5F00, 0x5DE5, 0x4F5C, 0x5E74, 0x5EA6, 0x62A5, 0x544A,
};

/* How many characters of the phrase's end [a, b) ends with (blanks skipped), 0 when none */
static guint
ends_with_start (const gunichar *s,
                 guint           a,
                 guint           b)
{
  for (guint k = G_N_ELEMENTS (phrase) - 1; k >= 2; k--)
    {
      guint i = b, j = k;

      while (j > 0 && i > a && s[i - 1] == phrase[j - 1])
        {
          i--;
          j--;
        }
      if (j == 0)
        return k;
    }
  return 0;
}

/* Whether [a, b) starts with the phrase from its @from-th character to its end */
static gboolean
starts_with_rest (const gunichar *s,
                  guint           a,
                  guint           b,
                  guint           from)
{
  guint len = G_N_ELEMENTS (phrase) - from;

  return b - a >= len && memcmp (s + a, phrase + from, len * sizeof (gunichar)) == 0;
}

/**
 * nb_title_join:
 *
 * Near the top of the text, a line that ends with the start of 政府信息公开工作年度报告
 * followed (blank lines between allowed) by a line that starts with the rest of it is one
 * title wrapped in two: the line ends between them become spaces.
 */
void
nb_title_join (gunichar *norm,
               guint     n_norm)
{
  guint prev_a = 0, prev_b = 0, lines = 0;
  gboolean have_prev = FALSE;

  for (guint pos = 0, a, b; lines < 12 && nb_layout_next_line (norm, n_norm, &pos, &a, &b);)
    {
      guint k;

      if (a == b)
        continue;
      lines++;
      if (have_prev && (k = ends_with_start (norm, prev_a, prev_b)) > 0 &&
          starts_with_rest (norm, a, b, k))
        {
          for (guint i = prev_b; i < a; i++)
            norm[i] = ' ';
          return;
        }
      prev_a = a;
      prev_b = b;
      have_prev = TRUE;
    }
}
