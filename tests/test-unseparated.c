/* test-unseparated.c — numbers that run together are split only where the equations allow one split
 *
 * Some web pages lose the separators between a table's cells when their
 * text is copied: "本年新收政府信息公开申请数量230000023". Each case here
 * takes the 2019-edition fixture (tests/data/county-2019.txt, a consistent
 * report), runs some of its rows together, and checks what the parser
 * makes of them: the values of the original with cell.unseparated when the
 * equations leave one split, the cells missing with cell.ambiguous when they
 * leave several or none, never a number the equations do not fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nianbao.h"
#include "test-util.h"

static char *fixture;
static NbReport *original;

static NbReport *
parse_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), "variant.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The fixture with one line replaced; the line must be there. */
static char *
replace_line (const char *text,
              const char *line,
              const char *by)
{
  GString *out = g_string_new (text);

  g_assert_nonnull (strstr (text, line));
  g_string_replace (out, line, by, 1);
  return g_string_free (out, FALSE);
}

static int
cell (NbReport   *report,
      const char *id)
{
  int i = nb_schema_lookup (nb_report_get_edition (report), id);

  g_assert_cmpint (i, >=, 0);
  return i;
}

/* Every cell has the original's value, and the given ones come from the
 * text with a span that holds their number. */
static void
assert_same_values (NbReport    *report,
                    const char  *prefix)
{
  const char *text = nb_report_get_text (report);

  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    {
      double a = 0, b = 0;
      gboolean has_a = nb_report_get_value (report, i, &a);
      gboolean has_b = nb_report_get_value (original, i, &b);
      const char *id = nb_schema_get_cell (nb_report_get_edition (report), i)->id;

      if (has_a != has_b || a != b)
        g_test_message ("%s: %g, not %g", id, a, b);
      g_assert_true (has_a == has_b);
      g_assert_cmpfloat (a, ==, b);
      if (prefix && g_str_has_prefix (id, prefix) && nb_schema_get_cell (nb_report_get_edition (report), i)->kind != NB_CELL_UNIT)
        {
          NbSpan span = nb_report_get_span (report, i);
          const char *from = g_utf8_offset_to_pointer (text, span.start);
          const char *to = g_utf8_offset_to_pointer (text, span.end);
          g_autofree char *slice = g_strndup (from, to - from);
          g_autofree char *want = g_strdup_printf ("%.0f", a);

          g_assert_cmpint (nb_report_get_origin (report, i), ==, NB_ORIGIN_SOURCE);
          g_assert_cmpstr (slice, ==, want);
        }
    }
}

static void
assert_no_errors (NbReport *report)
{
  GListModel *findings = nb_report_get_findings (report);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (nb_finding_get_severity (f) == NB_SEVERITY_ERROR)
        g_test_message ("unexpected error: %s", nb_finding_get_message (f, "en"));
      g_assert_cmpint (nb_finding_get_severity (f), !=, NB_SEVERITY_ERROR);
    }
}

/* The issue's own example: one row, one split. */
static void
test_row_one_split (void)
{
  g_autofree char *text = replace_line (fixture, "一、本年新收政府信息公开申请数量\t45\t6\t0\t1\t2\t0\t54",
                                        "一、本年新收政府信息公开申请数量456012054");
  g_autoptr(NbReport) report = parse_text (text);

  assert_same_values (report, "requests.new.");
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", -1, cell (report, "requests.new.total")), >, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 0);
  assert_no_errors (report);
}

/* "110000011" is 1 10 0 0 0 0 11 or 11 0 0 0 0 0 11: both add up in the
 * row; the column equations (the other rows are separated) leave one. */
static void
test_row_split_by_columns (void)
{
  g_autofree char *a = replace_line (fixture, "2．重复申请\t1\t1\t0\t0\t0\t0\t2", "2．重复申请\t1\t10\t0\t0\t0\t0\t11");
  g_autofree char *b = replace_line (a, "（七）总计\t47\t5\t0\t1\t2\t0\t55", "（七）总计\t47\t14\t0\t1\t2\t0\t64");
  g_autofree char *c = replace_line (b, "一、本年新收政府信息公开申请数量\t45\t6\t0\t1\t2\t0\t54",
                                     "一、本年新收政府信息公开申请数量\t45\t15\t0\t1\t2\t0\t63");
  g_autofree char *c2 = replace_line (c, "收到政府信息公开申请54件", "收到政府信息公开申请63件");
  g_autoptr(NbReport) base = parse_text (c2);
  g_autofree char *run = replace_line (c2, "2．重复申请\t1\t10\t0\t0\t0\t0\t11", "2．重复申请110000011");
  g_autoptr(NbReport) report = parse_text (run);
  double v = 0;

  assert_no_errors (base);
  assert_no_errors (report);
  g_assert_true (nb_report_get_value (report, cell (report, "requests.not_processed.duplicate.natural_person"), &v));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_true (nb_report_get_value (report, cell (report, "requests.not_processed.duplicate.commercial"), &v));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_cmpint (nb_report_get_origin (report, cell (report, "requests.not_processed.duplicate.commercial")), ==,
                   NB_ORIGIN_SOURCE);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 0);
}

/* Two rows that can trade their splits without breaking any equation:
 * several splits fit, so their cells stay missing. */
static void
test_rows_ambiguous (void)
{
  /* 重复申请 1 10 … 11 and 信访 11 0 … 11; written together, either row may be either */
  g_autofree char *a = replace_line (fixture, "1．信访举报投诉类申请\t3\t0\t0\t0\t0\t0\t3", "1．信访举报投诉类申请\t11\t0\t0\t0\t0\t0\t11");
  g_autofree char *b = replace_line (a, "2．重复申请\t1\t1\t0\t0\t0\t0\t2", "2．重复申请\t1\t10\t0\t0\t0\t0\t11");
  g_autofree char *c = replace_line (b, "（七）总计\t47\t5\t0\t1\t2\t0\t55", "（七）总计\t55\t14\t0\t1\t2\t0\t72");
  g_autofree char *d = replace_line (c, "一、本年新收政府信息公开申请数量\t45\t6\t0\t1\t2\t0\t54",
                                     "一、本年新收政府信息公开申请数量\t53\t15\t0\t1\t2\t0\t71");
  g_autofree char *d2 = replace_line (d, "收到政府信息公开申请54件", "收到政府信息公开申请71件");
  g_autoptr(NbReport) consistent = parse_text (d2);
  g_autofree char *e = replace_line (d2, "1．信访举报投诉类申请\t11\t0\t0\t0\t0\t0\t11", "1．信访举报投诉类申请110000011");
  g_autofree char *f = replace_line (e, "2．重复申请\t1\t10\t0\t0\t0\t0\t11", "2．重复申请110000011");
  g_autoptr(NbReport) report = parse_text (f);
  const char *const rows[] = { "complaint", "duplicate" };
  const char *const cols[] = { "natural_person", "commercial", "research", "social_welfare",
                               "legal_service", "other", "total" };

  assert_no_errors (consistent);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
      {
        g_autofree char *id = g_strdup_printf ("requests.not_processed.%s.%s", rows[r], cols[k]);
        int i = cell (report, id);

        g_assert_false (nb_report_get_value (report, i, NULL));
        g_assert_cmpint (nb_report_get_origin (report, i), ==, NB_ORIGIN_MISSING);
        g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", -1, i), >, 0);
      }
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 2);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_WARNING, -1), ==, 0);
  assert_no_errors (report);
}

/* A run no split fits (the digits cannot add up): missing, not misread. */
static void
test_row_no_split (void)
{
  g_autofree char *text = replace_line (fixture, "2．重复申请\t1\t1\t0\t0\t0\t0\t2", "2．重复申请1120002");
  g_autoptr(NbReport) report = parse_text (text);
  int total = cell (report, "requests.not_processed.duplicate.total");

  g_assert_false (nb_report_get_value (report, total, NULL));
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", -1, total), >, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 0);
}

/* A row short of a cell and run together (six digits for seven cells) is
 * not read as one number. */
static void
test_row_too_short (void)
{
  g_autofree char *text = replace_line (fixture, "（一）予以公开\t20\t2\t0\t0\t1\t0\t23", "（一）予以公开\t2020010");
  g_autoptr(NbReport) report = parse_text (text);

  for (guint k = 0; k < 7; k++)
    {
      int i = nb_schema_request_cell (nb_report_get_edition (report),
                                      nb_schema_request_row_index (nb_report_get_edition (report), "public"), k);
      double v = 0;

      if (nb_report_get_value (report, i, &v))
        g_assert_cmpfloat (v, <, 1000);
    }
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 1);
}

/* The section 四 example, and a whole table glued to its header. */
static void
test_appeals_one_split (void)
{
  g_autofree char *text = replace_line (fixture, "2\t1\t0\t0\t3\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0",
                                        "10203120001200000");
  g_autoptr(NbReport) report = parse_text (text);
  const int expect[15] = { 1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0 };
  int first = cell (report, "appeals.review.upheld");

  for (guint i = 0; i < 15; i++)
    {
      double v = -1;

      g_assert_true (nb_report_get_value (report, first + i, &v));
      g_assert_cmpfloat (v, ==, expect[i]);
      g_assert_cmpint (nb_report_get_origin (report, first + i), ==, NB_ORIGIN_SOURCE);
    }
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 1);
  assert_no_errors (report);
}

static void
test_appeals_glued_to_header (void)
{
  g_autofree char *a = replace_line (fixture, "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n",
                                     "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计");
  g_autofree char *text = replace_line (a, "2\t1\t0\t0\t3\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0", "210031001200000");
  g_autoptr(NbReport) report = parse_text (text);

  assert_same_values (report, "appeals.");
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 1);
}

static void
test_appeals_ambiguous (void)
{
  /* 1 10 0 0 11 or 11 0 0 0 11: both take the same digits for every cell but the first
   * two, which stay empty; the others are read */
  g_autofree char *text = replace_line (fixture, "2\t1\t0\t0\t3\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0",
                                        "11000110000000000");
  g_autoptr(NbReport) report = parse_text (text);
  int first = cell (report, "appeals.review.upheld");

  for (guint i = 0; i < 15; i++)
    {
      double v = -1;

      g_assert_cmpint (nb_report_get_value (report, first + i, &v), ==, i >= 2);
      g_assert_cmpint (nb_report_get_origin (report, first + i), ==, i >= 2 ? NB_ORIGIN_SOURCE : NB_ORIGIN_MISSING);
      if (i >= 2)
        g_assert_cmpfloat (v, ==, i == 4 ? 11 : 0);
    }
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_WARNING, -1), ==, 0);
}

/* Section 二 has no equations: one digit a cell is the only split it allows */
static void
test_active_runs (void)
{
  g_autofree char *a = replace_line (fixture, "规章\t0\t0\t0", "规章000");
  g_autofree char *b = replace_line (a, "规范性文件\t8\t8\t45", "规范性文件0845");
  g_autoptr(NbReport) report = parse_text (b);
  double v = -1;

  g_assert_true (nb_report_get_value (report, cell (report, "active.regulations.total"), &v));
  g_assert_cmpfloat (v, ==, 0);
  g_assert_cmpint (nb_report_get_origin (report, cell (report, "active.regulations.total")), ==, NB_ORIGIN_SOURCE);
  g_assert_false (nb_report_get_value (report, cell (report, "active.normative_documents.created"), NULL));
  g_assert_cmpuint (nb_test_count_findings (report, "cell.unseparated", -1, cell (report, "active.regulations.created")), >, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", -1, cell (report, "active.normative_documents.total")), >, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.missing", NB_SEVERITY_WARNING, -1), ==, 0);
}

/* Numbers glued to their label and fewer than the cells, as flattened web text has them:
 * never one number taken for the first cell ("规范性文件8845" is not 8845 made this
 * year), but cells left empty with cell.ambiguous; a row of one cell is just its number. */
static void
test_active_glued (void)
{
  g_autofree char *a = replace_line (fixture, "规范性文件\t8\t8\t45", "规范性文件8845");
  g_autofree char *b = replace_line (a, "其他对外管理服务事项\t23\t2\t418", "其他对外管理服务事项23-2418");
  g_autofree char *c = replace_line (b, "政府集中采购\t42\t3856.27万元", "政府集中采购423856.27万元");
  g_autoptr(NbReport) report = parse_text (c);

  g_assert_false (nb_report_get_value (report, cell (report, "active.normative_documents.created"), NULL));
  g_assert_false (nb_report_get_value (report, cell (report, "active.other_services.previous"), NULL));
  g_assert_false (nb_report_get_value (report, cell (report, "active.procurement.projects"), NULL));
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", -1, cell (report, "active.normative_documents.total")), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "cell.ambiguous", -1, cell (report, "active.procurement.amount")), ==, 1);
}

/* Long and hostile runs end quickly in a finding, whatever their length. */
static void
test_long_runs (void)
{
  /* 1000 2000 3000 4000 5000 6000 21000: 29 digits, more than a double holds exactly */
  g_autofree char *a = replace_line (fixture, "一、本年新收政府信息公开申请数量\t45\t6\t0\t1\t2\t0\t54",
                                     "一、本年新收政府信息公开申请数量10002000300040005000600021000");
  g_autoptr(NbReport) ra = parse_text (a);
  double v = 0;
  g_autoptr(GString) ones = g_string_new ("一、本年新收政府信息公开申请数量");
  g_autofree char *b = NULL;
  g_autoptr(NbReport) rb = NULL;

  g_assert_true (nb_report_get_value (ra, cell (ra, "requests.new.total"), &v));
  g_assert_cmpfloat (v, ==, 21000);
  g_assert_cmpuint (nb_test_count_findings (ra, "cell.unseparated", NB_SEVERITY_INFO, -1), ==, 1);

  for (guint i = 0; i < 90; i++)
    g_string_append_c (ones, '1');
  b = replace_line (fixture, "一、本年新收政府信息公开申请数量\t45\t6\t0\t1\t2\t0\t54", ones->str);
  rb = parse_text (b);
  g_assert_false (nb_report_get_value (rb, cell (rb, "requests.new.total"), NULL));
  g_assert_cmpuint (nb_test_count_findings (rb, "cell.ambiguous", NB_SEVERITY_WARNING, -1), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "county-2019.txt", NULL);
  if (!g_file_get_contents (path, &fixture, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  original = parse_text (fixture);

  g_test_add_func ("/core/unseparated/row-one-split", test_row_one_split);
  g_test_add_func ("/core/unseparated/active-glued", test_active_glued);
  g_test_add_func ("/core/unseparated/row-split-by-columns", test_row_split_by_columns);
  g_test_add_func ("/core/unseparated/rows-ambiguous", test_rows_ambiguous);
  g_test_add_func ("/core/unseparated/row-no-split", test_row_no_split);
  g_test_add_func ("/core/unseparated/row-too-short", test_row_too_short);
  g_test_add_func ("/core/unseparated/appeals-one-split", test_appeals_one_split);
  g_test_add_func ("/core/unseparated/appeals-glued-to-header", test_appeals_glued_to_header);
  g_test_add_func ("/core/unseparated/appeals-ambiguous", test_appeals_ambiguous);
  g_test_add_func ("/core/unseparated/active-runs", test_active_runs);
  g_test_add_func ("/core/unseparated/long-runs", test_long_runs);

  ret = g_test_run ();
  g_clear_object (&original);
  g_free (fixture);
  return ret;
}
