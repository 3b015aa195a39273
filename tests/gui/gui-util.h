/* gui-util.h — opening, driving and closing windows in the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-review-sidebar.h"
#include "nb-window-private.h"

G_BEGIN_DECLS

char               *sample_path       (const char      *name);
void                spin              (void);
void                spin_until_loaded (NbWindow        *window);
NbWindow           *open_window       (const char      *path);
void                close_window      (NbWindow        *window);
GtkEventController *find_controller   (GtkWidget       *widget,
                                       const char      *name);
void                click_cell        (NbWindow        *window,
                                       guint            cell,
                                       int              n_press);
gboolean            press_key         (GtkWidget       *widget,
                                       const char      *controller_name,
                                       guint            keyval,
                                       GdkModifierType  state);
void                wait_for_frame    (GtkWidget       *widget);
gboolean            send_key          (GtkWidget       *root,
                                       guint            keyval,
                                       GdkModifierType  state);
guint               request_cell      (NbReport        *report,
                                       const char      *row_id,
                                       guint            column);

/* review sets */
NbWindow           *review_set_open        (const char       *path,
                                            NbReviewSidebar **sidebar);
void                review_set_spin_until_read (NbReviewSidebar *sidebar);
guint               review_set_position_of (GListModel       *shown,
                                            const char       *name);

G_END_DECLS
