/* nb-read-all.h — a source read to its end, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads up to @len bytes of @source into @buf: the count read, 0 at the end, or -1 with
 * @error set */
typedef gssize (*NbReadFunc) (gpointer   source,
                              guint8    *buf,
                              gsize      len,
                              GError   **error);

GBytes *nb_read_all (NbReadFunc   read_func,
                     gpointer     source,
                     gsize        max,
                     GError     **error);

G_END_DECLS
