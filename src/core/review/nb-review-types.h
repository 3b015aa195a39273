/* nb-review-types.h — enums shared by the review-set modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define NB_REVIEW_SET_EXTENSION ".nianbao-review"
#define NB_REVIEW_SET_MIME_TYPE "application/x-nianbao-review"

/* Where a supervisor is with one report of a set. */
typedef enum
{
  NB_REVIEW_STATUS_NEW,            /* not yet looked at */
  NB_REVIEW_STATUS_NEEDS_CHANGES,  /* sent back to the office */
  NB_REVIEW_STATUS_REVIEWED,       /* looked at, nothing to change */
} NbReviewStatus;

#define NB_N_REVIEW_STATUSES 3

const char     *nb_review_status_to_string  (NbReviewStatus  status);
const char     *nb_review_status_label      (NbReviewStatus  status,
                                             gboolean        english);
gboolean        nb_review_status_from_string (const char     *s,
                                              NbReviewStatus *status);

G_END_DECLS
