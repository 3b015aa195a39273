/* nb-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define NB_ERROR (nb_error_quark ())

typedef enum
{
  NB_ERROR_ENCODING,            /* bytes are not text in a known encoding */
  NB_ERROR_BINARY,              /* the file is binary, not a report */
  NB_ERROR_EMPTY,               /* the file is empty */
  NB_ERROR_TOO_LARGE,           /* the file exceeds the size limit */
  NB_ERROR_NO_REPORT,           /* text, but no report tables or sections in it */
  NB_ERROR_UNSUPPORTED_FORMAT,  /* a format this build cannot read */
  NB_ERROR_DAMAGED,             /* a container (PDF, DOCX, …) that is damaged */
  NB_ERROR_ENCRYPTED,           /* an encrypted document */
  NB_ERROR_NO_TEXT,             /* a document without a text layer (a scan) */
  NB_ERROR_UNREADABLE,          /* its reader crashed, ran out of memory or time */
} NbError;

GQuark nb_error_quark (void);

G_END_DECLS
