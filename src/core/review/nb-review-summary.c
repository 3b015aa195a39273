/* nb-review-summary.c — a review set's summary, to send upward; a report's review sheet
 *
 * One line per report: file, agency, year, status, note, errors, warnings, the key
 * figures and the number of findings of each rule. CSV follows the single-report
 * export: UTF-8 with a BOM, CRLF, Chinese headers, and text that a spreadsheet
 * would take for a formula (= + - @ at its start) gets a leading '. JSON is an
 * array with one object per report (SCHEMA.md). XLSX through libxlsxwriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "nb-export.h"
#include "nb-export-private.h"
#include "nb-number.h"
#include "nb-sheet.h"
#include "nb-review-private.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* every rule with a finding somewhere in the set, in id order */
static GPtrArray *
set_rules (NbReviewSet *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rules = g_ptr_array_new ();

  for (guint i = 0; i < nb_review_set_get_n_items (self); i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, nb_review_item_get_rule_counts (nb_review_set_get_item (self, i)));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (seen, key))
          g_ptr_array_add (rules, key);
    }
  g_ptr_array_sort (rules, compare_strings);
  return rules;
}

#define item_digest nb_review_item_peek_digest

/* the summary's first columns; the key figures and the rules follow */
static const char *const summary_head[] = {
  "文件", "机关", "年度", "模板", "状态", "备注", "文件已改动", "错误", "警告", "提示"
};

/* ---- CSV ------------------------------------------------------------------- */

/* The note column: the reviewer's note; for a file that cannot be read, why, and
 * then the note ("请重新报送") */
static char *
dup_note_column (NbReviewItem *item)
{
  const GError *error = nb_review_item_get_error (item);
  const char *note = nb_review_item_get_note (item);

  if (error == NULL)
    return g_strdup (note);
  if (note == NULL || *note == '\0')
    return g_strdup (error->message);
  return g_strconcat (error->message, "\n", note, NULL);
}

static void
csv_field (GString    *out,
           const char *s)
{
  nb_export_csv_text (out, s);
}

/**
 * nb_review_set_to_csv:
 *
 * Returns: (transfer full): the summary as CSV
 */
char *
nb_review_set_to_csv (NbReviewSet *self,
                      gsize       *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) rules = set_rules (self);
  for (guint i = 0; i < G_N_ELEMENTS (summary_head); i++)
    {
      if (i)
        g_string_append_c (out, ',');
      csv_field (out, summary_head[i]);
    }
  for (guint f = 0; f < NB_N_FIGURES; f++)
    {
      g_string_append_c (out, ',');
      csv_field (out, nb_figure_label (f));
    }
  for (guint r = 0; r < rules->len; r++)
    {
      g_string_append_c (out, ',');
      csv_field (out, g_ptr_array_index (rules, r));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < nb_review_set_get_n_items (self); i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self, i);
      NbDigest *d = item_digest (item);
      GHashTable *counts = nb_review_item_get_rule_counts (item);
      g_autofree char *year = d && d->year ? g_strdup_printf ("%d", d->year) : g_strdup ("");
      g_autofree char *note_column = dup_note_column (item);

      csv_field (out, nb_review_item_get_path (item));
      g_string_append_c (out, ',');
      csv_field (out, d ? d->agency : NULL);
      g_string_append_printf (out, ",%s,%s,", year, d ? nb_edition_to_string (d->edition) : "");
      csv_field (out, nb_review_status_label (nb_review_item_get_status (item), FALSE));
      g_string_append_c (out, ',');
      csv_field (out, note_column);
      g_string_append_printf (out, ",%s,%u,%u,%u", nb_review_item_get_previous_hash (item) ? "是" : "",
                              nb_review_item_count (item, NB_SEVERITY_ERROR),
                              nb_review_item_count (item, NB_SEVERITY_WARNING),
                              nb_review_item_count (item, NB_SEVERITY_INFO));
      for (guint f = 0; f < NB_N_FIGURES; f++)
        {
          g_autofree char *v = d && d->has_figure[f] ? nb_format_number (d->figures[f]) : NULL;

          g_string_append_c (out, ',');
          if (v)
            g_string_append (out, v);
        }
      for (guint r = 0; r < rules->len; r++)
        g_string_append_printf (out, ",%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (rules, r))));
      g_string_append (out, "\r\n");
    }
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* ---- JSON ------------------------------------------------------------------ */

static JsonNode *
item_to_json (NbReviewItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  NbDigest *d = item_digest (item);
  GHashTable *counts = nb_review_item_get_rule_counts (item);
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) strcmp);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, nb_review_item_get_path (item));
  json_builder_set_member_name (b, "agency");
  if (d && d->agency)
    json_builder_add_string_value (b, d->agency);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "year");
  if (d && d->year)
    json_builder_add_int_value (b, d->year);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "template");
  if (d)
    json_builder_add_string_value (b, nb_edition_to_string (d->edition));
  else
    json_builder_add_null_value (b);
  if (nb_review_item_get_error (item))
    {
      json_builder_set_member_name (b, "unreadable");
      json_builder_add_string_value (b, nb_review_item_get_error (item)->message);
    }
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, nb_review_item_count (item, NB_SEVERITY_ERROR));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, nb_review_item_count (item, NB_SEVERITY_WARNING));
  json_builder_set_member_name (b, "infos");
  json_builder_add_int_value (b, nb_review_item_count (item, NB_SEVERITY_INFO));
  json_builder_set_member_name (b, "rules");
  json_builder_begin_object (b);
  for (GList *l = keys; l; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data)));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, nb_review_status_to_string (nb_review_item_get_status (item)));
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, nb_review_item_get_note (item));
  json_builder_set_member_name (b, "changed");
  json_builder_add_boolean_value (b, nb_review_item_get_previous_hash (item) != NULL);
  /* the findings of the rules across the set; the report's own are in its --json */
  json_builder_set_member_name (b, "set_findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (nb_review_item_get_set_findings (item)); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (nb_review_item_get_set_findings (item), i);
      guint n_cells, n_spans;
      const guint *cells = nb_finding_get_cells (f, &n_cells);
      const NbSpan *spans = nb_finding_get_spans (f, &n_spans);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, nb_finding_get_rule (f));
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, nb_severity_to_string (nb_finding_get_severity (f)));
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < n_cells; c++)
        json_builder_add_string_value (b, nb_schema_get_cell (d->edition, cells[c])->id);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "spans");
      json_builder_begin_array (b);
      for (guint k = 0; k < n_spans; k++)
        {
          json_builder_begin_array (b);
          json_builder_add_int_value (b, spans[k].start);
          json_builder_add_int_value (b, spans[k].end);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "message");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "zh_CN");
      json_builder_add_string_value (b, nb_finding_get_message (f, "zh_CN"));
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, nb_finding_get_message (f, "en"));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_object (b);
  for (guint f = 0; f < NB_N_FIGURES; f++)
    {
      json_builder_set_member_name (b, nb_figure_id (f));
      if (d && d->has_figure[f] && d->figures[f] == (gint64) d->figures[f])
        json_builder_add_int_value (b, (gint64) d->figures[f]);
      else if (d && d->has_figure[f])
        json_builder_add_double_value (b, d->figures[f]);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * nb_review_set_to_json:
 *
 * Returns: (transfer full): the summary as a JSON array, one object per report
 */
char *
nb_review_set_to_json (NbReviewSet *self,
                       gsize       *length)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  for (guint i = 0; i < nb_review_set_get_n_items (self); i++)
    json_array_add_element (array, item_to_json (nb_review_set_get_item (self, i)));
  json_node_set_array (root, array);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, length);
}

/* ---- XLSX ------------------------------------------------------------------ */

static void
put_cell (NbWorkbook   *book,
          NbSheet      *sheet,
          guint         row,
          guint         col,
          NbSheetStyle  style,
          const char   *text,
          gboolean      has_number,
          double        number)
{
  NbSheetCell cell = {
    .row = row, .col = col, .rows = 1, .cols = 1, .style = style,
    .text = text ? g_string_chunk_insert (book->strings, text) : NULL,
    .number = number, .has_number = has_number,
  };

  g_array_append_val (sheet->cells, cell);
}

static void
set_width (NbSheet *sheet,
           guint    col,
           double   width)
{
  if (sheet->widths->len <= col)
    g_array_set_size (sheet->widths, col + 1);
  g_array_index (sheet->widths, double, col) = width;
}

/**
 * nb_review_set_write_xlsx:
 *
 * Writes the summary as a workbook of one sheet (汇总), through the exports' writer
 * module, atomically (a temporary file beside @path, renamed over it). Text is
 * written as text, never as a formula.
 */
gboolean
nb_review_set_write_xlsx (NbReviewSet  *self,
                          const char   *path,
                          GError      **error)
{
  g_autoptr(GPtrArray) rules = set_rules (self);
  NbWorkbook book = { g_ptr_array_new (), g_string_chunk_new (4096), "审核汇总", "Nianbao" };
  NbSheet sheet = { "汇总", g_array_new (FALSE, TRUE, sizeof (NbSheetCell)), g_array_new (FALSE, TRUE, sizeof (double)),
                    g_array_new (FALSE, TRUE, sizeof (double)), 1, 0 };
  guint col = 0;
  gboolean ok;

  g_ptr_array_add (book.sheets, &sheet);
  for (guint i = 0; i < G_N_ELEMENTS (summary_head); i++)
    put_cell (&book, &sheet, 0, col++, NB_SHEET_HEADER, summary_head[i], FALSE, 0);
  for (guint f = 0; f < NB_N_FIGURES; f++)
    put_cell (&book, &sheet, 0, col++, NB_SHEET_HEADER, nb_figure_label (f), FALSE, 0);
  for (guint r = 0; r < rules->len; r++)
    put_cell (&book, &sheet, 0, col++, NB_SHEET_HEADER, g_ptr_array_index (rules, r), FALSE, 0);
  sheet.filter_cols = col;
  for (guint c = 0; c < col; c++)
    set_width (&sheet, c, c < 2 ? 30 : c == 5 ? 40 : 11);

  for (guint i = 0; i < nb_review_set_get_n_items (self); i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self, i);
      NbDigest *d = item_digest (item);
      GHashTable *counts = nb_review_item_get_rule_counts (item);
      guint row = i + 1;
      g_autofree char *note_column = dup_note_column (item);

      col = 0;
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT, nb_review_item_get_path (item), FALSE, 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT, d ? d->agency : NULL, FALSE, 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_VALUE, NULL, d && d->year, d ? d->year : 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT, d ? nb_edition_to_string (d->edition) : NULL, FALSE, 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT,
                nb_review_status_label (nb_review_item_get_status (item), FALSE), FALSE, 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT, note_column, FALSE, 0);
      put_cell (&book, &sheet, row, col++, NB_SHEET_TEXT, nb_review_item_get_previous_hash (item) ? "是" : NULL,
                FALSE, 0);
      for (int s = NB_SEVERITY_ERROR; s >= NB_SEVERITY_INFO; s--)
        put_cell (&book, &sheet, row, col++, NB_SHEET_VALUE, NULL, TRUE, nb_review_item_count (item, s));
      for (guint f = 0; f < NB_N_FIGURES; f++)
        put_cell (&book, &sheet, row, col++, NB_SHEET_VALUE, NULL, d && d->has_figure[f], d ? d->figures[f] : 0);
      for (guint r = 0; r < rules->len; r++)
        put_cell (&book, &sheet, row, col++, NB_SHEET_VALUE, NULL, TRUE,
                  GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (rules, r))));
    }

  ok = nb_export_write_workbook (&book, path, error);
  g_ptr_array_unref (book.sheets);
  g_string_chunk_free (book.strings);
  g_array_unref (sheet.cells);
  g_array_unref (sheet.widths);
  g_array_unref (sheet.heights);
  return ok;
}

/* ---- the review sheet ------------------------------------------------------ */

static void
sheet_findings (GString    *out,
                NbReport   *report,
                NbEdition   edition,
                GListModel *findings,
                NbSeverity  severity)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      guint n_cells;
      const guint *cells = nb_finding_get_cells (f, &n_cells);

      if (nb_finding_get_severity (f) != severity)
        continue;
      g_string_append_printf (out, "  [%s] %s\n", severity == NB_SEVERITY_ERROR ? "错误" : "警告",
                              nb_finding_get_message (f, "zh_CN"));
      for (guint c = 0; c < n_cells; c++)
        {
          g_autofree char *label = nb_schema_describe_cell (edition, cells[c], FALSE);
          g_autofree char *value = report ? nb_report_format_value (report, cells[c]) : NULL;

          g_string_append_printf (out, "      %s%s%s\n", label, value ? "：" : "", value ? value : "");
        }
    }
}

/**
 * nb_review_set_to_sheet:
 * @item: (nullable): one report, or %NULL for every report of the set
 *
 * The review sheet that goes back to an office, as plain text in Chinese: for
 * each report its status, note, and findings with the cells they concern.
 *
 * Returns: (transfer full): the sheet; pages are separated by form feeds
 */
char *
nb_review_set_to_sheet (NbReviewSet  *self,
                        NbReviewItem *item)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nb_review_set_get_n_items (self); i++)
    {
      NbReviewItem *it = nb_review_set_get_item (self, i);
      NbDigest *d = item_digest (it);
      NbReport *report = nb_review_item_get_report (it);

      if (item && it != item)
        continue;
      if (out->len)
        g_string_append_c (out, '\f');
      g_string_append_printf (out, "政府信息公开工作年度报告审核意见\n\n");
      g_string_append_printf (out, "文件：%s\n", nb_review_item_get_display_name (it));
      g_string_append_printf (out, "机关：%s\n", d && d->agency ? d->agency : "未写明");
      if (d && d->year)
        g_string_append_printf (out, "年度：%d\n", d->year);
      g_string_append_printf (out, "状态：%s\n", nb_review_status_label (nb_review_item_get_status (it), FALSE));
      if (nb_review_item_get_previous_hash (it))
        g_string_append (out, "（审核后文件已改动）\n");
      g_string_append_printf (out, "备注：%s\n\n", *nb_review_item_get_note (it) ? nb_review_item_get_note (it) : "无");
      if (nb_review_item_get_error (it))
        {
          g_string_append_printf (out, "无法读取：%s\n", nb_review_item_get_error (it)->message);
          continue;
        }
      g_string_append_printf (out, "发现问题：%u 个错误，%u 个警告\n", nb_review_item_count (it, NB_SEVERITY_ERROR),
                              nb_review_item_count (it, NB_SEVERITY_WARNING));
      /* errors, then warnings; the notes (提示) are the reviewer's, not the office's */
      for (NbSeverity sev = NB_SEVERITY_ERROR; sev >= NB_SEVERITY_WARNING; sev--)
        {
          if (report)
            sheet_findings (out, report, d->edition, nb_report_get_findings (report), sev);
          if (d)
            sheet_findings (out, report, d->edition, nb_review_item_get_set_findings (it), sev);
        }
    }
  return g_string_free (out, FALSE);
}
