/* nb-finding-row.h — one finding in the findings list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <nianbao.h>

#include "nb-finding-group.h"

G_BEGIN_DECLS

#define NB_TYPE_FINDING_ROW (nb_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (NbFindingRow, nb_finding_row, NB, FINDING_ROW, GtkWidget)

GtkWidget  *nb_finding_row_new         (void);
void        nb_finding_row_set_finding (NbFindingRow   *self,
                                        NbFinding      *finding,
                                        NbReport       *report);
void        nb_finding_row_set_group   (NbFindingRow   *self,
                                        NbFindingGroup *group,
                                        NbReport       *report);
NbFinding  *nb_finding_row_get_finding (NbFindingRow   *self);
GtkButton  *nb_finding_row_get_go_button (NbFindingRow *self);
void        nb_finding_set_go_to       (NbFinding      *finding,
                                        const char     *label,
                                        const char     *action_name,
                                        GVariant       *target);
void        nb_finding_row_set_suggestion (NbFindingRow *self,
                                           const char   *text,
                                           guint         index);

G_END_DECLS
