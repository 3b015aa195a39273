/* nb-export-layout.c — the template's tables laid out as the template prints them, with
 * their merged header cells, and the rows of facts, findings and corrections that the CSV
 * and XLSX exports both write
 *
 * Row and column labels come from nb-schema.h. The few words that only the template's
 * headers print (信息内容, 申请人情况, 法人或其他组织, 三、本年度办理结果, the 勾稽关系 note)
 * are below, beside the code that places them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-export-private.h"
#include "nb-finding.h"

const char nb_export_facts_heading[] = "报告信息";
const char nb_export_findings_heading[] = "审校发现";
const char nb_export_corrections_heading[] = "更正记录";

static const char *const table_headings[] = {
  [NB_TABLE_ACTIVE] = "二、主动公开政府信息情况",
  [NB_TABLE_REQUESTS] = "三、收到和处理政府信息公开申请情况",
  [NB_TABLE_APPEALS] = "四、政府信息公开行政复议、行政诉讼情况",
};

static void
clear_item (gpointer data)
{
  NbExportItem *item = data;

  g_free (item->text);
}

static void
table_free (gpointer data)
{
  NbExportTable *table = data;

  g_array_unref (table->items);
  g_free (table);
}

static NbExportTable *
table_new (NbTableKind kind)
{
  NbExportTable *table = g_new0 (NbExportTable, 1);

  table->heading = table_headings[kind];
  table->items = g_array_new (FALSE, TRUE, sizeof (NbExportItem));
  g_array_set_clear_func (table->items, clear_item);
  return table;
}

static void
add_item (NbExportTable *table,
          NbExportKind   kind,
          const char    *text,
          int            cell,
          guint          row,
          guint          col,
          guint          rows,
          guint          cols)
{
  NbExportItem item = { row, col, rows, cols, kind, g_strdup (text), cell };

  g_array_append_val (table->items, item);
  table->n_rows = MAX (table->n_rows, row + rows);
  table->n_cols = MAX (table->n_cols, col + cols);
}

static guint
count_active_fields (NbEdition edition,
                     guint     item)
{
  guint n = 0;

  while (nb_schema_active_cell (edition, item, n) >= 0)
    n++;
  return n;
}

/* 二: per article of the regulation a heading row (第二十条第（一）项), a row of field
 * names under 信息内容, then a row per item. An item with fewer fields than the widest
 * stretches its last one over the rest, as the template does. */
static NbExportTable *
layout_active (NbEdition edition)
{
  NbExportTable *table = table_new (NB_TABLE_ACTIVE);
  guint n_items = nb_schema_get_n_active_items (edition);
  guint width = 1, row = 0;
  const char *group = NULL;

  for (guint i = 0; i < n_items; i++)
    width = MAX (width, count_active_fields (edition, i));

  for (guint i = 0; i < n_items; i++)
    {
      guint n_fields = count_active_fields (edition, i);

      if (group == NULL || g_strcmp0 (group, nb_schema_get_active_item_group (edition, i)) != 0)
        {
          group = nb_schema_get_active_item_group (edition, i);
          add_item (table, NB_EXPORT_GROUP, group, -1, row++, 0, 1, NB_EXPORT_LABEL_COLS + width);
          add_item (table, NB_EXPORT_HEADER, "信息内容", -1, row, 0, 1, NB_EXPORT_LABEL_COLS);
          for (guint f = 0; f < n_fields; f++)
            add_item (table, NB_EXPORT_HEADER, nb_schema_get_active_field_label (edition, i, f), -1,
                      row, NB_EXPORT_LABEL_COLS + f, 1, f + 1 == n_fields ? width - f : 1);
          row++;
        }
      add_item (table, NB_EXPORT_LABEL, nb_schema_get_active_item_label (edition, i), -1,
                row, 0, 1, NB_EXPORT_LABEL_COLS);
      for (guint f = 0; f < n_fields; f++)
        add_item (table, NB_EXPORT_VALUE, NULL, nb_schema_active_cell (edition, i, f),
                  row, NB_EXPORT_LABEL_COLS + f, 1, f + 1 == n_fields ? width - f : 1);
      row++;
    }
  return table;
}

/* The group of a request row: "withheld" for "withheld.state_secret"; NULL for a row alone */
static char *
dup_row_group (NbEdition edition,
               guint     row)
{
  const char *id = nb_schema_get_request_row_id (edition, row);
  const char *dot = strchr (id, '.');

  return dot ? g_strndup (id, dot - id) : NULL;
}

/* 三: three header rows (申请人情况 › 自然人 | 法人或其他组织 › 商业企业 … 其他 | 总计), then
 * the rows. The results (（一）予以公开 … （七）总计) sit under 三、本年度办理结果, written
 * down the first column; a group's first label ("（三）不予公开 1.属于国家秘密") splits into
 * the group, stretched down its rows, and the row. */
static NbExportTable *
layout_requests (NbEdition edition)
{
  NbExportTable *table = table_new (NB_TABLE_REQUESTS);
  guint n_rows = nb_schema_get_n_request_rows (edition);
  const guint top = 3, first_col = NB_EXPORT_LABEL_COLS;
  int first = nb_schema_request_row_index (edition, "public");
  int last = nb_schema_request_row_index (edition, "result_total");

  add_item (table, NB_EXPORT_HEADER, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            -1, 0, 0, top, NB_EXPORT_LABEL_COLS);
  add_item (table, NB_EXPORT_HEADER, "申请人情况", -1, 0, first_col, 1, NB_N_REQUEST_COLUMNS);
  add_item (table, NB_EXPORT_HEADER, "法人或其他组织", -1, 1, first_col + 1, 1, NB_N_REQUEST_COLUMNS - 2);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      gboolean tall = c == 0 || c == NB_REQUEST_COLUMN_TOTAL;

      add_item (table, NB_EXPORT_HEADER, nb_schema_get_request_column_label (c), -1,
                tall ? 1 : 2, first_col + c, tall ? 2 : 1, 1);
    }
  if (first >= 0 && last >= first)
    add_item (table, NB_EXPORT_VERTICAL, "三、本年度办理结果", -1, top + first, 0, last - first + 1, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      const char *label = nb_schema_get_request_row_label (edition, r);
      g_autofree char *group = dup_row_group (edition, r);
      guint row = top + r;

      if (first < 0 || (int) r < first || (int) r > last)
        add_item (table, NB_EXPORT_LABEL, label, -1, row, 0, 1, NB_EXPORT_LABEL_COLS);
      else if (group == NULL)
        add_item (table, NB_EXPORT_LABEL, label, -1, row, 1, 1, NB_EXPORT_LABEL_COLS - 1);
      else
        {
          g_autofree char *previous = r > 0 ? dup_row_group (edition, r - 1) : NULL;
          const char *space = strchr (label, ' ');

          if (g_strcmp0 (previous, group) != 0 && space != NULL)
            {
              g_autofree char *head = g_strndup (label, space - label);
              guint n = 1;

              for (; r + n < n_rows; n++)
                {
                  g_autofree char *next = dup_row_group (edition, r + n);

                  if (g_strcmp0 (next, group) != 0)
                    break;
                }
              add_item (table, NB_EXPORT_LABEL, head, -1, row, 1, n, 1);
              label = space + 1;
            }
          add_item (table, NB_EXPORT_LABEL, label, -1, row, 2, 1, 1);
        }

      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        add_item (table, NB_EXPORT_VALUE, NULL, nb_schema_request_cell (edition, r, c),
                  row, first_col + c, 1, 1);
    }
  return table;
}

/* 四: 行政复议 {five results} and 行政诉讼 {未经复议直接起诉 {five}, 复议后起诉 {five}} over
 * one row of fifteen values. A group labelled "行政诉讼（复议后起诉）" sits under 行政诉讼. */
static NbExportTable *
layout_appeals (NbEdition edition)
{
  NbExportTable *table = table_new (NB_TABLE_APPEALS);
  const guint first_col = NB_EXPORT_LABEL_COLS;
  g_autofree char *parent = NULL;
  guint parent_col = 0, parent_cols = 0;

  for (guint g = 0; g <= NB_N_APPEAL_GROUPS; g++)
    {
      const char *label = g < NB_N_APPEAL_GROUPS ? nb_schema_get_appeal_group_label (g) : "";
      const char *open = strstr (label, "（");
      g_autofree char *head = open ? g_strndup (label, open - label) : g_strdup (label);
      guint col = first_col + g * NB_N_APPEAL_FIELDS;

      if (parent != NULL && (open == NULL || g_strcmp0 (head, parent) != 0))
        {
          add_item (table, NB_EXPORT_HEADER, parent, -1, 0, parent_col, 1, parent_cols);
          g_clear_pointer (&parent, g_free);
        }
      if (g == NB_N_APPEAL_GROUPS)
        break;

      if (open == NULL)
        add_item (table, NB_EXPORT_HEADER, label, -1, 0, col, 1, NB_N_APPEAL_FIELDS);
      else
        {
          g_autofree char *child = g_strdup (open + strlen ("（"));
          char *close = strstr (child, "）");

          if (close != NULL)
            *close = '\0';
          if (parent == NULL)
            {
              parent = g_strdup (head);
              parent_col = col;
              parent_cols = 0;
            }
          parent_cols += NB_N_APPEAL_FIELDS;
          add_item (table, NB_EXPORT_HEADER, child, -1, 1, col, 1, NB_N_APPEAL_FIELDS);
        }
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        {
          add_item (table, NB_EXPORT_HEADER, nb_schema_get_appeal_field_label (f), -1,
                    open ? 2 : 1, col + f, open ? 1 : 2, 1);
          add_item (table, NB_EXPORT_VALUE, NULL, nb_schema_appeal_cell (edition, g, f), 3, col + f, 1, 1);
        }
    }
  return table;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const NbExportItem *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/**
 * nb_export_layout_new:
 *
 * The tables 二, 三 and 四 of @edition's template, laid out in one grid of columns: the
 * row labels in the first %NB_EXPORT_LABEL_COLS, the values after them.
 *
 * Returns: (transfer full) (element-type NbExportTable): the tables
 */
GPtrArray *
nb_export_layout_new (NbEdition edition)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (table_free);

  g_ptr_array_add (tables, layout_active (edition));
  g_ptr_array_add (tables, layout_requests (edition));
  g_ptr_array_add (tables, layout_appeals (edition));
  for (guint i = 0; i < tables->len; i++)
    {
      NbExportTable *table = g_ptr_array_index (tables, i);

      g_array_sort (table->items, compare_items);
    }
  return tables;
}

/* Values ------------------------------------------------------------------------------- */

/* A cell's value as text: the number, the unit as printed, or "" */
char *
nb_export_format_cell (NbReport *report,
                       guint     cell)
{
  const NbCellDef *def = nb_schema_get_cell (nb_report_get_edition (report), cell);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (def->kind == NB_CELL_UNIT)
    return g_strdup (nb_report_get_unit (report, cell) ? nb_report_get_unit (report, cell) : "");
  if (!nb_report_get_value (report, cell, &value))
    return g_strdup ("");
  nb_export_format_number (value, buf, sizeof buf);
  return g_strdup (buf);
}

/**
 * nb_export_text_is_risky:
 *
 * Whether a spreadsheet could take @text for a formula: it begins (after spaces, and
 * read as NFKC, so that ＝ is =) with =, +, - or @, or with a tab or a carriage return.
 */
gboolean
nb_export_text_is_risky (const char *text)
{
  g_autofree char *norm = NULL;
  const char *p;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (*text == '\t' || *text == '\r')
    return TRUE;
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  p = norm ? norm : text;
  if (*p == '\t' || *p == '\r')
    return TRUE;
  while (*p == ' ')
    p++;
  return *p != '\0' && strchr ("=+-@", *p) != NULL;
}

/* Rows --------------------------------------------------------------------------------- */

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *s;

  va_start (args, rows);
  while ((s = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, s);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

/**
 * nb_export_facts_new:
 *
 * The report's agency, year, template edition and file, one (name, value) row each.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
nb_export_facts_new (NbReport *report)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *agency = nb_report_get_agency (report);
  const char *filename = nb_report_get_filename (report);
  g_autofree char *year = NULL;
  g_autofree char *base = filename ? g_path_get_basename (filename) : g_strdup ("");

  year = nb_report_get_year (report) ? g_strdup_printf ("%d", nb_report_get_year (report)) : g_strdup ("");
  add_row (rows, "机关", agency ? agency : "", NULL);
  add_row (rows, "年度", year, NULL);
  add_row (rows, "模板", nb_report_get_edition (report) == NB_EDITION_2019
                         ? "2019年版（国办公开办函〔2019〕60号）"
                         : "2021年版（国办公开办函〔2021〕30号）", NULL);
  add_row (rows, "文件", base, NULL);
  return rows;
}

static const char *
severity_label (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return "错误";
    case NB_SEVERITY_WARNING: return "警告";
    case NB_SEVERITY_INFO:
    default: return "提示";
    }
}

/**
 * nb_export_findings_new:
 * @lang: (nullable): the messages' language, "zh_CN" (the default) or "en"
 *
 * A header, then a row per finding: rule, severity, message, the cells it names (as the
 * template labels them, then their ids).
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
nb_export_findings_new (NbReport   *report,
                        const char *lang)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GListModel *findings = nb_report_get_findings (report);
  NbEdition edition = nb_report_get_edition (report);

  add_row (rows, "规则", "严重程度", "说明", "单元格", "编号", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GString) ids = g_string_new (NULL);
      guint n_cells;
      const guint *cells = nb_finding_get_cells (f, &n_cells);

      for (guint k = 0; k < n_cells; k++)
        {
          g_autofree char *name = nb_schema_describe_cell (edition, cells[k], FALSE);

          g_string_append_printf (names, "%s%s", k ? "；" : "", name);
          g_string_append_printf (ids, "%s%s", k ? " " : "", nb_schema_get_cell (edition, cells[k])->id);
        }
      add_row (rows, nb_finding_get_rule (f), severity_label (nb_finding_get_severity (f)),
               nb_finding_get_message (f, lang && g_str_has_prefix (lang, "en") ? "en" : "zh_CN"),
               names->str, ids->str, NULL);
    }
  return rows;
}

static const char *
origin_label (NbReport *report,
              guint     cell,
              gboolean  had_value)
{
  if (!had_value)
    return "报告中为空";
  return nb_report_get_origin (report, cell) == NB_ORIGIN_INFERRED ? "按勾稽关系推算" : "报告所印";
}

/**
 * nb_export_corrections_new:
 *
 * A header, then a row per corrected cell: its label, id, the value before (as the report
 * printed it, or as it was inferred), where that value came from, and the value now.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
nb_export_corrections_new (NbReport *report)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  NbEdition edition = nb_report_get_edition (report);

  add_row (rows, "单元格", "编号", "原值", "原值来源", "更正为", NULL);
  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    {
      gboolean had_value;
      double original;
      char before[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autofree char *name = NULL, *now = NULL;

      if (!nb_report_get_corrected (report, i, &had_value, &original))
        continue;
      if (had_value)
        nb_export_format_number (original, before, sizeof before);
      name = nb_schema_describe_cell (edition, i, FALSE);
      now = nb_export_format_cell (report, i);
      add_row (rows, name, nb_schema_get_cell (edition, i)->id, before,
               origin_label (report, i, had_value), now, NULL);
    }
  return rows;
}

/**
 * nb_export_correction_note:
 *
 * Returns: (transfer full) (nullable): what a corrected cell held before ("报告所印：12"),
 *   for a spreadsheet's comment; %NULL when @cell was not corrected
 */
char *
nb_export_correction_note (NbReport *report,
                           guint     cell)
{
  gboolean had_value;
  double original;
  char before[G_ASCII_DTOSTR_BUF_SIZE];

  if (!nb_report_get_corrected (report, cell, &had_value, &original))
    return NULL;
  if (!had_value)
    return g_strdup ("报告中为空");
  nb_export_format_number (original, before, sizeof before);
  return g_strdup_printf ("%s：%s", origin_label (report, cell, had_value), before);
}
