/* nb-check-figures.c — every figure the prose gives, against the tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One mechanism for every kind of figure: the grammar `phrases` below says,
 * for each kind, the words that name it, the cell or sum of cells it speaks of
 * and its unit. A figure is a number with its unit (件, 万元, %); its phrase
 * is the nearest words before it (“予以公开 5 件”), or for some kinds just
 * after it (“3 件结转下年度”), with only filler words between them.
 *
 * A sentence may speak for less than the whole report: a channel, a
 * department, last year, one part of another figure (“其中…”). A figure is
 * compared only when every word before it in its clause is one of a few
 * known to keep the whole scope (the year, the agency, 共, 全年…), and the
 * clauses before it in the sentence name no channel, department or
 * comparison; a 其中 clause only when the figure it divides was compared
 * itself. Whatever is not known to speak for the report is left alone.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

typedef enum
{
  UNIT_COUNT,
  UNIT_AMOUNT,   /* 万元; 元 is converted */
  UNIT_PERCENT,
} FigureUnit;

enum
{
  FIG_AFTER  = 1 << 0,  /* the words may also follow the figure: “3 件结转下年度” */
  FIG_APPEAL = 1 << 1,  /* a result of the 复议 or the 诉讼 its sentence speaks of: cells are fields */
  FIG_SHARE  = 1 << 2,  /* a share of the figure before it in the sentence: “占比 60%” */
};

typedef struct
{
  const char *keys;      /* the words, '|' between alternatives */
  const char *cells;     /* cell ids: '+' adds, '|' separates readings, any of which may agree */
  const char *per;       /* percentages: the denominators, the same way */
  const char *context;   /* a word its sentence must hold by the end of its clause, or NULL */
  const char *counters;  /* the counters a count may take */
  FigureUnit  unit;
  guint       flags;
  const char *zh;        /* what the cells are, for messages */
  const char *en;
} FigurePhrase;

#define REQUEST_COUNTERS "件个起条份"
#define APPEAL_COUNTERS "件起宗个"
#define DOCUMENT_COUNTERS "件个份篇"
#define DECISION_COUNTERS "件个起宗"
#define REQUEST_DENOMINATORS "requests.result_total.total|requests.new.total|requests.new.total+requests.carried_in.total"

/* The grammar of figure phrases: for each kind, its words, its cells and its unit */
static const FigurePhrase phrases[] = {
  /* section 三 */
  { "收到|受理|接到|接收", "requests.new.total|requests.new.total+requests.carried_in.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, 0,
    "本年新收政府信息公开申请数量", "new requests (total)" },
  { "新收|本年新收", "requests.new.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "本年新收政府信息公开申请数量", "new requests (total)" },
  { "上年结转|上年度结转|去年结转|上一年结转|上一年度结转", "requests.carried_in.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "上年结转政府信息公开申请数量", "requests carried over from last year (total)" },
  { "办结|答复|办理完毕|予以答复|作出答复", "requests.result_total.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "办理结果总计", "results total" },
  { "予以公开|同意公开", "requests.public.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "予以公开", "disclosed (total)" },
  { "部分公开", "requests.partial.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "部分公开", "partly disclosed (total)" },
  { "不予公开|不予以公开",
    "requests.withheld.state_secret.total+requests.withheld.law_prohibited.total+"
    "requests.withheld.three_safety.total+requests.withheld.third_party.total+"
    "requests.withheld.internal_affairs.total+requests.withheld.process_info.total+"
    "requests.withheld.enforcement_file.total+requests.withheld.admin_query.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "不予公开（八项之和）", "withheld (the eight reasons’ totals)" },
  { "无法提供",
    "requests.unavailable.not_held.total+requests.unavailable.needs_creation.total+"
    "requests.unavailable.unclear.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "无法提供（三项之和）", "unavailable (the three reasons’ totals)" },
  { "不予处理",
    "requests.not_processed.complaint.total+requests.not_processed.duplicate.total+"
    "requests.not_processed.publication.total+requests.not_processed.excessive.total+"
    "requests.not_processed.confirmation.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "不予处理（五项之和）", "not processed (the five reasons’ totals)" },
  { "结转|结转下年度|结转下年|结转到下年度|结转至下年度|结转到下一年度|结转至下一年度|转入下年度",
    "requests.carried_over.total", NULL,
    "申请", REQUEST_COUNTERS, UNIT_COUNT, FIG_AFTER,
    "结转下年度继续办理", "carried over to next year (total)" },
  { "公开率", "requests.public.total|requests.public.total+requests.partial.total", REQUEST_DENOMINATORS,
    "申请", NULL, UNIT_PERCENT, 0,
    "予以公开（或予以公开与部分公开之和）占办理结果总计或收到申请数的比例",
    "the share of requests disclosed (or disclosed in full or in part)" },
  { "占比|占", "", REQUEST_DENOMINATORS,
    "申请", NULL, UNIT_PERCENT, FIG_SHARE,
    "占办理结果总计或收到申请数的比例", "its share of the requests handled or received" },

  /* section 四 */
  { "行政复议", "appeals.review.total", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, 0,
    "行政复议总计", "administrative reviews (total)" },
  { "行政诉讼", "appeals.litigation_direct.total+appeals.litigation_after_review.total", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, 0,
    "行政诉讼总计（未经复议直接起诉与复议后起诉之和）", "lawsuits (direct and after review, total)" },
  { "维持|结果维持", "upheld", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, FIG_APPEAL,
    "结果维持", "upheld" },
  { "纠正|结果纠正|纠错|被纠错|被纠正", "corrected", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, FIG_APPEAL,
    "结果纠正", "corrected" },
  { "其他结果", "other", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, FIG_APPEAL,
    "其他结果", "other results" },
  { "尚未审结|未审结", "pending", NULL,
    "公开", APPEAL_COUNTERS, UNIT_COUNT, FIG_APPEAL,
    "尚未审结", "pending" },

  /* section 二 */
  { "制发规章|新制发规章|印发规章|出台规章", "active.regulations.issued", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "规章本年制发件数", "regulations issued this year" },
  { "废止规章", "active.regulations.repealed", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "规章本年废止件数", "regulations repealed this year" },
  { "现行有效规章|现行有效的规章", "active.regulations.in_force", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "规章现行有效件数", "regulations in force" },
  { "制发规范性文件|制发行政规范性文件|新制发规范性文件|新制发行政规范性文件|印发规范性文件|"
    "印发行政规范性文件|出台规范性文件|出台行政规范性文件", "active.normative_documents.issued", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "行政规范性文件本年制发件数", "normative documents issued this year" },
  { "废止规范性文件|废止行政规范性文件", "active.normative_documents.repealed", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "行政规范性文件本年废止件数", "normative documents repealed this year" },
  { "现行有效规范性文件|现行有效的规范性文件|现行有效行政规范性文件|现行有效的行政规范性文件",
    "active.normative_documents.in_force", NULL,
    NULL, DOCUMENT_COUNTERS, UNIT_COUNT, 0,
    "行政规范性文件现行有效件数", "normative documents in force" },
  { "行政许可", "active.licensing|active.licensing.decisions", NULL,
    NULL, DECISION_COUNTERS, UNIT_COUNT, 0,
    "行政许可本年处理决定数量", "licensing decisions this year" },
  { "行政处罚", "active.punishment|active.punishment.decisions", NULL,
    NULL, DECISION_COUNTERS, UNIT_COUNT, 0,
    "行政处罚本年处理决定数量", "punishment decisions this year" },
  { "行政强制", "active.enforcement|active.enforcement.decisions", NULL,
    NULL, DECISION_COUNTERS, UNIT_COUNT, 0,
    "行政强制本年处理决定数量", "enforcement decisions this year" },
  { "行政事业性收费", "active.fees", NULL,
    NULL, NULL, UNIT_AMOUNT, 0,
    "行政事业性收费本年收费金额", "administrative fees collected this year" },
};

/* Phrases that state a figure without a number: “申请已全部办结” says nothing was carried over */
typedef struct
{
  const char *keys;
  const char *cells;   /* what the claim speaks of */
  const char *equals;  /* what that must equal; NULL: it must be 0 */
  const char *unless;  /* words that, in its sentence, make it speak of other requests */
} FigureClaim;

static const FigureClaim claims[] = {
  /* only phrases that say every request was settled: "均在法定期限内予以答复" says they
   * were answered in time, which a carried-over one still is */
  { "全部办结|均已办结|均依法办结|均按时办结|均已按时办结|已全部答复|全部予以答复", "requests.carried_over.total", NULL,
    "上年|结转|顺延|下年" },
  { "全部予以公开", "requests.public.total", "requests.result_total.total", NULL },
};

/* What may stand between a phrase's words and its figure: “收到[政府信息公开申请]12 件” */
static const char *const gap_words[] = {
  "政府信息公开", "依申请公开", "信息公开", "政府信息", "公开申请", "申请数量", "申请件", "申请",
  "依申请", "继续办理", "处理决定", "收费金额", "的", "各类", "共计", "合计", "总计", "累计", "共",
  "为", "了", "达到", "达", "数量", "总数", "案件", "案", "决定", "金额", "是", "比例", "比", "办结",
  "全部", NULL,
};

/* What may come before a phrase's words in its clause and keep the report's whole scope */
static const char *const scope_words[] = {
  "全年", "本年度", "本年", "今年", "年内", "当年", "年度", "度", "共计", "累计", "合计", "总计", "总共",
  "一共", "共", "全部", "依法", "已", "均", "有", "结果", "我局", "我办", "我委", "我县", "我市", "我区",
  "我镇", "我乡", "我街道", "我单位", "我部门", "我中心", "我府", "我厅", "我院", "本机关", "本单位",
  "本局", "本部门", "本办", "全市", "全区", "全县", "全镇", "全乡", "人民政府办公室", "政府办公室",
  "人民政府", "政府办", "办公室", "市政府", "区政府", "县政府", "镇政府", "乡政府", "政府",
  "政府信息公开", "依申请公开", "信息公开", "政务公开", "依申请", "政府信息", "各类", "在", "办理",
  "作出", "做出", "发生", "被申请", "收到", "受理", "涉及", "申请", "的", "了", NULL,
};

/* Words that make a clause speak of something else than this year's figure */
static const char *const comparison_words[] = {
  "同比", "较上年", "比上年", "与上年", "上年同期", "去年同期", "较去年", "比去年", "与去年", "增长",
  "下降", "减少", "增加", "提高", "降低", "持平", "上升", "环比", NULL,
};

/* Words that, in a clause before the figure's, narrow what the sentence speaks of */
static const char *const narrowing_words[] = {
  "通过", "代表", "网络", "网上", "平台", "信函", "当面", "窗口", "渠道", "邮件", "传真", "部门",
  "分别", "下属", "所属", "乡镇", "街道", "各单位", "上年", "去年", "网站", NULL,
};

/* ------------------------------------------------------------------ */
/* The word lists, decoded once                                        */

typedef struct
{
  gunichar *s;
  guint     len;
} Word;

typedef struct
{
  Word   *w;
  guint   n;
  guint64 firsts[4];  /* a bit for the low eight bits of each word's first character */
} Words;

typedef struct
{
  Words keys[G_N_ELEMENTS (phrases)];
  Words claim_keys[G_N_ELEMENTS (claims)];
  Words claim_unless[G_N_ELEMENTS (claims)];
  Words any_claim;  /* every claim's words: most positions start none */
  Words gap, scope, comparison, narrowing;
} Grammar;

static void
words_add (Words      *ws,
           const char *utf8,
           gssize      len)
{
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast (utf8, len, &n);

  ws->w = g_renew (Word, ws->w, ws->n + 1);
  ws->w[ws->n++] = (Word) { u, n };
  ws->firsts[(u[0] >> 6) & 3] |= G_GUINT64_CONSTANT (1) << (u[0] & 63);
}

static void
words_from_list (Words             *ws,
                 const char *const *list)
{
  for (guint i = 0; list[i]; i++)
    words_add (ws, list[i], -1);
}

static void
words_from_keys (Words      *ws,
                 const char *keys)
{
  for (const char *k = keys; *k;)
    {
      const char *bar = strchr (k, '|');
      gssize len = bar ? bar - k : (gssize) strlen (k);

      if (len > 0)
        words_add (ws, k, len);
      k += len + (bar ? 1 : 0);
    }
}

/* Built the first time, kept for the life of the process */
static const Grammar *
grammar_get (void)
{
  static gsize once = 0;
  static Grammar grammar;

  if (g_once_init_enter (&once))
    {
      for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
        words_from_keys (&grammar.keys[k], phrases[k].keys);
      for (guint k = 0; k < G_N_ELEMENTS (claims); k++)
        {
          words_from_keys (&grammar.claim_keys[k], claims[k].keys);
          words_from_keys (&grammar.any_claim, claims[k].keys);
          if (claims[k].unless)
            words_from_keys (&grammar.claim_unless[k], claims[k].unless);
        }
      words_from_list (&grammar.gap, gap_words);
      words_from_list (&grammar.scope, scope_words);
      words_from_list (&grammar.comparison, comparison_words);
      words_from_list (&grammar.narrowing, narrowing_words);
      g_once_init_leave (&once, 1);
    }
  return &grammar;
}

/* ------------------------------------------------------------------ */
/* The prose, as sentences                                             */

/* The normalised text without its blanks (but one between two digits), with the line
 * breaks a PDF puts inside a paragraph taken out; at[] gives each character's
 * normalised position. */
typedef struct
{
  NbReport  *report;
  GPtrArray *out;
  NbEdition  edition;
  gunichar  *s;
  guint     *at;
  guint      n;
  gunichar  *agency;
  guint      agency_len;
  const Grammar *g;
} Prose;

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

static gboolean
is_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:  /* 一 二 三 四 五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:  /* 六 七 八 九 十 */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == '\n' || c == ';' || c == '!' || c == '?';
}

static gboolean
is_clause_end (gunichar c)
{
  return is_sentence_end (c) || c == ',' || c == ':' || c == '(' || c == ')';
}

/* A line that starts a paragraph of its own: "(一)…", "一、…", "1.…" */
static gboolean
starts_paragraph (const gunichar *s,
                  guint           a,
                  guint           b)
{
  if (a >= b)
    return TRUE;
  if (s[a] == '(')
    return TRUE;
  if (a + 1 < b && (is_numeral (s[a]) || is_digit (s[a])) &&
      (s[a + 1] == 0x3001 || s[a + 1] == '.'))
    return TRUE;
  return FALSE;
}

static void
prose_init (Prose     *p,
            NbReport  *report,
            GPtrArray *out)
{
  const gunichar *s = report->text->norm;
  guint n = report->text->n_norm;
  gboolean join = FALSE;

  p->report = report;
  p->g = grammar_get ();
  p->out = out;
  p->edition = report->edition;
  p->s = g_new (gunichar, n + 1);
  p->at = g_new (guint, n + 1);
  p->n = 0;

  for (guint pos = 0; pos < n;)
    {
      guint ls = pos, le = pos, a, b, visible = 0;
      gboolean tab = FALSE;

      while (le < n && s[le] != '\n')
        tab |= s[le++] == '\t';
      pos = le + 1;
      a = ls;
      b = le;
      while (a < b && is_blank (s[a]))
        a++;
      while (b > a && is_blank (s[b - 1]))
        b--;

      /* the line before ran on into this one, or a break ends it */
      if (p->n > 0 && !(join && a < b && !tab && !starts_paragraph (s, a, b)))
        {
          p->s[p->n] = '\n';
          p->at[p->n++] = ls > 0 ? ls - 1 : 0;
        }
      for (guint i = a; i < b; i++)
        {
          if (is_blank (s[i]))
            {
              /* a blank between two digits keeps them apart */
              if (p->n > 0 && is_digit (p->s[p->n - 1]) && i + 1 < b && is_digit (s[i + 1]))
                {
                  p->s[p->n] = tab ? '\n' : ' ';
                  p->at[p->n++] = i;
                }
              continue;
            }
          p->s[p->n] = s[i];
          p->at[p->n++] = i;
          visible++;
        }
      /* a PDF's line that stops in mid-sentence runs on into the next */
      join = !tab && visible >= 15 && !is_sentence_end (s[b - 1]) && s[b - 1] != ':';
    }
  p->s[p->n] = 0;
  p->at[p->n] = n;

  p->agency = NULL;
  p->agency_len = 0;
  if (report->agency)
    {
      g_autofree char *nfkc = g_utf8_normalize (report->agency, -1, G_NORMALIZE_NFKC);
      glong len = 0;

      p->agency = g_utf8_to_ucs4_fast (nfkc ? nfkc : report->agency, -1, &len);
      p->agency_len = len;
    }
}

static void
prose_clear (Prose *p)
{
  g_clear_pointer (&p->s, g_free);
  g_clear_pointer (&p->at, g_free);
  g_clear_pointer (&p->agency, g_free);
}

static gboolean
match_at (const Prose *p,
          guint        pos,
          guint        end,
          const char  *utf8,
          gssize       len,
          guint       *after)
{
  const char *u = utf8, *stop = len < 0 ? NULL : utf8 + len;

  for (; *u && (stop == NULL || u < stop); u = g_utf8_next_char (u), pos++)
    if (pos >= end || p->s[pos] != g_utf8_get_char (u))
      return FALSE;
  if (after)
    *after = pos;
  return TRUE;
}

/* Whether a word of @ws may start with @c: most characters start none */
static inline gboolean
may_start (const Words *ws,
           gunichar     c)
{
  return (ws->firsts[(c >> 6) & 3] >> (c & 63)) & 1;
}

/* The longest of @ws at @pos (before @end), or 0 */
static guint
longest_word (const Prose *p,
              guint        pos,
              guint        end,
              const Words *ws)
{
  guint best = 0;

  if (pos >= end || !may_start (ws, p->s[pos]))
    return 0;
  for (guint k = 0; k < ws->n; k++)
    {
      const Word *w = &ws->w[k];

      if (w->len > best && pos + w->len <= end && p->s[pos] == w->s[0] &&
          memcmp (p->s + pos, w->s, w->len * sizeof (gunichar)) == 0)
        best = w->len;
    }
  return best;
}

static gboolean
contains_any (const Prose *p,
              guint        from,
              guint        to,
              const Words *ws)
{
  for (guint i = from; i < to; i++)
    if (may_start (ws, p->s[i]) && longest_word (p, i, to, ws))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */

typedef struct
{
  guint      start, end;  /* the number */
  guint      after;       /* past its unit */
  double     value;       /* in the phrase's unit: 万元 for amounts */
  double     tolerance;   /* the last digit written, in that unit */
  FigureUnit unit;
  gunichar   counter;
} Figure;

static gboolean
is_unit_counter (gunichar c)
{
  switch (c)
    {
    case 0x4EF6: case 0x4E2A: case 0x8D77: case 0x6761:  /* 件 个 起 条 */
    case 0x4EFD: case 0x5B97: case 0x7BC7: case 0x9879:  /* 份 宗 篇 项 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* A number and its unit at @pos */
static gboolean
read_figure (const Prose *p,
             guint        pos,
             guint        end,
             Figure      *f)
{
  guint i = pos, decimals = 0;
  double v = 0, scale = 1;
  gboolean point = FALSE;

  if (pos >= end || !is_digit (p->s[pos]) ||
      (pos > 0 && (is_digit (p->s[pos - 1]) || p->s[pos - 1] == '.' ||
                   (p->s[pos - 1] == ',' && pos > 1 && is_digit (p->s[pos - 2])))))
    return FALSE;
  for (; i < end && (is_digit (p->s[i]) || (p->s[i] == '.' && !point && i + 1 < end && is_digit (p->s[i + 1]))); i++)
    {
      if (p->s[i] == '.')
        {
          point = TRUE;
          continue;
        }
      if (point)
        decimals++, scale /= 10, v += (p->s[i] - '0') * scale;
      else
        v = v * 10 + (p->s[i] - '0');
    }
  if (i - pos > 15)
    return FALSE;
  f->start = pos;
  f->end = i;
  f->value = v;
  f->tolerance = pow (10, -(double) decimals);
  f->counter = 0;
  if (i < end && (p->s[i] == 0x4F59 || p->s[i] == 0x591A || p->s[i] == 0x8FD1))  /* 余 多 近: not exact */
    return FALSE;
  if (i < end && p->s[i] == '%')
    {
      f->unit = UNIT_PERCENT;
      f->after = i + 1;
      return TRUE;
    }
  if (match_at (p, i, end, "万元", -1, &f->after))
    {
      f->unit = UNIT_AMOUNT;
      return TRUE;
    }
  if (i < end && p->s[i] == 0x5143)  /* 元 */
    {
      f->unit = UNIT_AMOUNT;
      f->value /= 10000;
      f->tolerance /= 10000;
      f->after = i + 1;
      return TRUE;
    }
  if (point || i >= end || !is_unit_counter (p->s[i]))
    return FALSE;
  /* 20 个工作日, 3 个月, 件次 */
  if (match_at (p, i + 1, end, "工作日", -1, NULL) || match_at (p, i + 1, end, "月", -1, NULL) ||
      match_at (p, i + 1, end, "小时", -1, NULL) || match_at (p, i + 1, end, "次", -1, NULL) ||
      match_at (p, i + 1, end, "人", -1, NULL))
    return FALSE;
  f->unit = UNIT_COUNT;
  f->counter = p->s[i];
  f->after = i + 1;
  return TRUE;
}

/* The year written at @pos as “2021年”, or 0 */
static int
year_at (const Prose *p,
         guint        pos,
         guint        to)
{
  int y = 0;

  if (pos + 5 > to || (pos > 0 && is_digit (p->s[pos - 1])) || p->s[pos + 4] != 0x5E74)
    return 0;
  for (guint i = pos; i < pos + 4; i++)
    {
      if (!is_digit (p->s[i]))
        return 0;
      y = y * 10 + (p->s[i] - '0');
    }
  return y;
}

/* Whether [from, to) is made of @words only (and the report's year, and its agency) */
static gboolean
only_words (const Prose *p,
            guint        from,
            guint        to,
            const Words *words)
{
  guint i = from;

  while (i < to)
    {
      guint best = 0;

      /* the report's year: 2021 年 */
      if (p->report->year > 0 && year_at (p, i, to) == p->report->year)
        best = 5;
      if (p->agency_len > 0 && i + p->agency_len <= to &&
          memcmp (p->s + i, p->agency, p->agency_len * sizeof (gunichar)) == 0)
        best = MAX (best, p->agency_len);
      best = MAX (best, longest_word (p, i, to, words));
      if (best == 0)
        return FALSE;
      i += best;
    }
  return TRUE;
}

/* A year other than the report's in [from, to) */
static gboolean
other_year (const Prose *p,
            guint        from,
            guint        to)
{
  for (guint i = from; i < to; i++)
    {
      int y = year_at (p, i, to);

      if (y > 0 && y != p->report->year)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

#define MAX_TERMS 8

/* One reading of a phrase: the cells it adds up */
typedef struct
{
  int    cells[MAX_TERMS];
  guint  n;
  double value;
  gboolean known;
} Reading;

#define MAX_READINGS 3

typedef struct
{
  Reading r[MAX_READINGS];
  guint   n;
} Readings;

static void
add_term (Prose      *p,
          Reading    *r,
          const char *id,
          gsize       len,
          gboolean   *ok)
{
  g_autofree char *s = g_strndup (id, len);
  int cell = nb_schema_lookup (p->edition, s);
  NbCell *c;

  if (cell < 0 || r->n >= MAX_TERMS)
    {
      *ok = FALSE;
      return;
    }
  c = &p->report->cells[cell];
  r->cells[r->n++] = cell;
  if (c->has_value)
    r->value += c->value;
  else
    r->known = FALSE;
}

/* The readings of @spec, "a+b|c"; @group, when set, prefixes every id ("appeals.review.") */
static void
resolve (Prose      *p,
         const char *spec,
         const char *const *groups,
         Readings   *out)
{
  out->n = 0;
  for (const char *k = spec; k && *k && out->n < MAX_READINGS;)
    {
      const char *bar = strchr (k, '|');
      gsize len = bar ? (gsize) (bar - k) : strlen (k);
      Reading r = { .known = TRUE };
      gboolean ok = TRUE;

      for (const char *t = k; t < k + len;)
        {
          const char *plus = memchr (t, '+', k + len - t);
          gsize tl = plus ? (gsize) (plus - t) : (gsize) (k + len - t);

          if (groups)
            for (guint g = 0; groups[g]; g++)
              {
                g_autofree char *id = g_strdup_printf ("appeals.%s.%.*s", groups[g], (int) tl, t);

                add_term (p, &r, id, strlen (id), &ok);
              }
          else
            add_term (p, &r, t, tl, &ok);
          t += tl + (plus ? 1 : 0);
        }
      if (ok && r.n > 0)
        out->r[out->n++] = r;
      k += len + (bar ? 1 : 0);
    }
}

static gboolean
any_known (const Readings *rs)
{
  for (guint i = 0; i < rs->n; i++)
    if (rs->r[i].known)
      return TRUE;
  return FALSE;
}

static const Reading *
first_known (const Readings *rs)
{
  for (guint i = 0; i < rs->n; i++)
    if (rs->r[i].known)
      return &rs->r[i];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

static NbSpan
prose_span (Prose *p,
         guint  start,
         guint  end)
{
  return nb_report_norm_span (p->report, p->at[start], p->at[end - 1] + 1);
}

static char *
slice (Prose *p,
       guint  start,
       guint  end)
{
  NbSpan sp = prose_span (p, start, end);
  const char *text = p->report->text->decoded;
  const char *a, *b;

  if (!nb_span_is_set (sp))
    return g_strdup ("");
  a = g_utf8_offset_to_pointer (text, sp.start);
  b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
  {
    /* as one line: a PDF's text breaks inside sentences */
    GString *out = g_string_sized_new (b - a);

    for (const char *c = a; c < b; c++)
      if (*c != '\n' && *c != '\r')
        g_string_append_c (out, *c);
    return g_string_free (out, FALSE);
  }
}

static NbFinding *
mismatch (Prose      *p,
          guint       start,
          guint       end,
          const char *zh,
          const char *en,
          const Reading *r)
{
  NbFinding *f = nb_finding_new ("prose.table_mismatch", NB_SEVERITY_ERROR, zh, en);

  nb_finding_add_span (f, prose_span (p, start, end));
  for (guint i = 0; r && i < r->n; i++)
    {
      nb_finding_add_cell (f, r->cells[i]);
      nb_finding_add_span (f, p->report->cells[r->cells[i]].span);
    }
  g_ptr_array_add (p->out, f);
  return f;
}

static char *
format_amount (double v)
{
  /* up to four decimals, as the template asks, without trailing zeros */
  g_autofree char *s = g_strdup_printf ("%.4f", v);
  char *e = s + strlen (s);

  while (e > s && e[-1] == '0')
    *--e = 0;
  if (e > s && e[-1] == '.')
    *--e = 0;
  return g_steal_pointer (&s);
}

/* ------------------------------------------------------------------ */
/* The scan                                                            */

typedef struct
{
  const FigurePhrase *phrase;
  guint               key_start, key_end;
} Match;

/* The phrase whose words end nearest before @f in [cs, f->start), with only gap words between */
static gboolean
match_before (Prose        *p,
              guint         cs,
              const Figure *f,
              Match        *m)
{
  gboolean found = FALSE;

  for (guint i = cs; i < f->start; i++)
    for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
      {
        guint len = longest_word (p, i, f->start, &p->g->keys[k]);

        if (len == 0)
          continue;
        /* the nearest end; at the same end, the longest words */
        if (!found || i + len > m->key_end || (i + len == m->key_end && i < m->key_start))
          {
            m->phrase = &phrases[k];
            m->key_start = i;
            m->key_end = i + len;
            found = TRUE;
          }
      }
  return found && only_words (p, m->key_end, f->start, &p->g->gap);
}

/* “3 件[已]结转下年度”: the words just after the figure */
static gboolean
match_after (Prose        *p,
             guint         ce,
             const Figure *f,
             Match        *m)
{
  static const char *const fillers[] = { "已依法", "已", "均", "依法", "为", "申请", NULL };
  guint at = f->after, best = 0;

  for (guint k = 0; fillers[k]; k++)
    {
      guint after;

      if (match_at (p, at, ce, fillers[k], -1, &after))
        {
          at = after;
          break;
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
    if (phrases[k].flags & FIG_AFTER)
      {
        guint len = longest_word (p, at, ce, &p->g->keys[k]);

        if (len > best)
          {
            best = len;
            m->phrase = &phrases[k];
            m->key_start = at;
            m->key_end = at + len;
          }
      }
  return best > 0;
}

typedef struct
{
  /* the last figure compared in this sentence, or in the one before when this opens */
  gboolean            have_last;
  double              last_value;
  /* the figure just before, in this sentence */
  gboolean            have_share;
  Readings            share_cells;
  const FigurePhrase *share_phrase;
  /* an enumeration opened by 其中 */
  gboolean            in_list;
  gboolean            list_whole;   /* what it divides speaks for the whole report */
  double              list_parts;   /* the parts it names that no phrase reads */
} Scope;

static void
compare (Prose        *p,
         const Match  *m,
         const Figure *f,
         guint         ss,
         guint         se,
         Scope        *sc)
{
  const FigurePhrase *ph = m->phrase;
  guint ps = MIN (m->key_start, f->start), pe = MAX (m->key_end, f->after);
  g_autofree char *said = slice (p, ps, pe);
  Readings cells;

  /* 复议 or 诉讼: the one the sentence named last before the words */
  if (ph->flags & FIG_APPEAL)
    {
      static const char *const review[] = { "review", NULL };
      static const char *const direct[] = { "litigation_direct", NULL };
      static const char *const after_review[] = { "litigation_after_review", NULL };
      static const char *const litigation[] = { "litigation_direct", "litigation_after_review", NULL };
      static const struct { const char *word; const char *const *groups; } names[] = {
        { "复议后起诉", after_review }, { "直接起诉", direct }, { "未经复议", direct },
        { "复议", review }, { "诉讼", litigation }, { "起诉", litigation },
      };
      const char *const *groups = NULL;

      for (guint i = ss; i < m->key_start; i++)
        for (guint k = 0; k < G_N_ELEMENTS (names); k++)
          if (match_at (p, i, se, names[k].word, -1, NULL))
            {
              groups = names[k].groups;
              i += g_utf8_strlen (names[k].word, -1) - 1;
              break;
            }
      if (groups == NULL)
        return;
      resolve (p, ph->cells, groups, &cells);
    }
  else if (ph->flags & FIG_SHARE)
    {
      if (!sc->have_share || !g_str_has_prefix (sc->share_phrase->cells, "requests."))
        return;
      cells = sc->share_cells;
    }
  else
    resolve (p, ph->cells, NULL, &cells);

  if (!any_known (&cells))
    return;

  if (ph->unit == UNIT_PERCENT)
    {
      Readings per;
      const Reading *num = first_known (&cells), *den = NULL;
      double expected = 0;

      resolve (p, ph->per, NULL, &per);
      for (guint a = 0; a < cells.n; a++)
        for (guint b = 0; b < per.n; b++)
          {
            if (!cells.r[a].known || !per.r[b].known || per.r[b].value <= 0)
              continue;
            if (den == NULL)
              {
                den = &per.r[b];
                expected = 100 * num->value / den->value;
              }
            if (fabs (f->value - 100 * cells.r[a].value / per.r[b].value) < f->tolerance + 1e-9)
              return;
          }
      if (den == NULL)
        return;
      {
        g_autofree char *n = nb_format_number (num->value), *d = nb_format_number (den->value);
        g_autofree char *e = g_strdup_printf ("%.1f", expected);
        g_autofree char *zh = g_strdup_printf ("正文说“%s”，按表格%s应为 %s%%（%s ÷ %s）。",
                                               said, ph->zh, e, n, d);
        g_autofree char *en = g_strdup_printf ("The text says “%s”, but by the tables %s is %s%% (%s ÷ %s).",
                                               said, ph->en, e, n, d);
        NbFinding *fd = mismatch (p, ps, pe, zh, en, num);

        for (guint i = 0; i < den->n; i++)
          {
            nb_finding_add_cell (fd, den->cells[i]);
            nb_finding_add_span (fd, p->report->cells[den->cells[i]].span);
          }
      }
      return;
    }

  for (guint i = 0; i < cells.n; i++)
    if (cells.r[i].known && fabs (cells.r[i].value - f->value) < (ph->unit == UNIT_AMOUNT ? f->tolerance : 0.5))
      return;
  {
    const Reading *r = first_known (&cells);
    g_autofree char *tv = ph->unit == UNIT_AMOUNT ? format_amount (r->value) : nb_format_number (r->value);
    const char *unit = ph->unit == UNIT_AMOUNT ? " 万元" : "";
    gboolean review = strstr (nb_schema_get_cell (p->edition, r->cells[0])->id, ".review.") != NULL;
    const char *group_zh = !(ph->flags & FIG_APPEAL) ? "" : review ? "行政复议" : "行政诉讼";
    const char *group_en = !(ph->flags & FIG_APPEAL) ? "" : review ? "administrative reviews " : "lawsuits ";
    g_autofree char *zh = g_strdup_printf ("正文说“%s”，表格中%s%s为 %s%s。", said, group_zh, ph->zh, tv, unit);
    g_autofree char *en = g_strdup_printf ("The text says “%s”, but the tables give %s%s as %s%s.", said,
                                           group_en, ph->en, tv,
                                           ph->unit == UNIT_AMOUNT ? " (10,000 yuan)" : "");

    mismatch (p, ps, pe, zh, en, r);
  }
}

/* Whether [from, to) holds @word */
static gboolean
holds (const Prose *p,
       guint        from,
       guint        to,
       const char  *word)
{
  for (guint i = from; i < to; i++)
    if (match_at (p, i, to, word, -1, NULL))
      return TRUE;
  return FALSE;
}

static void
scan_sentence (Prose *p,
               guint  ss,
               guint  se,
               Scope *sc)
{
  gboolean narrowed = FALSE;

  /* a 其中 opening the sentence divides the figure of the sentence before */
  sc->in_list = FALSE;
  sc->have_share = FALSE;
  for (guint cs = ss, ce; cs < se; cs = ce + 1)
    {
      guint body = cs;
      gboolean speaks, counted = FALSE, narrowing = FALSE;

      for (ce = cs; ce < se && !is_clause_end (p->s[ce]); ce++)
        {
          /* “A 件、B 件”: a list of figures is a list of clauses */
          if (p->s[ce] == 0x3001 && ce > cs &&
          (is_unit_counter (p->s[ce - 1]) || p->s[ce - 1] == 0x5143 || p->s[ce - 1] == '%'))
            break;
        }

      if (match_at (p, cs, ce, "其中", -1, &body))
        {
          sc->list_whole = sc->have_last &&
                           (sc->list_parts == 0 || fabs (sc->list_parts - sc->last_value) < 0.5);
          sc->in_list = TRUE;
          sc->list_parts = 0;
        }

      speaks = !narrowed && !contains_any (p, cs, ce, &p->g->comparison) && (!sc->in_list || sc->list_whole);

      for (guint i = body; i < ce; i++)
        {
          Figure f;
          Match m = { 0 };
          gboolean found, whole;

          if (!is_digit (p->s[i]) || !read_figure (p, i, ce, &f))
            continue;
          found = match_before (p, body, &f, &m);
          if (found)
            whole = only_words (p, body, m.key_start, &p->g->scope);
          else if ((found = match_after (p, ce, &f, &m)))
            whole = only_words (p, body, f.start, &p->g->scope);
          else
            whole = FALSE;
          /* “[其中]通过网络平台收到 7 件，予以公开 3 件”: the list, or the sentence, speaks of a part
           * from there on */
          if (found && !whole && sc->in_list)
            sc->list_whole = speaks = FALSE;
          else if (found && !whole)
            narrowing = TRUE;

          if (found && m.phrase->unit == f.unit &&
              (f.unit != UNIT_COUNT || m.phrase->counters == NULL ||
               g_utf8_strchr (m.phrase->counters, -1, f.counter)))
            {
              whole = whole && speaks && !other_year (p, ss, f.start) &&
                      (m.phrase->context == NULL || holds (p, ss, ce, m.phrase->context));
              if (whole)
                compare (p, &m, &f, ss, se, sc);
              if (f.unit == UNIT_COUNT)
                {
                  /* what a share (占比) that follows is a share of */
                  sc->have_share = whole && !(m.phrase->flags & (FIG_APPEAL | FIG_SHARE));
                  sc->share_phrase = m.phrase;
                  if (sc->have_share)
                    resolve (p, m.phrase->cells, NULL, &sc->share_cells);
                }
              if (!sc->in_list && f.unit == UNIT_COUNT)
                {
                  sc->have_last = whole;
                  sc->last_value = f.value;
                  sc->list_parts = 0;
                }
              counted = TRUE;
            }
          else if (f.unit == UNIT_COUNT)
            {
              /* a part no phrase reads: “其中网站申请 7 件” */
              if (sc->in_list)
                sc->list_parts += f.value;
              else
                sc->have_last = FALSE;
            }
          i = f.after - 1;
        }

      /* a clause before the figure's that narrows the sentence, or the list */
      if (!counted && contains_any (p, cs, ce, &p->g->narrowing))
        {
          if (sc->in_list)
            sc->list_whole = FALSE;
          else
            narrowing = TRUE;
        }
      narrowed |= narrowing;
      if (ce >= se)
        break;
    }
}

/* The claims of the sentence [ss, se): each one the tables contradict */
static void
check_claims (Prose *p,
              guint  ss,
              guint  se)
{
  for (guint i = ss; i < se; i++)
    for (guint k = 0; k < G_N_ELEMENTS (claims) && may_start (&p->g->any_claim, p->s[i]) &&
                      longest_word (p, i, se, &p->g->any_claim); k++)
      {
        const FigureClaim *c = &claims[k];
        guint len = longest_word (p, i, se, &p->g->claim_keys[k]);
        Readings cells, other;
        const Reading *r, *o = NULL;

        if (len == 0 || contains_any (p, ss, i, &p->g->narrowing) || contains_any (p, ss, se, &p->g->claim_unless[k]))
          continue;
        resolve (p, c->cells, NULL, &cells);
        if (c->equals)
          resolve (p, c->equals, NULL, &other);
        if ((r = first_known (&cells)) == NULL || (c->equals && (o = first_known (&other)) == NULL) ||
            r->value == (o ? o->value : 0))
          continue;
        if (o == NULL)
          {
            g_autofree char *tn = nb_format_number (r->value);
            g_autofree char *zh = g_strdup_printf ("正文说申请已全部办结，表格却有 %s 件“结转下年度继续办理”。", tn);
            g_autofree char *en = g_strdup_printf ("The text says every request was settled, but the table "
                                                   "carries %s over to next year.", tn);

            mismatch (p, i, i + len, zh, en, r);
          }
        else
          {
            g_autofree char *a = nb_format_number (r->value), *b = nb_format_number (o->value);
            g_autofree char *zh = g_strdup_printf ("正文说申请全部予以公开，表格中予以公开为 %s，办理结果总计为 %s。",
                                                   a, b);
            g_autofree char *en = g_strdup_printf ("The text says every request was disclosed in full, but the "
                                                   "table has %s disclosed of %s handled.", a, b);

            mismatch (p, i, i + len, zh, en, r);
          }
        i += len - 1;
        break;
      }
}

/* Most sentences give no figure at all: those are passed over at once */
static gboolean
has_figure (const Prose *p,
            guint        ss,
            guint        se)
{
  for (guint i = ss; i < se; i++)
    if (is_digit (p->s[i]))
      {
        Figure f;

        if (read_figure (p, i, se, &f))
          return TRUE;
        while (i + 1 < se && is_digit (p->s[i + 1]))
          i++;
      }
  return FALSE;
}

void
nb_check_figures (Checker *ck)
{
  Prose p;
  Scope sc = { 0 };

  prose_init (&p, ck->report, ck->out);
  for (guint ss = 0, se; ss < p.n; ss = se + 1)
    {
      gboolean opens_list;

      for (se = ss; se < p.n && !is_sentence_end (p.s[se]); se++)
        ;
      opens_list = match_at (&p, ss, se, "其中", -1, NULL);
      if (!opens_list)
        sc.have_last = FALSE;
      sc.list_parts = opens_list ? sc.list_parts : 0;
      check_claims (&p, ss, se);
      if (se > ss && has_figure (&p, ss, se))
        scan_sentence (&p, ss, se, &sc);
      else if (!opens_list)
        sc.have_last = FALSE;
      if (se >= p.n)
        break;
    }
  prose_clear (&p);
}
