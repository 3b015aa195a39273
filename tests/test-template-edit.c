/* test-template-edit.c — a synonym and an equation added to the description alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This test is linked with tables generated from an edited copy of the
 * template's description (tests/edit-template.py: the synonym 查档类事项 for
 * 8.属于行政查询事项, and an equation of rule test.equation), and with the core
 * unchanged. test-template.c reads the same report with the stock description
 * and finds neither.
 */
#include "config.h"

#include "test-template-edit.h"
#include "test-util.h"

/* The row printed with the new wording is read */
static void
test_synonym (void)
{
  g_autoptr(NbReport) report = nb_test_load_relabelled_sample ();
  int cell = nb_test_cell (report, "requests.withheld.admin_query.natural_person");
  int total = nb_test_cell (report, "requests.withheld.admin_query.total");
  double v;

  g_assert_cmpint (nb_report_get_origin (report, cell), ==, NB_ORIGIN_SOURCE);
  g_assert_true (nb_report_get_value (report, cell, &v));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_true (nb_report_get_value (report, total, &v));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "template.missing_row", -1, cell), ==, 0);
}

/* The new equation is checked: 予以公开 1 + 部分公开 0 is not 本年新收 12 */
static void
test_equation (void)
{
  g_autoptr(NbReport) report = nb_test_load_relabelled_sample ();
  int new_total = nb_test_cell (report, "requests.new.total");
  guint n;
  const NbEquation *eqs = nb_template_get_equations (NB_EDITION_2021, &n);

  g_assert_cmpstr (eqs[n - 1].rule_id, ==, "test.equation");
  g_assert_cmpuint (nb_test_count_findings (report, "test.equation", NB_SEVERITY_WARNING, new_total), ==, 1);
  g_assert_cmpuint (nb_test_count_findings (report, "test.equation", -1, -1), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template-edit/synonym", test_synonym);
  g_test_add_func ("/template-edit/equation", test_equation);
  return g_test_run ();
}
