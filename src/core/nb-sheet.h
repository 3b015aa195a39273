/* nb-sheet.h — a workbook as plain data: what nb-export-xlsx.c builds from a report and the
 * XLSX writer module (nianbao-writer-xlsx, nb-sheet-xlsx.c) writes with libxlsxwriter
 *
 * The module holds no knowledge of reports: it only draws cells. It is a module so that
 * programs that never write a spreadsheet never load libxlsxwriter (and the libcrypto it
 * links), which would cost every start of nianbao-check about 2 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a cell looks; the module makes one format per style and flag combination */
typedef enum
{
  NB_SHEET_TITLE,     /* the sheet's title: bold, large */
  NB_SHEET_HEADING,   /* a table's heading (二、主动公开政府信息情况): bold */
  NB_SHEET_HEADER,    /* a column header: centred, wrapped, bordered */
  NB_SHEET_GROUP,     /* a block's heading inside a table (第二十条第（一）项): centred, bordered */
  NB_SHEET_LABEL,     /* a row label: wrapped, bordered */
  NB_SHEET_VERTICAL,  /* a label written top to bottom (三、本年度办理结果) */
  NB_SHEET_VALUE,     /* a value of the report: right-aligned, bordered */
  NB_SHEET_KEY,       /* the name of a fact (机关, 年度): bold */
  NB_SHEET_TEXT,      /* plain wrapped text */
  NB_SHEET_N_STYLES
} NbSheetStyle;

typedef enum
{
  NB_SHEET_ITALIC = 1 << 0,  /* an inferred value */
  NB_SHEET_FILLED = 1 << 1,  /* a corrected value */
} NbSheetFlags;

#define NB_SHEET_N_FLAGS 4  /* combinations of NbSheetFlags */

typedef struct
{
  guint         row;
  guint         col;
  guint         rows;      /* 1 or more: a merged range when rows or cols is more than 1 */
  guint         cols;
  NbSheetStyle  style;
  NbSheetFlags  flags;
  const char   *text;      /* written as a string, never as a formula; NULL: a number or blank */
  double        number;
  gboolean      has_number;
  const char   *comment;   /* (nullable) */
} NbSheetCell;

typedef struct
{
  const char *name;
  GArray     *cells;        /* NbSheetCell */
  GArray     *widths;       /* double: each column's width in characters */
  GArray     *heights;      /* double: each row's height in points; 0 leaves the default */
  guint       freeze_rows;  /* rows kept in view while scrolling */
  guint       filter_cols;  /* an autofilter over the first row's first filter_cols columns */
} NbSheet;

typedef struct
{
  GPtrArray    *sheets;     /* NbSheet */
  GStringChunk *strings;    /* holds every string of the sheets */
  const char   *title;      /* the document's title property */
  const char   *author;     /* the comments' author */
} NbWorkbook;

/* The writer module's entry point, looked up by this name. Writes @book to @path; on
 * failure sets @error (G_IO_ERROR) and may leave a partial file at @path. */
#define NB_SHEET_WRITE_SYMBOL "nb_sheet_write_xlsx"
typedef gboolean (*NbSheetWriteFunc) (const NbWorkbook  *book,
                                      const char        *path,
                                      GError           **error);

gboolean nb_sheet_write_xlsx (const NbWorkbook  *book,
                              const char        *path,
                              GError           **error);

/* In the core (nb-export-xlsx.c): loads the module and writes @book with it */
gboolean nb_export_write_workbook (const NbWorkbook  *book,
                                   const char        *path,
                                   GError           **error);

G_END_DECLS
