/* nb-finding-group.h — findings of one rule about one row, shown as one entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <nianbao.h>

G_BEGIN_DECLS

#define NB_TYPE_FINDING_GROUP (nb_finding_group_get_type ())
G_DECLARE_FINAL_TYPE (NbFindingGroup, nb_finding_group, NB, FINDING_GROUP, GObject)

GListStore  *nb_finding_groups_new            (GListModel     *findings,
                                               NbReport       *report);
const char  *nb_finding_group_get_rule        (NbFindingGroup *self);
NbSeverity   nb_finding_group_get_severity    (NbFindingGroup *self);
const char  *nb_finding_group_get_place       (NbFindingGroup *self);
GListModel  *nb_finding_group_get_findings    (NbFindingGroup *self);
guint        nb_finding_group_get_n_findings  (NbFindingGroup *self);
NbFinding   *nb_finding_group_get_first       (NbFindingGroup *self);
char        *nb_finding_group_dup_message     (NbFindingGroup *self,
                                               NbReport       *report);
GArray      *nb_finding_group_dup_cells       (NbFindingGroup *self);
char        *nb_cell_dup_place                (NbReport       *report,
                                               guint           cell);

G_END_DECLS
