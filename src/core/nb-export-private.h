/* nb-export-private.h — what the CSV and XLSX exports share: the template's tables laid
 * out as the template prints them, and the rows of facts, findings and corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* Columns of every table laid out: three for the nested row labels (三、本年度办理结果 ›
 * （三）不予公开 › 1.属于国家秘密), then the values. Section 二 merges its labels over the three,
 * section 四 has none. */
#define NB_EXPORT_LABEL_COLS 3

typedef enum
{
  NB_EXPORT_HEADER,    /* a column header */
  NB_EXPORT_GROUP,     /* a block's heading inside a table (第二十条第（一）项) */
  NB_EXPORT_LABEL,     /* a row label */
  NB_EXPORT_VERTICAL,  /* a label the template writes top to bottom */
  NB_EXPORT_VALUE,     /* one of the report's cells */
} NbExportKind;

typedef struct
{
  guint         row;
  guint         col;
  guint         rows;
  guint         cols;
  NbExportKind  kind;
  char         *text;  /* the label; NULL for a value */
  int           cell;  /* a value's cell; -1 otherwise */
} NbExportItem;

typedef struct
{
  const char *heading;  /* 二、主动公开政府信息情况 */
  guint       n_rows;
  guint       n_cols;
  GArray     *items;    /* NbExportItem, in row then column order */
} NbExportTable;

GPtrArray  *nb_export_layout_new        (NbEdition    edition);

/* Rows of text, each a NULL-terminated string array (GStrv), the first the header */
GPtrArray  *nb_export_facts_new         (NbReport    *report);
GPtrArray  *nb_export_findings_new      (NbReport    *report,
                                         const char  *lang);
GPtrArray  *nb_export_corrections_new   (NbReport    *report);
char       *nb_export_correction_note   (NbReport    *report,
                                         guint        cell);

/* A value as every export writes it: "12", "-18", "96171.6"; the JSON's numbers too */
void        nb_export_format_number     (double       value,
                                         char        *buf,
                                         gsize        size);
char       *nb_export_format_cell       (NbReport    *report,
                                         guint        cell);
gboolean    nb_export_text_is_risky     (const char  *text);
void        nb_export_csv_text          (GString     *out,
                                         const char  *text);

extern const char nb_export_facts_heading[];
extern const char nb_export_findings_heading[];
extern const char nb_export_corrections_heading[];

G_END_DECLS
