/* nb-checker.c — the consistency checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every check reads the report's cells (with corrections applied) and text
 * and says what it finds as an NbFinding: a rule id (SCHEMA.md), a severity,
 * the cells and text spans concerned, and a message in Chinese and English.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-report-private.h"
#include "nb-schema.h"
#include "check/nb-places.h"

/* （一）…（六） of section 三: 21 rows in the 2021 edition, 19 in 2019 */
#define MAX_RESULT_ROWS 24

typedef struct
{
  NbReport  *report;
  NbEdition  edition;
  GPtrArray *out;
} Checker;

static NbFinding *
add (Checker    *ck,
     const char *rule,
     NbSeverity  severity,
     const char *zh,
     const char *en)
{
  NbFinding *f = nb_finding_new (rule, severity, zh, en);

  g_ptr_array_add (ck->out, f);
  return f;
}

static void
add_cell (Checker   *ck,
          NbFinding *f,
          int        cell)
{
  if (cell < 0)
    return;
  nb_finding_add_cell (f, cell);
  nb_finding_add_span (f, ck->report->cells[cell].span);
}

static gboolean
val (Checker *ck,
     int      cell,
     double  *v)
{
  NbCell *c;

  *v = 0;
  if (cell < 0)
    return FALSE;
  c = &ck->report->cells[cell];
  *v = c->has_value ? c->value : 0;
  return c->has_value;
}


/* Adds up the cells that have values; returns whether they all had one. */
static gboolean
sum_cells (Checker   *ck,
           const int *cells,
           guint      n,
           double    *sum)
{
  gboolean all = TRUE;
  double v;

  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      if (val (ck, cells[i], &v))
        *sum += v;
      else
        all = FALSE;
    }
  return all;
}

/* Parts and their total disagree: when every part is known, they differ; when
 * some are missing, the known ones already exceed the total. */
static gboolean
parts_disagree (gboolean all_known,
                double   sum,
                double   total)
{
  return all_known ? fabs (sum - total) > 1e-9 : sum > total + 1e-9;
}

static int
req (Checker    *ck,
     const char *row,
     guint       col)
{
  int r = nb_schema_request_row_index (ck->edition, row);

  return r < 0 ? -1 : nb_schema_request_cell (ck->edition, r, col);
}

/* ------------------------------------------------------------------ */
/* Table equations                                                     */

static void
check_row_sums (Checker *ck)
{
  guint n_rows = nb_schema_get_n_request_rows (ck->edition);

  for (guint r = 0; r < n_rows; r++)
    {
      double sum, total;
      int parts[NB_REQUEST_COLUMN_TOTAL];
      gboolean all;

      if (!val (ck, nb_schema_request_cell (ck->edition, r, NB_REQUEST_COLUMN_TOTAL), &total))
        continue;
      for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
        parts[c] = nb_schema_request_cell (ck->edition, r, c);
      all = sum_cells (ck, parts, NB_REQUEST_COLUMN_TOTAL, &sum);
      if (parts_disagree (all, sum, total))
        {
          const char *label = nb_schema_get_request_row_label (ck->edition, r);
          const char *english = nb_schema_get_request_row_english (ck->edition, r);
          g_autofree char *s_sum = nb_format_number (sum), *s_total = nb_format_number (total), *s_diff = nb_format_number (fabs (sum - total));
          g_autofree char *zh = g_strdup_printf ("“%s”一行：六类申请人合计为 %s，总计列却为 %s，相差 %s。",
                                                 label, s_sum, s_total, s_diff);
          g_autofree char *en = g_strdup_printf ("Row “%s” (%s): the six applicant columns add up to %s "
                                                 "but its total says %s.",
                                                 label, english, s_sum, s_total);
          NbFinding *f = add (ck, "requests.row_sum", NB_SEVERITY_ERROR, zh, en);

          for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
            add_cell (ck, f, nb_schema_request_cell (ck->edition, r, c));
        }
    }
}

static void
check_balance (Checker *ck)
{
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      int cn = req (ck, "new", c), ci = req (ck, "carried_in", c);
      int ct = req (ck, "result_total", c), co = req (ck, "carried_over", c);
      double vn, vi, vt, vo;

      if (!val (ck, cn, &vn) || !val (ck, ci, &vi) || !val (ck, ct, &vt) || !val (ck, co, &vo))
        continue;
      if (fabs ((vn + vi) - (vt + vo)) > 1e-9)
        {
          g_autofree char *a = nb_format_number (vn + vi), *b = nb_format_number (vt + vo);
          g_autofree char *sn = nb_format_number (vn), *si = nb_format_number (vi), *st = nb_format_number (vt), *so = nb_format_number (vo);
          g_autofree char *zh = g_strdup_printf (
            "“%s”列：第一项加第二项为 %s（新收 %s + 上年结转 %s），第三项（七）总计加第四项为 %s"
            "（办理结果总计 %s + 结转下年度 %s），二者应当相等。",
            nb_schema_get_request_column_label (c), a, sn, si, b, st, so);
          g_autofree char *en = g_strdup_printf (
            "Column “%s”: new requests plus those carried over from last year make %s (%s + %s), "
            "but the results total plus those carried over to next year make %s (%s + %s); "
            "the template requires them to be equal.",
            nb_schema_get_request_column_english (c), a, sn, si, b, st, so);
          NbFinding *f = add (ck, "requests.balance", NB_SEVERITY_ERROR, zh, en);

          add_cell (ck, f, cn);
          add_cell (ck, f, ci);
          add_cell (ck, f, ct);
          add_cell (ck, f, co);
        }
    }
}

static void
check_result_sums (Checker *ck)
{
  int r_public = nb_schema_request_row_index (ck->edition, "public");
  int r_total = nb_schema_request_row_index (ck->edition, "result_total");

  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      double sum, total, v;
      int parts[MAX_RESULT_ROWS];
      guint n_parts = 0;
      gboolean all;
      int ct = nb_schema_request_cell (ck->edition, r_total, c);

      if (!val (ck, ct, &total))
        continue;
      for (int r = r_public; r < r_total && n_parts < MAX_RESULT_ROWS; r++)
        parts[n_parts++] = nb_schema_request_cell (ck->edition, r, c);
      all = sum_cells (ck, parts, n_parts, &sum);
      if (parts_disagree (all, sum, total))
        {
          g_autofree char *s_sum = nb_format_number (sum), *s_total = nb_format_number (total);
          g_autofree char *zh = g_strdup_printf ("“%s”列：（一）至（六）各项办理结果之和为 %s，"
                                                 "（七）总计却为 %s。",
                                                 nb_schema_get_request_column_label (c), s_sum, s_total);
          g_autofree char *en = g_strdup_printf ("Column “%s”: the results (1) to (6) add up to %s "
                                                 "but (7) total says %s.",
                                                 nb_schema_get_request_column_english (c), s_sum, s_total);
          NbFinding *f = add (ck, "requests.result_sum", NB_SEVERITY_ERROR, zh, en);

          add_cell (ck, f, ct);
          for (guint k = 0; k < n_parts; k++)
            if (val (ck, parts[k], &v) && v != 0)
              add_cell (ck, f, parts[k]);
        }
    }
}

static void
check_appeals (Checker *ck)
{
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      double sum, total;
      int parts[NB_APPEAL_FIELD_TOTAL];
      gboolean all;

      if (!val (ck, nb_schema_appeal_cell (ck->edition, g, NB_APPEAL_FIELD_TOTAL), &total))
        continue;
      for (guint k = 0; k < NB_APPEAL_FIELD_TOTAL; k++)
        parts[k] = nb_schema_appeal_cell (ck->edition, g, k);
      all = sum_cells (ck, parts, NB_APPEAL_FIELD_TOTAL, &sum);
      if (parts_disagree (all, sum, total))
        {
          g_autofree char *s_sum = nb_format_number (sum), *s_total = nb_format_number (total);
          g_autofree char *zh = g_strdup_printf ("%s：结果维持、结果纠正、其他结果、尚未审结之和为 %s，"
                                                 "总计却为 %s。",
                                                 nb_schema_get_appeal_group_label (g), s_sum, s_total);
          g_autofree char *en = g_strdup_printf ("%s: upheld, corrected, other and pending add "
                                                 "up to %s but the total says %s.",
                                                 nb_schema_get_appeal_group_english (g), s_sum, s_total);
          NbFinding *f = add (ck, "appeals.group_sum", NB_SEVERITY_ERROR, zh, en);

          for (guint k = 0; k < NB_N_APPEAL_FIELDS; k++)
            add_cell (ck, f, nb_schema_appeal_cell (ck->edition, g, k));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

/* A non-negative whole number, a signed one for 本年增/减, a decimal for amounts */
static gboolean
value_fits (const NbCellDef *def,
            double           v)
{
  return (def->kind == NB_CELL_SIGNED || v >= 0) && (def->kind == NB_CELL_AMOUNT || v == floor (v));
}

static void
note_cell (Checker    *ck,
           guint       cell,
           const char *rule,
           NbSeverity  severity,
           const char *zh,
           const char *en)
{
  add_cell (ck, add (ck, rule, severity, zh, en), cell);
}

static void
check_cells (Checker *ck)
{
  NbReport *report = ck->report;

  for (guint i = 0; i < report->n_cells; i++)
    {
      NbCell *c = &report->cells[i];
      const NbCellDef *def = nb_schema_get_cell (ck->edition, i);
      g_autofree char *zh_name = NULL, *en_name = NULL, *v = NULL, *zh = NULL, *en = NULL;

      if (def->kind == NB_CELL_UNIT || !c->was_present || (c->unsplit && !c->corrected))
        continue;  /* an unsplit cell has its cell.ambiguous finding */
      /* a value read or typed in: only its form can be wrong */
      if ((c->corrected || c->origin == NB_ORIGIN_SOURCE) && (!c->has_value || value_fits (def, c->value)))
        continue;

      zh_name = nb_schema_describe_cell (ck->edition, i, FALSE);
      en_name = nb_schema_describe_cell (ck->edition, i, TRUE);
      v = nb_format_number (c->value);

      if (c->corrected || c->origin == NB_ORIGIN_SOURCE)
        {
          zh = g_strdup_printf ("%s 为 %s，应为非负整数。", zh_name, v);
          en = g_strdup_printf ("%s is %s; it must be a non-negative whole number.", en_name, v);
          note_cell (ck, i, "cell.invalid", NB_SEVERITY_ERROR, zh, en);
        }
      else if (c->origin == NB_ORIGIN_MISSING && nb_span_is_set (c->span))
        {
          zh = g_strdup_printf ("%s 处填写的不是数字。", zh_name);
          en = g_strdup_printf ("%s does not hold a number.", en_name);
          note_cell (ck, i, "cell.invalid", NB_SEVERITY_WARNING, zh, en);
        }
      else if (c->origin == NB_ORIGIN_INFERRED)
        {
          zh = g_strdup_printf ("%s 在报告中为空，按表格的勾稽关系只能是 %s，已据此推算。", zh_name, v);
          en = g_strdup_printf ("%s is empty in the report; the table’s equations determine it as %s.",
                                en_name, v);
          note_cell (ck, i, "cell.missing", NB_SEVERITY_INFO, zh, en);
        }
      else
        {
          zh = g_strdup_printf ("%s 在报告中为空，表格的勾稽关系也不能确定它的值。", zh_name);
          en = g_strdup_printf ("%s is empty in the report and the table’s equations do not determine it.",
                                en_name);
          note_cell (ck, i, "cell.missing", NB_SEVERITY_WARNING, zh, en);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Sections and edition                                                */

static void
check_sections (Checker *ck)
{
  static const char *const names[NB_N_SECTIONS] = {
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
  };
  static const char *const english[NB_N_SECTIONS] = {
    "1. Overview", "2. Proactive disclosure", "3. Requests received and handled",
    "4. Administrative reviews and lawsuits", "5. Main problems and improvements", "6. Other matters",
  };

  for (guint k = 0; k < NB_N_SECTIONS; k++)
    if (!nb_span_is_set (ck->report->sections[k]))
      {
        g_autofree char *zh = g_strdup_printf ("报告缺少第%s部分“%s”（或其标题与模板不符）。",
                                               (const char *[]) { "一", "二", "三", "四", "五", "六" }[k],
                                               names[k]);
        g_autofree char *en = g_strdup_printf ("The report lacks section “%s” (%s), or its heading "
                                               "differs from the template’s.", names[k], english[k]);

        add (ck, "template.missing_section", NB_SEVERITY_ERROR, zh, en);
      }
}

static void
check_edition (Checker *ck)
{
  int year = ck->report->year;
  gboolean old = ck->edition == NB_EDITION_2019;

  if (year == 0 || (old && year <= 2020) || (!old && year >= 2021))
    return;
  {
    g_autofree char *zh = g_strdup_printf ("这是 %d 年度的报告，却使用了 %s 版的表格模板（%s）。", year,
                                           old ? "2019" : "2021",
                                           old ? "2021 年度起应使用国办公开办函〔2021〕30号的新模板"
                                               : "2020 年度及以前应使用国办公开办函〔2019〕60号的模板");
    g_autofree char *en = g_strdup_printf ("This is a report for %d but it uses the %s edition of the "
                                           "template (%s).", year, old ? "2019" : "2021",
                                           old ? "reports for 2021 on use the 2021 edition"
                                               : "reports for 2020 and before use the 2019 edition");
    NbFinding *f = add (ck, "template.edition", NB_SEVERITY_WARNING, zh, en);

    nb_finding_add_span (f, ck->report->year_span);
  }
}

/* ------------------------------------------------------------------ */
/* Prose                                                               */

typedef struct
{
  const gunichar *s;
  guint           n;
} Text;

static inline gboolean
t_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
t_space (gunichar c)
{
  return c == ' ' || c == '\t';
}

static inline gunichar
first_char (const char *utf8)
{
  const guchar *u = (const guchar *) utf8;

  if (u[0] < 0x80)
    return u[0];
  if ((u[0] & 0xF0) == 0xE0)
    return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  return g_utf8_get_char (utf8);
}

static inline gboolean
t_match (const Text *t,
         guint       pos,
         const char *utf8)
{
  /* most positions fail on the first character: decide that without decoding the rest */
  if (pos >= t->n || t->s[pos] != first_char (utf8))
    return FALSE;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p), pos++)
    if (pos >= t->n || t->s[pos] != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

static gboolean
t_match_any (const Text        *t,
             guint              pos,
             const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (t_match (t, pos, words[i]))
      return TRUE;
  return FALSE;
}

/* A set of a few characters, with a bit mask of their low six bits to turn most others away
 * at once */
typedef struct
{
  gunichar c[16];
  guint    n;
  guint64  mask;
} CharSet;

static void
char_set_add_firsts (CharSet           *set,
                     const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    {
      gunichar c = first_char (words[i]);
      guint k = 0;

      while (k < set->n && set->c[k] != c)
        k++;
      if (k == set->n)
        {
          g_assert (set->n < G_N_ELEMENTS (set->c));
          set->c[set->n++] = c;
          set->mask |= G_GUINT64_CONSTANT (1) << (c & 63);
        }
    }
}

static inline gboolean
char_set_has (const CharSet *set,
              gunichar       c)
{
  if (!((set->mask >> (c & 63)) & 1))
    return FALSE;
  for (guint i = 0; i < set->n; i++)
    if (c == set->c[i])
      return TRUE;
  return FALSE;
}

/* Where the scans below jump to the next position that can start what they look for: tight
 * loops of their own, out of line so that they keep their counters in registers */
G_GNUC_NO_INLINE static guint
skip_to_char (const Text *t,
              guint       pos,
              guint       end,
              gunichar    c)
{
  while (pos < end && t->s[pos] != c)
    pos++;
  return pos;
}

G_GNUC_NO_INLINE static guint
skip_to_digit (const Text *t,
               guint       pos,
               guint       end)
{
  while (pos < end && !t_digit (t->s[pos]))
    pos++;
  return pos;
}

G_GNUC_NO_INLINE static guint
skip_to_char_set (const Text    *t,
                  guint          pos,
                  guint          end,
                  const CharSet *set)
{
  while (pos < end && !char_set_has (set, t->s[pos]))
    pos++;
  return pos;
}

static gboolean
is_counter (gunichar c)
{
  return c == 0x4EF6 || c == 0x8D77 || c == 0x4E2A || c == 0x6761 || c == 0x4EFD || c == 0x5B97 ||
         c == 0x7BC7 || c == 0x6B21;  /* 件 起 个 条 份 宗 篇 次 */
}

static gboolean
is_stop (gunichar c)
{
  return c == 0x3002 || c == '\n' || c == 0xFF1B || c == ';' || c == '!' || c == '?';
}

typedef struct
{
  guint  start, end;  /* the digits */
  double value;
  gunichar counter;
  guint  after;       /* just past the counter */
  gboolean approx;    /* 余, 多 after the digits */
} Quantity;

/* A quantity at pos: digits, spaces, optional 余/多, a counter. */
static gboolean
read_quantity (const Text *t,
               guint       pos,
               Quantity   *q)
{
  guint i = pos, j;
  double v = 0;

  if (i >= t->n || !t_digit (t->s[i]) || (i > 0 && (t_digit (t->s[i - 1]) || t->s[i - 1] == '.')))
    return FALSE;
  while (i < t->n && t_digit (t->s[i]))
    v = v * 10 + (t->s[i++] - '0');
  if (i - pos > 12 || (i < t->n && t->s[i] == '.'))
    return FALSE;
  q->start = pos;
  q->end = i;
  q->value = v;
  q->approx = FALSE;
  j = i;
  while (j < t->n && t_space (t->s[j]))
    j++;
  if (j < t->n && (t->s[j] == 0x4F59 || t->s[j] == 0x591A))  /* 余 多 */
    q->approx = TRUE, j++;
  if (j >= t->n || !is_counter (t->s[j]))
    return FALSE;
  q->counter = t->s[j];
  q->after = j + 1;
  return TRUE;
}

static guint
sentence_start (const Text *t,
                guint       pos)
{
  while (pos > 0 && !is_stop (t->s[pos - 1]))
    pos--;
  return pos;
}

static guint
sentence_end (const Text *t,
              guint       pos)
{
  while (pos < t->n && !is_stop (t->s[pos]))
    pos++;
  return pos;
}

static NbSpan
span_of (Checker *ck,
         guint    start,
         guint    end)
{
  return nb_report_norm_span (ck->report, start, end);
}

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

/* 收到/受理 …申请 N 件 against 本年新收; N 件结转 against 结转下年度 */
static void
check_prose_requests (Checker    *ck,
                      const Text *t,
                      guint       from,
                      guint       to)
{
  static const char *const triggers[] = { "收到", "受理", "接到", "接收", NULL };
  /* Only phrases that say every request was settled: "均在法定期限内予以答复"
   * says they were answered in time, which a carried-over one still is. */
  static const char *const all_done[] = { "全部办结", "均已办结", "均依法办结", "均按时办结", "均已按时办结",
                                          "已全部答复", "全部予以答复", NULL };
  int c_new = req (ck, "new", NB_REQUEST_COLUMN_TOTAL);
  int c_in = req (ck, "carried_in", NB_REQUEST_COLUMN_TOTAL);
  int c_over = req (ck, "carried_over", NB_REQUEST_COLUMN_TOTAL);
  int c_public = req (ck, "public", NB_REQUEST_COLUMN_TOTAL);
  int c_results = req (ck, "result_total", NB_REQUEST_COLUMN_TOTAL);
  static const char *const others[] = { "结转", "全部予以公开", NULL };
  double v_new = 0, v_in = 0, v_over = 0, v_public, v_results;
  gboolean have_new = val (ck, c_new, &v_new);
  gboolean have_over = val (ck, c_over, &v_over);
  CharSet firsts = { { 0 } };

  val (ck, c_in, &v_in);

  /* every phrase looked for starts with one of a few characters; most positions start none */
  char_set_add_firsts (&firsts, triggers);
  char_set_add_firsts (&firsts, all_done);
  char_set_add_firsts (&firsts, others);

  for (guint i = from; i < to; i++)
    {
      if ((i = skip_to_char_set (t, i, to, &firsts)) >= to)
        break;

      /* 收到 … 申请 N 件 (no comma between) */
      if (have_new && t_match_any (t, i, triggers))
        {
          guint j = i + 2, limit = MIN (to, i + 24);
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
                      for (guint k = q.after; k < MIN (to, q.after + 6); k++)
                        if (t_match (t, k, "申请"))
                          saw_request = TRUE;
                    }
                  if (saw_request && q.value != v_new && q.value != v_new + v_in)
                    {
                      g_autofree char *n = nb_format_number (q.value), *tn = nb_format_number (v_new);
                      g_autofree char *zh = g_strdup_printf ("正文说收到申请 %s 件，表格“本年新收政府信息公开申请数量”"
                                                             "总计为 %s。", n, tn);
                      g_autofree char *en = g_strdup_printf ("The text says %s requests were received; the "
                                                             "table’s new requests total is %s.", n, tn);

                      prose_mismatch (ck, q.start, q.end, zh, en, c_new);
                    }
                  break;
                }
            }
        }

      /* N 件结转 / 结转 N 件 */
      if (have_over && t_match (t, i, "结转"))
        {
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
            for (guint k = i + 2; k < MIN (to, i + 14); k++)
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
              int cell = last_year ? c_in : c_over;
              double tv = last_year ? v_in : v_over;

              if ((last_year ? c_in >= 0 : TRUE) && q.value != tv &&
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
      if (have_over && v_over != 0 && t_match_any (t, i, all_done))
        {
          guint ss = sentence_start (t, i);
          gboolean about_last_year = FALSE;

          for (guint k = ss; k < sentence_end (t, i); k++)
            if (t_match (t, k, "上年") || t_match (t, k, "结转") || t_match (t, k, "顺延") ||
                t_match (t, k, "下年"))
              about_last_year = TRUE;
          if (!about_last_year)
            {
              g_autofree char *tn = nb_format_number (v_over);
              g_autofree char *zh = g_strdup_printf ("正文说申请已全部办结，表格却有 %s 件“结转下年度继续办理”。", tn);
              g_autofree char *en = g_strdup_printf ("The text says every request was settled, but the table "
                                                     "carries %s over to next year.", tn);
              guint e = i;

              while (e < to && !is_stop (t->s[e]) && t->s[e] != ',' && e < i + 14)
                e++;
              prose_mismatch (ck, i, e, zh, en, c_over);
            }
        }

      /* 全部予以公开: every result is 予以公开 */
      if (t_match (t, i, "全部予以公开") && val (ck, c_public, &v_public) && val (ck, c_results, &v_results) &&
          v_public != v_results)
        {
          g_autofree char *a = nb_format_number (v_public), *b = nb_format_number (v_results);
          g_autofree char *zh = g_strdup_printf ("正文说申请全部予以公开，表格中予以公开为 %s，办理结果总计为 %s。", a, b);
          g_autofree char *en = g_strdup_printf ("The text says every request was disclosed in full, but the "
                                                 "table has %s disclosed of %s handled.", a, b);

          prose_mismatch (ck, i, i + 6, zh, en, c_public);
        }
    }
}

/* 共计 N 条，其中 A 条、B 条、C 条: the parts add up to the total */
static void
check_prose_sums (Checker    *ck,
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

/* ------------------------------------------------------------------ */
/* Year and agency                                                     */

static gboolean
inside_brackets (const Text *t,
                 guint       pos)
{
  /* 《…》, 〔…〕, 【…】, (…) on the same line */
  int depth_book = 0, depth_other = 0;
  guint ls = pos;

  while (ls > 0 && t->s[ls - 1] != '\n')
    ls--;
  for (guint k = ls; k < pos; k++)
    {
      gunichar c = t->s[k];

      if (c == 0x300A)
        depth_book++;
      else if (c == 0x300B && depth_book > 0)
        depth_book--;
      else if (c == 0x3014 || c == 0x3010 || c == '[' || c == '(')
        depth_other++;
      else if ((c == 0x3015 || c == 0x3011 || c == ']' || c == ')') && depth_other > 0)
        depth_other--;
    }
  return depth_book > 0 || depth_other > 0;
}

static void
check_year (Checker    *ck,
            const Text *t,
            guint       from,
            guint       to)
{
  NbReport *report = ck->report;
  int year = report->year;
  NbFinding *f = NULL;

  if (year == 0)
    return;

  for (guint i = from; i + 5 <= to; i++)
    {
      guint j, k;
      int y;
      gboolean strong = FALSE, after_stop;

      if ((i = skip_to_digit (t, i, to)) + 5 > to)
        break;
      if (!t_digit (t->s[i]) || (i > 0 && t_digit (t->s[i - 1])))
        continue;
      if (i + 4 > to || !t_digit (t->s[i + 1]) || !t_digit (t->s[i + 2]) || !t_digit (t->s[i + 3]) ||
          (i + 4 < to && t_digit (t->s[i + 4])))
        continue;
      y = (t->s[i] - '0') * 1000 + (t->s[i + 1] - '0') * 100 + (t->s[i + 2] - '0') * 10 + (t->s[i + 3] - '0');
      if (y < 2000 || y > 2100)
        continue;
      j = i + 4;
      while (j < to && t_space (t->s[j]))
        j++;
      if (j >= to || t->s[j] != 0x5E74)  /* 年 */
        continue;
      if (inside_brackets (t, i))
        continue;

      k = i;
      while (k > from && t_space (t->s[k - 1]))
        k--;
      after_stop = k == from || is_stop (t->s[k - 1]) || t->s[k - 1] == ':';

      /* "2021年，…" / "2021年度…" / "2021年政府信息公开工作年度报告" / "2021年<agency>…" at a sentence start */
      if (after_stop)
        {
          guint a = j + 1;

          if (a < to && (t->s[a] == ',' || t->s[a] == 0x5EA6 /* 度 */ || t->s[a] == 0x5171 /* 共 */ ||
                         t->s[a] == 0x6211 /* 我 */ || t->s[a] == 0x5168 /* 全 */))
            strong = TRUE;
          if (t_match (t, a, "政府信息公开"))
            strong = TRUE;
          if (report->agency && t_match (t, a, report->agency))
            strong = TRUE;
        }
      /* 统计期限自2021年1月1日至2021年12月31日 */
      for (guint b = (i > from + 12 ? i - 12 : from); b < i; b++)
        if (t_match (t, b, "统计期限") || t_match (t, b, "统计时限") || t_match (t, b, "统计时间") ||
            t_match (t, b, "统计周期"))
          strong = TRUE;
      if (report->year_span.start >= 0 && nb_report_norm_span (report, i, i + 4).start == report->year_span.start)
        continue;  /* the title itself */

      /* plans for the next year are not a statement of the report's year */
      if (strong && y == year + 1)
        for (guint b = j; b < MIN (to, j + 16) && !is_stop (t->s[b]); b++)
          if (t->s[b] == 0x5C06 /* 将 */ || t_match (t, b, "计划") || t_match (t, b, "下一步"))
            strong = FALSE;
      if (strong && y != year)
        {
          if (f == NULL)
            {
              g_autofree char *zh = NULL, *en = NULL;

              zh = g_strdup_printf ("报告标题的年度为 %d 年，正文中却写作 %d 年。", year, y);
              en = g_strdup_printf ("The title says the report is for %d, but the text says %d.", year, y);
              f = add (ck, "meta.year", NB_SEVERITY_ERROR, zh, en);
              nb_finding_add_span (f, report->year_span);
            }
          nb_finding_add_span (f, span_of (ck, i, i + 4));
        }
    }
}

static void
check_agency (Checker    *ck,
              const Text *t)
{
  NbReport *report = ck->report;
  g_autofree gunichar *name = NULL;
  glong len = 0;
  NbFinding *f = NULL;

  if (report->agency == NULL)
    return;
  name = g_utf8_to_ucs4_fast (report->agency, -1, &len);
  if (len < 6)
    return;

  for (guint i = 0; i + len <= t->n; i++)
    {
      guint diff = 0, at = 0;

      if (t->s[i + len - 1] != name[len - 1] && t->s[i] != name[0])
        continue;
      for (glong k = 0; k < len && diff < 2; k++)
        if (t->s[i + k] != name[k])
          diff++, at = i + k;
      if (diff != 1 || !((t->s[at] >= 0x4E00 && t->s[at] <= 0x9FFF)))
        continue;
      {
        NbSpan sp = span_of (ck, i, i + len);
        const char *text = report->text->decoded;
        const char *a = g_utf8_offset_to_pointer (text, sp.start);
        const char *b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
        g_autofree char *variant = g_strndup (a, b - a);

        if (f == NULL)
          {
            g_autofree char *zh = g_strdup_printf ("机关名称写法不一致：标题为“%s”，正文中写作“%s”。",
                                                   report->agency, variant);
            g_autofree char *en = g_strdup_printf ("The agency’s name is written inconsistently: the title "
                                                   "says “%s” but the text says “%s”.",
                                                   report->agency, variant);

            f = add (ck, "meta.agency", NB_SEVERITY_ERROR, zh, en);
            nb_finding_add_span (f, report->agency_span);
          }
        nb_finding_add_span (f, sp);
        i += len - 1;
      }
    }
}

GPtrArray *
nb_checker_run (NbReport *report)
{
  Checker ck = { report, report->edition, g_ptr_array_new_with_free_func (g_object_unref) };
  Text t = { report->text->norm, report->text->n_norm };
  guint prose_end = t.n;

  check_sections (&ck);
  check_edition (&ck);
  check_row_sums (&ck);
  check_result_sums (&ck);
  check_balance (&ck);
  check_appeals (&ck);

  for (guint i = 0; i < report->parse_findings->len; i++)
    g_ptr_array_add (ck.out, g_object_ref (g_ptr_array_index (report->parse_findings, i)));
  check_cells (&ck);

  /* The prose that speaks of this year: up to section 五, whose plans speak of
   * the next; without its heading, up to 六, or to the end of the last table */
  {
    int limit = -1;

    if (nb_span_is_set (report->sections[4]))
      limit = report->sections[4].start;
    else if (nb_span_is_set (report->sections[5]))
      limit = report->sections[5].start;
    else
      for (guint i = 0; i < report->n_cells; i++)
        if (nb_span_is_set (report->cells[i].span) &&
            nb_schema_get_cell (report->edition, i)->table == NB_TABLE_APPEALS)
          limit = MAX (limit, report->cells[i].span.end);
    if (limit >= 0)
      {
        /* the first character at or after it: the map never goes back, so a binary search */
        const guint *map = report->text->norm_to_src;
        guint lo = 0, hi = t.n;

        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if (map[mid] >= (guint) limit)
              hi = mid;
            else
              lo = mid + 1;
          }
        prose_end = lo;
      }
  }
  check_prose_requests (&ck, &t, 0, t.n);
  check_prose_sums (&ck, &t, 0, t.n);
  check_year (&ck, &t, 0, prose_end);
  check_agency (&ck, &t);
  nb_places_check (report, ck.out);

  return ck.out;
}
