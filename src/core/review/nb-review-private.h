/* nb-review-private.h — what the review-set modules share: each report's digest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-finding.h"
#include "nb-report.h"
#include "nb-review-set.h"
#include "nb-schema.h"

G_BEGIN_DECLS

/* the key figures of a summary line */
typedef enum
{
  NB_FIGURE_NEW,                 /* 本年新收 总计 */
  NB_FIGURE_PUBLIC,              /* 予以公开 总计 */
  NB_FIGURE_CARRIED_OVER,        /* 结转下年度继续办理 总计 */
  NB_FIGURE_REVIEW,              /* 行政复议 总计 */
  NB_FIGURE_LITIGATION,          /* 行政诉讼 总计 (direct + after review) */
  NB_FIGURE_REGULATIONS_ISSUED,  /* 规章 本年制发 (2019: 本年新制作) */
  NB_FIGURE_NORMATIVE_ISSUED,    /* 规范性文件 本年制发 (2019: 本年新制作) */
  NB_FIGURE_NORMATIVE_IN_FORCE,  /* 规范性文件 现行有效 (2019: 对外公开总数量) */
  NB_FIGURE_LICENSING,           /* 行政许可 处理决定数量 */
  NB_FIGURE_PUNISHMENT,          /* 行政处罚 处理决定数量 */
  NB_N_FIGURES
} NbFigure;

/* One sentence of a report's prose, as the copied-text index sees it: only
 * letters and ideographs, each run of digits one '#', the report's own name '@'. */
typedef struct
{
  gunichar *chars;
  guint    *src;     /* each char's code point in the decoded text */
  guint     n;
} NbSentence;

/* What the set's rules need of a report, taken while it is parsed, so that a set
 * of thousands need not keep every report. */
typedef struct
{
  NbEdition   edition;
  char       *agency;
  char       *agency_key;   /* normalised: NFKC, no spaces or punctuation */
  int         year;
  double      carried_in[NB_N_REQUEST_COLUMNS];
  double      carried_over[NB_N_REQUEST_COLUMNS];
  int         carried_in_cell[NB_N_REQUEST_COLUMNS];
  guint8      has_carried_in[NB_N_REQUEST_COLUMNS];
  guint8      has_carried_over[NB_N_REQUEST_COLUMNS];
  double      normative[3];   /* 2021: issued, repealed, in_force */
  int         normative_cell[3];
  guint8      has_normative[3];
  double      figures[NB_N_FIGURES];
  guint8      has_figure[NB_N_FIGURES];
  GArray     *sentences;    /* NbSentence */
  GPtrArray  *own_findings; /* NbFinding: set rules about the report alone (meta.agency 本中心) */
  GHashTable *rules;        /* rule id → count of the report's own findings */
  guint       counts[3];    /* the report's own findings by severity */
} NbDigest;

void        nb_digest_free            (NbDigest      *digest);
NbDigest   *nb_digest_new             (NbReport      *report);
void        nb_digest_count_findings  (NbDigest      *digest,
                                       NbReport      *report);
const char *nb_figure_id              (NbFigure       figure);
const char *nb_figure_label           (NbFigure       figure);

/* A series.copied_text finding's other passage: the report of the set (its index)
 * and its span there; kept as the finding's data under this key. */
#define NB_COPY_SOURCE_KEY "nb-review-copy-source"
typedef struct
{
  guint  report;
  NbSpan span;
} NbCopySource;

/* nb-review-set.c */
NbDigest   *nb_review_item_peek_digest  (NbReviewItem *item);

/* nb-review-copied.c */
void        nb_review_collect_sentences (NbDigest    *digest,
                                         NbReport    *report);
void        nb_review_find_copied       (NbDigest   **digests,
                                         const char **names,
                                         guint        n,
                                         GPtrArray  **findings);

/* nb-review-series.c */
void        nb_review_check_self_names  (NbDigest    *digest);
void        nb_review_check_series      (NbDigest   **digests,
                                         const char **names,
                                         guint        n,
                                         GPtrArray  **findings);
void        nb_review_check_other_names (NbDigest   **digests,
                                         const char **names,
                                         guint        n,
                                         GPtrArray  **findings);
char       *nb_review_normalize_agency  (const char  *agency);

G_END_DECLS
