/* nb-window.h — a review window: one report, its text beside its tables and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <nianbao.h>

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())
G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, GtkApplicationWindow)

NbWindow    *nb_window_new               (GtkApplication *application);
void         nb_window_add_accels        (GtkApplication *app);
void         nb_window_load_file         (NbWindow       *self,
                                          GFile          *file);
void         nb_window_set_origin        (NbWindow       *self,
                                          NbWindow       *origin);
void         nb_window_show_report       (NbWindow       *self,
                                          NbReport       *report,
                                          GFile          *file);
void         nb_window_show_unreadable   (NbWindow       *self,
                                          GFile          *file,
                                          const char     *message);
gboolean     nb_window_is_empty          (NbWindow       *self);
gboolean     nb_window_is_loading        (NbWindow       *self);
void         nb_window_cancel_load       (NbWindow       *self);
NbReport    *nb_window_get_report        (NbWindow       *self);
GFile       *nb_window_get_file          (NbWindow       *self);
const char  *nb_window_get_error_message (NbWindow       *self);
const char  *nb_window_get_toast_message (NbWindow       *self);
gboolean     nb_window_export_to_path    (NbWindow       *self,
                                          const char     *path,
                                          NbExportFormat  format);

G_END_DECLS
