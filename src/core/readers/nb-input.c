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

#include "nb-read-all.h"
#include "nb-readers-private.h"

typedef struct
{
  GInputStream *in;
  GCancellable *cancellable;
} Stream;

static gssize
read_stream (gpointer   source,
             guint8    *buf,
             gsize      len,
             GError   **error)
{
  Stream *stream = source;

  return g_input_stream_read (stream->in, buf, len, stream->cancellable, error);
}

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
  Stream stream = { in, cancellable };

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);

  return nb_read_all (read_stream, &stream, max, error);
}
