/* test-layout.c — the text stages that undo a report's layout (page furniture, markdown)
 * and the unescaping of a web page held in a JavaScript string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nianbao.h"
#include "nb-jsstring-private.h"
#include "parse/nb-layout-private.h"

/* Runs @stage over @in (UTF-8), checks that every character kept its place (newlines
 * stay, and the result has as many characters), and returns the result as UTF-8 with each
 * run of spaces written as one, to compare with the expected text written likewise */
static char *
run_stage (void        (*stage) (gunichar *, guint),
           const char   *in)
{
  glong n = 0;
  g_autofree gunichar *s = g_utf8_to_ucs4_fast (in, -1, &n);
  g_autofree gunichar *before = g_memdup2 (s, n * sizeof (gunichar));
  GString *out = g_string_new (NULL);

  stage (s, n);
  for (glong i = 0; i < n; i++)
    {
      g_assert_true ((before[i] == '\n') == (s[i] == '\n'));
      g_assert_true (s[i] == before[i] || s[i] == ' ' || s[i] == '\t');
      if (s[i] != ' ' || out->len == 0 || out->str[out->len - 1] != ' ')
        g_string_append_unichar (out, s[i]);
    }
  return g_string_free (out, FALSE);
}

static void
test_furniture (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "规章 0 0 0\n— 5 —\n行政许可 3", "规章 0 0 0\n \n行政许可 3" },
    { "a\n  -3-  \nb", "a\n \nb" },
    { "a\n- 12 -\nb", "a\n \nb" },
    { "第 3 页 共 7 页\n", " \n" },
    { "第3页\n", " \n" },
    { "（七）总计 5 第 3 页 共 7 页 四、结转", "（七）总计 5 四、结转" },
    { "办理结果 0 0 — 5 — 1 2", "办理结果 0 0 1 2" },
    /* not furniture: a range of years, a dash in prose, a lone number, half a footer */
    { "2021—2022年", "2021—2022年" },
    { "工作——5个方面——", "工作——5个方面——" },
    { "共 7 页\n", "共 7 页\n" },
    { "5\n", "5\n" },
    /* the title again at each page break: every time but the first */
    { "某县2021年政府信息公开工作年度报告\n一\n某县2021年政府信息公开工作年度报告\n二",
      "某县2021年政府信息公开工作年度报告\n一\n \n二" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = run_stage (nb_furniture_blank, cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_markdown (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "| 规章 | 0 | 0 | 0 |\n|---|:---:|---|---|\n| （七）总计 | 1 |  | 1 |",
      " 规章 \t 0 \t 0 \t 0 \n \n （七）总计 \t 1 \t \t 1 " },
    /* rows numbering the columns are no values */
    { "| 1 | 2 | 3 | 4 |\n| a | 1 |\n", " \n a \t 1 \n" },
    { "| | 1 | 2 | 3 |\n| a | 1 |\n", " \n a \t 1 \n" },
    { "| 1 | 2 | 4 |\n| a | 1 |\n", " 1 \t 2 \t 4 \n a \t 1 \n" },
    /* heading marks, in any text */
    { "#某县人民政府\n### 第二十条第（一）项", " 某县人民政府\n 第二十条第（一）项" },
    { "## **一、总体情况**\n| a | b |\n| c | d |", " 一、总体情况 \n a \t b \n c \t d " },
    /* one pipe row is no table */
    { "a | b\n| x |\n", "a | b\n| x |\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = run_stage (nb_markdown_blank, cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_js_string (void)
{
  const char *js = "var d = {id: 3, content: \"<p align=\\\"center\\\">\\u4e2d&nbsp;<\\/p>\" + "
                   "'<table><tr><td>\\ud83d\\ude00</td></tr></table>'}; // \"<p>no</p>\"";
  gsize len = 0;
  g_autofree char *page = nb_js_string_extract_markup ((const guint8 *) js, strlen (js), &len);

  g_assert_cmpstr (page, ==, "<p align=\"center\">中&nbsp;</p><table><tr><td>\xF0\x9F\x98\x80</td></tr></table>");
  g_assert_cmpuint (len, ==, strlen (page));
  g_assert_null (nb_js_string_extract_markup ((const guint8 *) "var a = \"x\";", 12, &len));
}

/* Flattened text gets its lines back; every inserted break maps to the character after it */
static void
test_unflatten (void)
{
  const char *flat = "某区2019年政府信息公开工作年度报告 本报告共六个部分。一、总体情况2019年，我区公开信息。"
                     "二、主动公开政府信息情况第二十条第(一)项信息内容本年新制作数量规章000"
                     "三、收到和处理政府信息公开申请情况(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"
                     "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持总计000000000000000"
                     "五、存在的主要问题及改进情况无。六、其他需要报告的事项无。";
  const char *lines[] = {
    "某区2019年政府信息公开工作年度报告 ", "本报告共六个部分。", "一、总体情况", "2019年，我区公开信息。",
    "二、主动公开政府信息情况", "第二十条第(一)项", "信息内容本年新制作数量", "规章000",
    "三、收到和处理政府信息公开申请情况", "(三)不予公开", "1.属于国家秘密0000000",
    "2.其他法律行政法规禁止公开0000000", "四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼结果维持总计",
    "000000000000000", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。",
  };
  glong n = 0;
  gunichar *s = g_utf8_to_ucs4_fast (flat, -1, &n);
  guint *map = g_new (guint, n + 2);
  guint n_norm = n;
  g_autofree char *out = NULL;
  g_autofree char *want = g_strjoinv ("\n", (char **) (const char *[]) {
    lines[0], lines[1], lines[2], lines[3], lines[4], lines[5], lines[6], lines[7], lines[8], lines[9],
    lines[10], lines[11], lines[12], lines[13], lines[14], lines[15], lines[16], lines[17], lines[18], NULL });

  s = g_renew (gunichar, s, n + 1);
  s[n] = 0;
  for (glong i = 0; i <= n; i++)
    map[i] = i;
  map[n + 1] = 0;
  nb_unflatten (&s, &map, &n_norm);
  out = g_ucs4_to_utf8 (s, n_norm, NULL, NULL, NULL);
  g_assert_cmpstr (out, ==, want);
  /* the flat text has no line end: each one in the result is inserted */
  for (guint i = 0, k = 0; i < n_norm; i++)
    {
      g_assert_cmpuint (map[i], ==, k);
      if (s[i] != '\n')
        k++;
    }
  g_free (s);
  g_free (map);

  /* a text with its lines is left alone, even when a sentence names its sections */
  {
    const char *plain = "某县2021年政府信息公开工作年度报告\n"
                        "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n"
                        "一、总体情况\n内容。\n二、主动公开政府信息情况\n规章 0 0 0\n";
    glong m = 0;
    gunichar *t = g_utf8_to_ucs4_fast (plain, -1, &m);
    guint *tmap = g_new0 (guint, m + 2);
    guint n_t = m;

    t = g_renew (gunichar, t, m + 1);
    t[m] = 0;
    nb_unflatten (&t, &tmap, &n_t);
    g_assert_cmpuint (n_t, ==, m);
    g_free (t);
    g_free (tmap);
  }
}

static void
test_title (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "某县人民政府2021年政府信息公开\n工作年度报告\n一、总体情况", "某县人民政府2021年政府信息公开 工作年度报告\n一、总体情况" },
    { "某县2021年政府信息\n\n公开工作年度报告\n", "某县2021年政府信息 公开工作年度报告\n" },
    { "某县2021年政府信息公开工作年度报告\n工作年度报告\n", "某县2021年政府信息公开工作年度报告\n工作年度报告\n" },
    { "关于政府信息公开\n其他事项\n", "关于政府信息公开\n其他事项\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong n = 0;
      g_autofree gunichar *s = g_utf8_to_ucs4_fast (cases[i].in, -1, &n);
      g_autofree char *out = NULL;

      nb_title_join (s, n);
      out = g_ucs4_to_utf8 (s, n, NULL, NULL, NULL);
      /* spaces collapsed, as in run_stage() */
      {
        g_autoptr(GRegex) spaces = g_regex_new (" +", 0, 0, NULL);
        g_autofree char *collapsed = g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);

        g_assert_cmpstr (collapsed, ==, cases[i].out);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/furniture", test_furniture);
  g_test_add_func ("/layout/markdown", test_markdown);
  g_test_add_func ("/layout/js-string", test_js_string);
  g_test_add_func ("/layout/unflatten", test_unflatten);
  g_test_add_func ("/layout/title", test_title);
  return g_test_run ();
}
