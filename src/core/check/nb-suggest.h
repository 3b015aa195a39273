/* nb-suggest.h — suggested corrections: the fewest cells whose change makes every equation hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include "nb-report.h"

G_BEGIN_DECLS

/* A slip with a name (SCHEMA.md's "kind") */
typedef enum
{
  NB_SLIP_NONE,
  NB_SLIP_TRANSPOSED_DIGITS,  /* 21 for 12 */
  NB_SLIP_SHIFTED_ROW,        /* a row's figures one column off */
  NB_SLIP_WRONG_ROW,          /* a figure typed into another row of its column */
  NB_SLIP_STALE_TOTAL,        /* the parts agree with the prose, the 总计 does not */
} NbSlipKind;

typedef struct
{
  guint    cell;
  gboolean had_value;  /* the cell had a value (it may have been missing) */
  double   value;      /* its value now */
  double   suggested;
  gboolean follows;    /* a blank cell whose inferred value changes with the others */
} NbSuggestedCell;

typedef struct
{
  guint            n_cells;
  NbSuggestedCell *cells;      /* the cells doubted, by index, then the blank cells that follow */
  guint            n_doubted;  /* cells[0 .. n_doubted) */
  guint            n_resolves;
  guint           *resolves;   /* indices into nb_report_get_findings() */
  gboolean         unique;     /* the only minimal correction of these cells */
  NbSlipKind       kind;
  double           weight;     /* lower: more likely */
} NbSuggestion;

GPtrArray  *nb_report_suggest            (NbReport      *report);
GPtrArray  *nb_report_suggest_full       (NbReport      *report,
                                          guint          max_cells,
                                          guint          budget_ms,
                                          gboolean      *complete);
void        nb_suggestion_free           (NbSuggestion  *suggestion);
gboolean    nb_suggestion_resolves       (const NbSuggestion *suggestion,
                                          guint          finding);
const char *nb_slip_kind_to_string       (NbSlipKind     kind);
char       *nb_suggestion_describe       (NbReport      *report,
                                          const NbSuggestion *suggestion,
                                          const char    *lang);
char       *nb_suggestions_to_json       (NbReport      *report,
                                          GPtrArray     *suggestions);

G_END_DECLS
