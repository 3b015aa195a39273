/* nb-types.h — enums and plain structs shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* Which national template a report follows. */
typedef enum
{
  NB_EDITION_2021,
  NB_EDITION_2019,
} NbEdition;

#define NB_N_EDITIONS 2

/* Where a cell's value came from. */
typedef enum
{
  NB_ORIGIN_MISSING,   /* absent and not determined by the equations */
  NB_ORIGIN_SOURCE,    /* read from the text */
  NB_ORIGIN_INFERRED,  /* absent, determined uniquely by the table's equations */
} NbOrigin;

typedef enum
{
  NB_SEVERITY_INFO,
  NB_SEVERITY_WARNING,
  NB_SEVERITY_ERROR,
} NbSeverity;

typedef enum
{
  NB_TABLE_ACTIVE,    /* 二、主动公开政府信息情况 */
  NB_TABLE_REQUESTS,  /* 三、收到和处理政府信息公开申请情况 */
  NB_TABLE_APPEALS,   /* 四、政府信息公开行政复议、行政诉讼情况 */
} NbTableKind;

typedef enum
{
  NB_CELL_COUNT,   /* a non-negative whole number */
  NB_CELL_AMOUNT,  /* a non-negative decimal (万元, 元) */
  NB_CELL_SIGNED,  /* a whole number that may be negative (本年增/减) */
  NB_CELL_UNIT,    /* a unit as printed ("元", "万元"); value unused */
} NbCellKind;

/* A half-open range [start, end) of characters (code points) in the decoded
 * text of a report. A span with start < 0 is no span. */
typedef struct
{
  int start;
  int end;
} NbSpan;

#define NB_SPAN_NONE ((NbSpan) { -1, -1 })
#define nb_span_is_set(s) ((s).start >= 0)

const char *nb_severity_to_string (NbSeverity severity);
const char *nb_origin_to_string   (NbOrigin   origin);
const char *nb_edition_to_string  (NbEdition  edition);

G_END_DECLS
