/* test-messages.c — a finding's message, filled in from its rule's templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"
#include "nb-message-private.h"

static void
test_expand (void)
{
  g_autoptr (NbMessage) m = nb_message_new ("requests.row_sum", "said");
  g_autoptr (NbFinding) f = NULL;

  nb_message_set (m, "row", "一、本年新收政府信息公开申请数量");
  nb_message_set (m, "row_en", "new requests");
  nb_message_set_number (m, "sum", 12);
  nb_message_set_number (m, "total", 96171.6);
  nb_message_set_int (m, "diff", -3);
  f = nb_message_to_finding (m, NB_SEVERITY_ERROR);
  g_assert_cmpstr (nb_finding_get_rule (f), ==, "requests.row_sum");
  g_assert_cmpint (nb_finding_get_severity (f), ==, NB_SEVERITY_ERROR);
  g_assert_cmpstr (nb_finding_get_message (f, "zh_CN"), ==,
                   "“一、本年新收政府信息公开申请数量”一行：六类申请人合计为 12，总计列却为 96171.6，相差 -3。");
  g_assert_cmpstr (nb_finding_get_message (f, "en"), ==,
                   "Row “一、本年新收政府信息公开申请数量” (new requests): the six applicant columns add up to 12 "
                   "but its total says 96171.6.");
}

/* A value is put in as it is: never read as a placeholder or a format */
static void
test_values_verbatim (void)
{
  g_autoptr (NbMessage) m = nb_message_new ("cell.invalid", "not_number");
  g_autofree char *zh = NULL, *en = NULL;

  nb_message_set_lang (m, "cell", "{cell} %s %n {", "%d} {value}");
  nb_message_set (m, "cell", "{cell} %s %n {");  /* given again: the later value */
  zh = nb_message_expand (m, FALSE);
  en = nb_message_expand (m, TRUE);
  g_assert_cmpstr (zh, ==, "{cell} %s %n { 处填写的不是数字。");
  g_assert_cmpstr (en, ==, "{cell} %s %n { does not hold a number.");
}

static void
test_missing_value (void)
{
  g_autoptr (NbMessage) m = nb_message_new ("meta.year", "title_text");
  g_autofree char *en = NULL;

  nb_message_set_int (m, "year", 2021);
  g_test_expect_message ("Nianbao", G_LOG_LEVEL_CRITICAL, "*meta.year/title_text: no value for {text_year}*");
  en = nb_message_expand (m, TRUE);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (en, ==, "The title says the report is for 2021, but the text says {text_year}.");
}

static void
test_unknown_message (void)
{
  NbMessage *m;

  g_test_expect_message ("Nianbao", G_LOG_LEVEL_CRITICAL, "*no message requests.row_sum/nothing*");
  m = nb_message_new ("requests.row_sum", "nothing");
  g_test_assert_expected_messages ();
  g_assert_null (m);
  nb_message_free (NULL);
}

/* An equation the description adds under a rule without its own wording */
static void
test_general_equation (void)
{
  g_autoptr (NbMessage) m = nb_message_new ("equations", "inferred");
  g_autoptr (NbFinding) f = NULL;

  nb_message_set_rule (m, "requests.balance");
  nb_message_set_lang (m, "cell", "第三部分表格 （七）总计 / 总计", "requests table, (7) total, total");
  nb_message_set_int (m, "n_parts", 6);
  nb_message_set_number (m, "sum", 7);
  nb_message_set_number (m, "total", 9);
  f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
  g_assert_cmpstr (nb_finding_get_rule (f), ==, "requests.balance");
  g_assert_cmpstr (nb_finding_get_message (f, "zh_CN"), ==,
                   "第三部分表格 （七）总计 / 总计：按表格的勾稽关系应为 6 项之和 7，报告未填，推算为 9。");
  g_assert_cmpstr (nb_finding_get_message (f, "en"), ==,
                   "requests table, (7) total, total: the table’s equations make it the sum of 6 cells, 7, but it "
                   "was not printed and was inferred as 9.");
}

/* The placeholders of a template, in order */
static GPtrArray *
placeholders (const char *t)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = strchr (t, '{'); p; p = strchr (p + 1, '{'))
    {
      gsize n = strspn (p + 1, "abcdefghijklmnopqrstuvwxyz0123456789_");

      if (n > 0 && p[1 + n] == '}')
        g_ptr_array_add (names, g_strndup (p + 1, n));
    }
  return names;
}

/* Every template of the table: its rule is a rule, and given a value for each of its
 * placeholders it says them all and nothing else */
static void
test_every_template (void)
{
  guint n;
  const NbRuleMessage *messages = nb_rules_get_messages (&n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const NbRuleMessage *t = &messages[i];
      g_autoptr (NbMessage) m = nb_message_new (t->rule, t->key);
      g_autoptr (GPtrArray) zh_names = placeholders (t->zh);
      g_autoptr (GPtrArray) en_names = placeholders (t->en);
      g_autofree char *zh = NULL, *en = NULL;
      g_autoptr (GString) want_zh = g_string_new (t->zh);
      g_autoptr (GString) want_en = g_string_new (t->en);

      g_assert_true (strcmp (t->rule, "equations") == 0 || nb_rules_lookup (t->rule) != NULL);
      g_assert_true (nb_rules_lookup_message (t->rule, t->key) == t);
      g_assert_nonnull (m);
      g_assert_true (g_utf8_validate (t->zh, -1, NULL) && g_utf8_validate (t->en, -1, NULL));
      g_assert_true (zh_names->len + en_names->len > 0 || strchr (t->zh, '{') == NULL);
      for (guint k = 0; k < zh_names->len + en_names->len; k++)
        {
          const char *name = k < zh_names->len ? zh_names->pdata[k] : en_names->pdata[k - zh_names->len];
          g_autofree char *ph = g_strdup_printf ("{%s}", name);
          g_autofree char *zv = g_strdup_printf ("<%s 中>", name), *ev = g_strdup_printf ("<%s en>", name);

          nb_message_set_lang (m, name, zv, ev);
          g_string_replace (want_zh, ph, zv, 0);
          g_string_replace (want_en, ph, ev, 0);
        }
      zh = nb_message_expand (m, FALSE);
      en = nb_message_expand (m, TRUE);
      g_assert_cmpstr (zh, ==, want_zh->str);
      g_assert_cmpstr (en, ==, want_en->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/messages/expand", test_expand);
  g_test_add_func ("/messages/values-verbatim", test_values_verbatim);
  g_test_add_func ("/messages/missing-value", test_missing_value);
  g_test_add_func ("/messages/unknown-message", test_unknown_message);
  g_test_add_func ("/messages/general-equation", test_general_equation);
  g_test_add_func ("/messages/every-template", test_every_template);
  return g_test_run ();
}
