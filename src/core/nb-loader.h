/* nb-loader.h — read → text → parse → check: a report from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

NbReport *nb_loader_load_bytes  (const guint8         *data,
                                 gsize                 len,
                                 const char           *filename,
                                 GCancellable         *cancellable,
                                 GError              **error);
NbReport *nb_loader_load_file   (GFile                *file,
                                 GCancellable         *cancellable,
                                 GError              **error);
void      nb_loader_load_async  (GFile                *file,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
NbReport *nb_loader_load_finish (GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
