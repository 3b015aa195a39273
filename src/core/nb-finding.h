/* nb-finding.h — one thing a check found wrong (or worth saying) in a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_FINDING (nb_finding_get_type ())
G_DECLARE_FINAL_TYPE (NbFinding, nb_finding, NB, FINDING, GObject)

NbFinding    *nb_finding_new            (const char   *rule,
                                         NbSeverity    severity,
                                         const char   *message_zh,
                                         const char   *message_en);
const char   *nb_finding_get_rule       (NbFinding    *self);
NbSeverity    nb_finding_get_severity   (NbFinding    *self);
const char   *nb_finding_get_message    (NbFinding    *self,
                                         const char   *lang);
void          nb_finding_add_cell       (NbFinding    *self,
                                         guint         cell);
void          nb_finding_add_span       (NbFinding    *self,
                                         NbSpan        span);
const guint  *nb_finding_get_cells      (NbFinding    *self,
                                         guint        *n_cells);
const NbSpan *nb_finding_get_spans      (NbFinding    *self,
                                         guint        *n_spans);
gboolean      nb_finding_has_cell       (NbFinding    *self,
                                         guint         cell);
gboolean      nb_finding_equal          (NbFinding    *a,
                                         NbFinding    *b);

G_END_DECLS
