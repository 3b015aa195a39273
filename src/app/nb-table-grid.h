/* nb-table-grid.h — where each label and value of the template's tables sits
 *
 * A pure description of the three tables as grids of slots (row, column and their
 * spans), built from the core's schema; NbTableView measures and draws it. No widgets
 * here: tests/gui checks it without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <nianbao.h>

G_BEGIN_DECLS

typedef enum
{
  NB_GRID_HEADER,    /* a row or column label */
  NB_GRID_GROUP,     /* a group's heading across the table (第二十条第（一）项) */
  NB_GRID_VERTICAL,  /* a label written top to bottom (三、本年度办理结果) */
  NB_GRID_VALUE,     /* one of the report's cells */
} NbGridKind;

typedef struct
{
  NbGridKind  kind;
  int         cell;      /* NB_GRID_VALUE: the report's cell; otherwise -1 */
  guint       col;
  guint       row;
  guint       n_cols;
  guint       n_rows;
  float       xalign;    /* 0: left, 0.5: centred, 1: right */
  float       wrap_em;   /* a label wraps beyond this many ems; 0: it never wraps */
  char       *label;     /* labels: the template's words; values: NULL */
  char       *tooltip;   /* labels: an English gloss in an English UI, or NULL */
} NbGridItem;

typedef struct
{
  char   *title;         /* the section's heading, translated */
  guint   n_cols;
  guint   n_rows;
  GArray *items;         /* NbGridItem, row by row, left to right */
} NbGridTable;

GPtrArray *nb_grid_tables_new  (NbEdition    edition);
void       nb_grid_table_free  (NbGridTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbGridTable, nb_grid_table_free)

G_END_DECLS
