/* nb-review-store.h — a review set's state, kept in SQLite: status, note and corrections per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <glib-object.h>

#include "nb-review-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *cell;       /* a cell id, "requests.new.total" */
  char *printed;    /* the value as printed in the report ("" when blank) */
  char *corrected;  /* the reviewer's value ("" for blank) */
} NbCorrection;

void          nb_correction_free                (NbCorrection    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCorrection, nb_correction_free)

#define NB_TYPE_REVIEW_STORE (nb_review_store_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewStore, nb_review_store, NB, REVIEW_STORE, GObject)

NbReviewStore *nb_review_store_open             (const char      *path,
                                                 gboolean         read_only,
                                                 GError         **error);
const char    *nb_review_store_get_path         (NbReviewStore   *self);
char          *nb_review_store_resolve          (NbReviewStore   *self,
                                                 const char      *member);

gboolean       nb_review_store_track_file       (NbReviewStore   *self,
                                                 const char      *path,
                                                 const char      *hash,
                                                 char           **previous_hash,
                                                 GError         **error);
gboolean       nb_review_store_begin            (NbReviewStore   *self,
                                                 GError         **error);
gboolean       nb_review_store_commit           (NbReviewStore   *self,
                                                 GError         **error);
gboolean       nb_review_store_forget_previous  (NbReviewStore   *self,
                                                 const char      *path,
                                                 GError         **error);
GStrv          nb_review_store_list_files       (NbReviewStore   *self);

NbReviewStatus nb_review_store_get_status       (NbReviewStore   *self,
                                                 const char      *hash);
gboolean       nb_review_store_set_status       (NbReviewStore   *self,
                                                 const char      *hash,
                                                 NbReviewStatus   status,
                                                 GError         **error);
char          *nb_review_store_get_note         (NbReviewStore   *self,
                                                 const char      *hash);
gboolean       nb_review_store_set_note         (NbReviewStore   *self,
                                                 const char      *hash,
                                                 const char      *note,
                                                 GError         **error);
GPtrArray     *nb_review_store_get_corrections  (NbReviewStore   *self,
                                                 const char      *hash);
gboolean       nb_review_store_set_correction   (NbReviewStore   *self,
                                                 const char      *hash,
                                                 const char      *cell,
                                                 const char      *printed,
                                                 const char      *corrected,
                                                 GError         **error);
gboolean       nb_review_store_has_review       (NbReviewStore   *self,
                                                 const char      *hash);

G_END_DECLS
