/* test-reader-html.c — web pages to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nb-error.h"
#include "readers/nb-readers-private.h"
#include "nianbao.h"
#include "readers-common.h"

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* The sample as a web page: paragraphs, and tables with rowspan and colspan; or, @naive,
 * one cell per tab field of the text, however it pads labels or ends its lines */
static char *
sample_to_html (Sample     *sample,
                const char *charset,
                gboolean    naive)
{
  GString *html = g_string_new (NULL);
  guint table = 0;

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html><head>\n"
                          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n"
                          "<title>标题不算正文</title>\n"
                          "<style>td { border: 1px solid; }</style>\n"
                          "<script>var s = \"<p>脚本不算正文</p>\";</script>\n"
                          "</head><body>\n<nav><ul><li>首页</li><li>导航不算正文</li></ul></nav>\n",
                          charset);

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);

      if (line->is_row && naive)
        {
          g_auto(GStrv) fields = g_strsplit (line->text, "\t", -1);

          if (line->table != table)
            g_string_append (html, table ? "</table>\n<table>\n" : "<table>\n");
          table = line->table;
          g_string_append (html, "<tr>");
          for (guint c = 0; fields[c] != NULL; c++)
            {
              g_string_append (html, "<td>");
              if (*g_strstrip (fields[c]) == '\0')
                g_string_append (html, "&nbsp;");
              else
                append_escaped (html, fields[c]);
              g_string_append (html, "</td>");
            }
          g_string_append (html, "</tr>\n");
        }
      else if (line->is_row)
        {
          g_autoptr(GPtrArray) plan = NULL;

          if (line->table == table)
            continue;
          table = line->table;
          plan = sample_table_plan (sample, table);
          g_string_append (html, "<table border=\"1\">\n<tbody>\n");
          for (guint r = 0; r < plan->len; r++)
            {
              GArray *row = g_ptr_array_index (plan, r);

              g_string_append (html, "<tr>");
              for (guint c = 0; c < row->len; c++)
                {
                  PlanCell *cell = &g_array_index (row, PlanCell, c);

                  if (cell->absorbed || cell->continued)
                    continue;
                  g_string_append (html, "<td");
                  if (cell->rowspan > 1)
                    g_string_append_printf (html, " rowspan=\"%u\"", cell->rowspan);
                  if (cell->colspan > 1)
                    g_string_append_printf (html, " colspan=%u", cell->colspan);
                  g_string_append (html, ">");
                  if (*cell->text == '\0')
                    g_string_append (html, "&nbsp;");
                  else
                    {
                      g_string_append (html, "<p><span style=\"font-size:12pt\">");
                      append_escaped (html, cell->text);
                      g_string_append (html, "</span></p>");
                    }
                  g_string_append (html, "</td>");
                }
              g_string_append (html, "</tr>\n");
            }
          g_string_append (html, "</tbody></table>\n");
        }
      else if (*line->text != '\0')
        {
          if (naive && table)
            g_string_append (html, "</table>\n");
          table = naive ? 0 : table;
          g_string_append (html, "<p>");
          append_escaped (html, line->text);
          g_string_append (html, "</p>\n");
        }
    }
  if (naive && table)
    g_string_append (html, "</table>\n");
  g_string_append (html, "</body></html>\n");

  return g_string_free (html, FALSE);
}

static void
test_sample (gconstpointer data)
{
  const char *name = data;
  g_autoptr(Sample) sample = sample_load (name);
  const char *charsets[] = { "utf-8", "gbk", "gb2312" };

  for (guint k = 0; k < G_N_ELEMENTS (charsets); k++)
    {
      g_autofree char *html = sample_to_html (sample, charsets[k], FALSE);
      g_autofree char *bytes = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      if (k == 0)
        {
          bytes = g_strdup (html);
          len = strlen (html);
        }
      else
        {
          bytes = g_convert (html, -1, "GB18030", "UTF-8", NULL, &len, &error);
          g_assert_no_error (error);
        }

      g_assert_cmpint (nb_format_sniff ((const guint8 *) bytes, len, NULL), ==, NB_FORMAT_HTML);
      text = nb_reader_html_extract ((const guint8 *) bytes, len, &error);
      g_assert_no_error (error);
      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_null (strstr (text, "\r"));
      g_assert_null (strstr (text, "脚本不算正文"));
      g_assert_null (strstr (text, "导航不算正文"));
      g_assert_null (strstr (text, "标题不算正文"));

      assert_sample_rows (sample, text);
      assert_sample_table_lines (sample, text, FALSE);

      /* and through the whole core: the page checks as its text does */
      {
        g_autoptr(GBytes) page = g_bytes_new (bytes, len);

        assert_same_values (name, page, "report.html");
      }
    }

  /* a page made from the text as it is, one cell per tab field: its padding tabs become
   * empty cells, which must not read as blank ones */
  {
    g_autofree char *html = sample_to_html (sample, "utf-8", TRUE);
    g_autoptr(GBytes) page = g_bytes_new (html, strlen (html));

    assert_same_values (name, page, "report.html");
  }
}

static void
test_ruzhou_row (void)
{
  g_autoptr(Sample) sample = sample_load ("ruzhou-2021");
  g_autofree char *html = sample_to_html (sample, "gbk", FALSE);
  g_autofree char *gbk = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { "11", "1", "0", "0", "0", "0", "12", NULL };
  gsize len;

  gbk = g_convert (html, -1, "GBK", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  text = nb_reader_html_extract ((const guint8 *) gbk, len, &error);
  g_assert_no_error (error);
  assert_text_has_row (text, "一、本年新收政府信息公开申请数量", numbers);
  g_assert_nonnull (strstr (text, "一、本年新收政府信息公开申请数量\t11\t1\t0\t0\t0\t0\t12\n"));
}

static void
test_spans (void)
{
  const char *html =
    "<html><body><div><table>"
    "<tr><th rowspan=\"2\">项目</th><th colspan=\"3\">申请人</th><th rowspan=2>总计</th></tr>"
    "<tr><th>自然人</th><th>企业</th><th>&nbsp;</th></tr>"
    "<tr><td rowspan=3>三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td></td><td>5</td></tr>"
    "<tr><td>（二）部分公开</td><td>1</td><td>0</td><td>1</td></tr>"
    "<tr><td colspan=\"2\">（三）不予公开</td><td>0<br>&nbsp;</td><td>0</td></tr>"
    "</table></div>"
    "<p>第一段<br>第二行&nbsp;&nbsp;有空格</p><ul><li>甲</li><li>乙</li></ul>"
    "</body></html>";
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = nb_reader_html_extract ((const guint8 *) html, strlen (html), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   /* a field per cell: none for what a span covers, an empty one for
                    * an empty cell */
                   "项目\t申请人\t总计\n"
                   "自然人\t企业\t\n"
                   "三、本年度办理结果\t（一）予以公开\t5\t\t5\n"
                   "（二）部分公开\t1\t0\t1\n"
                   "（三）不予公开\t0\t0\n"
                   "第一段\n第二行 有空格\n甲\n乙\n");
}

/* A page laid out as a municipal office's web page is: most zeros left blank, labels
 * spanning columns and rows. Each blank cell is read as empty, and filled in where the
 * table's equations determine it; values checked by hand. */
static void
test_blank_cells_page (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                                            "..", "data", "municipal-2019.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  static const struct { const char *cell; double value; NbOrigin origin; } want[] = {
    { "active.regulations.created", 13, NB_ORIGIN_SOURCE },
    { "active.regulations.total", 524, NB_ORIGIN_SOURCE },
    { "active.procurement.amount", 251000, NB_ORIGIN_SOURCE },
    { "requests.new.natural_person", 821, NB_ORIGIN_SOURCE },
    { "requests.new.research", 0, NB_ORIGIN_INFERRED },       /* blank: the row sum leaves 0 */
    { "requests.new.legal_service", 2, NB_ORIGIN_SOURCE },    /* after two blanks */
    { "requests.new.total", 859, NB_ORIGIN_SOURCE },
    { "requests.carried_in.commercial", 0, NB_ORIGIN_INFERRED },
    { "requests.public.natural_person", 258, NB_ORIGIN_SOURCE },
    { "requests.public.total", 272, NB_ORIGIN_INFERRED },     /* blank, the row sum */
    { "requests.partial.natural_person", 3, NB_ORIGIN_SOURCE },
    { "requests.withheld.process_info.commercial", 1, NB_ORIGIN_SOURCE },
    { "requests.unavailable.not_held.legal_service", 1, NB_ORIGIN_SOURCE },
    { "requests.result_total.total", 805, NB_ORIGIN_SOURCE },
    { "requests.carried_over.natural_person", 72, NB_ORIGIN_SOURCE },
    { "appeals.review.upheld", 5, NB_ORIGIN_SOURCE },
    { "appeals.review.corrected", 0, NB_ORIGIN_INFERRED },
    { "appeals.review.pending", 2, NB_ORIGIN_SOURCE },
    { "appeals.litigation_direct.total", 9, NB_ORIGIN_SOURCE },
  };

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  report = nb_report_new_from_bytes ((const guint8 *) contents, len, "municipal-2019.html", &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2019);
  g_assert_cmpint (nb_report_get_year (report), ==, 2019);

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      int cell = nb_schema_lookup (NB_EDITION_2019, want[i].cell);
      double value = -1;

      g_assert_cmpint (cell, >=, 0);
      if (!nb_report_get_value (report, cell, &value) || value != want[i].value ||
          nb_report_get_origin (report, cell) != want[i].origin)
        g_error ("%s: %g (%s), not %g (%s)", want[i].cell, value,
                 nb_origin_to_string (nb_report_get_origin (report, cell)),
                 want[i].value, nb_origin_to_string (want[i].origin));
    }

  /* all blank, with nothing to decide them: missing, not guessed */
  for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
    g_assert_false (nb_report_get_value (report, nb_schema_appeal_cell (NB_EDITION_2019, 2, f), NULL));

  /* its text, a plain text file of tab-separated cells (as a table copied from a browser),
   * reads the same: blank cells are empty fields */
  {
    g_autofree char *text = nb_reader_html_extract ((const guint8 *) contents, len, &error);
    g_autoptr(NbReport) tsv = NULL;

    g_assert_no_error (error);
    tsv = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), "municipal-2019.txt", &error);
    g_assert_no_error (error);
    for (guint c = 0; c < nb_report_get_n_cells (report); c++)
      {
        double a = -1, b = -1;
        gboolean has_a = nb_report_get_value (report, c, &a), has_b = nb_report_get_value (tsv, c, &b);

        if (has_a != has_b || a != b || nb_report_get_origin (report, c) != nb_report_get_origin (tsv, c))
          g_error ("cell %u: %g (%s) from the page but %g (%s) from its text", c, a,
                   nb_origin_to_string (nb_report_get_origin (report, c)), b,
                   nb_origin_to_string (nb_report_get_origin (tsv, c)));
      }
  }

  /* and nothing wrong with the report: no error */
  for (guint i = 0; i < g_list_model_get_n_items (nb_report_get_findings (report)); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (nb_report_get_findings (report), i);

      if (nb_finding_get_severity (f) == NB_SEVERITY_ERROR)
        g_error ("unexpected error: %s", nb_finding_get_message (f, "en"));
    }
}

static void
test_layout_table (void)
{
  /* a page laid out with a table, the report table inside one of its cells */
  const char *html =
    "<html><head><meta charset=\"utf-8\"></head><body>"
    "<table width=100%><tr><td>站点标题</td></tr><tr><td>"
    "<p>三、收到和处理政府信息公开申请情况</p>"
    "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>3</td></tr>"
    "<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td></tr></table>"
    "</td></tr></table></body></html>";
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = nb_reader_html_extract ((const guint8 *) html, strlen (html), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\n一、本年新收政府信息公开申请数量\t3\t0\t3\n"));
  g_assert_nonnull (strstr (text, "\n二、上年结转政府信息公开申请数量\t0\t0\t0\n"));
  g_assert_nonnull (strstr (text, "站点标题\n"));
}

static void
test_bad_bytes (void)
{
  /* declared GBK, with a truncated double-byte character and stray bytes */
  const char html[] = "<html><head><meta charset=gbk></head><body><p>\xd6\xd0\xce\xc4 \xff\xfe abc \xd6"
                      "</p></body></html>";
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = nb_reader_html_extract ((const guint8 *) html, sizeof html - 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "中文"));
  g_assert_nonnull (strstr (text, "abc"));
}

/* A GBK page saved without its charset (the server sent it in the HTTP header): read as
 * GB18030, since it is not UTF-8; a UTF-8 page with one stray byte stays UTF-8 */
static void
test_gbk_without_charset (void)
{
  const char gbk[] = "<html><body><p>\xd6\xd0\xce\xc4 \xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6</p></body></html>";
  const char utf8[] = "<html><body><p>\xe4\xb8\xad\xe6\x96\x87 \xff \xe5\xb9\xb4</p></body></html>";
  g_autofree char *text = NULL;
  g_autofree char *text8 = NULL;

  text = nb_reader_html_extract ((const guint8 *) gbk, sizeof gbk - 1, NULL);
  g_assert_cmpstr (text, ==, "中文 年度报告\n");
  text8 = nb_reader_html_extract ((const guint8 *) utf8, sizeof utf8 - 1, NULL);
  g_assert_cmpstr (text8, ==, "中文 \xef\xbf\xbd 年\n");
}

/* Tables drawn with divs: display:table-row/-cell in the style, or ARIA roles; a blank
 * cell stays a field; a div of another display stays a block */
static void
test_div_table (void)
{
  const char html[] =
    "<html><body><div style=\"display: table\">"
    "<div style=\"DISPLAY:table-row\"><div style=\"display:table-cell;border:1px\">行政处罚</div>"
    "<div style=\"display:table-cell\">3</div><div style=\"display:table-cell\">&nbsp;</div></div>"
    "<div role=\"row\"><span role=\"cell\">行政强制</span><span role=\"cell\"></span>"
    "<span role=\"gridcell\">4</span></div></div>"
    "<div style=\"display:flex\"><div>甲</div><div>乙</div></div>"
    /* in a real table's cell, a span styled as a cell only centres its text */
    "<table><tr><td><span style=\"display:table-cell\">12</span></td><td>3</td></tr></table>"
    "</body></html>";
  g_autofree char *text = NULL;

  text = nb_reader_html_extract ((const guint8 *) html, sizeof html - 1, NULL);
  g_assert_cmpstr (text, ==, "行政处罚\t3\t\n行政强制\t\t4\n甲\n乙\n12\t3\n");
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) html = g_string_new ("<html><body><p>开头</p>");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 2 ? "<div>" : "<span><table><tr><td>");
  g_string_append (html, "深处");
  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 2 ? "</td></tr></table></span>" : "</div>");

  start = g_get_monotonic_time ();
  text = nb_reader_html_extract ((const guint8 *) html->str, html->len, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  if (text == NULL)
    g_assert_nonnull (error);
  else
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree guint8 *data = random_bytes (4096 * seed, seed);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      memcpy (data, "<html><body><table><tr><td rowspan=999999 colspan=99999>", 55);
      text = nb_reader_html_extract (data, 4096 * seed, &error);
      if (text == NULL)
        g_assert_nonnull (error);
      else
        g_assert_true (g_utf8_validate (text, -1, NULL));
    }
}

static void
test_huge_spans (void)
{
  g_autoptr(GString) html = g_string_new ("<table>");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint r = 0; r < 3000; r++)
    g_string_append (html, "<tr><td rowspan=0 colspan=1000>x</td></tr>");
  g_string_append (html, "</table>");

  start = g_get_monotonic_time ();
  text = nb_reader_html_extract ((const guint8 *) html->str, html->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (strlen (text), <, 64 * 1024 * 1024);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  char *text = nb_reader_html_extract ((const guint8 *) "", 0, &error);

  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_sample_tests ("html", test_sample);
  g_test_add_func ("/core/readers/html/ruzhou-row", test_ruzhou_row);
  g_test_add_func ("/core/readers/html/spans", test_spans);
  g_test_add_func ("/core/readers/html/blank-cells-page", test_blank_cells_page);
  g_test_add_func ("/core/readers/html/layout-table", test_layout_table);
  g_test_add_func ("/core/readers/html/bad-bytes", test_bad_bytes);
  g_test_add_func ("/core/readers/html/gbk-without-charset", test_gbk_without_charset);
  g_test_add_func ("/core/readers/html/div-table", test_div_table);
  g_test_add_func ("/core/readers/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/readers/html/random", test_random);
  g_test_add_func ("/core/readers/html/huge-spans", test_huge_spans);
  g_test_add_func ("/core/readers/html/empty", test_empty);

  return g_test_run ();
}
