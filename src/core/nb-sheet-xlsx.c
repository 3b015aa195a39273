/* nb-sheet-xlsx.c — the XLSX writer module: an NbWorkbook to a file, with libxlsxwriter
 *
 * Every text goes through worksheet_write_string(): a cell that begins with "=" stays the
 * text it is, so a name taken from a report can never become a formula.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>
#include <xlsxwriter.h>

#include "nb-sheet.h"

#define FILL_COLOR 0xFFE699  /* corrected cells: a light amber that prints as a grey */

static lxw_format *
make_format (lxw_workbook *wb,
             NbSheetStyle  style,
             guint         flags)
{
  lxw_format *f = workbook_add_format (wb);

  switch (style)
    {
    case NB_SHEET_TITLE:
      format_set_bold (f);
      format_set_font_size (f, 14);
      break;
    case NB_SHEET_HEADING:
    case NB_SHEET_KEY:
      format_set_bold (f);
      break;
    case NB_SHEET_HEADER:
    case NB_SHEET_GROUP:
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap (f);
      format_set_border (f, LXW_BORDER_THIN);
      break;
    case NB_SHEET_LABEL:
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap (f);
      format_set_border (f, LXW_BORDER_THIN);
      break;
    case NB_SHEET_VERTICAL:
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_rotation (f, 270);  /* stacked: one character under the other */
      format_set_border (f, LXW_BORDER_THIN);
      break;
    case NB_SHEET_VALUE:
      format_set_align (f, LXW_ALIGN_RIGHT);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_border (f, LXW_BORDER_THIN);
      break;
    case NB_SHEET_TEXT:
      format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
      format_set_text_wrap (f);
      break;
    case NB_SHEET_N_STYLES:
    default:
      g_assert_not_reached ();
    }
  if (flags & NB_SHEET_ITALIC)
    format_set_italic (f);
  if (flags & NB_SHEET_FILLED)
    {
      format_set_pattern (f, LXW_PATTERN_SOLID);
      format_set_bg_color (f, FILL_COLOR);
    }
  return f;
}

static gboolean
fail (GError     **error,
      const char  *what,
      lxw_error    err)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what, lxw_strerror (err));
  return FALSE;
}

static gboolean
write_cell (lxw_worksheet     *ws,
            const NbSheetCell *c,
            lxw_format        *format,
            const char        *author,
            GError           **error)
{
  lxw_error err = LXW_NO_ERROR;

  if (c->rows > 1 || c->cols > 1)
    err = worksheet_merge_range (ws, c->row, c->col, c->row + c->rows - 1, c->col + c->cols - 1,
                                 c->text ? c->text : "", format);
  if (err == LXW_NO_ERROR)
    {
      if (c->has_number)
        err = worksheet_write_number (ws, c->row, c->col, c->number, format);
      else if (c->text != NULL && *c->text != '\0')
        err = worksheet_write_string (ws, c->row, c->col, c->text, format);
      else if (c->rows == 1 && c->cols == 1)
        err = worksheet_write_blank (ws, c->row, c->col, format);
    }
  if (err == LXW_NO_ERROR && c->comment != NULL)
    {
      lxw_comment_options options = { .author = (char *) author, .width = 220, .height = 60 };

      err = worksheet_write_comment_opt (ws, c->row, c->col, (char *) c->comment, &options);
    }
  if (err != LXW_NO_ERROR)
    return fail (error, "cell", err);
  return TRUE;
}

static gboolean
write_sheet (lxw_workbook    *wb,
             const NbSheet   *sheet,
             lxw_format      *formats[NB_SHEET_N_STYLES][NB_SHEET_N_FLAGS],
             const char      *author,
             GError         **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, sheet->name);
  guint last_row = 0;

  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sheet “%s” could not be added", sheet->name);
      return FALSE;
    }

  for (guint i = 0; i < sheet->widths->len; i++)
    worksheet_set_column (ws, i, i, g_array_index (sheet->widths, double, i), NULL);
  for (guint i = 0; i < sheet->heights->len; i++)
    if (g_array_index (sheet->heights, double, i) > 0)
      worksheet_set_row (ws, i, g_array_index (sheet->heights, double, i), NULL);

  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const NbSheetCell *c = &g_array_index (sheet->cells, NbSheetCell, i);

      g_assert (c->style < NB_SHEET_N_STYLES && c->flags < NB_SHEET_N_FLAGS);
      if (!write_cell (ws, c, formats[c->style][c->flags], author, error))
        return FALSE;
      last_row = MAX (last_row, c->row + c->rows - 1);
    }

  if (sheet->freeze_rows > 0)
    worksheet_freeze_panes (ws, sheet->freeze_rows, 0);
  if (sheet->filter_cols > 0 && last_row > 0)
    worksheet_autofilter (ws, 0, 0, last_row, sheet->filter_cols - 1);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  return TRUE;
}

/**
 * nb_sheet_write_xlsx:
 *
 * Writes @book to @path as an Office Open XML workbook.
 *
 * Returns: %TRUE on success
 */
G_MODULE_EXPORT gboolean
nb_sheet_write_xlsx (const NbWorkbook  *book,
                     const char        *path,
                     GError           **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  lxw_doc_properties properties = { .title = (char *) book->title, .author = (char *) book->author };
  lxw_format *formats[NB_SHEET_N_STYLES][NB_SHEET_N_FLAGS];
  lxw_workbook *wb;
  lxw_error err;
  gboolean ok = TRUE;

  wb = workbook_new_opt (path, &options);
  if (wb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the workbook could not be created");
      return FALSE;
    }

  workbook_set_properties (wb, &properties);
  for (guint s = 0; s < NB_SHEET_N_STYLES; s++)
    for (guint f = 0; f < NB_SHEET_N_FLAGS; f++)
      formats[s][f] = make_format (wb, s, f);

  for (guint i = 0; ok && i < book->sheets->len; i++)
    ok = write_sheet (wb, g_ptr_array_index (book->sheets, i), formats, book->author, error);

  /* closing writes the file, and frees the workbook even when something failed */
  err = workbook_close (wb);
  if (ok && err != LXW_NO_ERROR)
    return fail (error, "workbook", err);
  return ok;
}
