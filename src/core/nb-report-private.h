/* nb-report-private.h — the report's instance struct, shared by the parser and the checker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-finding.h"
#include "nb-number.h"
#include "nb-report.h"
#include "nb-text.h"

G_BEGIN_DECLS

typedef struct
{
  double    value;
  NbSpan    span;          /* in decoded characters; none for inferred/missing */
  NbOrigin  origin;
  guint     has_value : 1;
  guint     corrected : 1;
  guint     orig_has_value : 1;
  guint     was_present : 1;  /* the row was found in the text */
  guint     accepted : 1;     /* an inferred value the reviewer took as it is */
  guint     unsplit : 1;      /* written run together with its row, and not split (cell.ambiguous) */
  guint     reinfer : 1;      /* inferred by the equations alone: derived again after an edit */
  double    orig_value;
} NbCell;

typedef GPtrArray *(*NbReportChecker) (NbReport *report);
typedef void (*NbReportInferrer) (NbReport *report, GArray *changed);

struct _NbReport
{
  GObject     parent_instance;

  char       *filename;
  NbText     *text;
  NbEdition   edition;
  char       *agency;
  NbSpan      agency_span;
  int         year;
  NbSpan      year_span;
  NbSpan      sections[NB_N_SECTIONS];
  guint       n_cells;
  NbCell     *cells;
  char       *procurement_unit;
  GPtrArray  *parse_findings;  /* NbFinding: what parsing found (extra cells, missing rows, …) */
  GListStore *findings;
  gboolean    modified;
  NbReportChecker checker;     /* the checks, as the loader set them */
  NbReportInferrer inferrer;   /* derives the inferred cells again (parse/nb-infer.c) */
};

/* nb-report.c: the model, filled by the parser and checked by the checker the
 * loader (nb-loader.c) sets */
NbReport  *nb_report_new_for_text  (NbText          *text,
                                    const char      *filename);
void       nb_report_set_checker   (NbReport        *self,
                                    NbReportChecker  checker);
void       nb_report_set_inferrer  (NbReport         *self,
                                    NbReportInferrer  inferrer);

/* parse/nb-parser.c */
void       nb_parser_parse         (NbReport    *report);

/* parse/nb-infer.c */
void       nb_infer_mark           (NbReport    *report);
void       nb_infer_run            (NbReport    *report,
                                    GArray      *changed);

/* check/nb-checker.c */
GPtrArray *nb_checker_run          (NbReport    *report);

/* helpers shared by parser, checker and export (numbers: nb-number.h) */
NbSpan     nb_report_norm_span     (NbReport    *report,
                                    guint        norm_start,
                                    guint        norm_end);
NbFinding *nb_report_add_parse_finding (NbReport   *report,
                                        const char *rule,
                                        NbSeverity  severity,
                                        const char *message_zh,
                                        const char *message_en);

G_END_DECLS
