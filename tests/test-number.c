/* test-number.c — one way to write numbers, and what each kind of cell may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"

static void
test_format (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 12, "12" }, { -3, "-3" }, { 96171.6, "96171.6" }, { 0.1, "0.1" },
    { 0.1 + 0.2, "0.3" }, { 1.0 / 3, "0.333333333333333" }, { 0.1234567, "0.1234567" },
    { 1e15, "1000000000000000" }, { 1e20, "100000000000000000000" }, { 0.00001234, "0.00001234" },
    { 12345678.123456, "12345678.123456" }, { -2.5, "-2.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_format_number (cases[i].value);
      g_autoptr(GString) out = g_string_new ("=");

      g_assert_cmpstr (text, ==, cases[i].text);
      nb_append_number (out, cases[i].value);
      g_assert_cmpstr (out->str + 1, ==, cases[i].text);
    }
}

static NbReport *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* The English message of the cell.invalid finding of @id once it is set to @value */
static char *
invalid_message (NbReport   *report,
                 const char *id,
                 double      value)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);
  GListModel *findings = nb_report_get_findings (report);

  g_assert_cmpint (cell, >=, 0);
  nb_report_set_value (report, cell, TRUE, value);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (strcmp (nb_finding_get_rule (f), "cell.invalid") == 0 && nb_finding_has_cell (f, cell))
        return g_strdup (nb_finding_get_message (f, "en"));
    }
  return NULL;
}

/* A count, a change (本年增/减) and an amount each say what they may hold */
static void
test_invalid_by_kind (void)
{
  g_autoptr(NbReport) report = load_fixture ("county-2019.txt");
  g_autofree char *count = NULL, *change = NULL, *amount = NULL, *change_ok = NULL;

  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2019);
  count = invalid_message (report, "active.licensing.previous", -1);
  change = invalid_message (report, "active.licensing.change", 1.5);
  change_ok = invalid_message (report, "active.punishment.change", -4);
  amount = invalid_message (report, "active.procurement.amount", -2.5);

  g_assert_nonnull (count);
  g_assert_nonnull (strstr (count, "is -1; it must be a non-negative whole number."));
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (change, "is 1.5; it must be a whole number (it may be negative)."));
  g_assert_null (change_ok);
  g_assert_nonnull (amount);
  g_assert_nonnull (strstr (amount, "is -2.5; it must not be negative (it may have decimals)."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/invalid-by-kind", test_invalid_by_kind);
  return g_test_run ();
}
