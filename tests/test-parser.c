/* test-parser.c — every value of the five samples, checked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"
#include "test-util.h"

typedef struct
{
  const char *row;
  int         v[7];
} Row;

typedef struct
{
  const char *file;
  const char *agency;
  int         year;
  const char *active;        /* "issued repealed in_force issued repealed in_force licensing punishment enforcement fees" */
  const Row   rows[8];       /* rows that are not all zero */
  const char *appeals;       /* 15 numbers */
  const char *inferred[8];   /* cells that must be inferred */
  guint       n_inferred;    /* how many cells are inferred in all */
  const char *errors[4];     /* rules of the expected error findings */
} Sample;

static const Sample samples[] = {
  { "ruzhou-2021.txt", "汝州市人民政府办公室", 2021, "0 0 0 0 0 0 0 0 0 0",
    { { "new", { 11, 1, 0, 0, 0, 0, 12 } },
      { "public", { 1, 0, 0, 0, 0, 0, 1 } },
      { "withheld.admin_query", { 1, 0, 0, 0, 0, 0, 1 } },
      { "unavailable.not_held", { 5, 1, 0, 0, 0, 0, 6 } },
      { "not_processed.duplicate", { 1, 0, 0, 0, 0, 0, 1 } },
      { "result_total", { 8, 1, 0, 0, 0, 0, 9 } },
      { "carried_over", { 3, 0, 0, 0, 0, 0, 3 } } },
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    { "requests.public.natural_person", "requests.public.commercial", "requests.public.other" }, 6,
    { NULL } },
  { "office-2021.txt", "政府办公室", 2021, "0 0 0 1 0 16 0 0 0 0",
    { { "new", { 9, 0, 0, 0, 0, 0, 9 } },
      { "public", { 9, 0, 0, 0, 0, 0, 9 } },
      { "result_total", { 9, 0, 0, 0, 0, 0, 9 } } },
    "0 1 0 0 1 0 0 0 0 0 0 0 0 0 0",
    { NULL }, 0, { NULL } },
  { "zhicheng-2021.txt", "轵城镇人民政府", 2021, "0 0 0 0 0 0 0 0 0 0",
    { { "new", { 4, 0, 0, 0, 0, 0, 4 } },
      { "public", { 2, 0, 0, 0, 0, 0, 2 } },
      { "unavailable.not_held", { 2, 0, 0, 0, 0, 0, 2 } },
      { "result_total", { 4, 0, 0, 0, 0, 0, 4 } } },
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    { NULL }, 0, { NULL } },
  { "mianchi-2022.txt", "澠池县人民政府办公室", 2022, "0 0 0 4 0 8 0 0 0 0",
    { { "new", { 15, 0, 0, 0, 0, 0, 15 } },
      { "public", { 9, 0, 0, 0, 0, 0, 9 } },
      { "partial", { 2, 0, 0, 0, 0, 0, 2 } },
      { "unavailable.not_held", { 3, 0, 0, 0, 0, 0, 3 } },
      { "unavailable.needs_creation", { 1, 0, 0, 0, 0, 0, 1 } },
      { "result_total", { 15, 0, 0, 0, 0, 0, 15 } } },
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    { NULL }, 21, { "meta.agency" } },
  { "ruijin-2021.txt", "瑞金市人民政府办公室", 2021, "0 0 0 5 2 21 0 0 0 0",
    { { "new", { 5, 0, 0, 0, 0, 0, 5 } },
      { "public", { 2, 0, 0, 0, 0, 0, 2 } },
      { "withheld.internal_affairs", { 1, 0, 0, 0, 0, 0, 1 } },
      { "unavailable.not_held", { 2, 0, 0, 0, 0, 0, 2 } },
      { "result_total", { 5, 0, 0, 0, 0, 0, 5 } } },
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    { NULL }, 0, { NULL } },
};

/* @len bytes of a report, read without error */
static NbReport *
parse_bytes (const char *data,
             gsize       len,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) data, len, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static NbReport *
load_path (const char *path,
           const char *name)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return parse_bytes (data, len, name);
}

static NbReport *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("NB_SAMPLES_DIR"), name, NULL);

  return load_path (path, name);
}

static double
value_of (NbReport   *report,
          const char *id)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);
  double v = -1;

  g_assert_cmpint (cell, >=, 0);
  if (!nb_report_get_value (report, cell, &v))
    g_error ("%s has no value", id);
  return v;
}

/* The span's text, normalised and without spaces, is the number */
static void
assert_span_holds (NbReport *report,
                   guint     cell)
{
  NbSpan span = nb_report_get_span (report, cell);
  const char *text = nb_report_get_text (report);
  const char *a, *b;
  g_autofree char *slice = NULL, *norm = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  double v;

  g_assert_true (nb_span_is_set (span));
  g_assert_cmpint (span.end, <=, (int) nb_report_get_n_chars (report));
  a = g_utf8_offset_to_pointer (text, span.start);
  b = g_utf8_offset_to_pointer (a, span.end - span.start);
  slice = g_strndup (a, b - a);
  norm = g_utf8_normalize (slice, -1, G_NORMALIZE_NFKC);
  for (const char *p = norm; *p; p++)
    if (!g_ascii_isspace (*p) && *p != ',')
      g_string_append_c (compact, *p);
  g_assert_true (nb_report_get_value (report, cell, &v));
  g_assert_cmpfloat (g_ascii_strtod (compact->str, NULL), ==, v);
}

/* The 15 cells of section 四, in the order of the table */
static void
assert_appeals (NbReport   *report,
                char      **appeals)
{
  NbEdition ed = nb_report_get_edition (report);

  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
      {
        double v;

        g_assert_true (nb_report_get_value (report, nb_schema_appeal_cell (ed, g, f), &v));
        g_assert_cmpfloat (v, ==, g_ascii_strtod (appeals[g * 5 + f], NULL));
      }
}

static void
test_sample (gconstpointer data)
{
  const Sample *s = data;
  g_autoptr(NbReport) report = load_sample (s->file);
  NbEdition ed = nb_report_get_edition (report);
  g_auto(GStrv) active = g_strsplit (s->active, " ", -1);
  g_auto(GStrv) appeals = g_strsplit (s->appeals, " ", -1);
  static const char *const active_ids[] = {
    "active.regulations.issued", "active.regulations.repealed", "active.regulations.in_force",
    "active.normative_documents.issued", "active.normative_documents.repealed",
    "active.normative_documents.in_force", "active.licensing", "active.punishment",
    "active.enforcement", "active.fees",
  };
  guint n_inferred = 0, n_errors = 0;
  GListModel *findings;

  g_assert_cmpint (ed, ==, NB_EDITION_2021);
  g_assert_cmpstr (nb_report_get_agency (report), ==, s->agency);
  g_assert_cmpint (nb_report_get_year (report), ==, s->year);
  for (guint k = 0; k < NB_N_SECTIONS; k++)
    g_assert_true (nb_span_is_set (nb_report_get_section_span (report, k)));

  for (guint i = 0; i < G_N_ELEMENTS (active_ids); i++)
    g_assert_cmpfloat (value_of (report, active_ids[i]), ==, g_ascii_strtod (active[i], NULL));

  for (guint r = 0; r < nb_schema_get_n_request_rows (ed); r++)
    {
      const char *row = nb_schema_get_request_row_id (ed, r);
      const int zero[7] = { 0 };
      const int *want = zero;

      for (guint k = 0; k < G_N_ELEMENTS (s->rows) && s->rows[k].row; k++)
        if (strcmp (s->rows[k].row, row) == 0)
          want = s->rows[k].v;
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        {
          int cell = nb_schema_request_cell (ed, r, c);
          double v;

          if (!nb_report_get_value (report, cell, &v))
            g_error ("%s: %s has no value", s->file, nb_schema_get_cell (ed, cell)->id);
          if (v != want[c])
            g_error ("%s: %s is %g, not %d", s->file, nb_schema_get_cell (ed, cell)->id, v, want[c]);
        }
    }

  assert_appeals (report, appeals);

  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    {
      NbOrigin origin = nb_report_get_origin (report, i);

      g_assert_cmpint (origin, !=, NB_ORIGIN_MISSING);
      if (origin == NB_ORIGIN_SOURCE)
        assert_span_holds (report, i);
      else
        {
          n_inferred++;
          g_assert_false (nb_span_is_set (nb_report_get_span (report, i)));
        }
    }
  g_assert_cmpuint (n_inferred, ==, s->n_inferred);
  for (guint i = 0; i < G_N_ELEMENTS (s->inferred) && s->inferred[i]; i++)
    g_assert_cmpint (nb_report_get_origin (report, nb_schema_lookup (ed, s->inferred[i])), ==,
                     NB_ORIGIN_INFERRED);

  findings = nb_report_get_findings (report);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      gboolean expected = FALSE;

      if (nb_finding_get_severity (f) != NB_SEVERITY_ERROR)
        continue;
      n_errors++;
      for (guint k = 0; k < G_N_ELEMENTS (s->errors) && s->errors[k]; k++)
        expected |= strcmp (s->errors[k], nb_finding_get_rule (f)) == 0;
      if (!expected)
        g_error ("%s: unexpected error %s: %s", s->file, nb_finding_get_rule (f),
                 nb_finding_get_message (f, "en"));
    }
  g_assert_cmpuint (n_errors, ==, g_strv_length ((char **) s->errors));
}

/* ------------------------------------------------------------------ */
/* The 2019 edition: fixtures written to its template (tests/data)     */

typedef struct
{
  const char *file;
  const char *agency;
  int         year;
  const char *active;      /* "id=value …" for every cell of section 二 */
  const char *unit;        /* of the procurement amount */
  const Row   rows[14];    /* rows that are not all zero */
  const char *appeals;
} Sample2019;

static const Sample2019 samples_2019[] = {
  { "county-2019.txt", "青川县人民政府办公室", 2019,
    "regulations.created=0 regulations.published=0 regulations.total=0 "
    "normative_documents.created=8 normative_documents.published=8 normative_documents.total=45 "
    "licensing.previous=156 licensing.change=-12 licensing.decisions=2347 "
    "other_services.previous=23 other_services.change=2 other_services.decisions=418 "
    "punishment.previous=312 punishment.change=-18 punishment.decisions=1025 "
    "enforcement.previous=27 enforcement.change=0 enforcement.decisions=36 "
    "fees.previous=14 fees.change=-3 procurement.projects=42 procurement.amount=3856.27", "万元",
    { { "new", { 45, 6, 0, 1, 2, 0, 54 } },
      { "carried_in", { 3, 0, 0, 0, 0, 0, 3 } },
      { "public", { 20, 2, 0, 0, 1, 0, 23 } },
      { "partial", { 5, 1, 0, 0, 0, 0, 6 } },
      { "withheld.three_safety", { 1, 0, 0, 0, 0, 0, 1 } },
      { "withheld.internal_affairs", { 2, 0, 0, 0, 0, 0, 2 } },
      { "withheld.process_info", { 1, 0, 0, 0, 0, 0, 1 } },
      { "unavailable.not_held", { 10, 1, 0, 1, 0, 0, 12 } },
      { "unavailable.needs_creation", { 2, 0, 0, 0, 0, 0, 2 } },
      { "unavailable.unclear", { 1, 0, 0, 0, 0, 0, 1 } },
      { "not_processed.complaint", { 3, 0, 0, 0, 0, 0, 3 } },
      { "not_processed.duplicate", { 1, 1, 0, 0, 0, 0, 2 } },
      { "other", { 1, 0, 0, 0, 1, 0, 2 } } },
    "2 1 0 0 3 1 0 0 1 2 0 0 0 0 0" },
  { "bureau-2020.txt", "市生态环境局", 2020,
    "regulations.created=0 regulations.published=0 regulations.total=0 "
    "normative_documents.created=2 normative_documents.published=2 normative_documents.total=17 "
    "licensing.previous=18 licensing.change=1 licensing.decisions=264 "
    "other_services.previous=5 other_services.change=0 other_services.decisions=31 "
    "punishment.previous=97 punishment.change=-4 punishment.decisions=58 "
    "enforcement.previous=6 enforcement.change=0 enforcement.decisions=3 "
    "fees.previous=0 fees.change=0 procurement.projects=7 procurement.amount=251000", "元",
    { { "new", { 19, 3, 0, 0, 1, 0, 23 } },
      { "public", { 8, 2, 0, 0, 0, 0, 10 } },
      { "partial", { 2, 0, 0, 0, 0, 0, 2 } },
      { "withheld.third_party", { 1, 0, 0, 0, 0, 0, 1 } },
      { "unavailable.not_held", { 6, 1, 0, 0, 1, 0, 8 } },
      { "unavailable.unclear", { 1, 0, 0, 0, 0, 0, 1 } },
      { "not_processed.complaint", { 1, 0, 0, 0, 0, 0, 1 } } },
    "1 0 0 0 1 0 0 0 1 1 0 0 0 0 0" },
};

static NbReport *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return load_path (path, name);
}

/* The county's 2019 report (tests/data), as text to make variants of */
static GString *
county_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "county-2019.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return g_string_new (text);
}

/* The rows 结转 and 总计 follow from the others; they are checked through
 * the equations (no error finding), every other cell by its hand value. */
static void
test_sample_2019 (gconstpointer data)
{
  const Sample2019 *s = data;
  g_autoptr(NbReport) report = load_fixture (s->file);
  NbEdition ed = nb_report_get_edition (report);
  g_auto(GStrv) active = g_strsplit (s->active, " ", -1);
  g_auto(GStrv) appeals = g_strsplit (s->appeals, " ", -1);
  g_autofree char *json = NULL;
  GListModel *findings;
  guint n_active = 0;

  g_assert_cmpint (ed, ==, NB_EDITION_2019);
  g_assert_cmpuint (nb_schema_get_n_request_rows (ed), ==, 23);
  g_assert_cmpint (nb_schema_lookup (ed, "requests.other.total"), >=, 0);
  g_assert_cmpint (nb_schema_lookup (ed, "requests.other.other.total"), <, 0);
  g_assert_cmpstr (nb_report_get_agency (report), ==, s->agency);
  g_assert_cmpint (nb_report_get_year (report), ==, s->year);

  for (guint i = 0; active[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (active[i], "=", 2);
      g_autofree char *id = g_strconcat ("active.", kv[0], NULL);

      g_assert_cmpfloat (value_of (report, id), ==, g_ascii_strtod (kv[1], NULL));
      assert_span_holds (report, nb_schema_lookup (ed, id));
      n_active++;
    }
  g_assert_cmpuint (n_active, ==, 22);

  for (guint r = 0; r < nb_schema_get_n_request_rows (ed); r++)
    {
      const char *row = nb_schema_get_request_row_id (ed, r);
      const int zero[7] = { 0 };
      const int *want = zero;
      gboolean derived = strcmp (row, "result_total") == 0 || strcmp (row, "carried_over") == 0;

      for (guint k = 0; k < G_N_ELEMENTS (s->rows) && s->rows[k].row; k++)
        if (strcmp (s->rows[k].row, row) == 0)
          want = s->rows[k].v;
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        {
          int cell = nb_schema_request_cell (ed, r, c);
          double v;

          g_assert_cmpint (nb_report_get_origin (report, cell), ==, NB_ORIGIN_SOURCE);
          assert_span_holds (report, cell);
          if (!derived && (!nb_report_get_value (report, cell, &v) || v != want[c]))
            g_error ("%s: %s is %g, not %d", s->file, nb_schema_get_cell (ed, cell)->id, v, want[c]);
        }
    }

  assert_appeals (report, appeals);

  /* consistent, and of the edition its year calls for */
  findings = nb_report_get_findings (report);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      guint n_cells = 0;

      /* many 2019 reports word section 五's heading 五、政府信息公开工作存在的主要问题及改进情况:
       * a template.label on the heading (no cells), not on a table */
      nb_finding_get_cells (f, &n_cells);
      if (strcmp (nb_finding_get_rule (f), "template.label") == 0 && n_cells == 0 &&
          strstr (nb_finding_get_message (f, "en"), "heading of section 5"))
        continue;
      if (nb_finding_get_severity (f) != NB_SEVERITY_INFO)
        g_error ("%s: unexpected %s: %s", s->file, nb_finding_get_rule (f), nb_finding_get_message (f, "en"));
    }

  /* the JSON names the edition and carries the 2019 objects and the unit */
  json = nb_report_to_json (report, FALSE, NULL);
  g_assert_nonnull (strstr (json, "\"template\":\"2019\""));
  g_assert_nonnull (strstr (json, "\"other_services\":{\"previous\":"));
  {
    g_autofree char *unit = g_strdup_printf ("\"unit\":\"%s\"", s->unit);

    g_assert_nonnull (strstr (json, unit));
  }
}

/* A report for 2021 in the 2019 layout, and one for 2020 in the 2021 layout */
static void
test_edition_mismatch (void)
{
  g_autoptr(GString) moved = county_text ();
  g_autoptr(NbReport) report = NULL;

  g_string_replace (moved, "2019", "2021", 0);
  g_string_replace (moved, "2020年", "2022年", 0);
  report = parse_bytes (moved->str, moved->len, "moved.txt");
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2019);
  g_assert_cmpuint (nb_test_count_findings (report, "template.edition", -1, -1), >, 0);
  g_assert_cmpuint (nb_test_count_findings (report, "template.edition", NB_SEVERITY_WARNING, -1), ==,
                    nb_test_count_findings (report, "template.edition", -1, -1));
}

/* One figure changed in a 2019 table: the checks run on its rows */
static void
test_injection_2019 (void)
{
  g_autoptr(GString) changed = county_text ();
  g_autoptr(NbReport) report = NULL;
  GListModel *findings;
  int other_total;
  gboolean row_sum = FALSE, result_sum = FALSE, group_sum = FALSE;

  g_assert_cmpuint (g_string_replace (changed, "（六）其他处理\t1\t0\t0\t0\t1\t0\t2", "（六）其他处理\t1\t0\t0\t0\t1\t0\t3", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\n2\t1\t0\t0\t3\t", "\n2\t1\t0\t0\t4\t", 1), ==, 1);
  report = parse_bytes (changed->str, changed->len, "changed.txt");
  other_total = nb_schema_lookup (NB_EDITION_2019, "requests.other.total");
  findings = nb_report_get_findings (report);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      const char *rule = nb_finding_get_rule (f);
      guint n = 0;
      const guint *cells = nb_finding_get_cells (f, &n);
      gboolean has_other = FALSE;

      for (guint k = 0; k < n; k++)
        has_other |= (int) cells[k] == other_total;
      row_sum |= strcmp (rule, "requests.row_sum") == 0 && has_other;
      result_sum |= strcmp (rule, "requests.result_sum") == 0 && has_other;
      group_sum |= strcmp (rule, "appeals.group_sum") == 0;
    }
  g_assert_true (row_sum);
  g_assert_true (result_sum);
  g_assert_true (group_sum);
}

/* The procurement amount's unit given in the header, not after the number */
static void
test_procurement_unit_2019 (void)
{
  g_autoptr(GString) changed = county_text ();
  g_autoptr(NbReport) report = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (g_string_replace (changed, "采购总金额\n", "采购总金额（万元）\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "3856.27万元", "3856.27", 1), ==, 1);
  report = parse_bytes (changed->str, changed->len, "unit.txt");
  g_assert_cmpfloat (value_of (report, "active.procurement.amount"), ==, 3856.27);
  json = nb_report_to_json (report, FALSE, NULL);
  g_assert_nonnull (strstr (json, "\"procurement\":{\"projects\":42,\"amount\":3856.27,\"unit\":\"万元\"}"));
}

/* The agency and year from the ways titles are written */
static void
test_title_variants (void)
{
  static const struct { const char *title; const char *agency; } cases[] = {
    { "青川县人民政府办公室2019年政府信息公开工作年度报告", "青川县人民政府办公室" },
    { "关于青川县人民政府办公室2019年度政府信息公开工作的报告", "青川县人民政府办公室" },
    { "青川县人民政府办公室\n2019年度政府信息公开工作报告", "青川县人民政府办公室" },
    { "2019年青川县人民政府办公室政府信息公开工作年度报告", "青川县人民政府办公室" },
    { "青川县人民政府办公室政府信息公开工作2019年度报告", "青川县人民政府办公室" },
    { "2019年度青川县人民政府信息公开工作年度报告", "青川县人民政府" },
    { "首页 > 政务公开 > 年报\n青川县人民政府办公室\n\n2019 年政府信息公开工作年度报告", "青川县人民政府办公室" },
  };
  g_autoptr(GString) text = county_text ();
  const char *body = strchr (text->str, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strconcat (cases[i].title, body, NULL);
      g_autoptr(NbReport) report = parse_bytes (doc, strlen (doc), "title.txt");

      g_assert_cmpstr (nb_report_get_agency (report), ==, cases[i].agency);
      g_assert_cmpint (nb_report_get_year (report), ==, 2019);
    }
}

/* Tables printed with their cells empty: rows that are there, not missing;
 * one blank row is filled by the equations, a blank table is an error. */
static void
test_blank_cells (void)
{
  g_autoptr(GString) text = county_text ();
  g_autoptr(GString) one = g_string_new (text->str);
  g_autoptr(NbReport) r1 = NULL;
  g_autoptr(NbReport) r2 = NULL;
  g_autoptr(GRegex) numbers = g_regex_new ("\t-?[0-9.]+(万元)?(?=\t|\n)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) appeals = g_regex_new ("^[0-9\t]+$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *blank1 = NULL, *blank2 = NULL;
  int state_secret = nb_schema_lookup (NB_EDITION_2019, "requests.withheld.state_secret.total");

  g_assert_cmpuint (g_string_replace (one, "1．属于国家秘密\t0\t0\t0\t0\t0\t0\t0", "1．属于国家秘密\t\t\t\t\t\t\t", 1), ==, 1);
  r1 = parse_bytes (one->str, one->len, "one.txt");
  g_assert_cmpint (nb_report_get_origin (r1, state_secret), ==, NB_ORIGIN_INFERRED);
  g_assert_cmpfloat (value_of (r1, "requests.withheld.state_secret.total"), ==, 0);

  blank1 = g_regex_replace (numbers, text->str, -1, 0, "\t", 0, NULL);
  blank2 = g_regex_replace (appeals, blank1, -1, 0, "", 0, NULL);
  r2 = parse_bytes (blank2, strlen (blank2), "blank.txt");
  for (guint i = 0; i < nb_report_get_n_cells (r2); i++)
    g_assert_cmpint (nb_report_get_origin (r2, i), !=, NB_ORIGIN_SOURCE);
  /* one for each of the three tables, none for their rows */
  g_assert_cmpuint (nb_test_count_findings (r2, "template.missing_row", -1, -1), ==, 3);
}

/* Labels wrapped in their cells, the numbers beside the first line (5．属于三类 / 内部事务信息):
 * each row keeps its own numbers, never the next row's, and a head cut before its key
 * (6．属于四类, 其他对外管理) still names its row */
static void
test_wrapped_labels (void)
{
  g_autoptr(GString) text = county_text ();
  g_autoptr(GRegex) wrap = g_regex_new ("^(5．属于三类|6．属于四类|7．属于行政|其他对外管理)(\\S+)(\t.*)$",
                                        G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *wrapped = g_regex_replace (wrap, text->str, -1, 0, "\\1\\3\n\\2", 0, NULL);
  g_autoptr(NbReport) clean = parse_bytes (text->str, text->len, "clean.txt");
  g_autoptr(NbReport) r = parse_bytes (wrapped, strlen (wrapped), "wrapped.txt");
  const char *ids[] = { "requests.withheld.internal_affairs.total", "requests.withheld.process_info.total",
                        "requests.withheld.enforcement_file.total", "requests.withheld.admin_query.total",
                        "active.other_services.decisions" };

  g_assert_cmpuint (strlen (wrapped), >, text->len);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int cell = nb_schema_lookup (NB_EDITION_2019, ids[i]);

      g_assert_cmpint (nb_report_get_origin (r, cell), ==, NB_ORIGIN_SOURCE);
      g_assert_cmpfloat (value_of (r, ids[i]), ==, value_of (clean, ids[i]));
    }
}

/* The county's section 三 as a web page that leaves zeros blank prints it, copied one line a
 * row with spaces: its zeros and the totals of the rows starting with @no_total lost */
static char *
sparse_rows (const char         *text,
             const char * const *no_total)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_requests = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (fields);
      gboolean drop_total = FALSE;

      if (g_str_has_prefix (lines[i], "三、收到"))
        in_requests = TRUE;
      else if (g_str_has_prefix (lines[i], "四、政府"))
        in_requests = FALSE;
      for (guint k = 0; no_total[k] != NULL; k++)
        drop_total |= strstr (lines[i], no_total[k]) != NULL;
      if (!in_requests || n < 8)
        {
          g_string_append_printf (out, "%s\n", lines[i]);
          continue;
        }
      for (guint k = 0; k < n; k++)
        if (strcmp (fields[k], "0") != 0 && !(drop_total && k == n - 1))
          g_string_append_printf (out, "%s%s", k > 0 ? " " : "", fields[k]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* A sparse table's totals are certain when the result rows can only add up to （七）总计 by
 * each being the least its numbers allow; a row with no number is then 0 throughout. With
 * 2．重复申请 printed "1 1" (1 and 1, or 1 and its total?) the bounds do not close: nothing
 * more is read. Never a number the clean table does not have. */
static void
test_sparse_totals (void)
{
  g_autoptr(GString) text = county_text ();
  const char *tight[] = { "（一）予以公开", "（二）部分公开", "1．本机关不掌握", NULL };
  const char *loose[] = { "（一）予以公开", "（二）部分公开", "1．本机关不掌握", "2．重复申请", NULL };
  g_autofree char *a = sparse_rows (text->str, tight);
  g_autofree char *b = sparse_rows (text->str, loose);
  g_autoptr(NbReport) clean = parse_bytes (text->str, text->len, "clean.txt");
  g_autoptr(NbReport) ra = parse_bytes (a, strlen (a), "tight.txt");
  g_autoptr(NbReport) rb = parse_bytes (b, strlen (b), "loose.txt");
  NbReport *variants[] = { ra, rb };

  g_assert_nonnull (strstr (a, "（一）予以公开 20 2 1\n"));
  g_assert_cmpfloat (value_of (ra, "requests.public.total"), ==, 23);
  g_assert_cmpfloat (value_of (ra, "requests.unavailable.not_held.total"), ==, 12);
  g_assert_cmpfloat (value_of (ra, "requests.withheld.law_prohibited.natural_person"), ==, 0);
  g_assert_false (nb_report_get_value (rb, nb_schema_lookup (NB_EDITION_2019, "requests.public.total"), NULL));
  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    for (guint c = 0; c < nb_report_get_n_cells (clean); c++)
      {
        double want = -1, have = -1;

        if (nb_report_get_value (variants[v], c, &have))
          {
            g_assert_true (nb_report_get_value (clean, c, &want));
            g_assert_cmpfloat (have, ==, want);
          }
      }
}

/* ruzhou's 予以公开 row holds one number; mianchi's result rows six: both are placed by the equations */
static void
test_inferred_placement (void)
{
  g_autoptr(NbReport) ruzhou = load_sample ("ruzhou-2021.txt");
  g_autoptr(NbReport) mianchi = load_sample ("mianchi-2022.txt");
  NbEdition ed = NB_EDITION_2021;

  g_assert_cmpint (nb_report_get_origin (ruzhou, nb_schema_lookup (ed, "requests.public.total")), ==,
                   NB_ORIGIN_SOURCE);
  g_assert_cmpint (nb_report_get_origin (ruzhou, nb_schema_lookup (ed, "requests.public.natural_person")), ==,
                   NB_ORIGIN_INFERRED);
  /* mianchi: the 9 of 予以公开 belongs to natural persons, as the column sums demand */
  g_assert_cmpint (nb_report_get_origin (mianchi, nb_schema_lookup (ed, "requests.public.natural_person")), ==,
                   NB_ORIGIN_SOURCE);
  g_assert_cmpfloat (value_of (mianchi, "requests.public.natural_person"), ==, 9);
  g_assert_cmpfloat (value_of (mianchi, "requests.public.total"), ==, 9);

  /* a reviewer accepts an inferred value: recorded, exported, and withdrawn by undo */
  {
    int cell = nb_schema_lookup (ed, "requests.public.natural_person");
    g_autofree char *json = NULL;

    g_assert_true (nb_report_can_accept (ruzhou, cell));
    nb_report_set_accepted (ruzhou, cell, TRUE);
    g_assert_true (nb_report_get_accepted (ruzhou, cell));
    g_assert_false (nb_report_can_accept (ruzhou, cell));
    g_assert_true (nb_report_get_modified (ruzhou));
    g_assert_cmpfloat (value_of (ruzhou, "requests.public.natural_person"), ==, 1);
    json = nb_report_to_json (ruzhou, FALSE, NULL);
    g_assert_nonnull (strstr (json, "\"requests.public.natural_person\":{\"span\":null,"
                                    "\"origin\":\"inferred\",\"accepted\":true}"));
    nb_report_set_accepted (ruzhou, cell, FALSE);
    g_assert_true (nb_report_can_accept (ruzhou, cell));
    /* a cell read from the text is no inferred value to accept */
    g_assert_false (nb_report_can_accept (ruzhou, nb_schema_lookup (ed, "requests.public.total")));
  }
}

/* ruzhou's appeals table holds 16 numbers for 15 columns: said so, with no stray
 * space between the table's name and 有 */
static void
test_extra_values_message (void)
{
  g_autoptr(NbReport) ruzhou = load_sample ("ruzhou-2021.txt");
  GListModel *findings = nb_report_get_findings (ruzhou);
  guint n_extra = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (nb_finding_get_rule (f), "cell.extra") != 0)
        continue;
      g_assert_cmpstr (nb_finding_get_message (f, "zh_CN"), ==,
                       "第四部分（行政复议、行政诉讼）表格有 16 个数值，但表格只有 15 列；多出的数值未采用。");
      g_assert_cmpstr (nb_finding_get_message (f, "en"), ==,
                       "The appeals table (section 4) holds 16 values but the table has 15 columns; "
                       "the extra values were not used.");
      n_extra++;
    }
  g_assert_cmpuint (n_extra, ==, 1);
}

/* A row with a number the equations cannot place stays missing: nothing is guessed */
static void
test_undetermined_stays_missing (void)
{
  const char *text =
    "某某局2021年政府信息公开工作年度报告\n一、总体情况\n无\n二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量 3 2 0 0 0 0 5\n"
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
    "（一）予以公开 2 1\n"
    "（二）部分公开 1 1 0 0 0 0 2\n"
    "（七）总计 3 2 0 0 0 0 5\n"
    "四、结转下年度继续办理 0 0 0 0 0 0 0\n"
    "四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
    "五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), "t.txt", &error);
  NbEdition ed = NB_EDITION_2021;
  double v;

  g_assert_no_error (error);
  /* 予以公开 must be (2, 1, 0, 0, 0, 0, 3) by the column sums; "2 1" sit at natural persons and businesses */
  g_assert_cmpfloat (value_of (report, "requests.public.natural_person"), ==, 2);
  g_assert_cmpfloat (value_of (report, "requests.public.commercial"), ==, 1);
  g_assert_cmpfloat (value_of (report, "requests.public.total"), ==, 3);
  g_assert_cmpint (nb_report_get_origin (report, nb_schema_lookup (ed, "requests.public.total")), ==,
                   NB_ORIGIN_INFERRED);
  /* rows that are absent: their cells are missing, and said so */
  g_assert_false (nb_report_get_value (report, nb_schema_lookup (ed, "active.licensing"), &v));
  g_assert_cmpint (nb_report_get_origin (report, nb_schema_lookup (ed, "active.licensing")), ==,
                   NB_ORIGIN_MISSING);
}

/* A row of section 二 with fewer numbers than cells and no blank field to say which
 * (a reader that lost a blank cell: 5, blank, 8 read as 5 8): its cells stay empty, never
 * filled from the left, and one finding says the row was not read */
static void
test_short_active_row (void)
{
  g_autoptr(GString) text = county_text ();
  g_autoptr(NbReport) report = NULL;
  const char *ids[] = { "active.normative_documents.created", "active.normative_documents.published",
                        "active.normative_documents.total" };

  g_assert_cmpuint (g_string_replace (text, "规范性文件\t8\t8\t45", "规范性文件\t8\t45", 1), ==, 1);
  report = parse_bytes (text->str, text->len, "short.txt");
  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    g_assert_cmpint (nb_report_get_origin (report, nb_schema_lookup (NB_EDITION_2019, ids[k])), ==,
                     NB_ORIGIN_MISSING);
  g_assert_cmpuint (nb_test_count_findings (report, "table.unread", -1, -1), ==, 1);
}

static void
test_not_a_report (void)
{
  static const struct { const char *data; gsize len; int code; } cases[] = {
    { "", 0, NB_ERROR_EMPTY },
    { "hello world, this is no report\n", 31, NB_ERROR_NO_REPORT },
    { "\x00\x01\x02\x03\x04\x05\x06\x07\xff\xfe\x00\x00", 12, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_report_new_from_bytes ((const guint8 *) cases[i].data, cases[i].len,
                                                             "x", &error);

      g_assert_null (report);
      g_assert_nonnull (error);
      if (cases[i].code >= 0)
        g_assert_error (error, NB_ERROR, cases[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *name = g_strndup (samples[i].file, strcspn (samples[i].file, "-"));
      g_autofree char *path = g_strdup_printf ("/core/parser/sample/%s", name);

      g_test_add_data_func (path, &samples[i], test_sample);
    }
  for (guint i = 0; i < G_N_ELEMENTS (samples_2019); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/parser/2019/%s", samples_2019[i].file);

      g_test_add_data_func (path, &samples_2019[i], test_sample_2019);
    }
  g_test_add_func ("/core/parser/2019/edition-mismatch", test_edition_mismatch);
  g_test_add_func ("/core/parser/2019/injection", test_injection_2019);
  g_test_add_func ("/core/parser/2019/procurement-unit", test_procurement_unit_2019);
  g_test_add_func ("/core/parser/title-variants", test_title_variants);
  g_test_add_func ("/core/parser/short-active-row", test_short_active_row);
  g_test_add_func ("/core/parser/blank-cells", test_blank_cells);
  g_test_add_func ("/core/parser/inferred-placement", test_inferred_placement);
  g_test_add_func ("/core/parser/wrapped-labels", test_wrapped_labels);
  g_test_add_func ("/core/parser/sparse-totals", test_sparse_totals);
  g_test_add_func ("/core/parser/extra-values-message", test_extra_values_message);
  g_test_add_func ("/core/parser/undetermined-stays-missing", test_undetermined_stays_missing);
  g_test_add_func ("/core/parser/not-a-report", test_not_a_report);
  return g_test_run ();
}
