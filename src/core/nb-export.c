/* nb-export.c — JSON (SCHEMA.md) and CSV output, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-export.h"
#include "nb-report-private.h"

static void
add_value (JsonBuilder *b,
           NbReport    *self,
           guint        cell)
{
  const NbCellDef *def = nb_schema_get_cell (self->edition, cell);
  NbCell *c = &self->cells[cell];

  if (def->kind == NB_CELL_UNIT)
    {
      if (self->procurement_unit)
        json_builder_add_string_value (b, self->procurement_unit);
      else
        json_builder_add_null_value (b);
      return;
    }
  if (!c->has_value)
    json_builder_add_null_value (b);
  else if (def->kind == NB_CELL_AMOUNT && c->value != floor (c->value))
    json_builder_add_double_value (b, c->value);
  else
    json_builder_add_int_value (b, (gint64) c->value);
}

static void
add_span (JsonBuilder *b,
          NbSpan       span)
{
  if (!nb_span_is_set (span))
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  json_builder_add_int_value (b, span.start);
  json_builder_add_int_value (b, span.end);
  json_builder_end_array (b);
}

JsonNode *
nb_report_to_json_node (NbReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  NbEdition ed;
  guint n_items, n_rows;
  GListModel *findings;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  ed = self->edition;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, self->filename ? self->filename : "");
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, self->text->encoding);
  json_builder_set_member_name (b, "template");
  json_builder_add_string_value (b, nb_edition_to_string (ed));
  json_builder_set_member_name (b, "agency");
  if (self->agency)
    json_builder_add_string_value (b, self->agency);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "year");
  if (self->year)
    json_builder_add_int_value (b, self->year);
  else
    json_builder_add_null_value (b);

  /* active */
  json_builder_set_member_name (b, "active");
  json_builder_begin_object (b);
  n_items = nb_schema_get_n_active_items (ed);
  for (guint item = 0; item < n_items; item++)
    {
      int first = nb_schema_active_cell (ed, item, 0);
      const NbCellDef *def = nb_schema_get_cell (ed, first);

      json_builder_set_member_name (b, def->item);
      if (def->field == NULL)
        {
          add_value (b, self, first);
          continue;
        }
      json_builder_begin_object (b);
      for (int cell = first; cell < (int) self->n_cells; cell++)
        {
          const NbCellDef *d = nb_schema_get_cell (ed, cell);

          if (d->table != NB_TABLE_ACTIVE || d->row != item)
            break;
          json_builder_set_member_name (b, d->field);
          add_value (b, self, cell);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  /* requests */
  json_builder_set_member_name (b, "requests");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    json_builder_add_string_value (b, nb_schema_get_request_column_id (c));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_object (b);
  n_rows = nb_schema_get_n_request_rows (ed);
  for (guint r = 0; r < n_rows; r++)
    {
      json_builder_set_member_name (b, nb_schema_get_request_row_id (ed, r));
      json_builder_begin_array (b);
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        add_value (b, self, nb_schema_request_cell (ed, r, c));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  /* appeals */
  json_builder_set_member_name (b, "appeals");
  json_builder_begin_object (b);
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      json_builder_set_member_name (b, nb_schema_get_appeal_group_id (g));
      json_builder_begin_object (b);
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        {
          json_builder_set_member_name (b, nb_schema_get_appeal_field_id (f));
          add_value (b, self, nb_schema_appeal_cell (ed, g, f));
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  /* cells */
  json_builder_set_member_name (b, "cells");
  json_builder_begin_object (b);
  for (guint i = 0; i < self->n_cells; i++)
    {
      const NbCellDef *def = nb_schema_get_cell (ed, i);
      NbCell *c = &self->cells[i];

      if (def->kind == NB_CELL_UNIT)
        continue;
      json_builder_set_member_name (b, def->id);
      json_builder_begin_object (b);
      if (c->corrected)
        {
          /* a corrected value no longer stands in the text: no span */
          json_builder_set_member_name (b, "span");
          json_builder_add_null_value (b);
          json_builder_set_member_name (b, "origin");
          json_builder_add_string_value (b, c->has_value ? "inferred" : "missing");
          json_builder_set_member_name (b, "corrected");
          json_builder_add_boolean_value (b, TRUE);
          json_builder_set_member_name (b, "original");
          if (c->orig_has_value)
            json_builder_add_double_value (b, c->orig_value);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "original_origin");
          json_builder_add_string_value (b, nb_origin_to_string (c->origin));
          json_builder_set_member_name (b, "source_span");
          add_span (b, c->span);
        }
      else
        {
          json_builder_set_member_name (b, "span");
          add_span (b, c->origin == NB_ORIGIN_SOURCE ? c->span : NB_SPAN_NONE);
          json_builder_set_member_name (b, "origin");
          json_builder_add_string_value (b, nb_origin_to_string (c->origin));
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  /* findings */
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  findings = G_LIST_MODEL (self->findings);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
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
      for (guint k = 0; k < n_cells; k++)
        json_builder_add_string_value (b, nb_schema_get_cell (ed, cells[k])->id);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "spans");
      json_builder_begin_array (b);
      for (guint k = 0; k < n_spans; k++)
        add_span (b, spans[k]);
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

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
nb_report_to_json (NbReport *self,
                   gboolean  pretty,
                   gsize    *length)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  root = nb_report_to_json_node (self);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, length);
}

static void
csv_field (GString    *out,
           const char *s)
{
  gboolean quote = strpbrk (s, ",\"\n\r") != NULL;

  if (!quote)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_line (GString     *out,
          const char **fields,
          guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      csv_field (out, fields[i] ? fields[i] : "");
    }
  g_string_append (out, "\r\n");
}

/**
 * nb_report_to_csv:
 * @lang: (nullable): "zh_CN" or "en" for the header line; %NULL for Chinese
 *
 * One line per table row: section, row id, label, then the values (and,
 * for section 三, one column per applicant type). UTF-8 with a BOM so that
 * WPS and Excel read the Chinese; CRLF line ends.
 *
 * Returns: (transfer full): the CSV text
 */
char *
nb_report_to_csv (NbReport   *self,
                  const char *lang,
                  gsize      *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  gboolean en = lang && g_str_has_prefix (lang, "en");
  NbEdition ed;
  const char *header[3 + NB_N_REQUEST_COLUMNS];

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  ed = self->edition;

  header[0] = en ? "section" : "部分";
  header[1] = en ? "row" : "行";
  header[2] = en ? "label" : "项目";
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    header[3 + c] = en ? nb_schema_get_request_column_id (c) : nb_schema_get_request_column_label (c);
  csv_line (out, header, G_N_ELEMENTS (header));

  /* section 二: one line per item, its fields in order */
  for (guint item = 0; item < nb_schema_get_n_active_items (ed); item++)
    {
      const char *fields[3 + NB_N_REQUEST_COLUMNS] = { "active" };
      g_autoptr(GPtrArray) vals = g_ptr_array_new_with_free_func (g_free);
      guint n = 3;

      fields[1] = nb_schema_get_active_item_id (ed, item);
      fields[2] = nb_schema_get_active_item_label (ed, item);
      for (int cell = nb_schema_active_cell (ed, item, 0); cell < (int) self->n_cells; cell++)
        {
          const NbCellDef *d = nb_schema_get_cell (ed, cell);

          if (d->table != NB_TABLE_ACTIVE || d->row != item)
            break;
          g_ptr_array_add (vals, nb_report_format_value (self, cell));
          fields[n++] = g_ptr_array_index (vals, vals->len - 1);
        }
      csv_line (out, fields, n);
    }

  for (guint r = 0; r < nb_schema_get_n_request_rows (ed); r++)
    {
      const char *fields[3 + NB_N_REQUEST_COLUMNS] = { "requests" };
      g_autofree char *v[NB_N_REQUEST_COLUMNS] = { 0 };

      fields[1] = nb_schema_get_request_row_id (ed, r);
      fields[2] = nb_schema_get_request_row_label (ed, r);
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        fields[3 + c] = v[c] = nb_report_format_value (self, nb_schema_request_cell (ed, r, c));
      csv_line (out, fields, G_N_ELEMENTS (fields));
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        g_clear_pointer (&v[c], g_free);
    }

  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      const char *fields[3 + NB_N_APPEAL_FIELDS] = { "appeals" };
      char *v[NB_N_APPEAL_FIELDS];

      fields[1] = nb_schema_get_appeal_group_id (g);
      fields[2] = nb_schema_get_appeal_group_label (g);
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        fields[3 + f] = v[f] = nb_report_format_value (self, nb_schema_appeal_cell (ed, g, f));
      csv_line (out, fields, G_N_ELEMENTS (fields));
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        g_free (v[f]);
    }

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * nb_write_file_atomic:
 *
 * Writes to a temporary file beside @path, syncs it and renames it over
 * @path: a reader sees the old file or the new one, never half of one.
 */
gboolean
nb_write_file_atomic (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

gboolean
nb_report_export (NbReport        *self,
                  const char      *path,
                  NbExportFormat   format,
                  GError         **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  if (format == NB_EXPORT_JSON)
    data = nb_report_to_json (self, TRUE, &length);
  else
    data = nb_report_to_csv (self, NULL, &length);
  return nb_write_file_atomic (path, data, length, error);
}

/**
 * nb_report_suggest_filename:
 * @extension: "csv" or "json"
 *
 * Returns: (transfer full): a file name from the agency and year,
 *   e.g. "汝州市人民政府办公室-2021-核对.csv"
 */
char *
nb_report_suggest_filename (NbReport   *self,
                            const char *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  if (self->agency)
    g_string_append (name, self->agency);
  else if (self->filename)
    {
      g_autofree char *base = g_path_get_basename (self->filename);
      char *dot = strrchr (base, '.');

      if (dot)
        *dot = '\0';
      g_string_append (name, base);
    }
  else
    g_string_append (name, "report");
  if (self->year)
    g_string_append_printf (name, "-%d", self->year);
  g_string_append_printf (name, ".%s", extension);
  g_strdelimit (name->str, "/\\:*?\"<>|", '_');
  return g_string_free (g_steal_pointer (&name), FALSE);
}
