/* nb-export-xlsx.c — a report as a spreadsheet: the template's tables on one sheet, the
 * findings and the corrections on two more
 *
 * This file builds the workbook as data (nb-sheet.h); the writer module
 * nianbao-writer-xlsx (nb-sheet-xlsx.c, libxlsxwriter) writes it, loaded the first time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "nb-error.h"
#include "nb-export.h"
#include "nb-export-private.h"
#include "nb-finding.h"
#include "nb-sheet.h"

#define ROW_HEIGHT 15.0  /* points: one line of text */

/* Column widths of the tables' sheet, in characters: the three label columns, then the
 * values (section 四 has fifteen) */
static const double label_widths[NB_EXPORT_LABEL_COLS] = { 5, 16, 42 };
#define VALUE_WIDTH 13.0
#define N_COLUMNS (NB_EXPORT_LABEL_COLS + NB_N_APPEAL_GROUPS * NB_N_APPEAL_FIELDS)

typedef struct
{
  NbWorkbook *book;
  NbSheet    *sheet;
} Builder;

static void
sheet_free (gpointer data)
{
  NbSheet *sheet = data;

  g_array_unref (sheet->cells);
  g_array_unref (sheet->widths);
  g_array_unref (sheet->heights);
  g_free (sheet);
}

static void
workbook_free (NbWorkbook *book)
{
  g_ptr_array_unref (book->sheets);
  g_string_chunk_free (book->strings);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbWorkbook, workbook_free)

static NbSheet *
add_sheet (NbWorkbook *book,
           const char *name)
{
  NbSheet *sheet = g_new0 (NbSheet, 1);

  sheet->name = g_string_chunk_insert_const (book->strings, name);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (NbSheetCell));
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));
  sheet->heights = g_array_new (FALSE, TRUE, sizeof (double));
  g_ptr_array_add (book->sheets, sheet);
  return sheet;
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

static double
column_width (NbSheet *sheet,
              guint    col)
{
  return col < sheet->widths->len ? g_array_index (sheet->widths, double, col) : 8.43;
}

/* How wide @text is in a column's characters: a Chinese character takes two */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* Makes the rows under a wrapped text tall enough to show it all: a spreadsheet does not
 * grow rows for merged cells by itself */
static void
fit_rows (NbSheet           *sheet,
          const NbSheetCell *cell)
{
  double width = 0, lines, per_row;

  if (cell->text == NULL || cell->style == NB_SHEET_TITLE || cell->style == NB_SHEET_HEADING)
    return;
  if (cell->style == NB_SHEET_VERTICAL)
    lines = g_utf8_strlen (cell->text, -1);
  else
    {
      for (guint c = cell->col; c < cell->col + cell->cols; c++)
        width += column_width (sheet, c);
      lines = 0;
      /* each line of the text wraps on its own */
      for (const char *p = cell->text; p != NULL;)
        {
          const char *end = strchr (p, '\n');
          g_autofree char *line = end ? g_strndup (p, end - p) : g_strdup (p);

          lines += MAX (1, (guint) ((text_width (line) + width - 2) / MAX (width - 1, 1)));
          p = end ? end + 1 : NULL;
        }
    }
  per_row = lines * ROW_HEIGHT / cell->rows;
  if (per_row <= ROW_HEIGHT)
    return;
  if (sheet->heights->len < cell->row + cell->rows)
    g_array_set_size (sheet->heights, cell->row + cell->rows);
  for (guint r = cell->row; r < cell->row + cell->rows; r++)
    g_array_index (sheet->heights, double, r) = MAX (g_array_index (sheet->heights, double, r), per_row);
}

static NbSheetCell *
put (Builder      *b,
     NbSheetStyle  style,
     const char   *text,
     guint         row,
     guint         col,
     guint         rows,
     guint         cols)
{
  NbSheetCell cell = {
    .row = row, .col = col, .rows = rows, .cols = cols, .style = style,
    .text = text ? g_string_chunk_insert (b->book->strings, text) : NULL,
  };

  g_array_append_val (b->sheet->cells, cell);
  fit_rows (b->sheet, &cell);
  return &g_array_index (b->sheet->cells, NbSheetCell, b->sheet->cells->len - 1);
}

/* Rows of text (GStrv), the first a header */
static void
put_rows (Builder   *b,
          GPtrArray *rows,
          guint      first_row)
{
  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      for (guint c = 0; fields[c]; c++)
        put (b, r == 0 ? NB_SHEET_HEADER : NB_SHEET_TEXT, fields[c], first_row + r, c, 1, 1);
    }
}

static char *
cell_ref (guint row,
          guint col)
{
  char name[8];
  guint n = sizeof name - 1;

  name[n] = '\0';
  for (col++; col > 0 && n > 0; col /= 26)
    {
      col--;
      name[--n] = 'A' + col % 26;
    }
  return g_strdup_printf ("%s%u", name + n, row + 1);
}

static void
put_value (Builder            *b,
           NbReport           *report,
           const NbExportItem *item,
           guint               row)
{
  NbEdition edition = nb_report_get_edition (report);
  g_autofree char *note = nb_export_correction_note (report, item->cell);
  NbSheetCell *cell;
  double value;

  if (nb_schema_get_cell (edition, item->cell)->kind == NB_CELL_UNIT)
    cell = put (b, NB_SHEET_VALUE, nb_report_get_unit (report, item->cell), row, item->col, item->rows, item->cols);
  else
    {
      cell = put (b, NB_SHEET_VALUE, NULL, row, item->col, item->rows, item->cols);
      if (nb_report_get_value (report, item->cell, &value))
        {
          cell->number = value;
          cell->has_number = TRUE;
        }
    }
  if (note != NULL)
    {
      cell->flags |= NB_SHEET_FILLED;
      cell->comment = g_string_chunk_insert (b->book->strings, note);
    }
  else if (nb_report_get_origin (report, item->cell) == NB_ORIGIN_INFERRED)
    cell->flags |= NB_SHEET_ITALIC;
}

/* The tables' sheet: title, facts, a key to the marks, then 二, 三 and 四 as the template
 * prints them. Writes where each of the report's cells went into @refs. */
static void
build_tables (Builder   *b,
              NbReport  *report,
              char     **refs)
{
  g_autoptr(GPtrArray) facts = nb_export_facts_new (report);
  g_autoptr(GPtrArray) tables = nb_export_layout_new (nb_report_get_edition (report));
  g_autofree char *title = NULL;
  const char *agency = nb_report_get_agency (report);
  guint row = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    set_width (b->sheet, c, c < NB_EXPORT_LABEL_COLS ? label_widths[c] : VALUE_WIDTH);

  if (nb_report_get_year (report))
    title = g_strdup_printf ("%s%d年政府信息公开工作年度报告", agency ? agency : "", nb_report_get_year (report));
  else
    title = g_strdup_printf ("%s政府信息公开工作年度报告", agency ? agency : "");
  put (b, NB_SHEET_TITLE, title, row++, 0, 1, N_COLUMNS);
  for (guint i = 0; i < facts->len; i++, row++)
    {
      char **fact = g_ptr_array_index (facts, i);

      put (b, NB_SHEET_KEY, fact[0], row, 0, 1, 2);
      put (b, NB_SHEET_TEXT, fact[1], row, 2, 1, 8);
    }
  put (b, NB_SHEET_TEXT, "说明：斜体的值在报告中空缺，按表格的勾稽关系推算得出；填色的值在审校时更正过，"
                         "批注中是更正前的值；空白的单元格在报告中空缺，也无法推算。"
                         "各项审校发现见“审校发现”工作表，更正见“更正记录”工作表。",
       row++, 0, 1, 10);

  for (guint t = 0; t < tables->len; t++)
    {
      const NbExportTable *table = g_ptr_array_index (tables, t);
      guint top;

      row++;
      put (b, NB_SHEET_HEADING, table->heading, row++, 0, 1, 10);
      top = row;
      for (guint i = 0; i < table->items->len; i++)
        {
          const NbExportItem *item = &g_array_index (table->items, NbExportItem, i);
          static const NbSheetStyle styles[] = {
            [NB_EXPORT_HEADER] = NB_SHEET_HEADER,
            [NB_EXPORT_GROUP] = NB_SHEET_GROUP,
            [NB_EXPORT_LABEL] = NB_SHEET_LABEL,
            [NB_EXPORT_VERTICAL] = NB_SHEET_VERTICAL,
          };

          if (item->kind == NB_EXPORT_VALUE)
            {
              put_value (b, report, item, top + item->row);
              refs[item->cell] = cell_ref (top + item->row, item->col);
            }
          else
            put (b, styles[item->kind], item->text, top + item->row, item->col, item->rows, item->cols);
        }
      row = top + table->n_rows;
    }
}

static void
build_findings (Builder    *b,
                NbReport   *report,
                char      **refs)
{
  g_autoptr(GPtrArray) rows = nb_export_findings_new (report, "zh_CN");
  GListModel *findings = nb_report_get_findings (report);
  static const double widths[] = { 22, 9, 70, 44, 40, 14 };

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    set_width (b->sheet, c, widths[c]);
  put_rows (b, rows, 0);
  put (b, NB_SHEET_HEADER, "表中位置", 0, G_N_ELEMENTS (widths) - 1, 1, 1);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      g_autoptr(GString) where = g_string_new (NULL);
      guint n_cells;
      const guint *cells = nb_finding_get_cells (f, &n_cells);

      for (guint k = 0; k < n_cells; k++)
        if (refs[cells[k]] != NULL)
          g_string_append_printf (where, "%s%s", where->len ? " " : "", refs[cells[k]]);
      put (b, NB_SHEET_TEXT, where->str, i + 1, G_N_ELEMENTS (widths) - 1, 1, 1);
    }
  b->sheet->freeze_rows = 1;
  b->sheet->filter_cols = G_N_ELEMENTS (widths);
}

static void
build_corrections (Builder  *b,
                   NbReport *report)
{
  g_autoptr(GPtrArray) rows = nb_export_corrections_new (report);
  static const double widths[] = { 44, 40, 10, 16, 10 };

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    set_width (b->sheet, c, widths[c]);
  put_rows (b, rows, 0);
  b->sheet->freeze_rows = 1;
}

G_GNUC_UNUSED static NbWorkbook *
build_workbook (NbReport *report)
{
  NbWorkbook *book = g_new0 (NbWorkbook, 1);
  Builder b = { book, NULL };
  guint n_cells = nb_report_get_n_cells (report);
  char **refs = g_new0 (char *, n_cells + 1);

  book->sheets = g_ptr_array_new_with_free_func (sheet_free);
  book->strings = g_string_chunk_new (4096);
  book->title = "政府信息公开工作年度报告 表格";
  book->author = "年报审校";

  b.sheet = add_sheet (book, "表格");
  build_tables (&b, report, refs);
  b.sheet = add_sheet (book, nb_export_findings_heading);
  build_findings (&b, report, refs);
  b.sheet = add_sheet (book, nb_export_corrections_heading);
  build_corrections (&b, report);

  for (guint i = 0; i < n_cells; i++)
    g_free (refs[i]);
  g_free (refs);
  return book;
}

/* The writer module ---------------------------------------------------------------------- */

#ifdef HAVE_XLSX
/* Whether this program runs from the build tree: then it loads the module built there */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = realpath (NB_BUILD_ROOT, NULL);

  return exe == NULL || (root != NULL && g_str_has_prefix (exe, root) && exe[strlen (root)] == '/');
}

static NbSheetWriteFunc
load_writer (GError **error)
{
  static GMutex lock;
  static NbSheetWriteFunc write;
  static char *failure;
  static gboolean tried;
  NbSheetWriteFunc result;

  g_mutex_lock (&lock);
  if (!tried)
    {
      g_autofree char *file = g_strconcat ("nianbao-writer-xlsx.", G_MODULE_SUFFIX, NULL);
      const char *env = g_getenv ("NIANBAO_WRITER_DIR");
      const char *dirs[] = {
        env && *env ? env : running_uninstalled () ? NB_WRITER_BUILD_DIR : NULL,
        env && *env ? NULL : NB_WRITER_DIR,
      };

      tried = TRUE;
      for (guint i = 0; write == NULL && failure == NULL && i < G_N_ELEMENTS (dirs); i++)
        {
          g_autofree char *path = dirs[i] ? g_build_filename (dirs[i], file, NULL) : NULL;
          GModule *module;

          if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
            continue;
          module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
          if (module == NULL || !g_module_symbol (module, NB_SHEET_WRITE_SYMBOL, (gpointer *) &write))
            failure = g_strdup (g_module_error ());
          else
            g_module_make_resident (module);
        }
    }
  result = write;
  if (result == NULL)
    {
      if (failure)
        g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                     /* Translators: %s is why the module could not be loaded */
                     _("Spreadsheet (XLSX) support could not be loaded: %s"), failure);
      else
        g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                             _("Spreadsheet (XLSX) support is not installed"));
    }
  g_mutex_unlock (&lock);
  return result;
}
#endif

#ifdef HAVE_XLSX
/* @book as the bytes of an XLSX file: the writer module writes it into a folder of
 * its own, and it is read back */
static GBytes *
workbook_to_bytes (const NbWorkbook  *book,
                   GError           **error)
{
  NbSheetWriteFunc write;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if ((write = load_writer (error)) == NULL)
    return NULL;
  if ((dir = g_dir_make_tmp ("nianbao-xlsx-XXXXXX", error)) == NULL)
    return NULL;
  path = g_build_filename (dir, "book.xlsx", NULL);
  ok = write (book, path, error) && g_file_get_contents (path, &data, &length, error);
  g_unlink (path);
  g_rmdir (dir);
  return ok ? g_bytes_new_take (data, length) : NULL;
}
#endif

/**
 * nb_export_write_workbook:
 *
 * Writes @book to @path through the writer module, atomically (nb_write_file_atomic):
 * for the other workbooks built as sheets (a review set's summary, src/core/review/).
 */
gboolean
nb_export_write_workbook (const NbWorkbook  *book,
                          const char        *path,
                          GError           **error)
{
#ifdef HAVE_XLSX
  g_autoptr(GBytes) bytes = workbook_to_bytes (book, error);

  /* made whole in memory first: a failure leaves the file as it was */
  return bytes != NULL &&
         nb_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
#else
  g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                       _("This build of Nianbao cannot write spreadsheets (XLSX)"));
  return FALSE;
#endif
}

/**
 * nb_export_can_write_xlsx:
 *
 * Returns: whether this build writes spreadsheets (XLSX)
 */
gboolean
nb_export_can_write_xlsx (void)
{
#ifdef HAVE_XLSX
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * nb_report_to_xlsx:
 *
 * The report as an Office Open XML workbook: a sheet 表格 with the template's tables 二, 三
 * and 四 laid out as the template prints them (merged headers, a corrected value filled and
 * commented with the value before, an inferred value in italics, a missing one empty), a
 * sheet 审校发现 with the findings and a sheet 更正记录 with the corrections.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
nb_report_to_xlsx (NbReport  *self,
                   GError   **error)
{
#ifdef HAVE_XLSX
  g_autoptr(NbWorkbook) book = NULL;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  book = build_workbook (self);
  return workbook_to_bytes (book, error);
#else
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                       _("This build of Nianbao cannot write spreadsheets (XLSX)"));
  return NULL;
#endif
}
