/* nb-check-prose.c — what the prose says against the tables and itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

static void
prose_mismatch (Checker    *ck,
                guint       start,
                guint       end,
                const char *zh,
                const char *en,
                int         cell)
{
  NbFinding *f = add (ck, "prose.table_mismatch", NB_SEVERITY_ERROR, zh, en);

  nb_finding_add_span (f, span_of (ck, start, end));
  add_cell (ck, f, cell);
}

/* The figures the prose about requests is weighed against: 本年新收, 上年结转,
 * 结转下年度, 予以公开 and the results' total, in the total column */
typedef struct
{
  Checker    *ck;
  const Text *t;
  guint       from;
  guint       to;
  int         c_new, c_in, c_over, c_public, c_results;
  double      v_new, v_in, v_over;
} ProseRequests;

#define RECEIVED_WINDOW 24        /* characters after 收到 in which its count is looked for */
#define REQUEST_AFTER_COUNT 6     /* …and after the count, in which 申请 may follow ("4 个依申请公开") */
#define CARRIED_WINDOW 14         /* characters after 结转 in which its count is looked for */
#define SETTLED_PHRASE_SPAN 14    /* characters of 已全部办结 and what follows that a finding marks */
#define DISCLOSED_PHRASE_LEN 6    /* 全部予以公开 */

/* 收到 … 申请 N 件 (no comma between) against 本年新收 (or with 上年结转) */
static void
prose_received (const ProseRequests *pr,
                guint                i)
{
  Checker *ck = pr->ck;
  const Text *t = pr->t;
  guint to = pr->to;
  guint j = i + 2, limit = MIN (to, i + RECEIVED_WINDOW);
  gboolean saw_request = FALSE;

  for (; j < limit; j++)
    {
      Quantity q;
      gunichar c = t->s[j];

      if (is_stop (c) || c == ',' || c == 0x3001)
        break;
      if (t_match (t, j, "申请"))
        saw_request = TRUE;
      if (t_digit (c))
        {
          if (!read_quantity (t, j, &q) || q.approx ||
              t_match (t, q.after, "工作日") || t_match (t, q.after, "月") ||
              t_match (t, q.after, "小时") || t_match (t, q.after, "天"))
            break;
          if (!saw_request)
            {
              /* "收到 4 个依申请公开": 申请 just after */
              for (guint k = q.after; k < MIN (to, q.after + REQUEST_AFTER_COUNT); k++)
                if (t_match (t, k, "申请"))
                  saw_request = TRUE;
            }
          if (saw_request && q.value != pr->v_new && q.value != pr->v_new + pr->v_in)
            {
              g_autofree char *n = nb_format_number (q.value), *tn = nb_format_number (pr->v_new);
              g_autofree char *zh = g_strdup_printf ("正文说收到申请 %s 件，表格“本年新收政府信息公开申请数量”"
                                                     "总计为 %s。", n, tn);
              g_autofree char *en = g_strdup_printf ("The text says %s requests were received; the "
                                                     "table’s new requests total is %s.", n, tn);

              prose_mismatch (ck, q.start, q.end, zh, en, pr->c_new);
            }
          break;
        }
    }
}

/* N 件结转 / 结转 N 件 against 结转下年度 (上年结转 when it says last year's) */
static void
prose_carried (const ProseRequests *pr,
               guint                i)
{
  Checker *ck = pr->ck;
  const Text *t = pr->t;
  guint from = pr->from, to = pr->to;
  gboolean last_year = (i >= 2 && (t_match (t, i - 2, "上年") || t_match (t, i - 2, "去年"))) ||
                       (i >= 3 && (t_match (t, i - 3, "上一年") || t_match (t, i - 3, "上年度"))) ||
                       (i >= 4 && t_match (t, i - 4, "上一年度"));
  Quantity q;
  gboolean found = FALSE;

  /* before: "3 件结转" */
  {
    guint k = i;

    while (k > from && t_space (t->s[k - 1]))
      k--;
    if (k > from && is_counter (t->s[k - 1]))
      {
        guint d = k - 1;

        while (d > from && t_space (t->s[d - 1]))
          d--;
        while (d > from && t_digit (t->s[d - 1]))
          d--;
        found = read_quantity (t, d, &q) && q.after == k;
      }
  }
  /* after: "结转下年度办理 3 件" */
  if (!found)
    for (guint k = i + 2; k < MIN (to, i + CARRIED_WINDOW); k++)
      {
        if (is_stop (t->s[k]) || t->s[k] == ',')
          break;
        if (t_digit (t->s[k]))
          {
            found = read_quantity (t, k, &q);
            break;
          }
      }
  if (found && !q.approx)
    {
      int cell = last_year ? pr->c_in : pr->c_over;
      double tv = last_year ? pr->v_in : pr->v_over;

      if ((last_year ? pr->c_in >= 0 : TRUE) && q.value != tv &&
          ck->report->cells[cell].has_value)
        {
          g_autofree char *n = nb_format_number (q.value), *tn = nb_format_number (tv);
          g_autofree char *zh = g_strdup_printf (last_year ? "正文说上年结转 %s 件，表格“上年结转”总计为 %s。"
                                                           : "正文说结转 %s 件，表格“结转下年度继续办理”总计为 %s。",
                                                 n, tn);
          g_autofree char *en = g_strdup_printf (last_year ? "The text says %s requests were carried over "
                                                             "from last year; the table says %s."
                                                           : "The text says %s requests were carried "
                                                             "over to next year; the table says %s.",
                                                 n, tn);

          prose_mismatch (ck, q.start, q.end, zh, en, cell);
        }
    }
}

/* 已全部办结: nothing carried over */
static void
prose_all_settled (const ProseRequests *pr,
                   guint                i)
{
  Checker *ck = pr->ck;
  const Text *t = pr->t;
  guint to = pr->to;
  guint ss = sentence_start (t, i);
  gboolean about_last_year = FALSE;

  for (guint k = ss; k < sentence_end (t, i); k++)
    if (t_match (t, k, "上年") || t_match (t, k, "结转") || t_match (t, k, "顺延") ||
        t_match (t, k, "下年"))
      about_last_year = TRUE;
  if (!about_last_year)
    {
      g_autofree char *tn = nb_format_number (pr->v_over);
      g_autofree char *zh = g_strdup_printf ("正文说申请已全部办结，表格却有 %s 件“结转下年度继续办理”。", tn);
      g_autofree char *en = g_strdup_printf ("The text says every request was settled, but the table "
                                             "carries %s over to next year.", tn);
      guint e = i;

      while (e < to && !is_stop (t->s[e]) && t->s[e] != ',' && e < i + SETTLED_PHRASE_SPAN)
        e++;
      prose_mismatch (ck, i, e, zh, en, pr->c_over);
    }
}

/* 全部予以公开: every result is 予以公开 */
static void
prose_all_disclosed (const ProseRequests *pr,
                     guint                i)
{
  Checker *ck = pr->ck;
  double v_public, v_results;
  g_autofree char *a = NULL, *b = NULL, *zh = NULL, *en = NULL;

  if (!val (ck, pr->c_public, &v_public) || !val (ck, pr->c_results, &v_results) || v_public == v_results)
    return;
  a = nb_format_number (v_public);
  b = nb_format_number (v_results);
  zh = g_strdup_printf ("正文说申请全部予以公开，表格中予以公开为 %s，办理结果总计为 %s。", a, b);
  en = g_strdup_printf ("The text says every request was disclosed in full, but the "
                        "table has %s disclosed of %s handled.", a, b);
  prose_mismatch (ck, i, i + DISCLOSED_PHRASE_LEN, zh, en, pr->c_public);
}

/* 收到/受理 …申请 N 件 against 本年新收; N 件结转 against 结转下年度 */
void
nb_check_prose_requests (Checker    *ck,
                         const Text *t,
                         guint       from,
                         guint       to)
{
  static const char *const triggers[] = { "收到", "受理", "接到", "接收", NULL };
  /* Only phrases that say every request was settled: "均在法定期限内予以答复"
   * says they were answered in time, which a carried-over one still is. */
  static const char *const all_done[] = { "全部办结", "均已办结", "均依法办结", "均按时办结", "均已按时办结",
                                          "已全部答复", "全部予以答复", NULL };
  static const char *const others[] = { "结转", "全部予以公开", NULL };
  ProseRequests pr = { ck, t, from, to,
                       req (ck, "new", NB_REQUEST_COLUMN_TOTAL), req (ck, "carried_in", NB_REQUEST_COLUMN_TOTAL),
                       req (ck, "carried_over", NB_REQUEST_COLUMN_TOTAL), req (ck, "public", NB_REQUEST_COLUMN_TOTAL),
                       req (ck, "result_total", NB_REQUEST_COLUMN_TOTAL), 0, 0, 0 };
  gboolean have_new = val (ck, pr.c_new, &pr.v_new);
  gboolean have_over = val (ck, pr.c_over, &pr.v_over);
  CharSet firsts = { { 0 } };

  val (ck, pr.c_in, &pr.v_in);

  /* every phrase looked for starts with one of a few characters; most positions start none */
  char_set_add_firsts (&firsts, triggers);
  char_set_add_firsts (&firsts, all_done);
  char_set_add_firsts (&firsts, others);

  for (guint i = from; i < to; i++)
    {
      if ((i = skip_to_char_set (t, i, to, &firsts)) >= to)
        break;
      if (have_new && t_match_any (t, i, triggers))
        prose_received (&pr, i);
      if (have_over && t_match (t, i, "结转"))
        prose_carried (&pr, i);
      if (have_over && pr.v_over != 0 && t_match_any (t, i, all_done))
        prose_all_settled (&pr, i);
      if (t_match (t, i, "全部予以公开"))
        prose_all_disclosed (&pr, i);
    }
}

/* 共计 N 条，其中 A 条、B 条、C 条: the parts add up to the total */
void
nb_check_prose_sums (Checker    *ck,
                     const Text *t,
                     guint       from,
                     guint       to)
{
  static const char *const total_words[] = { "共计", "合计", "总计", "累计", "共", "总数", NULL };

  for (guint i = from; i + 2 <= to; i++)
    {
      guint ss, se, lookback;
      Quantity total = { 0 }, q;
      gboolean have_total = FALSE, explicit_total = FALSE;
      double sum = 0;
      guint n_parts = 0;
      GArray *parts;

      if ((i = skip_to_char (t, i, to, 0x5176 /* 其 */)) + 2 > to)
        break;
      if (!t_match (t, i, "其中"))
        continue;

      ss = sentence_start (t, i);
      lookback = ss;
      /* 其中 opening a sentence refers to the sentence before */
      {
        guint k = i;

        while (k > ss && t_space (t->s[k - 1]))
          k--;
        if (k == ss && ss > from && t->s[ss - 1] == 0x3002)
          lookback = sentence_start (t, ss - 1);
      }

      /* the total: the last quantity after 共/计 before 其中, else one just before "，其中" */
      for (guint k = lookback; k < i; k++)
        if (read_quantity (t, k, &q) && !q.approx)
          {
            gboolean expl = FALSE;

            for (guint b = (q.start > lookback + 8 ? q.start - 8 : lookback); b < q.start; b++)
              if (t_match_any (t, b, total_words))
                expl = TRUE;
            if (expl)
              {
                total = q;
                have_total = TRUE;
                explicit_total = TRUE;
              }
            else if (!explicit_total)
              {
                guint a = q.after;

                while (a < i && (t_space (t->s[a]) || t->s[a] == ','))
                  a++;
                if (a == i)
                  {
                    total = q;
                    have_total = TRUE;
                  }
              }
            k = q.after - 1;
          }
      if (!have_total)
        continue;

      se = sentence_end (t, i + 2);
      /* stop at the next 其中 */
      for (guint k = i + 2; k < se; k++)
        if (t_match (t, k, "其中"))
          {
            se = k;
            break;
          }

      parts = g_array_new (FALSE, FALSE, sizeof (Quantity));
      for (guint k = i + 2; k < se; k++)
        if (read_quantity (t, k, &q))
          {
            if (q.counter == total.counter && !q.approx)
              {
                g_array_append_val (parts, q);
                sum += q.value;
                n_parts++;
              }
            k = q.after - 1;
          }

      if (n_parts >= 2 && sum != total.value && (sum > total.value || explicit_total))
        {
          g_autofree char *st = nb_format_number (total.value), *ss_ = nb_format_number (sum);
          g_autoptr(GString) list = g_string_new (NULL);
          g_autofree char *zh = NULL, *en = NULL;
          NbFinding *f;

          for (guint k = 0; k < parts->len; k++)
            {
              g_autofree char *v = nb_format_number (g_array_index (parts, Quantity, k).value);

              g_string_append_printf (list, "%s%s", k ? " + " : "", v);
            }
          zh = g_strdup_printf ("正文给出的合计为 %s，但其中列出的各项之和为 %s（%s）。", st, ss_, list->str);
          en = g_strdup_printf ("The text gives a total of %s, but the parts it lists add up to %s (%s).",
                                st, ss_, list->str);
          f = add (ck, "prose.sum", sum > total.value ? NB_SEVERITY_ERROR : NB_SEVERITY_WARNING, zh, en);
          nb_finding_add_span (f, span_of (ck, total.start, total.end));
          for (guint k = 0; k < parts->len; k++)
            nb_finding_add_span (f, span_of (ck, g_array_index (parts, Quantity, k).start,
                                             g_array_index (parts, Quantity, k).end));
        }
      g_array_unref (parts);
    }
}
