/* nb-source-view.h — the report's decoded text, with the cells' and findings' spans marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <nianbao.h>

G_BEGIN_DECLS

#define NB_TYPE_SOURCE_VIEW (nb_source_view_get_type ())
G_DECLARE_FINAL_TYPE (NbSourceView, nb_source_view, NB, SOURCE_VIEW, GtkTextView)

GtkWidget *nb_source_view_new             (void);
void       nb_source_view_set_report      (NbSourceView *self,
                                           NbReport     *report);
void       nb_source_view_refresh         (NbSourceView *self);
void       nb_source_view_highlight_spans (NbSourceView *self,
                                           const NbSpan *spans,
                                           guint         n_spans,
                                           gboolean      scroll);
gboolean   nb_source_view_span_has_tag    (NbSourceView *self,
                                           NbSpan        span,
                                           const char   *tag_name);
char      *nb_source_view_dup_char_note   (NbSourceView *self,
                                           int           offset);

G_END_DECLS
