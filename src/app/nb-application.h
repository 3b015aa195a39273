/* nb-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-window.h"

G_BEGIN_DECLS

#define NB_SCHEMA_ID APP_ID  /* config.h: with .Devel in a development build */

#define NB_TYPE_APPLICATION (nb_application_get_type ())
G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, GtkApplication)

NbApplication *nb_application_new       (void);
NbWindow      *nb_application_open_file (NbApplication *self,
                                         GFile         *file,
                                         NbWindow      *from);
GSettings     *nb_settings_new          (void);
void           nb_application_preload   (NbApplication       *self,
                                         GFile               *file);
gboolean       nb_application_take_preload (NbApplication    *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

G_END_DECLS
