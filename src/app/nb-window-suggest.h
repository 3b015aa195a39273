/* nb-window-suggest.h — suggested corrections in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-finding-row.h"
#include "nb-window.h"

G_BEGIN_DECLS

void nb_window_suggest_class_init     (GtkWidgetClass *widget_class);
void nb_window_suggest_bind_row       (NbWindow       *self,
                                       NbFindingRow   *row,
                                       NbFinding      *finding);
void nb_window_suggest_update_actions (NbWindow       *self);

G_END_DECLS
