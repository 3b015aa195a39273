/* nb-text.h — decoded report text and its normalised copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Reports larger than this are refused: no real annual report comes close. */
#define NB_MAX_REPORT_SIZE (64 * 1024 * 1024)

typedef struct _NbText NbText;

struct _NbText
{
  /*< public, read-only >*/
  char      *decoded;      /* UTF-8, no BOM, every line end "\n" */
  gsize      decoded_len;  /* in bytes */
  guint      n_chars;      /* code points in decoded */
  char      *encoding;     /* "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", or a reader's name */
  gunichar  *norm;         /* normalised text (NFKC, radicals, U+3000 → ' '), n_norm + 1, 0-ended */
  guint     *norm_to_src;  /* for each normalised code point, its code point in decoded; n_norm + 1 */
  guint      n_norm;
  guint     *replaced;     /* code points of decoded that stand for undecodable bytes (U+FFFD) */
  guint      n_replaced;
};

gboolean    nb_text_check_size     (guint64        len,
                                    GError       **error);
NbText     *nb_text_new_from_bytes (const guint8  *data,
                                    gsize          len,
                                    GError       **error);
NbText     *nb_text_new_from_utf8  (const char    *utf8,
                                    gssize         len,
                                    const char    *encoding);
void        nb_text_free           (NbText        *text);
gunichar    nb_text_normalize_char (gunichar       c,
                                    gunichar      *out,
                                    guint         *n_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbText, nb_text_free)

G_END_DECLS
