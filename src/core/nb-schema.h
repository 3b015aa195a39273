/* nb-schema.h — the template's tables, rows, columns and cell ids (SCHEMA.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_N_REQUEST_COLUMNS 7
#define NB_REQUEST_COLUMN_TOTAL 6
#define NB_N_APPEAL_GROUPS 3
#define NB_N_APPEAL_FIELDS 5
#define NB_APPEAL_FIELD_TOTAL 4

typedef struct
{
  const char  *id;     /* "requests.new.natural_person" */
  NbTableKind  table;
  const char  *item;   /* active item, request row id or appeals group */
  const char  *field;  /* active field, column id or appeals field; NULL for a one-value item */
  guint        row;    /* index of item within its table */
  guint        col;    /* index of field within its item */
  NbCellKind   kind;
} NbCellDef;

guint            nb_schema_get_n_cells              (NbEdition    edition);
const NbCellDef *nb_schema_get_cell                 (NbEdition    edition,
                                                     guint        index);
int              nb_schema_lookup                   (NbEdition    edition,
                                                     const char  *id);

/* section 二 */
guint            nb_schema_get_n_active_items       (NbEdition    edition);
const char      *nb_schema_get_active_item_id       (NbEdition    edition,
                                                     guint        item);
const char      *nb_schema_get_active_item_label    (NbEdition    edition,
                                                     guint        item);
const char      *nb_schema_get_active_item_group    (NbEdition    edition,
                                                     guint        item);
const char      *nb_schema_get_active_field_label   (NbEdition    edition,
                                                     guint        item,
                                                     guint        field);
int              nb_schema_active_cell              (NbEdition    edition,
                                                     guint        item,
                                                     guint        field);
guint            nb_schema_get_active_item_n_fields (NbEdition    edition,
                                                     guint        item);
guint            nb_schema_get_active_item_n_values (NbEdition    edition,
                                                     guint        item);

/* section 三 */
guint            nb_schema_get_n_request_rows       (NbEdition    edition);
const char      *nb_schema_get_request_row_id       (NbEdition    edition,
                                                     guint        row);
const char      *nb_schema_get_request_row_label    (NbEdition    edition,
                                                     guint        row);
const char      *nb_schema_get_request_row_english  (NbEdition    edition,
                                                     guint        row);
const char      *nb_schema_get_request_column_id    (guint        col);
const char      *nb_schema_get_request_column_label (guint        col);
const char      *nb_schema_get_request_column_english (guint      col);
int              nb_schema_request_cell             (NbEdition    edition,
                                                     guint        row,
                                                     guint        col);
int              nb_schema_request_row_index        (NbEdition    edition,
                                                     const char  *row_id);

/* the header the template prints over section 三: groups of columns
 * (申请人情况 over all, 法人或其他组织 over five) and of rows (三、本年度办理结果,
 * the rows of the results equation) */
guint            nb_schema_get_n_request_column_groups (NbEdition edition);
const char      *nb_schema_get_request_column_group (NbEdition    edition,
                                                     guint        group,
                                                     guint       *first_col,
                                                     guint       *last_col);
guint            nb_schema_get_n_request_row_groups (NbEdition    edition);
const char      *nb_schema_get_request_row_group    (NbEdition    edition,
                                                     guint        group,
                                                     guint       *first_row,
                                                     guint       *last_row);

/* section 四 */
const char      *nb_schema_get_appeal_group_id      (guint        group);
const char      *nb_schema_get_appeal_group_label   (guint        group);
const char      *nb_schema_get_appeal_group_english (guint       group);
const char      *nb_schema_get_appeal_field_id      (guint        field);
const char      *nb_schema_get_appeal_field_label   (guint        field);
int              nb_schema_appeal_cell              (NbEdition    edition,
                                                     guint        group,
                                                     guint        field);

/* A cell's label for messages: "第三项（七）总计 自然人" / "results total, natural persons" */
char            *nb_schema_describe_cell            (NbEdition    edition,
                                                     guint        index,
                                                     gboolean     english);

G_END_DECLS
