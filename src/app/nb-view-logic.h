/* nb-view-logic.h — what the views show, as pure functions of the report
 *
 * No widgets here: tests/gui checks these without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <nianbao.h>

G_BEGIN_DECLS

typedef enum
{
  NB_CELL_STATE_ERROR     = 1 << 0,
  NB_CELL_STATE_WARNING   = 1 << 1,
  NB_CELL_STATE_INFO      = 1 << 2,
  NB_CELL_STATE_INFERRED  = 1 << 3,
  NB_CELL_STATE_MISSING   = 1 << 4,
  NB_CELL_STATE_CORRECTED = 1 << 5,
  NB_CELL_STATE_ACCEPTED  = 1 << 6,
} NbCellStateFlags;

#define NB_CELL_STATE_N_CLASSES 7

typedef struct
{
  NbCellStateFlags  flags;
  char             *text;     /* the value as shown, "" when there is none */
} NbCellState;

void         nb_cell_state_init          (NbCellState      *state,
                                          NbReport         *report,
                                          guint             cell);
void         nb_cell_state_add_findings  (NbCellState      *state,
                                          GListModel       *findings,
                                          guint             cell);
void         nb_cell_state_clear         (NbCellState      *state);
char        *nb_cell_dup_tooltip         (NbReport         *report,
                                          guint             cell);
const char  *nb_cell_state_class_name    (guint             bit);

const char  *nb_severity_css_class       (NbSeverity        severity);
const char  *nb_severity_icon_name       (NbSeverity        severity);

typedef struct
{
  guint  depth;        /* 0: a top-level row (一、二、四); 1: a result row; 2: a row of a group */
  char  *group_label;  /* depth 2, first row of its group: the group's label ("（三）不予公开") */
  guint  group_rows;   /* with group_label: how many rows the group has */
  char  *label;        /* the row's own label */
} NbRowLayout;

void         nb_request_row_layout       (NbEdition         edition,
                                          guint             row,
                                          NbRowLayout      *layout);
void         nb_row_layout_clear         (NbRowLayout      *layout);
gboolean     nb_request_results_range    (NbEdition         edition,
                                          guint            *first,
                                          guint            *last);

char        *nb_format_window_title      (const char       *name,
                                          gboolean          modified);
gboolean     nb_ui_language_is_chinese   (void);
GArray      *nb_finding_dup_acceptable   (NbFinding        *finding,
                                          NbReport         *report);

G_END_DECLS
