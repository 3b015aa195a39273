/* nb-review-sidebar.h — a review set beside the review window: its reports, their
 * status, note and counts, filtered and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <nianbao.h>

#include "nb-window.h"

G_BEGIN_DECLS

typedef enum
{
  NB_REVIEW_SORT_FILE,
  NB_REVIEW_SORT_AGENCY,
  NB_REVIEW_SORT_ERRORS,
} NbReviewSort;

#define NB_TYPE_REVIEW_SIDEBAR (nb_review_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewSidebar, nb_review_sidebar, NB, REVIEW_SIDEBAR, GtkBox)

NbReviewSidebar *nb_review_sidebar_new           (NbWindow         *window);
gboolean         nb_review_sidebar_load          (NbReviewSidebar  *self,
                                                  GFile           **files,
                                                  int               n_files,
                                                  GError          **error);
gboolean         nb_review_sidebar_is_loading    (NbReviewSidebar  *self);
void             nb_review_sidebar_cancel        (NbReviewSidebar  *self);
NbReviewSet     *nb_review_sidebar_get_set       (NbReviewSidebar  *self);
GListModel      *nb_review_sidebar_get_shown     (NbReviewSidebar  *self);
void             nb_review_sidebar_set_filter    (NbReviewSidebar  *self,
                                                  gboolean          only_errors,
                                                  gboolean          only_new);
void             nb_review_sidebar_set_sort      (NbReviewSidebar  *self,
                                                  NbReviewSort      sort);
void             nb_review_sidebar_select        (NbReviewSidebar  *self,
                                                  guint             position);
NbReviewItem    *nb_review_sidebar_get_selected  (NbReviewSidebar  *self);
gboolean         nb_review_sidebar_go_to         (NbReviewSidebar  *self,
                                                  NbReviewItem     *item,
                                                  NbSpan            span);
gboolean         nb_review_sidebar_set_status    (NbReviewSidebar  *self,
                                                  NbReviewStatus    status);
void             nb_review_sidebar_set_note      (NbReviewSidebar  *self,
                                                  const char       *note);
const char      *nb_review_sidebar_get_message   (NbReviewSidebar  *self);
void             nb_review_sidebar_apply_old_corrections (NbReviewSidebar *self);
void             nb_review_sidebar_print         (NbReviewSidebar  *self,
                                                  const char       *pdf_path);

NbReviewSidebar *nb_review_sidebar_get_for_window (NbWindow        *window);
void             nb_review_sidebar_add_actions   (GtkApplication   *app);
gboolean         nb_review_sidebar_wants         (GFile           **files,
                                                  int               n_files);
NbWindow        *nb_review_sidebar_open          (GtkApplication   *app,
                                                  GFile           **files,
                                                  int               n_files);

G_END_DECLS
