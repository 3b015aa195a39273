/* nb-review-set.h — a folder of reports reviewed together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nb-finding.h"
#include "nb-report.h"
#include "nb-review-types.h"

G_BEGIN_DECLS

#define NB_TYPE_REVIEW_ITEM (nb_review_item_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewItem, nb_review_item, NB, REVIEW_ITEM, GObject)

#define NB_TYPE_REVIEW_SET (nb_review_set_get_type ())
G_DECLARE_FINAL_TYPE (NbReviewSet, nb_review_set, NB, REVIEW_SET, GObject)

/* Called from the worker threads after each report: @done of @total are read. */
typedef void (*NbReviewProgressFunc) (NbReviewSet  *set,
                                      NbReviewItem *item,
                                      guint         done,
                                      guint         total,
                                      gpointer      user_data);

const char     *nb_review_item_get_path          (NbReviewItem  *self);
const char     *nb_review_item_get_display_name  (NbReviewItem  *self);
const char     *nb_review_item_get_hash          (NbReviewItem  *self);
const char     *nb_review_item_get_previous_hash (NbReviewItem  *self);
gboolean        nb_review_item_get_loaded        (NbReviewItem  *self);
const GError   *nb_review_item_get_error         (NbReviewItem  *self);
NbReport       *nb_review_item_get_report        (NbReviewItem  *self);
const char     *nb_review_item_get_agency        (NbReviewItem  *self);
int             nb_review_item_get_year          (NbReviewItem  *self);
guint           nb_review_item_count             (NbReviewItem  *self,
                                                  NbSeverity     severity);
GHashTable     *nb_review_item_get_rule_counts   (NbReviewItem  *self);
GListModel     *nb_review_item_get_set_findings  (NbReviewItem  *self);
gboolean        nb_review_item_get_copied_from   (NbReviewItem  *self,
                                                  NbFinding     *finding,
                                                  NbReviewItem **other,
                                                  NbSpan        *span);
NbReviewStatus  nb_review_item_get_status        (NbReviewItem  *self);
gboolean        nb_review_item_set_status        (NbReviewItem  *self,
                                                  NbReviewStatus status,
                                                  GError       **error);
const char     *nb_review_item_get_note          (NbReviewItem  *self);
gboolean        nb_review_item_set_note          (NbReviewItem  *self,
                                                  const char    *note,
                                                  GError       **error);
gboolean        nb_review_item_save_corrections  (NbReviewItem  *self,
                                                  GError       **error);
GPtrArray      *nb_review_item_get_old_corrections (NbReviewItem *self);
gboolean        nb_review_item_forget_previous   (NbReviewItem  *self,
                                                  GError       **error);
gboolean        nb_review_item_refresh           (NbReviewItem  *self);

NbReviewSet    *nb_review_set_new                (void);
gboolean        nb_review_set_add                (NbReviewSet   *self,
                                                  const char    *path,
                                                  GError       **error);
gboolean        nb_review_set_open_store         (NbReviewSet   *self,
                                                  const char    *path,
                                                  gboolean       read_only,
                                                  GError       **error);
const char     *nb_review_set_get_store_path     (NbReviewSet   *self);
char           *nb_review_set_default_store_path (NbReviewSet   *self);
void            nb_review_set_set_keep_reports   (NbReviewSet   *self,
                                                  gboolean       keep);
GListModel     *nb_review_set_get_items          (NbReviewSet   *self);
guint           nb_review_set_get_n_items        (NbReviewSet   *self);
NbReviewItem   *nb_review_set_get_item           (NbReviewSet   *self,
                                                  guint          index);

void            nb_review_set_parse              (NbReviewSet          *self,
                                                  guint                 n_threads,
                                                  GCancellable         *cancellable,
                                                  NbReviewProgressFunc  progress,
                                                  gpointer              user_data);
void            nb_review_item_publish           (NbReviewItem  *self);
void            nb_review_set_finish             (NbReviewSet   *self);
void            nb_review_set_load               (NbReviewSet   *self,
                                                  guint          n_threads,
                                                  GCancellable  *cancellable);
void            nb_review_set_check              (NbReviewSet   *self);

char           *nb_review_set_to_csv             (NbReviewSet   *self,
                                                  gsize         *length);
char           *nb_review_set_to_json            (NbReviewSet   *self,
                                                  gsize         *length);
gboolean        nb_review_set_write_xlsx         (NbReviewSet   *self,
                                                  const char    *path,
                                                  GError       **error);
char           *nb_review_set_to_sheet           (NbReviewSet   *self,
                                                  NbReviewItem  *item);

gboolean        nb_review_is_report_name         (const char    *name);

G_END_DECLS
