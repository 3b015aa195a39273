/* nb-export.c — JSON (SCHEMA.md) and CSV output, written atomically (XLSX: nb-export-xlsx.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-export.h"
#include "nb-export-private.h"
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

/**
 * nb_export_format_number:
 *
 * Writes @value as every export writes it (JSON, CSV, the XLSX's notes): a whole number
 * without a point, others with up to 15 significant digits, a point whatever the locale.
 */
void
nb_export_format_number (double  value,
                         char   *buf,
                         gsize   size)
{
  if (value == floor (value) && fabs (value) < 1e15)
    {
      char digits[32];
      const char *p = format_integer (digits + sizeof digits, (gint64) value);

      g_strlcpy (buf, p, size);
    }
  else
    g_ascii_formatd (buf, size, "%.15g", value);
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

      nb_export_format_number (v, buf, sizeof buf);
      g_string_append (out, buf);
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

/* "file" … "year": where the report comes from and what it is */
static void
json_header (GString    *out,
             NbReport   *self,
             const char *filename)
{
  json_key_literal (out, "file");
  json_string (out, filename ? filename : self->filename ? self->filename : "");
  g_string_append_c (out, ',');
  json_key_literal (out, "encoding");
  json_string (out, self->text->encoding);
  g_string_append_c (out, ',');
  json_key_literal (out, "template");
  json_string (out, nb_edition_to_string (self->edition));
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
}

/* One item of the active-disclosure table: a value, or an object of its fields */
static void
json_active_item (GString  *out,
                  NbReport *self,
                  guint     item)
{
  NbEdition ed = self->edition;
  int first = nb_schema_active_cell (ed, item, 0);
  const NbCellDef *def = nb_schema_get_cell (ed, first);

  json_key (out, def->item);
  if (def->field == NULL)
    {
      json_value (out, self, first);
      return;
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

static void
json_active (GString  *out,
             NbReport *self)
{
  guint n_items = nb_schema_get_n_active_items (self->edition);

  json_key_literal (out, "active");
  g_string_append_c (out, '{');
  for (guint item = 0; item < n_items; item++)
    {
      if (item)
        g_string_append_c (out, ',');
      json_active_item (out, self, item);
    }
  put_literal (out, "},");
}

static void
json_requests (GString  *out,
               NbReport *self)
{
  NbEdition ed = self->edition;
  guint n_rows = nb_schema_get_n_request_rows (ed);

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
}

static void
json_appeals (GString  *out,
              NbReport *self)
{
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
          json_value (out, self, nb_schema_appeal_cell (self->edition, g, f));
        }
      g_string_append_c (out, '}');
    }
  put_literal (out, "},");
}

/* Where one cell's value comes from: its span and origin, and what a correction replaced */
static void
json_cell_origin (GString      *out,
                  const NbCell *c)
{
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

static void
json_cells (GString  *out,
            NbReport *self)
{
  gboolean first = TRUE;

  json_key_literal (out, "cells");
  g_string_append_c (out, '{');
  for (guint i = 0; i < self->n_cells; i++)
    {
      const NbCellDef *def = nb_schema_get_cell (self->edition, i);

      if (def->kind == NB_CELL_UNIT)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      json_key (out, def->id);
      json_cell_origin (out, &self->cells[i]);
    }
  put_literal (out, "},");
}

static void
json_finding (GString   *out,
              NbEdition  ed,
              NbFinding *f)
{
  guint n_cells, n_spans;
  const guint *cells = nb_finding_get_cells (f, &n_cells);
  const NbSpan *spans = nb_finding_get_spans (f, &n_spans);

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

static void
json_findings (GString  *out,
               NbReport *self)
{
  GListModel *findings = G_LIST_MODEL (self->findings);
  guint n_findings = g_list_model_get_n_items (findings);

  json_key_literal (out, "findings");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_findings; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (i)
        g_string_append_c (out, ',');
      json_finding (out, self->edition, f);
    }
  put_literal (out, "]}");
}

static char *
report_to_json (NbReport   *self,
                const char *filename,
                gsize      *length)
{
  GString *out = g_string_sized_new (32768);

  g_string_append_c (out, '{');
  json_header (out, self, filename);
  g_string_append_c (out, ',');
  json_active (out, self);
  json_requests (out, self);
  json_appeals (out, self);
  json_cells (out, self);
  json_findings (out, self);

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

/* CSV ---------------------------------------------------------------------------------- */

/* A text field. One a spreadsheet would run as a formula (=HYPERLINK(…) as an agency's
 * name) gets a leading apostrophe, which spreadsheets show as text. */
static void
csv_text (GString    *out,
          const char *s)
{
  gboolean risky = nb_export_text_is_risky (s);

  if (!risky && strpbrk (s, ",\"\n\r") == NULL)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  if (risky)
    g_string_append_c (out, '\'');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The same for other CSV writers (a review set's summary) */
void
nb_export_csv_text (GString    *out,
                    const char *text)
{
  csv_text (out, text ? text : "");
}

static void
csv_rows (GString   *out,
          GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);

      for (guint k = 0; fields[k]; k++)
        {
          if (k)
            g_string_append_c (out, ',');
          csv_text (out, fields[k]);
        }
      put_literal (out, "\r\n");
    }
}

static void
csv_heading (GString    *out,
             const char *heading,
             gboolean    first)
{
  if (!first)
    put_literal (out, "\r\n");
  csv_text (out, heading);
  put_literal (out, "\r\n");
}

/* A table as the template prints it: each label or value in the first row and column of
 * the cells it spans, the others empty. Columns where nothing begins are left out, so
 * that 二's labels, merged over three columns, take one. */
static void
csv_table (GString             *out,
           NbReport            *report,
           const NbExportTable *table)
{
  g_autofree int *column = g_new (int, table->n_cols);
  g_autofree char **grid = NULL;
  g_autofree gboolean *numeric = NULL;
  guint n_cols = 0;

  for (guint c = 0; c < table->n_cols; c++)
    column[c] = -1;
  for (guint i = 0; i < table->items->len; i++)
    column[g_array_index (table->items, NbExportItem, i).col] = 0;
  for (guint c = 0; c < table->n_cols; c++)
    if (column[c] == 0)
      column[c] = n_cols++;

  grid = g_new0 (char *, table->n_rows * n_cols);
  numeric = g_new0 (gboolean, table->n_rows * n_cols);
  for (guint i = 0; i < table->items->len; i++)
    {
      const NbExportItem *item = &g_array_index (table->items, NbExportItem, i);
      guint at = item->row * n_cols + column[item->col];

      if (item->kind != NB_EXPORT_VALUE)
        grid[at] = g_strdup (item->text);
      else
        {
          grid[at] = nb_export_format_cell (report, item->cell);
          numeric[at] = nb_schema_get_cell (nb_report_get_edition (report), item->cell)->kind != NB_CELL_UNIT;
        }
    }

  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < n_cols; c++)
        {
          guint at = r * n_cols + c;

          if (c)
            g_string_append_c (out, ',');
          if (numeric[at])
            g_string_append (out, grid[at]);
          else
            csv_text (out, grid[at] ? grid[at] : "");
          g_free (grid[at]);
        }
      put_literal (out, "\r\n");
    }
}

/**
 * nb_report_to_csv:
 * @lang: (nullable): the language of the findings' messages, "zh_CN" (%NULL) or "en"
 *
 * The report as blocks, each under its heading and separated by an empty line: 报告信息
 * (agency, year, template, file); the tables 二, 三 and 四 with their header rows as the
 * template prints them; 审校发现 (the findings); 更正记录 (each corrected cell, its value
 * before and after). UTF-8 with a BOM, so that WPS and Excel read the Chinese; CRLF line
 * ends; text that a spreadsheet would run as a formula begins with an apostrophe.
 *
 * Returns: (transfer full): the CSV text
 */
char *
nb_report_to_csv (NbReport   *self,
                  const char *lang,
                  gsize      *length)
{
  GString *out;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) corrections = NULL;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  facts = nb_export_facts_new (self);
  csv_heading (out, nb_export_facts_heading, TRUE);
  csv_rows (out, facts);

  tables = nb_export_layout_new (self->edition);
  for (guint i = 0; i < tables->len; i++)
    {
      const NbExportTable *table = g_ptr_array_index (tables, i);

      csv_heading (out, table->heading, FALSE);
      csv_table (out, self, table);
    }

  findings = nb_export_findings_new (self, lang);
  csv_heading (out, nb_export_findings_heading, FALSE);
  csv_rows (out, findings);

  corrections = nb_export_corrections_new (self);
  csv_heading (out, nb_export_corrections_heading, FALSE);
  csv_rows (out, corrections);

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* GLib's message names the temporary file ("x.xlsx.TCDGZ3"), which the user
 * never asked for and which is gone: name @path instead. */
static void
name_target (GError     *error,
             const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *temp = g_strconcat (display, ".", NULL);
  const char *at = strstr (error->message, temp);
  const char *after;
  GString *message;

  if (at == NULL)
    return;
  /* the temporary file is the target's name and six characters from "XXXXXX" */
  after = at + strlen (temp);
  for (guint i = 0; i < 6; i++, after++)
    if (!g_ascii_isalnum (*after))
      return;
  message = g_string_new_len (error->message, at - error->message);
  g_string_append (message, display);
  g_string_append (message, after);
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
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
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      name_target (local_error, path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
nb_report_export (NbReport        *self,
                  const char      *path,
                  NbExportFormat   format,
                  GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  switch (format)
    {
    case NB_EXPORT_JSON:
      data = nb_report_to_json (self, TRUE, &length);
      break;
    case NB_EXPORT_CSV:
      data = nb_report_to_csv (self, NULL, &length);
      break;
    case NB_EXPORT_XLSX:
      /* made whole in memory first: a failure leaves the file as it was */
      if ((bytes = nb_report_to_xlsx (self, error)) == NULL)
        return FALSE;
      return nb_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
    default:
      g_return_val_if_reached (FALSE);
    }
  return nb_write_file_atomic (path, data, length, error);
}

/**
 * nb_report_suggest_filename:
 * @extension: "csv", "xlsx" or "json"
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
