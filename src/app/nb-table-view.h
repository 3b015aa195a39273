/* nb-table-view.h — the report's three tables, laid out like the template, editable in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <nianbao.h>

G_BEGIN_DECLS

#define NB_TYPE_TABLE_VIEW (nb_table_view_get_type ())
G_DECLARE_FINAL_TYPE (NbTableView, nb_table_view, NB, TABLE_VIEW, GtkWidget)

GtkWidget  *nb_table_view_new               (void);
void        nb_table_view_set_report        (NbTableView  *self,
                                             NbReport     *report);
void        nb_table_view_refresh           (NbTableView  *self);
void        nb_table_view_set_set_findings  (NbTableView  *self,
                                             GListModel   *findings);
void        nb_table_view_highlight_cells   (NbTableView  *self,
                                             const guint  *cells,
                                             guint         n_cells);
void        nb_table_view_focus_cell        (NbTableView  *self,
                                             guint         cell);
void        nb_table_view_take_focus        (NbTableView  *self);
void        nb_table_view_scroll_to_cell    (NbTableView  *self,
                                             guint         cell);
void        nb_table_view_scroll_to_cells   (NbTableView  *self,
                                             const guint  *cells,
                                             guint         n_cells);
int         nb_table_view_get_selected_cell (NbTableView  *self);
int         nb_table_view_get_editing_cell  (NbTableView  *self);
GtkWidget  *nb_table_view_get_editor        (NbTableView  *self);
int         nb_table_view_cell_at           (NbTableView  *self,
                                             double        x,
                                             double        y);
gboolean    nb_table_view_get_cell_area     (NbTableView  *self,
                                             guint         cell,
                                             GdkRectangle *area);
GtkWidget  *nb_table_view_get_cell_accessible (NbTableView *self,
                                               guint        cell);
const char *nb_table_view_get_cell_text     (NbTableView  *self,
                                             guint         cell);
gboolean    nb_table_view_cell_has_class    (NbTableView  *self,
                                             guint         cell,
                                             const char   *css_class);
const char *nb_table_view_get_cell_icon_name (NbTableView *self,
                                              guint        cell);
void        nb_table_view_start_editing     (NbTableView  *self,
                                             guint         cell);
gboolean    nb_table_view_enter_text        (NbTableView  *self,
                                             guint         cell,
                                             const char   *input);

G_END_DECLS
