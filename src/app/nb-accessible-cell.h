/* nb-accessible-cell.h — a table, label or value of NbTableView, for assistive technologies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_ACCESSIBLE_CELL (nb_accessible_cell_get_type ())

G_DECLARE_FINAL_TYPE (NbAccessibleCell, nb_accessible_cell, NB, ACCESSIBLE_CELL, GtkWidget)

GtkWidget *nb_accessible_cell_new      (GtkAccessibleRole   role);
void       nb_accessible_cell_set_area (NbAccessibleCell   *self,
                                        const GdkRectangle *area);
void       nb_accessible_cell_allocate (NbAccessibleCell   *self);

G_END_DECLS
