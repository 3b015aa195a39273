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

/* The JSON is written directly: a report's document is small but the
 * command line writes thousands of them, and a tree of JsonNodes costs more
 * than the parsing. nb_report_to_json_node() reads the same text back. */

/* g_string_append_len() without the call when the string has room (most appends) */
static inline void
put_len (GString    *out,
         const char *s,
         gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

#define put_literal(out, s) put_len ((out), "" s, sizeof (s) - 1)

/* Bytes that end a run of plain characters in a JSON string: controls (NUL ends the
 * string), the quote and the backslash */
static const guint8 json_special[256] = {
  [0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  [0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1, ['\\'] = 1,
};

static void
json_string (GString    *out,
             const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      const guchar *run = p;

      /* copy runs that need no escaping in one go */
      while (!json_special[*p])
        p++;
      if (p > run)
        put_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"': put_literal (out, "\\\""); break;
        case '\\': put_literal (out, "\\\\"); break;
        case '\n': put_literal (out, "\\n"); break;
        case '\r': put_literal (out, "\\r"); break;
        case '\t': put_literal (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* A whole number in decimal; returns where it starts in buf (written from the end) */
static char *
format_integer (char    *buf_end,
                gint64   n)
{
  char *p = buf_end;
  gboolean neg = n < 0;
  guint64 u = neg ? -(guint64) n : (guint64) n;

  *--p = '\0';
  do
    *--p = '0' + u % 10;
  while ((u /= 10) > 0);
  if (neg)
    *--p = '-';
  return p;
}

static void
json_integer (GString *out,
              gint64   n)
{
  char buf[32];
  char *p = format_integer (buf + sizeof buf, n);

  put_len (out, p, buf + sizeof buf - 1 - p);
}

static void
json_number (GString *out,
             double   v)
{
  if (v == floor (v) && fabs (v) < 1e15)
    json_integer (out, (gint64) v);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", v));
    }
}

static void
json_value (GString  *out,
            NbReport *self,
            guint     cell)
{
  const NbCellDef *def = nb_schema_get_cell (self->edition, cell);
  NbCell *c = &self->cells[cell];

  if (def->kind == NB_CELL_UNIT)
    {
      if (self->procurement_unit)
        json_string (out, self->procurement_unit);
      else
        put_literal (out, "null");
    }
  else if (!c->has_value)
    put_literal (out, "null");
  else
    json_number (out, c->value);
}

static void
json_span (GString *out,
           NbSpan   span)
{
  if (!nb_span_is_set (span))
    put_literal (out, "null");
  else
    {
      g_string_append_c (out, '[');
      json_integer (out, span.start);
      g_string_append_c (out, ',');
      json_integer (out, span.end);
      g_string_append_c (out, ']');
    }
}

static void
json_key (GString    *out,
          const char *key)
{
  json_string (out, key);
  g_string_append_c (out, ':');
}

/* A key written in the code: nothing in it to escape */
#define json_key_literal(out, key) put_literal ((out), "\"" key "\":")

static char *
report_to_json (NbReport   *self,
                const char *filename,
                gsize      *length)
{
  GString *out = g_string_sized_new (32768);
  NbEdition ed = self->edition;
  guint n_items, n_rows, n_findings;
  GListModel *findings = G_LIST_MODEL (self->findings);

  g_string_append_c (out, '{');
  json_key_literal (out, "file");
  json_string (out, filename ? filename : self->filename ? self->filename : "");
  g_string_append_c (out, ',');
  json_key_literal (out, "encoding");
  json_string (out, self->text->encoding);
  g_string_append_c (out, ',');
  json_key_literal (out, "template");
  json_string (out, nb_edition_to_string (ed));
  g_string_append_c (out, ',');
  json_key_literal (out, "agency");
  if (self->agency)
    json_string (out, self->agency);
  else
    put_literal (out, "null");
  g_string_append_c (out, ',');
  json_key_literal (out, "year");
  if (self->year)
    json_number (out, self->year);
  else
    put_literal (out, "null");

  g_string_append_c (out, ',');
  json_key_literal (out, "active");
  g_string_append_c (out, '{');
  n_items = nb_schema_get_n_active_items (ed);
  for (guint item = 0; item < n_items; item++)
    {
      int first = nb_schema_active_cell (ed, item, 0);
      const NbCellDef *def = nb_schema_get_cell (ed, first);

      if (item)
        g_string_append_c (out, ',');
      json_key (out, def->item);
      if (def->field == NULL)
        {
          json_value (out, self, first);
          continue;
        }
      g_string_append_c (out, '{');
      for (int cell = first; cell < (int) self->n_cells; cell++)
        {
          const NbCellDef *d = nb_schema_get_cell (ed, cell);

          if (d->table != NB_TABLE_ACTIVE || d->row != item)
            break;
          if (cell != first)
            g_string_append_c (out, ',');
          json_key (out, d->field);
          json_value (out, self, cell);
        }
      g_string_append_c (out, '}');
    }
  put_literal (out, "},");

  json_key_literal (out, "requests");
  g_string_append_c (out, '{');
  json_key_literal (out, "columns");
  g_string_append_c (out, '[');
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      if (c)
        g_string_append_c (out, ',');
      json_string (out, nb_schema_get_request_column_id (c));
    }
  put_literal (out, "],");
  json_key_literal (out, "rows");
  g_string_append_c (out, '{');
  n_rows = nb_schema_get_n_request_rows (ed);
  for (guint r = 0; r < n_rows; r++)
    {
      if (r)
        g_string_append_c (out, ',');
      json_key (out, nb_schema_get_request_row_id (ed, r));
      g_string_append_c (out, '[');
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        {
          if (c)
            g_string_append_c (out, ',');
          json_value (out, self, nb_schema_request_cell (ed, r, c));
        }
      g_string_append_c (out, ']');
    }
  put_literal (out, "}},");

  json_key_literal (out, "appeals");
  g_string_append_c (out, '{');
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      if (g)
        g_string_append_c (out, ',');
      json_key (out, nb_schema_get_appeal_group_id (g));
      g_string_append_c (out, '{');
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        {
          if (f)
            g_string_append_c (out, ',');
          json_key (out, nb_schema_get_appeal_field_id (f));
          json_value (out, self, nb_schema_appeal_cell (ed, g, f));
        }
      g_string_append_c (out, '}');
    }
  put_literal (out, "},");

  json_key_literal (out, "cells");
  g_string_append_c (out, '{');
  {
    gboolean first = TRUE;

    for (guint i = 0; i < self->n_cells; i++)
      {
        const NbCellDef *def = nb_schema_get_cell (ed, i);
        NbCell *c = &self->cells[i];

        if (def->kind == NB_CELL_UNIT)
          continue;
        if (!first)
          g_string_append_c (out, ',');
        first = FALSE;
        json_key (out, def->id);
        g_string_append_c (out, '{');
        json_key_literal (out, "span");
        if (c->corrected)
          {
            /* a corrected value no longer stands in the text: no span */
            put_literal (out, "null,");
            json_key_literal (out, "origin");
            json_string (out, c->has_value ? "inferred" : "missing");
            g_string_append_c (out, ',');
            json_key_literal (out, "corrected");
            put_literal (out, "true,");
            json_key_literal (out, "original");
            if (c->orig_has_value)
              json_number (out, c->orig_value);
            else
              put_literal (out, "null");
            g_string_append_c (out, ',');
            json_key_literal (out, "original_origin");
            json_string (out, nb_origin_to_string (c->origin));
            g_string_append_c (out, ',');
            json_key_literal (out, "source_span");
            json_span (out, c->span);
          }
        else
          {
            json_span (out, c->origin == NB_ORIGIN_SOURCE ? c->span : NB_SPAN_NONE);
            g_string_append_c (out, ',');
            json_key_literal (out, "origin");
            json_string (out, nb_origin_to_string (c->origin));
            if (c->accepted)
              {
                g_string_append_c (out, ',');
                json_key_literal (out, "accepted");
                put_literal (out, "true");
              }
          }
        g_string_append_c (out, '}');
      }
  }
  put_literal (out, "},");

  json_key_literal (out, "findings");
  g_string_append_c (out, '[');
  n_findings = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n_findings; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      guint n_cells, n_spans;
      const guint *cells = nb_finding_get_cells (f, &n_cells);
      const NbSpan *spans = nb_finding_get_spans (f, &n_spans);

      if (i)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      json_key_literal (out, "rule");
      json_string (out, nb_finding_get_rule (f));
      g_string_append_c (out, ',');
      json_key_literal (out, "severity");
      json_string (out, nb_severity_to_string (nb_finding_get_severity (f)));
      g_string_append_c (out, ',');
      json_key_literal (out, "cells");
      g_string_append_c (out, '[');
      for (guint k = 0; k < n_cells; k++)
        {
          if (k)
            g_string_append_c (out, ',');
          json_string (out, nb_schema_get_cell (ed, cells[k])->id);
        }
      put_literal (out, "],");
      json_key_literal (out, "spans");
      g_string_append_c (out, '[');
      for (guint k = 0; k < n_spans; k++)
        {
          if (k)
            g_string_append_c (out, ',');
          json_span (out, spans[k]);
        }
      put_literal (out, "],");
      json_key_literal (out, "message");
      g_string_append_c (out, '{');
      json_key_literal (out, "zh_CN");
      json_string (out, nb_finding_get_message (f, "zh_CN"));
      g_string_append_c (out, ',');
      json_key_literal (out, "en");
      json_string (out, nb_finding_get_message (f, "en"));
      put_literal (out, "}}");
    }
  put_literal (out, "]}");

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * nb_report_to_json_node:
 *
 * Returns: (transfer full): the report as SCHEMA.md's JSON document
 */
JsonNode *
nb_report_to_json_node (NbReport *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  text = report_to_json (self, NULL, NULL);
  return json_from_string (text, NULL);
}

/**
 * nb_report_to_json:
 * @pretty: indent the document for people to read
 *
 * Returns: (transfer full): the report as SCHEMA.md's JSON document
 */
char *
nb_report_to_json (NbReport *self,
                   gboolean  pretty,
                   gsize    *length)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  if (pretty)
    {
      g_autoptr(JsonNode) root = nb_report_to_json_node (self);
      g_autoptr(JsonGenerator) gen = json_generator_new ();

      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      return json_generator_to_data (gen, length);
    }
  return report_to_json (self, NULL, length);
}

/**
 * nb_report_to_json_as:
 * @filename: the name to write in the document's "file" member
 *
 * Returns: (transfer full): one line of JSON
 */
char *
nb_report_to_json_as (NbReport   *self,
                      const char *filename,
                      gsize      *length)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return report_to_json (self, filename, length);
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
  put_literal (out, "\r\n");
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
