/* nb-read-all.c — a source read to its end, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one loop behind nb_input_read_all () (a GIO stream: a pipe, a network share, the
 * reader helper's answer) and the reader helper's own standard input, which it reads
 * with read(): the helper links no GIO (nianbao-reader.c). GLib only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-read-all.h"

#define CHUNK (256 * 1024)

/**
 * nb_read_all:
 * @read_func: reads the next bytes of @source
 * @max: the most bytes accepted
 *
 * Returns: (transfer full): the bytes of @source to its end, or %NULL with @error set
 *   (%NB_ERROR_TOO_LARGE when @source holds more than @max bytes)
 */
GBytes *
nb_read_all (NbReadFunc   read_func,
             gpointer     source,
             gsize        max,
             GError     **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  for (;;)
    {
      gsize want = MIN ((gsize) CHUNK, max + 1 - buf->len);
      guint have = buf->len;
      gssize n;

      g_byte_array_set_size (buf, have + want);
      n = read_func (source, buf->data + have, want, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buf, have + n);
      if (n == 0)
        break;
      if (buf->len > max)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The file is too large for a report (more than %d MB)"),
                       (int) (max / (1024 * 1024)));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}
