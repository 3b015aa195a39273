/* nb-unflatten.c — flattened web text: a report that a crawler or a copy from a browser left
 * on one or two lines, read as lines again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-layout-private.h"

#define MAX_FLAT_LINES 3     /* a text on so few lines is flat */
#define MIN_FLAT_LINE 1500   /* or one with a line this long (a whole report's tables and more) */

/* The section headings, by their number and the words that follow it; the heading ends
 * with these words, or else with the next 情况 */
static const struct
{
  gunichar    number;
  const char *words;
  gboolean    complete;
} headings[] = {
  { 0x4E00, "总体情况", TRUE },
  { 0x4E8C, "主动公开政府信息情况", TRUE },
  { 0x4E09, "收到和处理政府信息公开申请情况", TRUE },
  { 0x56DB, "政府信息公开行政复议", FALSE },
  { 0x56DB, "因政府信息公开工作被申请行政复议", FALSE },
  { 0x4E94, "政府信息公开工作存在的主要问题", FALSE },
  { 0x4E94, "存在的主要问题", FALSE },
  { 0x516D, "其他需要报告的事项", TRUE },
};

/* The labels that start a line in the tables (normalised: ASCII parentheses and digits; a
 * "." after an ordinal also matches 、). A row's ordinal belongs to its label, so a label
 * glued to the previous row's digits (00000002.其他法律…) still starts a line. */
static const char *const table_labels[] = {
  /* section 二, both editions */
  "第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "第二十条第(九)项",
  "信息内容", "规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚",
  "行政强制", "行政事业性收费", "政府集中采购",
  /* section 三 */
  "申请人情况", "一、本年新收", "二、上年结转", "三、本年度办理结果", "(一)予以公开", "(二)部分公开",
  "(三)不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及", "4.保护第三方",
  "5.属于三类内部事务", "6.属于四类过程性", "7.属于行政执法案卷", "8.属于行政查询", "(四)无法提供",
  "1.本机关不掌握", "2.没有现成信息", "3.补正后申请内容", "(五)不予处理", "1.信访举报投诉", "2.重复申请",
  "3.要求提供公开出版物", "4.无正当理由大量反复", "5.要求行政机关确认", "(六)其他处理",
  "1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知", "3.其他", "(七)总计", "四、结转下年度",
  /* section 四 */
  "行政复议",
};

typedef struct
{
  gunichar *c;
  guint     n;
} Word;

static Word
word_new (const char *utf8)
{
  glong n = 0;
  Word w = { g_utf8_to_ucs4_fast (utf8, -1, &n), 0 };

  w.n = n;
  return w;
}

/* Whether @w is at @s[i], blanks in the text skipped (not before its first character);
 * returns the index after it, or 0 */
static guint
match_at (const gunichar *s,
          guint           n,
          guint           i,
          const Word     *w)
{
  guint k = 0;

  while (k < w->n && i < n)
    {
      if (k > 0 && nb_layout_is_blank (s[i]))
        {
          i++;
          continue;
        }
      if (s[i] != w->c[k] && !(w->c[k] == '.' && s[i] == 0x3001))
        return 0;
      i++;
      k++;
    }
  return k == w->n ? i : 0;
}

/* A label's head at @s[i] (its ordinal and at least four characters more) followed at once
 * by digits: a label wrapped in its cell, flattened with the row's digits after its first
 * line (2.其他法律0000000行政法规禁止公开); returns the index after the head, or 0 */
static guint
head_at (const gunichar *s,
         guint           n,
         guint           i,
         const Word     *w)
{
  guint k = 0, ord = 0;

  while (ord < w->n && w->c[ord] >= '0' && w->c[ord] <= '9')
    ord++;
  if (ord == 0 || ord >= w->n || w->c[ord] != '.')
    return 0;
  while (k < w->n && i + k < n && (s[i + k] == w->c[k] || (w->c[k] == '.' && s[i + k] == 0x3001)))
    k++;
  return k >= ord + 5 && k < w->n && i + k < n && s[i + k] >= '0' && s[i + k] <= '9' ? i + k : 0;
}

/* Whether something other than blanks precedes @i on its line */
static gboolean
mid_line (const gunichar *s,
          guint           i)
{
  while (i > 0 && s[i - 1] != '\n')
    if (!nb_layout_is_blank (s[--i]))
      return TRUE;
  return FALSE;
}

/* A section heading at @i: its number, 、 or ., then its words; returns the index after the
 * words, or 0 */
static guint
heading_at (const gunichar *s,
            guint           n,
            guint           i,
            Word           *words,
            gunichar       *number,
            guint          *end)
{
  guint j;

  if (i + 2 >= n || (s[i + 1] != 0x3001 && s[i + 1] != '.'))
    return 0;
  j = i + 2;
  while (j < n && nb_layout_is_blank (s[j]))
    j++;
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    {
      guint e;

      if (s[i] == headings[h].number && (e = match_at (s, n, j, &words[h])) > 0)
        {
          *number = s[i];
          *end = e;
          for (guint k = e; !headings[h].complete && k + 1 < n && k < e + 24 && s[k] != '\n'; k++)
            if (s[k] == 0x60C5 && s[k + 1] == 0x51B5)  /* 情况 */
              {
                *end = k + 2;
                break;
              }
          return e;
        }
    }
  return 0;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Whether the text is on a few lines, or has one as long as a whole report: a report that
 * keeps its lines may still name its sections in a sentence ("包括一、总体情况；二、…") */
static gboolean
looks_flat (const gunichar *s,
            guint           n)
{
  guint lines = 1, longest = 0, start = 0;

  for (guint i = 0; i <= n; i++)
    if (i == n || s[i] == '\n')
      {
        longest = MAX (longest, i - start);
        start = i + 1;
        lines += i < n;
      }
  return lines <= MAX_FLAT_LINES || longest >= MIN_FLAT_LINE;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * nb_unflatten:
 *
 * When at least two of a report's section headings sit inside a line and the text is on a
 * few lines or has one very long line, it is taken for flattened: line breaks are inserted before every heading found inside a line, and,
 * between section 二 and section 五, before every table label found inside a line and
 * before section 四's numbers. The inserted breaks map to the character they precede, so
 * spans stay right; nothing else changes.
 */
void
nb_unflatten (gunichar **norm,
              guint    **norm_to_src,
              guint     *n_norm)
{
  const gunichar *s = *norm;
  guint n = *n_norm;
  Word words[G_N_ELEMENTS (headings)];
  g_autoptr(GArray) breaks = NULL;
  guint inside = 0, tables_from = 0, tables_to = 0, appeals_at = 0, appeals_from = 0;

  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    words[h] = word_new (headings[h].words);
  breaks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      gunichar number = 0;
      guint end = 0, e = heading_at (s, n, i, words, &number, &end);

      if (e == 0)
        continue;
      if (mid_line (s, i))
        {
          inside++;
          g_array_append_val (breaks, i);
        }
      /* the heading on a line of its own */
      if (end < n && s[end] != '\n')
        g_array_append_val (breaks, end);
      if (number == 0x4E8C && tables_from == 0)
        tables_from = e;
      else if (number == 0x56DB && tables_from > 0 && appeals_from == 0)
        {
          appeals_at = i;
          appeals_from = end;
        }
      else if (number == 0x4E94 && tables_from > 0 && tables_to == 0)
        tables_to = i;
      i = e - 1;
    }
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    g_free (words[h].c);
  if (inside < 2 || !looks_flat (s, n))
    return;

  /* the title on a line of its own: it ends with the first 年度报告 near the start */
  for (guint i = 0; i + 4 < n && i < 400; i++)
    if (s[i] == 0x5E74 && s[i + 1] == 0x5EA6 && s[i + 2] == 0x62A5 && s[i + 3] == 0x544A)
      {
        guint e = i + 4;

        while (e < n && nb_layout_is_blank (s[e]))
          e++;
        if (e < n && s[e] != '\n')
          g_array_append_val (breaks, e);
        break;
      }

  if (tables_from > 0)
    {
      Word labels[G_N_ELEMENTS (table_labels)];
      gboolean header = TRUE;  /* in section 四, before its first number */

      if (tables_to == 0)
        tables_to = n;
      for (guint l = 0; l < G_N_ELEMENTS (table_labels); l++)
        labels[l] = word_new (table_labels[l]);
      for (guint i = tables_from; i < tables_to; i++)
        {
          if (appeals_from > 0 && i >= appeals_from && header && is_digit (s[i]))
            {
              header = FALSE;
              if (mid_line (s, i))
                g_array_append_val (breaks, i);
              continue;
            }
          if (appeals_from > 0 && i >= appeals_at && i < appeals_from)
            continue;  /* section 四's heading */
          for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
            {
              guint e = match_at (s, n, i, &labels[l]);

              if (e == 0)
                e = head_at (s, n, i, &labels[l]);

              /* 规范性文件 inside 行政规范性文件 is no label of its own */
              if (e == 0 || (i >= 2 && s[i - 2] == 0x884C && s[i - 1] == 0x653F) ||
                  (appeals_from > 0 && i >= appeals_from && l + 1 < G_N_ELEMENTS (labels)))
                continue;
              if (mid_line (s, i))
                {
                  guint at = i;

                  /* the rest of a group label wrapped in its cell (（四）无 / 法提供) is
                   * glued after the digits of the row before: it goes with the row after */
                  if (is_digit (table_labels[l][0]))
                    {
                      guint k = 0;

                      while (k < 3 && i > k + tables_from && g_unichar_type (s[i - k - 1]) == G_UNICODE_OTHER_LETTER)
                        k++;
                      if (k > 0 && i > k + tables_from && is_digit (s[i - k - 1]))
                        at = i - k;
                    }
                  g_array_append_val (breaks, at);
                }
              i = e - 1;
              break;
            }
        }
      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        g_free (labels[l].c);
    }

  g_array_sort (breaks, compare_positions);
  {
    gunichar *out = g_new (gunichar, n + breaks->len + 2);
    guint *map = g_new (guint, n + breaks->len + 2);
    guint k = 0, m = 0;

    for (guint i = 0; i <= n + 1; i++)
      {
        while (i < n && k < breaks->len && g_array_index (breaks, guint, k) == i)
          {
            if (k == 0 || g_array_index (breaks, guint, k - 1) != i)
              {
                out[m] = '\n';
                map[m++] = (*norm_to_src)[i];
              }
            k++;
          }
        out[m] = i <= n ? s[i] : 0;
        map[m++] = (*norm_to_src)[i];
      }
    g_free (*norm);
    g_free (*norm_to_src);
    *norm = out;
    *norm_to_src = map;
    *n_norm = n + (m - (n + 2));
  }
}
