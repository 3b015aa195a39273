/* test-injections.c — one inconsistency at a time, and the checker finds it
 *
 * The consistent samples have no error; each case edits one figure (or a
 * heading, a row, a year, the agency's name) in a sample's text and expects
 * the rules it breaks to fire as errors naming the cells involved. Then the
 * same through the API (nb_report_set_value, nb_report_parse_value) and the
 * exports (JSON shape of SCHEMA.md, CSV lines, atomic files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "nianbao.h"

static char *
sample_path (const char *file)
{
  const char *dir = g_getenv ("NB_SAMPLES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, file, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file, NULL);
}

static char *
read_sample (const char *name,
             gsize      *len)
{
  g_autofree char *file = g_strdup_printf ("%s-2021.txt", name);
  g_autofree char *path = sample_path (file);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, len, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return text;
}

static NbReport *
parse (const char *text,
       gsize       len,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) text, len, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  if (report == NULL)
    g_error ("cannot parse %s", name);
  return report;
}

static NbReport *
load_sample (const char *name)
{
  gsize len;
  g_autofree char *text = read_sample (name, &len);

  return parse (text, len, name);
}

static int
cell_index (NbReport   *report,
            const char *id)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);

  if (cell < 0)
    g_error ("no cell %s in the schema", id);
  return cell;
}

/* Every finding, one a line: "severity rule: cell cell …" — for messages. */
static char *
describe_findings (NbReport *report)
{
  GListModel *findings = nb_report_get_findings (report);
  NbEdition edition = nb_report_get_edition (report);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      const guint *cells;
      guint n_cells;

      if (nb_finding_get_severity (f) == NB_SEVERITY_INFO)
        continue;
      g_string_append_printf (out, "  %s %s:", nb_severity_to_string (nb_finding_get_severity (f)),
                              nb_finding_get_rule (f));
      cells = nb_finding_get_cells (f, &n_cells);
      for (guint k = 0; k < n_cells; k++)
        g_string_append_printf (out, " %s", nb_schema_get_cell (edition, cells[k])->id);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static guint
count_errors (NbReport *report)
{
  return nb_report_count_findings (report, NB_SEVERITY_ERROR);
}

/* Whether an error finding of @rule names @cell_id (any error of @rule when
 * @cell_id is NULL). */
static gboolean
has_error (NbReport   *report,
           const char *rule,
           const char *cell_id)
{
  GListModel *findings = nb_report_get_findings (report);
  int cell = cell_id ? cell_index (report, cell_id) : -1;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (g_strcmp0 (nb_finding_get_rule (f), rule) != 0 ||
          nb_finding_get_severity (f) != NB_SEVERITY_ERROR)
        continue;
      if (cell < 0 || nb_finding_has_cell (f, cell))
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The consistent samples                                              */

static const char *const consistent[] = { "ruzhou", "office", "zhicheng", "ruijin" };

static void
test_clean (gconstpointer data)
{
  const char *name = data;
  g_autoptr(NbReport) report = load_sample (name);
  g_autofree char *found = describe_findings (report);

  g_test_message ("findings:\n%s", found);
  g_assert_cmpint (nb_report_get_edition (report), ==, NB_EDITION_2021);
  g_assert_cmpint (nb_report_get_year (report), ==, 2021);
  g_assert_cmpuint (count_errors (report), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Injections                                                          */

typedef struct
{
  const char *rule;
  const char *cell;  /* a cell the finding must name, or NULL */
} Expect;

typedef struct
{
  const char *sample;
  const char *name;
  const char *find;     /* occurs once in the sample */
  const char *replace;
  Expect      expect[4];  /* the errors, and the only error rules there may be */
  void      (*check) (NbReport *report);
} Injection;

/* ruzhou without its 重复申请 row: the equations determine the row, so its
 * cells are inferred as the deleted 1 0 0 0 0 0 1 and the sums still hold. */
static void
check_duplicate_row_inferred (NbReport *report)
{
  static const double want[NB_N_REQUEST_COLUMNS] = { 1, 0, 0, 0, 0, 0, 1 };
  NbEdition ed = nb_report_get_edition (report);
  int r = nb_schema_request_row_index (ed, "not_processed.duplicate");

  g_assert_cmpint (r, >=, 0);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      int cell = nb_schema_request_cell (ed, r, c);
      double v = -1;

      g_test_message ("%s", nb_schema_get_cell (ed, cell)->id);
      g_assert_cmpint (nb_report_get_origin (report, cell), ==, NB_ORIGIN_INFERRED);
      g_assert_true (nb_report_get_value (report, cell, &v));
      g_assert_cmpfloat (v, ==, want[c]);
    }
}

static const Injection injections[] = {
  /* section 三: one figure of a row */
  { "ruzhou", "result-total-natural-person",
    "总计\t\t8\t1\t", "总计\t\t7\t1\t",
    /* With (七) at 7 the one number of 予以公开 fits either column equally badly, so its
     * cells stay missing and the column sum cannot be closed: the error shows through
     * the row sum and the 勾稽关系, which both name the changed cell. */
    { { "requests.row_sum", "requests.result_total.natural_person" },
      { "requests.balance", "requests.result_total.natural_person" } } },
  { "ruzhou", "new-commercial",
    "申请数量\t11\t1\t0", "申请数量\t11\t2\t0",
    { { "requests.row_sum", "requests.new.commercial" },
      { "requests.balance", "requests.new.commercial" } } },
  { "zhicheng", "result-row",
    "1.本机关不掌握相关政府信息\t2\t0", "1.本机关不掌握相关政府信息\t1\t0",
    { { "requests.row_sum", "requests.unavailable.not_held.natural_person" },
      { "requests.result_sum", "requests.result_total.natural_person" } } },
  { "zhicheng", "total-column",
    "予以公开\t2\t0\t0\t0\t0\t0\t2\t", "予以公开\t2\t0\t0\t0\t0\t0\t3\t",
    { { "requests.row_sum", "requests.public.total" },
      { "requests.result_sum", "requests.result_total.total" } } },
  { "zhicheng", "new-row",
    "申请数量\t\t4\t0", "申请数量\t\t5\t0",
    { { "requests.row_sum", "requests.new.natural_person" },
      { "requests.balance", "requests.new.natural_person" } } },
  { "office", "public-row",
    "予以公开 9 0 0 0 0 0 9", "予以公开 8 0 0 0 0 0 9",
    { { "requests.row_sum", "requests.public.natural_person" },
      { "requests.result_sum", "requests.result_total.natural_person" } } },
  { "ruijin", "internal-affairs",
    "5.属于三类内部事务信息\n\t1\xC2\xA0\n", "5.属于三类内部事务信息\n\t2\xC2\xA0\n",
    { { "requests.row_sum", "requests.withheld.internal_affairs.natural_person" },
      { "requests.result_sum", "requests.result_total.natural_person" } } },

  /* section 四 */
  { "office", "appeals-review-total",
    "0 1 0 0 1 0 0 0 0 0 0 0 0 0 0", "0 1 0 0 2 0 0 0 0 0 0 0 0 0 0",
    { { "appeals.group_sum", "appeals.review.total" } } },

  /* prose against the tables */
  { "ruzhou", "prose-received",
    "共收到申请 12 件", "共收到申请 13 件",
    { { "prose.table_mismatch", "requests.new.total" } } },
  { "ruzhou", "prose-carried-over",
    "3 件结转下年答复", "2 件结转下年答复",
    { { "prose.table_mismatch", "requests.carried_over.total" } } },
  { "ruzhou", "prose-sum",
    "公开政府信息 544 条", "公开政府信息 545 条",
    { { "prose.sum", NULL } } },
  { "office", "prose-received",
    "共收到信息公开申请9件", "共收到信息公开申请8件",
    { { "prose.table_mismatch", "requests.new.total" } } },
  { "office", "all-settled-but-carried-over",
    "结转下年度继续办理 0 0 0 0 0 0 0", "结转下年度继续办理 1 0 0 0 0 0 1",
    { { "prose.table_mismatch", "requests.carried_over.total" },
      { "requests.balance", "requests.carried_over.natural_person" } } },
  { "zhicheng", "prose-received",
    "我镇收到 4 个依申请公开", "我镇收到 5 个依申请公开",
    { { "prose.table_mismatch", "requests.new.total" } } },
  { "ruijin", "prose-received",
    "共收到依申请公开5件", "共收到依申请公开6件",
    { { "prose.table_mismatch", "requests.new.total" } } },

  /* the year and the agency */
  { "ruzhou", "year",
    "2021 年汝州市人民政府办公室共主动公开", "2020 年汝州市人民政府办公室共主动公开",
    { { "meta.year", NULL } } },
  { "zhicheng", "year",
    "2021 年，轵城镇在各类公开载体", "2020 年，轵城镇在各类公开载体",
    { { "meta.year", NULL } } },
  { "ruzhou", "agency",
    "汝州市人民政府办公室按照", "汝洲市人民政府办公室按照",
    { { "meta.agency", NULL } } },

  /* the template */
  { "ruzhou", "missing-section",
    "五、存在的主要问题及改进情况\n", "",
    { { "template.missing_section", NULL } } },
  { "ruzhou", "missing-row",
    "\t\t2.重复申请\t1\t0\t0\t0\t0\t0\t1\n", "",
    { { "template.missing_row", "requests.not_processed.duplicate.total" } },
    check_duplicate_row_inferred },
};

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_injection (gconstpointer data)
{
  const Injection *inj = data;
  gsize len;
  g_autofree char *text = read_sample (inj->sample, &len);
  g_autoptr(GString) edited = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GString) missed = g_string_new (NULL);
  g_autoptr(GString) unexpected = g_string_new (NULL);
  g_autofree char *found = NULL;

  /* the edit hits exactly one place */
  g_assert_cmpuint (count_occurrences (text, inj->find), ==, 1);
  if (g_test_failed ())
    return;
  edited = g_string_new_len (text, len);
  g_string_replace (edited, inj->find, inj->replace, 1);

  report = parse (edited->str, edited->len, inj->sample);
  found = describe_findings (report);
  g_test_message ("findings after the edit:\n%s", found);

  for (guint i = 0; i < G_N_ELEMENTS (inj->expect) && inj->expect[i].rule; i++)
    if (!has_error (report, inj->expect[i].rule, inj->expect[i].cell))
      g_string_append_printf (missed, "no error %s naming %s; ", inj->expect[i].rule,
                              inj->expect[i].cell ? inj->expect[i].cell : "(any cell)");

  /* the list names every expected finding that is absent; the findings
   * there were are in the log above */
  g_assert_cmpstr (missed->str, ==, "");

  /* and no other rule finds an error: one edit, its own consequences only */
  {
    GListModel *findings = nb_report_get_findings (report);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
        gboolean expected = FALSE;

        if (nb_finding_get_severity (f) != NB_SEVERITY_ERROR)
          continue;
        for (guint k = 0; k < G_N_ELEMENTS (inj->expect) && inj->expect[k].rule; k++)
          expected |= g_strcmp0 (inj->expect[k].rule, nb_finding_get_rule (f)) == 0;
        if (!expected)
          g_string_append_printf (unexpected, "error %s; ", nb_finding_get_rule (f));
      }
    g_assert_cmpstr (unexpected->str, ==, "");
  }

  if (inj->check)
    inj->check (report);
}

/* ------------------------------------------------------------------ */
/* Through the API                                                     */

static void
test_set_value (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou");
  int cell = cell_index (report, "requests.new.natural_person");
  double v = 0, original = 0;
  gboolean had = FALSE;

  g_assert_true (nb_report_get_value (report, cell, &v));
  g_assert_cmpfloat (v, ==, 11);
  g_assert_cmpuint (count_errors (report), ==, 0);
  g_assert_false (has_error (report, "requests.row_sum", "requests.new.natural_person"));

  g_assert_true (nb_report_set_value (report, cell, TRUE, 10));
  g_assert_true (nb_report_get_value (report, cell, &v));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_true (has_error (report, "requests.row_sum", "requests.new.natural_person"));
  g_assert_true (has_error (report, "requests.balance", "requests.new.natural_person"));
  g_assert_true (nb_report_get_corrected (report, cell, &had, &original));
  g_assert_true (had);
  g_assert_cmpfloat (original, ==, 11);
  g_assert_true (nb_report_get_modified (report));

  /* back to what the report says: the findings go, no correction remains */
  g_assert_true (nb_report_set_value (report, cell, TRUE, 11));
  g_assert_false (has_error (report, "requests.row_sum", "requests.new.natural_person"));
  g_assert_false (has_error (report, "requests.balance", "requests.new.natural_person"));
  g_assert_cmpuint (count_errors (report), ==, 0);
  g_assert_false (nb_report_get_corrected (report, cell, NULL, NULL));

  /* an appeals total: the group sum */
  cell = cell_index (report, "appeals.review.total");
  g_assert_true (nb_report_set_value (report, cell, TRUE, 1));
  g_assert_true (has_error (report, "appeals.group_sum", "appeals.review.total"));
  g_assert_true (nb_report_set_value (report, cell, TRUE, 0));
  g_assert_cmpuint (count_errors (report), ==, 0);
}

static void
test_parse_value (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou");
  int count = cell_index (report, "requests.new.total");
  int fees = cell_index (report, "active.fees");
  static const struct
  {
    const char *cell;
    const char *input;
    gboolean    ok;
    gboolean    has_value;
    double      value;
  } cases[] = {
    { "requests.new.total", "12",      TRUE,  TRUE,  12 },
    { "requests.new.total", "",        TRUE,  FALSE, 0 },
    { "requests.new.total", "-1",      FALSE },
    { "requests.new.total", "1.5",     FALSE },
    { "requests.new.total", "abc",     FALSE },
    { "appeals.review.total", "-1",    FALSE },
    { "active.fees",        "96171.6", TRUE,  TRUE,  96171.6 },
    { "active.fees",        "-1",      FALSE },
    { "active.fees",        "abc",     FALSE },
  };

  g_assert_cmpint (count, >=, 0);
  g_assert_cmpint (fees, >=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int cell = cell_index (report, cases[i].cell);
      gboolean has_value = FALSE;
      double value = -42;
      gboolean ok = nb_report_parse_value (report, cell, cases[i].input, &has_value, &value);

      g_test_message ("%s <- '%s'", cases[i].cell, cases[i].input);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!cases[i].ok)
        continue;
      g_assert_cmpint (has_value, ==, cases[i].has_value);
      if (cases[i].has_value)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

/* ------------------------------------------------------------------ */
/* Exports                                                             */

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    g_error ("the JSON has no object “%s”", name);
  return json_node_get_object (n);
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    g_error ("the JSON has no array “%s”", name);
  return json_node_get_array (n);
}

/* A JSON value: a number equal to the cell's value, or null when it has none */
static void
assert_value (NbReport   *report,
              const char *id,
              JsonNode   *node)
{
  double v = 0;
  int cell = cell_index (report, id);

  g_assert_nonnull (node);
  if (nb_report_get_value (report, cell, &v))
    {
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_cmpfloat_with_epsilon (json_node_get_double (node), v, 1e-9);
    }
  else
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
}

static void
test_json (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  NbEdition ed = nb_report_get_edition (report);
  JsonObject *root, *active, *requests, *rows, *appeals, *cells;
  JsonArray *columns, *findings;
  gsize length = 0;
  static const char *const keys[] = { "file", "encoding", "template", "agency", "year",
                                      "active", "requests", "appeals", "cells", "findings" };
  static const char *const active_keys[] = { "regulations", "normative_documents", "licensing",
                                             "punishment", "enforcement", "fees" };

  json = nb_report_to_json (report, TRUE, &length);
  g_assert_nonnull (json);
  g_assert_cmpuint (length, ==, strlen (json));
  json_parser_load_from_data (parser, json, length, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_test_message ("key %s", keys[i]);
      g_assert_true (json_object_has_member (root, keys[i]));
    }
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (json_object_get_string_member (root, "template"), ==, "2021");
  g_assert_cmpstr (json_object_get_string_member (root, "agency"), ==, "汝州市人民政府办公室");
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2021);

  active = member_object (root, "active");
  for (guint i = 0; i < G_N_ELEMENTS (active_keys); i++)
    g_assert_true (json_object_has_member (active, active_keys[i]));
  {
    JsonObject *regs = member_object (active, "regulations");

    assert_value (report, "active.regulations.issued", json_object_get_member (regs, "issued"));
    assert_value (report, "active.regulations.repealed", json_object_get_member (regs, "repealed"));
    assert_value (report, "active.regulations.in_force", json_object_get_member (regs, "in_force"));
    assert_value (report, "active.fees", json_object_get_member (active, "fees"));
  }

  requests = member_object (root, "requests");
  columns = member_array (requests, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, NB_N_REQUEST_COLUMNS);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    g_assert_cmpstr (json_array_get_string_element (columns, c), ==, nb_schema_get_request_column_id (c));

  rows = member_object (requests, "rows");
  g_assert_cmpuint (json_object_get_size (rows), ==, 25);
  g_assert_cmpuint (nb_schema_get_n_request_rows (ed), ==, 25);
  {
    g_autoptr(GList) names = json_object_get_members (rows);
    guint r = 0;

    for (GList *l = names; l; l = l->next, r++)
      {
        JsonArray *row;

        g_assert_cmpstr (l->data, ==, nb_schema_get_request_row_id (ed, r));
        row = member_array (rows, l->data);
        g_assert_cmpuint (json_array_get_length (row), ==, NB_N_REQUEST_COLUMNS);
        for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
          assert_value (report, nb_schema_get_cell (ed, nb_schema_request_cell (ed, r, c))->id,
                        json_array_get_element (row, c));
      }
  }

  appeals = member_object (root, "appeals");
  g_assert_cmpuint (json_object_get_size (appeals), ==, NB_N_APPEAL_GROUPS);
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      JsonObject *group = member_object (appeals, nb_schema_get_appeal_group_id (g));

      g_assert_cmpuint (json_object_get_size (group), ==, NB_N_APPEAL_FIELDS);
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        assert_value (report, nb_schema_get_cell (ed, nb_schema_appeal_cell (ed, g, f))->id,
                      json_object_get_member (group, nb_schema_get_appeal_field_id (f)));
    }

  cells = member_object (root, "cells");
  g_assert_cmpuint (json_object_get_size (cells), ==, nb_report_get_n_cells (report));
  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    {
      const char *id = nb_schema_get_cell (ed, i)->id;
      JsonObject *cell = member_object (cells, id);
      JsonNode *span = json_object_get_member (cell, "span");
      NbSpan s = nb_report_get_span (report, i);

      g_assert_cmpstr (json_object_get_string_member (cell, "origin"), ==,
                       nb_origin_to_string (nb_report_get_origin (report, i)));
      g_assert_nonnull (span);
      if (nb_report_get_origin (report, i) == NB_ORIGIN_SOURCE)
        {
          JsonArray *a = json_node_get_array (span);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (span));
          g_assert_cmpuint (json_array_get_length (a), ==, 2);
          g_assert_cmpint (json_array_get_int_element (a, 0), ==, s.start);
          g_assert_cmpint (json_array_get_int_element (a, 1), ==, s.end);
        }
      else
        g_assert_true (JSON_NODE_HOLDS_NULL (span));
    }

  findings = member_array (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==,
                    g_list_model_get_n_items (nb_report_get_findings (report)));
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      JsonObject *message = member_object (f, "message");
      const char *severity = json_object_get_string_member (f, "severity");

      g_assert_nonnull (json_object_get_string_member (f, "rule"));
      g_assert_true (g_strcmp0 (severity, "error") == 0 || g_strcmp0 (severity, "warning") == 0 ||
                     g_strcmp0 (severity, "info") == 0);
      member_array (f, "cells");
      member_array (f, "spans");
      g_assert_nonnull (json_object_get_string_member (message, "zh_CN"));
      g_assert_nonnull (json_object_get_string_member (message, "en"));
    }
}

static void
test_csv (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou");
  gsize length = 0;
  g_autofree char *csv = nb_report_to_csv (report, NULL, &length);
  g_autofree char *csv_en = nb_report_to_csv (report, "en", NULL);

  g_assert_nonnull (csv);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_suffix (csv, "\n"));
  /* blocks: facts, the three tables, findings, corrections (tests/test-export.c reads them) */
  g_assert_nonnull (strstr (csv, "\r\n\r\n三、收到和处理政府信息公开申请情况\r\n"));
  g_assert_nonnull (strstr (csv_en, "\r\n\r\n更正记录\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n一、本年新收政府信息公开申请数量,,,11,"));
  g_assert_nonnull (strstr (csv, ",11,1,0,0,0,0,12\r\n"));
}

static char **
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
test_export (void)
{
  g_autoptr(NbReport) report = load_sample ("ruzhou");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-test-export-XXXXXX", &error);
  g_autofree char *json_path = NULL, *csv_path = NULL;
  g_autofree char *written = NULL, *expected = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  json_path = g_build_filename (dir, "汝州-2021.json", NULL);
  csv_path = g_build_filename (dir, "汝州-2021.csv", NULL);

  g_assert_true (nb_report_export (report, json_path, NB_EXPORT_JSON, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) names = list_dir (dir);

    g_assert_cmpuint (g_strv_length (names), ==, 1);
    g_assert_cmpstr (names[0], ==, "汝州-2021.json");
  }
  g_file_get_contents (json_path, &written, &len, &error);
  g_assert_no_error (error);
  expected = nb_report_to_json (report, TRUE, NULL);
  {
    g_autoptr(JsonNode) a = json_from_string (written, &error);
    g_autoptr(JsonNode) b = NULL;

    g_assert_no_error (error);
    b = json_from_string (expected, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (a, b));
  }

  /* a second file, and the first written again over itself */
  g_assert_true (nb_report_export (report, csv_path, NB_EXPORT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (nb_report_export (report, json_path, NB_EXPORT_JSON, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) names = list_dir (dir);
    g_autofree char *csv = NULL;

    qsort (names, g_strv_length (names), sizeof (char *), compare_names);
    g_assert_cmpuint (g_strv_length (names), ==, 2);
    g_assert_cmpstr (names[0], ==, "汝州-2021.csv");
    g_assert_cmpstr (names[1], ==, "汝州-2021.json");

    g_file_get_contents (csv_path, &csv, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  }

  g_unlink (json_path);
  g_unlink (csv_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* a failed check fails its case and the run goes on to the next case */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (consistent); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/injections/%s/clean", consistent[i]);

      g_test_add_data_func (path, consistent[i], test_clean);
    }
  for (guint i = 0; i < G_N_ELEMENTS (injections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/injections/%s/%s", injections[i].sample,
                                               injections[i].name);

      g_test_add_data_func (path, &injections[i], test_injection);
    }
  g_test_add_func ("/core/injections/api/set-value", test_set_value);
  g_test_add_func ("/core/injections/api/parse-value", test_parse_value);
  g_test_add_func ("/core/injections/export/json", test_json);
  g_test_add_func ("/core/injections/export/csv", test_csv);
  g_test_add_func ("/core/injections/export/atomic-file", test_export);

  return g_test_run ();
}
