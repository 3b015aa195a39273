/* nb-reader-pdf.c — placeholder until the pdf reader lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

char *
nb_reader_pdf_extract (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT, _("PDF reading is not written yet"));
  return NULL;
}
