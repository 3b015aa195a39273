/* test-prose.c — the figures the prose gives, sections 五 and 六, the headings' numbers
 *
 * Every report here is a sample of data/samples with a sentence written into its
 * section 一 (or a section or heading rewritten) at test time. For each kind of
 * figure and each wording of scope: the figure the table holds (no finding) and
 * another (a prose.table_mismatch naming the cell, with the sentence's span and
 * the cell's). Then every sample and fixture, untouched, gains no finding of
 * these rules but the genuine ones listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "nianbao.h"
#include "test-util.h"

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return text;
}

/* A sample of data/samples, or for the 2019 edition a fixture of tests/data */
static char *
read_sample (const char *name)
{
  const char *dir = g_getenv ("NB_SAMPLES_DIR");
  gboolean fixture = g_str_has_suffix (name, "-2019");
  g_autofree char *file = g_strdup_printf ("%s.txt", name);
  g_autofree char *path = fixture ? g_test_build_filename (G_TEST_DIST, "data", file, NULL)
                          : dir ? g_build_filename (dir, file, NULL)
                          : g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file, NULL);

  return read_file (path);
}

static NbReport *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* @text with its one @find replaced */
static char *
replace (const char *text,
         const char *find,
         const char *with)
{
  const char *at = strstr (text, find);

  if (at == NULL)
    g_error ("“%s” is not in the text", find);
  g_assert_null (strstr (at + 1, find));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, with, at + strlen (find));
}

static double
cells_value (NbReport   *report,
             const char *spec)
{
  g_auto(GStrv) ids = g_strsplit (spec, "+", -1);
  double sum = 0;

  for (guint i = 0; ids[i]; i++)
    {
      int cell = nb_schema_lookup (nb_report_get_edition (report), ids[i]);
      double v = 0;

      if (cell < 0)
        g_error ("no cell %s", ids[i]);
      g_assert_true (nb_report_get_value (report, cell, &v));
      sum += v;
    }
  return sum;
}

/* "a/b": a share in percent, with one decimal; else a sum of cells */
static char *
figure (NbReport   *report,
        const char *spec,
        double      shift)
{
  const char *slash = strchr (spec, '/');

  if (slash)
    {
      g_autofree char *num = g_strndup (spec, slash - spec);

      return g_strdup_printf ("%.1f", 100 * cells_value (report, num) / cells_value (report, slash + 1) + shift);
    }
  return g_strdup_printf ("%g", cells_value (report, spec) + shift);
}

/* @sentence with {} as @value and every {a+b} as the table's value of those cells */
static char *
fill (NbReport   *report,
      const char *sentence,
      const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = sentence; *p;)
    {
      if (p[0] == '{' && p[1] == '}')
        {
          g_string_append (out, value);
          p += 2;
        }
      else if (p[0] == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *spec = g_strndup (p + 1, end - p - 1);
          g_autofree char *v = figure (report, spec, 0);

          g_string_append (out, v);
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */

typedef struct
{
  const char *name;
  const char *sample;
  const char *sentence;  /* {} the figure; {cells} the table's value of those cells */
  const char *cells;     /* what the figure speaks of: "a+b", or "a/b" for a share */
  gboolean    speaks;    /* for the whole report: compared */
} FigureCase;

#define RUZHOU "ruzhou-2021"
#define OFFICE "office-2021"
#define COUNTY "county-2019"

static const FigureCase figure_cases[] = {
  /* section 三 */
  { "received", RUZHOU, "本年度共收到政府信息公开申请 {} 件。", "requests.new.total", TRUE },
  { "accepted", RUZHOU, "全年共受理政府信息公开申请{}件。", "requests.new.total", TRUE },
  { "new", RUZHOU, "本年新收政府信息公开申请 {} 件。", "requests.new.total", TRUE },
  { "carried-in", RUZHOU, "上年结转政府信息公开申请 {} 件。", "requests.carried_in.total", TRUE },
  { "settled", RUZHOU, "本年度共办结政府信息公开申请 {} 件。", "requests.result_total.total", TRUE },
  { "answered", RUZHOU, "全年共答复政府信息公开申请 {} 件。", "requests.result_total.total", TRUE },
  { "handled", RUZHOU, "本年度办理完毕的申请 {} 件。", "requests.result_total.total", TRUE },
  { "public", RUZHOU, "本年度依申请予以公开 {} 件。", "requests.public.total", TRUE },
  { "partial", RUZHOU, "部分公开的申请 {} 件。", "requests.partial.total", TRUE },
  { "withheld", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中不予公开 {} 件。",
    "requests.withheld.state_secret.total+requests.withheld.law_prohibited.total+"
    "requests.withheld.three_safety.total+requests.withheld.third_party.total+"
    "requests.withheld.internal_affairs.total+requests.withheld.process_info.total+"
    "requests.withheld.enforcement_file.total+requests.withheld.admin_query.total", TRUE },
  { "unavailable", RUZHOU, "本年度政府信息公开申请无法提供 {} 件。",
    "requests.unavailable.not_held.total+requests.unavailable.needs_creation.total+"
    "requests.unavailable.unclear.total", TRUE },
  { "not-processed", RUZHOU, "不予处理的申请 {} 件。",
    "requests.not_processed.complaint.total+requests.not_processed.duplicate.total+"
    "requests.not_processed.publication.total+requests.not_processed.excessive.total+"
    "requests.not_processed.confirmation.total", TRUE },
  { "carried-over", RUZHOU, "全年共收到申请 {requests.new.total} 件，{} 件结转下年度继续办理。",
    "requests.carried_over.total", TRUE },
  { "carried-over-before", RUZHOU, "结转下年度继续办理的申请 {} 件。", "requests.carried_over.total", TRUE },
  { "list", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中予以公开 {requests.public.total} 件，"
    "部分公开 {} 件。", "requests.partial.total", TRUE },
  /* percentages the prose derives */
  { "disclosure-rate", RUZHOU, "本年度依申请公开率为 {}%。", "requests.public.total/requests.result_total.total", TRUE },
  { "share", RUZHOU, "本年度予以公开的申请 {requests.public.total} 件，占比 {}%。",
    "requests.public.total/requests.result_total.total", TRUE },

  /* section 四 */
  { "review", OFFICE, "本年度发生政府信息公开行政复议 {} 件。", "appeals.review.total", TRUE },
  { "litigation", OFFICE, "本年度政府信息公开行政诉讼 {} 件。",
    "appeals.litigation_direct.total+appeals.litigation_after_review.total", TRUE },
  { "review-corrected", OFFICE, "政府信息公开行政复议 {appeals.review.total} 件，其中结果纠正 {} 件。",
    "appeals.review.corrected", TRUE },
  { "review-upheld", OFFICE, "政府信息公开行政复议 {appeals.review.total} 件，其中结果维持 {} 件，"
    "结果纠正 {appeals.review.corrected} 件。", "appeals.review.upheld", TRUE },
  { "litigation-pending", OFFICE, "政府信息公开行政诉讼 0 件，其中尚未审结 {} 件。",
    "appeals.litigation_direct.pending+appeals.litigation_after_review.pending", TRUE },

  { "after-review-upheld", OFFICE, "政府信息公开行政诉讼 0 件，其中复议后起诉 0 件，其中结果维持 {} 件。",
    "appeals.litigation_after_review.upheld", TRUE },

  /* section 二 */
  { "issued", OFFICE, "本年度制发行政规范性文件 {} 件。", "active.normative_documents.issued", TRUE },
  { "repealed", OFFICE, "本年度废止规范性文件 {} 件。", "active.normative_documents.repealed", TRUE },
  { "in-force", OFFICE, "现行有效规范性文件 {} 件。", "active.normative_documents.in_force", TRUE },
  { "licensing", OFFICE, "本年度作出行政许可决定 {} 件。", "active.licensing", TRUE },
  { "punishment", OFFICE, "行政处罚决定 {} 件。", "active.punishment", TRUE },
  { "enforcement", OFFICE, "行政强制 {} 件。", "active.enforcement", TRUE },
  { "fees", OFFICE, "本年度行政事业性收费金额 {} 万元。", "active.fees", TRUE },

  /* the 2019 edition */
  { "2019-received", COUNTY, "2019年共收到政府信息公开申请 {} 件。", "requests.new.total", TRUE },
  { "2019-carried-over", COUNTY, "结转下年度继续办理的申请 {} 件。", "requests.carried_over.total", TRUE },
  { "2019-licensing", COUNTY, "本年度作出行政许可决定 {} 件。", "active.licensing.decisions", TRUE },
  { "2019-punishment", COUNTY, "行政处罚决定 {} 件。", "active.punishment.decisions", TRUE },

  /* scope: these speak for less than the report, or of another time */
  { "part-of-channel", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中通过网络平台收到 {} 件。",
    "requests.new.total", FALSE },
  { "on-behalf", RUZHOU, "区政府办代表区政府受理政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "channel", RUZHOU, "通过网络平台收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "channel-clause", RUZHOU, "通过网络平台，收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "department", RUZHOU, "区教育局收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "channel-result", RUZHOU, "当面申请予以公开 {} 件。", "requests.public.total", FALSE },
  { "list-of-part", RUZHOU, "区政府办代表区政府受理申请 30 件，其中予以公开 {} 件。", "requests.public.total", FALSE },
  { "list-unfinished", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中网站申请 1 件，其中予以公开 {} 件。",
    "requests.public.total", FALSE },
  { "list-narrowed", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中通过网络平台收到 1 件，予以公开 {} 件。",
    "requests.public.total", FALSE },
  { "list-channel", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中网站申请 1 件，予以公开 {} 件。",
    "requests.public.total", FALSE },
  { "share-in-list", RUZHOU, "全年共收到申请 {requests.new.total} 件，其中予以公开 {requests.public.total} 件，"
    "占比 {}%。", "requests.public.total/requests.result_total.total", TRUE },
  { "after-channel", RUZHOU, "通过网络平台收到申请 5 件，予以公开 {} 件。", "requests.public.total", FALSE },
  { "year-on-year", RUZHOU, "收到政府信息公开申请较上年增加 {} 件。", "requests.new.total", FALSE },
  { "compared", RUZHOU, "收到政府信息公开申请 {} 件，同比增长 20%。", "requests.new.total", TRUE },
  { "last-year", RUZHOU, "上年收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "other-year", RUZHOU, "2020年共收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "other-year-clause", RUZHOU, "2020年，共收到政府信息公开申请 {} 件。", "requests.new.total", FALSE },
  { "approximately", RUZHOU, "共收到政府信息公开申请 {}余件。", "requests.new.total", FALSE },
  { "all-reviews", OFFICE, "本年度，区政府共受理行政复议案件 {} 件，其中政府信息公开类 1 件。", "appeals.review.total",
    FALSE },
  { "published-items", OFFICE, "公开行政许可信息 {} 条。", "active.licensing", FALSE },
};

/* Where @needle is in @report's text, in characters */
static NbSpan
find_chars (NbReport   *report,
            const char *needle)
{
  const char *text = nb_report_get_text (report);
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return (NbSpan) { g_utf8_pointer_to_offset (text, at),
                    g_utf8_pointer_to_offset (text, at) + g_utf8_strlen (needle, -1) };
}

static void
test_figure (gconstpointer data)
{
  const FigureCase *c = data;
  g_autofree char *base = read_sample (c->sample);
  g_autoptr(NbReport) plain = parse (base);
  const char *anchor = g_str_equal (c->sample, OFFICE) ? "已全部办结。"
                       : g_str_equal (c->sample, COUNTY) ? "（二）依申请公开情况。"
                       : "（二）依申请公开办理情况\n";
  g_autofree char *first_id = g_strndup (c->cells, strcspn (c->cells, "+/"));
  int cell = nb_schema_lookup (nb_report_get_edition (plain), first_id);

  g_assert_cmpint (cell, >=, 0);
  g_assert_cmpuint (nb_test_count_findings (plain, "prose.table_mismatch", -1, -1), ==, 0);

  for (guint wrong = 0; wrong < 2; wrong++)
    {
      g_autofree char *value = figure (plain, c->cells, wrong ? (strchr (c->cells, '/') ? 10 : 7) : 0);
      g_autofree char *sentence = fill (plain, c->sentence, value);
      g_autofree char *with = g_strdup_printf ("%s\n%s\n", anchor, sentence);
      g_autofree char *text = replace (base, anchor, with);
      g_autoptr(NbReport) report = parse (text);
      guint n = nb_test_count_findings (report, "prose.table_mismatch", -1, -1);

      g_test_message ("%s: %s", wrong ? "contradicts" : "agrees", sentence);
      if (!wrong || !c->speaks)
        {
          g_assert_cmpuint (n, ==, 0);
          continue;
        }
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpuint (nb_test_count_findings (report, "prose.table_mismatch", NB_SEVERITY_ERROR, cell), ==, 1);
      {
        GListModel *findings = nb_report_get_findings (report);
        NbSpan in = find_chars (report, sentence);

        for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
          {
            g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
            const NbSpan *spans;
            guint n_spans, n_cells;
            const guint *cells;

            if (!g_str_equal (nb_finding_get_rule (f), "prose.table_mismatch"))
              continue;
            spans = nb_finding_get_spans (f, &n_spans);
            cells = nb_finding_get_cells (f, &n_cells);
            g_test_message ("%s", nb_finding_get_message (f, "zh_CN"));
            /* the sentence's figure, then each cell's */
            g_assert_cmpuint (n_spans, >=, 2);
            g_assert_cmpint (spans[0].start, >=, in.start);
            g_assert_cmpint (spans[0].end, <=, in.end);
            g_assert_cmpuint (n_cells, >=, 1);
            g_assert_cmpint (spans[1].start, ==, nb_report_get_span (report, cells[0]).start);
            g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), value));
          }
      }
    }
}

/* Claims without a number: ruzhou carries 3 over and discloses 1 of 9 */
typedef struct
{
  const char *name;
  const char *sentence;
  const char *cell;  /* the cell the finding names, or NULL for none */
} ClaimCase;

static const ClaimCase claim_cases[] = {
  { "all-settled", "本年度收到的申请已全部办结。", "requests.carried_over.total" },
  { "all-disclosed", "本年度收到的申请全部予以公开。", "requests.public.total" },
  { "all-settled-last-year", "上年结转的申请已全部办结。", NULL },
  { "all-settled-channel", "通过网络平台收到的申请，均已办结。", NULL },
  { "answered-in-time", "收到的申请均在法定期限内予以答复。", NULL },
};

static void
test_claim (gconstpointer data)
{
  const ClaimCase *c = data;
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *with = g_strdup_printf ("（二）依申请公开办理情况\n%s\n", c->sentence);
  g_autofree char *text = replace (base, "（二）依申请公开办理情况\n", with);
  g_autoptr(NbReport) report = parse (text);
  int cell = c->cell ? nb_schema_lookup (nb_report_get_edition (report), c->cell) : -1;

  g_assert_cmpuint (nb_test_count_findings (report, "prose.table_mismatch", -1, -1), ==, c->cell ? 1 : 0);
  if (c->cell)
    g_assert_cmpuint (nb_test_count_findings (report, "prose.table_mismatch", NB_SEVERITY_ERROR, cell), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Sections 五 and 六                                                  */

static char *
with_section (const char *text,
              const char *heading,
              const char *next,
              const char *body)
{
  const char *a = strstr (text, heading), *b;

  g_assert_nonnull (a);
  a += strlen (heading);
  b = next ? strstr (a, next) : a + strlen (a);
  g_assert_nonnull (b);
  return g_strdup_printf ("%.*s\n%s\n\n%s", (int) (a - text), text, body, b);
}

typedef struct
{
  const char *name;
  const char *body;
  guint       findings;
} SectionCase;

static const SectionCase problems_cases[] = {
  { "empty", "", 1 },
  { "none", "无", 1 },
  { "not-yet", "暂无。", 1 },
  { "stock", "本年度无存在的主要问题及改进情况。", 1 },
  { "stock-improve", "工作有待加强。", 1 },
  { "short-but-real", "政策解读方式不够多元。", 0 },
  { "proper", "2021年，我办政务公开工作还存在政策解读形式单一等问题。下一步将加强政策解读，丰富解读形式。", 0 },
};

static void
test_problems (gconstpointer data)
{
  const SectionCase *c = data;
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *text = with_section (base, "五、存在的主要问题及改进情况\n", "六、其他需要报告的事项", c->body);
  g_autoptr(NbReport) report = parse (text);

  g_assert_cmpuint (nb_test_count_findings (report, "section.placeholder", NB_SEVERITY_WARNING, -1), ==,
                    c->findings);
  g_assert_cmpuint (nb_test_count_findings (report, "section.placeholder", -1, -1), ==, c->findings);
}

static const SectionCase fee_cases[] = {
  { "empty", "", 1 },
  { "none", "无", 1 },
  { "nothing-else", "本年度无其他需要报告的事项。", 1 },
  { "other-fee", "本年度行政事业性收费 0 万元。", 1 },
  { "title-only", "严格落实《政府信息公开信息处理费管理办法》。", 1 },
  { "not-charged", "本年度未收取信息处理费。", 0 },
  { "charged", "本年度收取信息处理费 200 元。", 0 },
  { "processing-fee", "全年收取政府信息公开信息处理费 0 元。", 0 },
};

static void
test_fee (gconstpointer data)
{
  const SectionCase *c = data;
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *text = with_section (base, "六、其他需要报告的事项\n", NULL, c->body);
  g_autoptr(NbReport) report = parse (text);

  g_assert_cmpuint (nb_test_count_findings (report, "section.fee_statement", NB_SEVERITY_WARNING, -1), ==,
                    c->findings);
}

/* No fee charged, but a request closed because a fee went unpaid: the one 重复申请 of
 * ruzhou moved to （六）2, so that the tables still add up */
static void
test_fee_unpaid (void)
{
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *a = replace (base, "2.重复申请\t1\t0\t0\t0\t0\t0\t1", "2.重复申请\t0\t0\t0\t0\t0\t0\t0");
  g_autofree char *b = replace (a, "缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
                                "缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1");
  const char *bodies[] = { "本年度未收取信息处理费。", "本年度收取信息处理费 200 元。" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *text = with_section (b, "六、其他需要报告的事项\n", NULL, bodies[i]);
      g_autoptr(NbReport) report = parse (text);
      int cell = nb_schema_lookup (nb_report_get_edition (report), "requests.other.no_fee.total");

      g_assert_cmpuint (nb_report_count_findings (report, NB_SEVERITY_ERROR), ==, 0);
      g_assert_cmpuint (nb_test_count_findings (report, "section.fee_statement", NB_SEVERITY_WARNING, cell), ==,
                        i == 0 ? 1 : 0);
    }
}

/* ------------------------------------------------------------------ */
/* Headings                                                            */

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  guint       findings;
  const char *expected;  /* what the message says it should be */
} HeadingCase;

static const HeadingCase heading_cases[] = {
  { "repeated", "四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况", 1, "应为“四、”" },
  { "skipped", "五、存在的主要问题及改进情况\n\n2021", "六、存在的主要问题及改进情况\n\n2021", 1, "应为“五、”" },
  { "out-of-order", "三、收到和处理政府信息公开申请情况", "二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况", 1,
    "按一至六的顺序" },
  { "sub-skipped", "（三）政府信息管理", "（四）政府信息管理", 1, "应为（三）" },
  { "sub-repeated", "（三）政府信息管理", "（二）政府信息管理", 1, "应为（三）" },
  { "sub-first", "（一）主动公开情况", "（二）主动公开情况", 1, "应为（一）" },
  { "as-is", "（三）政府信息管理", "（三）政府信息管理", 0, NULL },
};

static void
test_heading (gconstpointer data)
{
  const HeadingCase *c = data;
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *text = replace (base, c->find, c->replace);
  g_autoptr(NbReport) report = parse (text);
  GListModel *findings = nb_report_get_findings (report);

  g_assert_cmpuint (nb_test_count_findings (report, "template.heading_number", NB_SEVERITY_WARNING, -1), ==,
                    c->findings);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      guint n_spans;

      if (!g_str_equal (nb_finding_get_rule (f), "template.heading_number"))
        continue;
      g_test_message ("%s", nb_finding_get_message (f, "zh_CN"));
      g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), c->expected));
      nb_finding_get_spans (f, &n_spans);
      g_assert_cmpuint (n_spans, ==, 1);
    }
}

/* A table of contents before the report takes the headings: silent rather than wrong */
static void
test_contents (void)
{
  g_autofree char *base = read_sample (RUZHOU);
  g_autofree char *text = replace (base, "\n一、总体情况\n",
                                   "\n目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                                   "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
                                   "六、其他需要报告的事项\n\n一、总体情况\n");
  g_autoptr(NbReport) report = parse (text);

  g_assert_cmpuint (nb_test_count_findings (report, "template.heading_number", -1, -1), ==, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "section.placeholder", -1, -1), ==, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "section.fee_statement", -1, -1), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Every sample and fixture                                            */

typedef struct
{
  const char *file;       /* the end of its path */
  const char *rule;
  guint       findings;
} Genuine;

/* The genuine findings, each verified by reading the report */
static const Genuine genuine[] = {
  /* section 六 says only 无 */
  { "office-2021.txt", "section.fee_statement", 1 },
  { "ruzhou-2021.txt", "section.fee_statement", 1 },
  { "000_d3586a4235a7491f.txt", "section.fee_statement", 1 },  /* ruzhou's text */
  { "001_466e71db95901446.txt", "section.fee_statement", 1 },  /* office's text */
  /* its section 一 goes from the heading straight to （二）依申请公开方面 */
  { "municipal-2019.html", "template.heading_number", 1 },
};

static const char *const new_rules[] = {
  "prose.table_mismatch", "section.placeholder", "section.fee_statement", "template.heading_number",
};

static void
test_no_false_findings (void)
{
  const char *samples_dir = g_getenv ("NB_SAMPLES_DIR");
  const char *shared = g_getenv ("NB_SHARED_DIR");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *seeds = shared ? g_build_filename (shared, "seeds", NULL) : NULL;
  g_autofree char *pdfs = shared ? g_build_filename (shared, "samples", NULL) : NULL;
  const char *dirs[] = { samples_dir, fixtures, seeds, pdfs };
  guint n_pdf = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = dirs[d] ? g_dir_open (dirs[d], 0, NULL) : NULL;
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".pdf"))
          g_ptr_array_add (files, g_build_filename (dirs[d], name, NULL));
    }
  g_assert_cmpuint (files->len, >=, 9);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_report_new_from_file (file, NULL, &error);

      if (report == NULL && !g_str_has_suffix (path, ".txt"))
        {
          g_test_message ("%s: %s", path, error->message);
          continue;  /* a build without the reader of its format */
        }
      g_assert_no_error (error);
      n_pdf += g_str_has_suffix (path, ".pdf");
      for (guint r = 0; r < G_N_ELEMENTS (new_rules); r++)
        {
          guint want = 0;

          for (guint k = 0; k < G_N_ELEMENTS (genuine); k++)
            if (g_str_has_suffix (path, genuine[k].file) && g_str_equal (genuine[k].rule, new_rules[r]))
              want = genuine[k].findings;
          g_test_message ("%s: %s", path, new_rules[r]);
          g_assert_cmpuint (nb_test_count_findings (report, new_rules[r], -1, -1), ==, want);
        }
    }
  g_test_message ("%u PDFs read", n_pdf);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/prose/figure/%s", figure_cases[i].name);

      g_test_add_data_func (path, &figure_cases[i], test_figure);
    }
  for (guint i = 0; i < G_N_ELEMENTS (claim_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/prose/claim/%s", claim_cases[i].name);

      g_test_add_data_func (path, &claim_cases[i], test_claim);
    }
  for (guint i = 0; i < G_N_ELEMENTS (problems_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/prose/section-5/%s", problems_cases[i].name);

      g_test_add_data_func (path, &problems_cases[i], test_problems);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fee_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/prose/section-6/%s", fee_cases[i].name);

      g_test_add_data_func (path, &fee_cases[i], test_fee);
    }
  g_test_add_func ("/core/prose/section-6/unpaid-fee", test_fee_unpaid);
  for (guint i = 0; i < G_N_ELEMENTS (heading_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/prose/heading/%s", heading_cases[i].name);

      g_test_add_data_func (path, &heading_cases[i], test_heading);
    }
  g_test_add_func ("/core/prose/heading/contents", test_contents);
  g_test_add_func ("/core/prose/samples", test_no_false_findings);

  return g_test_run ();
}
