/* nb-input.c — reading a stream to its end, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One g_input_stream_read_bytes() gives what one read() gives: 64 KB from a pipe, a
 * network share's block. Reports come from pipes (`cat report.pdf | nianbao-check -`),
 * network shares (smb://, sftp://) and the reader helper's output, so they are read until
 * the end of the stream.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#define CHUNK (256 * 1024)

/**
 * nb_input_read_all:
 * @max: the most bytes accepted
 *
 * Reads @in until its end.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set, %NB_ERROR_TOO_LARGE when
 *   the stream holds more than @max bytes
 */
GBytes *
nb_input_read_all (GInputStream  *in,
                   gsize          max,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);

  for (;;)
    {
      gsize want = MIN ((gsize) CHUNK, max + 1 - buf->len);
      guint have = buf->len;
      gssize n;

      g_byte_array_set_size (buf, have + want);
      n = g_input_stream_read (in, buf->data + have, want, cancellable, error);
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
