/* nb-check-sections.c — sections 五 and 六, and the numbering of the headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Section 五 must describe problems and improvements: empty, or only 无 / 暂无
 * or one short stock sentence, it is a placeholder. Section 六 must state the
 * 信息处理费 charged (国办函〔2020〕109号, asked by the 2021 template): not
 * the 行政事业性收费 of section 二, a different fee. The six section headings
 * carry 一 to 六 in order; the sub-headings （一）（二）… of the prose
 * sections count up from （一）.
 */
#include "config.h"

#include <string.h>

#include "nb-check-private.h"
#include "parse/nb-parse-private.h"

static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* {name} is the @n-th numeral: 一… in Chinese, 1… in English (十 past ten) */
static void
set_numeral (NbMessage  *m,
             const char *name,
             guint       n)
{
  char en[16];

  g_snprintf (en, sizeof en, "%u", n);
  nb_message_set_lang (m, name, n - 1 < G_N_ELEMENTS (numerals) ? numerals[n - 1] : "十", en);
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Punctuation and blanks do not count as content */
static gboolean
is_content (gunichar c)
{
  return !is_blank (c) && !g_unichar_ispunct (c) && c != 0x3002 && c != 0x3001;
}

static int
numeral_value (gunichar c)
{
  for (guint k = 0; k < G_N_ELEMENTS (numerals); k++)
    if (c == g_utf8_get_char (numerals[k]))
      return k + 1;
  return 0;
}

static NbSpan
norm_span (NbReport *report,
           guint     a,
           guint     b)
{
  return nb_report_norm_span (report, a, b);
}

/* The normalised range of section @k's body: after its heading, up to the next heading found.
 * A body that holds a table's cells is not the prose section it should be (a table of
 * contents took the headings, say): FALSE, and the checks stay silent. */
static gboolean
section_body (NbReport *report,
              guint     k,
              guint    *from,
              guint    *to)
{
  int end = G_MAXINT;

  if (!nb_span_is_set (report->sections[k]))
    return FALSE;
  for (guint j = k + 1; j < NB_N_SECTIONS && end == G_MAXINT; j++)
    if (nb_span_is_set (report->sections[j]) && report->sections[j].start > report->sections[k].start)
      end = report->sections[j].start;
  for (guint i = 0; i < report->n_cells; i++)
    if (report->cells[i].origin == NB_ORIGIN_SOURCE && report->cells[i].span.start >= report->sections[k].end &&
        report->cells[i].span.start < end)
      return FALSE;
  *from = nb_check_norm_at (report, report->sections[k].end);
  *to = end == G_MAXINT ? report->text->n_norm : nb_check_norm_at (report, end);
  return *from <= *to;
}

static gboolean
has_word (const gunichar *s,
          guint           from,
          guint           to,
          const char     *word)
{
  g_autofree gunichar *w = g_utf8_to_ucs4_fast (word, -1, NULL);
  guint len = 0;

  while (w[len])
    len++;
  for (guint i = from; i + len <= to; i++)
    if (memcmp (s + i, w, len * sizeof (gunichar)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_any (const gunichar    *s,
         guint              from,
         guint              to,
         const char *const *words)
{
  for (guint k = 0; words[k]; k++)
    if (has_word (s, from, to, words[k]))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Section 五                                                          */

static void
check_problems (NbReport  *report,
                GPtrArray *out)
{
  /* a stock sentence says there is nothing to say */
  static const char *const nothing[] = { "无", "暂无", "没有", "不存在", NULL };
  static const char *const stock[] = { "有待加强", "有待提高", "有待改进", "进一步加强", "不断加强", "持续改进",
                                       NULL };
  const gunichar *s = report->text->norm;
  guint from, to, content = 0, sentences = 0, first = G_MAXUINT, last = 0;
  gboolean pending = FALSE;
  g_autoptr (NbMessage) m = NULL;
  NbFinding *f;

  if (!section_body (report, 4, &from, &to))
    return;
  for (guint i = from; i < to; i++)
    {
      if (is_content (s[i]))
        {
          content++;
          pending = TRUE;
          first = MIN (first, i);
          last = i + 1;
        }
      else if ((s[i] == 0x3002 || s[i] == '\n' || s[i] == ';' || s[i] == '!') && pending)
        {
          sentences++;
          pending = FALSE;
        }
    }
  sentences += pending;

  if (content > 0 && !(sentences <= 1 && ((content <= 30 && has_any (s, first, last, nothing)) ||
                                          (content <= 16 && has_any (s, first, last, stock)))))
    return;

  m = nb_message_new ("section.placeholder", content == 0 ? "empty" : "stock");
  f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
  nb_finding_add_span (f, report->sections[4]);
  if (content > 0)
    nb_finding_add_span (f, norm_span (report, first, last));
  g_ptr_array_add (out, f);
}

/* ------------------------------------------------------------------ */
/* Section 六                                                          */

/* The amount of 信息处理费 a sentence around @at states, in 元: -1 when it states none */
static double
stated_fee (const gunichar *s,
            guint           from,
            guint           to,
            guint           at,
            guint          *ss,
            guint          *se)
{
  static const char *const none[] = { "未收取", "未产生", "没有收取", "没有产生", "不收取", "未向申请人收取",
                                      "未发生", "无收取", "未曾收取", "免收", "未收费", NULL };
  guint a = at, b = at;

  /* a PDF breaks its lines inside sentences: only the full stop ends one */
  while (a > from && s[a - 1] != 0x3002 && s[a - 1] != ';')
    a--;
  while (b < to && s[b] != 0x3002 && s[b] != ';')
    b++;
  *ss = a;
  *se = b;
  if (has_any (s, a, b, none))
    return 0;
  for (guint i = a; i < b; i++)
    if (s[i] >= '0' && s[i] <= '9' && (i == a || !(s[i - 1] >= '0' && s[i - 1] <= '9') ))
      {
        double v = 0, scale = 1;
        gboolean point = FALSE;
        guint j = i;

        for (; j < b && ((s[j] >= '0' && s[j] <= '9') || (s[j] == '.' && !point)); j++)
          {
            if (s[j] == '.')
              point = TRUE;
            else if (point)
              v += (s[j] - '0') * (scale /= 10);
            else
              v = v * 10 + (s[j] - '0');
          }
        while (j < b && s[j] == ' ')
          j++;
        if (j + 1 < b && s[j] == 0x4E07 && s[j + 1] == 0x5143)  /* 万元 */
          return v * 10000;
        if (j < b && s[j] == 0x5143)  /* 元 */
          return v;
        i = j;
      }
  return -1;
}

static void
check_fee (NbReport  *report,
           GPtrArray *out)
{
  static const char *const empty_words[] = { "无", "暂无", "没有", "无其他需要报告的事项", NULL };
  const gunichar *s = report->text->norm;
  guint from, to, content = 0, mention = G_MAXUINT, first = G_MAXUINT, last = 0, fee_start = 0, fee_end = 0;
  double fee = -1;
  NbFinding *f;

  /* the 2021 notice asks for it; 2019-edition reports (for 2020 and before) predate 109号 */
  if (report->edition != NB_EDITION_2021 || !section_body (report, 5, &from, &to))
    return;
  for (guint i = from; i < to; i++)
    if (is_content (s[i]))
      {
        content++;
        first = MIN (first, i);
        last = i + 1;
      }
  for (guint i = from, depth = 0; i + 3 <= to; i++)
    if (s[i] == 0x300A)  /* 《 */
      depth++;
    else if (s[i] == 0x300B && depth > 0)
      depth--;
    else if (depth == 0 && s[i] == 0x5904 && s[i + 1] == 0x7406 && s[i + 2] == 0x8D39)  /* 处理费, not in a title */
      {
        mention = MIN (mention, i);
        if (fee < 0)
          fee = stated_fee (s, from, to, i, &fee_start, &fee_end);
      }

  if (mention == G_MAXUINT)
    {
      gboolean empty = content == 0 || (content <= 12 && has_any (s, first, last, empty_words));
      g_autoptr (NbMessage) m = nb_message_new ("section.fee_statement", empty ? "empty" : "unstated");

      f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
      nb_finding_add_span (f, report->sections[5]);
      if (content > 0)
        nb_finding_add_span (f, norm_span (report, first, last));
      g_ptr_array_add (out, f);
      return;
    }

  /* no fee charged, yet requests closed because a fee notice went unpaid */
  {
    int row = nb_schema_request_row_index (report->edition, "other.no_fee");
    int cell = row < 0 ? -1 : nb_schema_request_cell (report->edition, row, NB_REQUEST_COLUMN_TOTAL);

    if (cell >= 0 && fee == 0 && report->cells[cell].has_value && report->cells[cell].value > 0)
      {
        g_autoptr (NbMessage) m = nb_message_new ("section.fee_statement", "unpaid_notices");

        nb_message_set_number (m, "n", report->cells[cell].value);
        f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
        nb_finding_add_span (f, norm_span (report, fee_start, fee_end));
        nb_finding_add_cell (f, cell);
        nb_finding_add_span (f, report->cells[cell].span);
        g_ptr_array_add (out, f);
      }
  }
}

/* ------------------------------------------------------------------ */
/* Headings                                                            */

/* The words that make a line the heading of each section, all of them */
static const char *const heading_words[NB_N_SECTIONS][3] = {
  { "总体情况", NULL },
  { "主动公开政府信息", NULL },
  { "收到和处理政府信息公开申请", NULL },
  { "行政复议", "诉讼", NULL },
  { "存在的主要问题", "改进", NULL },
  { "其他需要报告", NULL },
};

typedef struct
{
  guint start, end;  /* the line, blanks trimmed */
} Line;

/* The line at *pos (before @to), blanks trimmed; *pos moves to the next */
static Line
next_line (const gunichar *s,
           guint          *pos,
           guint           to)
{
  Line l = { *pos, *pos };
  guint le = *pos;

  while (le < to && s[le] != '\n')
    le++;
  *pos = le + 1;
  while (l.start < le && is_blank (s[l.start]))
    l.start++;
  l.end = le;
  while (l.end > l.start && is_blank (s[l.end - 1]))
    l.end--;
  return l;
}

static char *
line_text (NbReport   *report,
           const Line *l)
{
  const gunichar *s = report->text->norm;
  guint end = l->start;
  NbSpan sp;

  while (end < l->end && end < l->start + 24 && s[end] != 0x3002)
    end++;
  sp = norm_span (report, l->start, end);
  const char *text = report->text->decoded;
  const char *a, *b;

  if (!nb_span_is_set (sp))
    return g_strdup ("");
  a = g_utf8_offset_to_pointer (text, sp.start);
  b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
  return g_strndup (a, b - a);
}

/* A template.heading_number finding on the line @l, with its text as {heading} */
static void
heading_finding (NbReport   *report,
                 GPtrArray  *out,
                 const Line *l,
                 NbMessage  *m)
{
  g_autofree char *text = line_text (report, l);
  NbFinding *f;

  nb_message_set (m, "heading", text);
  f = nb_message_to_finding (m, NB_SEVERITY_WARNING);

  nb_finding_add_span (f, norm_span (report, l->start, l->end));
  g_ptr_array_add (out, f);
}

/* The sub-headings （一）（二）… at the starts of paragraphs in [from, to) count up from （一） */
static void
check_sub_headings (NbReport  *report,
                    GPtrArray *out,
                    guint      section,
                    guint      from,
                    guint      to)
{
  const gunichar *s = report->text->norm;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean paragraph_start = TRUE;
  int expected = 1;

  for (guint pos = from; pos < to;)
    {
      Line l = next_line (s, &pos, to);

      if (l.start == l.end)
        {
          paragraph_start = TRUE;
          continue;
        }
      if (paragraph_start && l.start + 3 <= l.end && s[l.start] == '(' && numeral_value (s[l.start + 1]) &&
          !has_word (s, l.start, l.end, "\t") &&
          s[l.start + 2] == ')')
        {
          int n = numeral_value (s[l.start + 1]);

          g_array_append_val (lines, l);
          g_array_append_val (numbers, n);
        }
      /* a paragraph ends with its sentence; a PDF's line that stops in mid-sentence runs on */
      paragraph_start = s[l.end - 1] == 0x3002 || s[l.end - 1] == ':' || s[l.end - 1] == ';' ||
                        s[l.end - 1] == '!' || s[l.end - 1] == '?' || l.end - l.start < 20;
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      int n = g_array_index (numbers, int, i);
      const Line *l = &g_array_index (lines, Line, i);

      if (n == expected)
        {
          expected++;
          continue;
        }
      {
        g_autoptr (NbMessage) m = nb_message_new ("template.heading_number", "sub_heading");

        set_numeral (m, "section", section + 1);
        set_numeral (m, "number", n);
        set_numeral (m, "expected", expected);
        heading_finding (report, out, l, m);
      }
      /* one wrong number, when the next goes on from the right one; else the count goes on from it */
      if (i + 1 < numbers->len && g_array_index (numbers, int, i + 1) == expected + 1)
        expected++;
      else
        expected = n + 1;
    }
}

static char *
norm_text (NbReport *report,
           guint     start,
           guint     end)
{
  NbSpan sp = norm_span (report, start, end);
  const char *a;

  if (start >= end || !nb_span_is_set (sp))
    return g_strdup ("");
  a = g_utf8_offset_to_pointer (report->text->decoded, sp.start);
  return g_strndup (a, g_utf8_offset_to_pointer (a, sp.end - sp.start) - a);
}

/* A section heading found by its key words but worded otherwise than the
 * template's (五、政府信息公开工作存在的主要问题及改进情况 for
 * 五、存在的主要问题及改进情况): template.label, saying what the printed
 * heading adds, leaves out or puts in place of the template's words. Only a
 * line that ends as the template's heading does, so that no run-on text
 * counts as wording. */
static void
check_heading_words (NbReport   *report,
                     GPtrArray  *out,
                     const Line *l,
                     guint       k)
{
  const gunichar *s = report->text->norm;
  const char *want = nb_template_get (report->edition)->sections[k].zh;
  g_autofree gunichar *w = g_utf8_to_ucs4_fast (want, -1, NULL);
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));  /* norm offsets, blanks left out */
  glong n_w = 0;
  guint pre = 0, suf = 0, n_g;

  while (w[n_w])
    n_w++;
  for (guint i = l->start; i < l->end; i++)
    if (!is_blank (s[i]))
      g_array_append_val (got, i);
  n_g = got->len;
  /* the numeral and its 、 (or .) are checked apart */
  if (n_g < 3 || n_w < 3 || s[g_array_index (got, guint, n_g - 1)] != (gunichar) w[n_w - 1] ||
      s[g_array_index (got, guint, n_g - 2)] != (gunichar) w[n_w - 2])
    return;
  while (2 + pre < n_g && 2 + pre < (guint) n_w && s[g_array_index (got, guint, 2 + pre)] == (gunichar) w[2 + pre])
    pre++;
  while (suf < n_g - 2 - pre && suf < n_w - 2 - pre &&
         s[g_array_index (got, guint, n_g - 1 - suf)] == (gunichar) w[n_w - 1 - suf])
    suf++;
  if (pre + suf == n_g - 2 && pre + suf == (guint) n_w - 2)
    return;  /* the same words */

  {
    g_autofree char *printed = pre + suf < n_g - 2
                                 ? norm_text (report, g_array_index (got, guint, 2 + pre),
                                              g_array_index (got, guint, n_g - 1 - suf) + 1)
                                 : g_strdup ("");
    g_autofree char *wanted = g_ucs4_to_utf8 (w + 2 + pre, n_w - 2 - pre - suf, NULL, NULL, NULL);
    g_autoptr (NbMessage) m = nb_parse_label_message_new (!*wanted    ? "heading_adds"
                                                          : !*printed ? "heading_leaves_out"
                                                                      : "heading_replaces");
    NbFinding *f;

    /* short: the heading as printed is the finding's span */
    set_numeral (m, "section", k + 1);
    nb_message_set (m, "printed", printed);
    nb_message_set (m, "wanted", wanted);
    nb_message_set (m, "template", want);
    f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
    nb_finding_add_span (f, norm_span (report, l->start, l->end));
    g_ptr_array_add (out, f);
  }
}

static void
check_headings (NbReport  *report,
                GPtrArray *out)
{
  const gunichar *s = report->text->norm;
  guint n = report->text->n_norm;
  int last = -1;

  for (guint pos = 0; pos < n;)
    {
      Line l = next_line (s, &pos, n);
      guint visible = 0;
      gboolean stop = FALSE;
      int num, k = -1;

      if (l.start + 2 >= l.end || !(num = numeral_value (s[l.start])) ||
          !(s[l.start + 1] == 0x3001 || s[l.start + 1] == '.'))
        continue;
      for (guint i = l.start; i < l.end; i++)
        {
          visible += !is_blank (s[i]);
          stop |= s[i] == 0x3002 || s[i] == '\t';
        }
      if (visible > 32 || stop)
        continue;
      for (guint j = 0; j < NB_N_SECTIONS && k < 0; j++)
        {
          gboolean all = TRUE;

          for (guint w = 0; heading_words[j][w]; w++)
            all = all && has_word (s, l.start, l.end, heading_words[j][w]);
          if (all)
            k = j;
        }
      if (k < 0)
        continue;
      /* a table of contents before the report: the headings start again at 一 */
      if (k == 0 && num == 1)
        last = -1;

      if (num != k + 1)
        {
          g_autoptr (NbMessage) m = nb_message_new ("template.heading_number", "number");

          set_numeral (m, "number", num);
          set_numeral (m, "expected", k + 1);
          heading_finding (report, out, &l, m);
        }
      else if (k <= last)
        {
          g_autoptr (NbMessage) m = nb_message_new ("template.heading_number", "order");

          set_numeral (m, "after", last + 1);
          heading_finding (report, out, &l, m);
        }
      check_heading_words (report, out, &l, k);
      last = MAX (last, k);
    }

  /* sub-headings of the prose sections: 一, 五 and 六 */
  {
    static const guint prose_sections[] = { 0, 4, 5 };
    guint from, to;

    for (guint i = 0; i < G_N_ELEMENTS (prose_sections); i++)
      if (section_body (report, prose_sections[i], &from, &to))
        check_sub_headings (report, out, prose_sections[i], from, to);
  }
}

/* Headings one after another with nothing between them are a table of contents's */
static gboolean
headings_are_contents (NbReport *report)
{
  guint from, to;

  if (!section_body (report, 0, &from, &to) || !nb_span_is_set (report->sections[1]))
    return FALSE;
  for (guint i = from; i < to; i++)
    if (is_content (report->text->norm[i]))
      return FALSE;
  return TRUE;
}

void
nb_check_section_texts (Checker *ck)
{
  NbReport *report = ck->report;
  GPtrArray *out = ck->out;

  check_headings (report, out);
  if (headings_are_contents (report))
    return;
  check_problems (report, out);
  check_fee (report, out);
}
