/* nb-report.h — a parsed annual report: its text, tables and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nb-types.h"
#include "nb-schema.h"

G_BEGIN_DECLS

#define NB_N_SECTIONS 6

#define NB_TYPE_REPORT (nb_report_get_type ())
G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport    *nb_report_new_from_bytes      (const guint8        *data,
                                            gsize                len,
                                            const char          *filename,
                                            GError             **error);
NbReport    *nb_report_new_from_file       (GFile               *file,
                                            GCancellable        *cancellable,
                                            GError             **error);
void         nb_report_load_async          (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
NbReport    *nb_report_load_finish         (GAsyncResult        *result,
                                            GError             **error);

const char  *nb_report_get_filename        (NbReport            *self);
const char  *nb_report_get_encoding        (NbReport            *self);
const char  *nb_report_get_text            (NbReport            *self);
gsize        nb_report_get_text_length     (NbReport            *self);
guint        nb_report_get_n_chars         (NbReport            *self);
NbEdition    nb_report_get_edition         (NbReport            *self);
const char  *nb_report_get_agency          (NbReport            *self);
NbSpan       nb_report_get_agency_span     (NbReport            *self);
int          nb_report_get_year            (NbReport            *self);
NbSpan       nb_report_get_year_span       (NbReport            *self);
NbSpan       nb_report_get_section_span    (NbReport            *self,
                                            guint                section);

guint        nb_report_get_n_cells         (NbReport            *self);
gboolean     nb_report_get_value           (NbReport            *self,
                                            guint                cell,
                                            double              *value);
NbOrigin     nb_report_get_origin          (NbReport            *self,
                                            guint                cell);
NbSpan       nb_report_get_span            (NbReport            *self,
                                            guint                cell);
const char  *nb_report_get_unit            (NbReport            *self,
                                            guint                cell);
char        *nb_report_format_value        (NbReport            *self,
                                            guint                cell);
int          nb_report_find_cell_at        (NbReport            *self,
                                            int                  offset);

gboolean     nb_report_set_value           (NbReport            *self,
                                            guint                cell,
                                            gboolean             has_value,
                                            double               value);
gboolean     nb_report_infer               (NbReport            *self);
gboolean     nb_report_parse_value         (NbReport            *self,
                                            guint                cell,
                                            const char          *input,
                                            gboolean            *has_value,
                                            double              *value);
gboolean     nb_report_can_accept          (NbReport            *self,
                                            guint                cell);
void         nb_report_set_accepted        (NbReport            *self,
                                            guint                cell,
                                            gboolean             accepted);
gboolean     nb_report_get_accepted        (NbReport            *self,
                                            guint                cell);
gboolean     nb_report_get_corrected       (NbReport            *self,
                                            guint                cell,
                                            gboolean            *had_value,
                                            double              *original);
gboolean     nb_report_get_modified        (NbReport            *self);
void         nb_report_set_modified        (NbReport            *self,
                                            gboolean             modified);

void         nb_report_check               (NbReport            *self);
GListModel  *nb_report_get_findings        (NbReport            *self);
guint        nb_report_count_findings      (NbReport            *self,
                                            NbSeverity           severity);
NbSeverity   nb_report_get_cell_severity   (NbReport            *self,
                                            guint                cell,
                                            gboolean            *has_finding);

G_END_DECLS
