/* nb-review-types.c — a review status as stored, printed and shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-review-types.h"

static const char *const status_ids[] = { "new", "needs_changes", "reviewed" };

const char *
nb_review_status_to_string (NbReviewStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_ids) ? status_ids[status] : "new";
}

const char *
nb_review_status_label (NbReviewStatus status,
                        gboolean       english)
{
  switch (status)
    {
    case NB_REVIEW_STATUS_NEEDS_CHANGES: return english ? "needs changes" : "需修改";
    case NB_REVIEW_STATUS_REVIEWED: return english ? "reviewed" : "已审核";
    case NB_REVIEW_STATUS_NEW:
    default: return english ? "not yet looked at" : "未审";
    }
}

gboolean
nb_review_status_from_string (const char     *s,
                              NbReviewStatus *status)
{
  for (guint i = 0; s && i < G_N_ELEMENTS (status_ids); i++)
    if (g_str_equal (s, status_ids[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}
