/* nb-review-set.c — a folder of reports reviewed together
 *
 * Reading a set happens in two steps, so that a window can fill its list as the
 * reports come: nb_review_set_parse() reads and checks every report on a pool of
 * threads (one per processor), each worker keeping only a digest of its report
 * unless the set keeps the reports; nb_review_item_publish() then makes a report's
 * results visible, in the main thread; nb_review_set_finish() publishes what is
 * left, looks each report up in the review set's store and runs the rules that
 * look across the set (series.*, meta.agency across reports).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-loader.h"
#include "nb-report-private.h"
#include "nb-review-private.h"
#include "nb-schema.h"
#ifdef HAVE_SQLITE
# include "nb-review-store.h"
#endif

struct _NbReviewItem
{
  GObject         parent_instance;

  NbReviewSet    *set;          /* unowned */
  char           *path;
  char           *display;

  /* written by a worker, read once it is done */
  NbReport       *w_report;
  GError         *w_error;
  char           *w_hash;
  NbDigest       *w_digest;
  gboolean        w_done;

  /* the main thread's */
  gboolean        loaded;
  NbReport       *report;
  GError         *error;
  char           *hash;
  char           *previous_hash;
  NbDigest       *digest;
  NbReviewStatus  status;
  char           *note;
  GListStore     *set_findings;
  GHashTable     *rules;
  guint           counts[3];
};

struct _NbReviewSet
{
  GObject       parent_instance;

  GListStore   *items;
  GPtrArray    *array;   /* the same items: read by the workers, which must not touch
                          * the GListStore (its position cache) while a view reads it */
  GHashTable   *paths;   /* canonical path → TRUE: each report once */
  gboolean      keep_reports;
  char         *first_dir;
#ifdef HAVE_SQLITE
  NbReviewStore *store;
#endif

  GMutex        lock;
  guint         done;
  NbReviewProgressFunc progress;
  gpointer      progress_data;
  GCancellable *cancellable;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_LOADED,
  ITEM_PROP_STATUS,
  ITEM_PROP_NOTE,
  ITEM_PROP_N_ERRORS,
  ITEM_PROP_N_WARNINGS,
  N_ITEM_PROPS
};

static GParamSpec *item_props[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (NbReviewItem, nb_review_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (NbReviewSet, nb_review_set, G_TYPE_OBJECT)

/* -------------------------------------------------------------------------- */
/* the digest */

static const struct
{
  const char *id;
  const char *label;
  const char *cells_2021[2];
  const char *cells_2019[2];
} figures[NB_N_FIGURES] = {
  { "new", "本年新收", { "requests.new.total" }, { "requests.new.total" } },
  { "public", "予以公开", { "requests.public.total" }, { "requests.public.total" } },
  { "carried_over", "结转下年度", { "requests.carried_over.total" }, { "requests.carried_over.total" } },
  { "review", "行政复议", { "appeals.review.total" }, { "appeals.review.total" } },
  { "litigation", "行政诉讼",
    { "appeals.litigation_direct.total", "appeals.litigation_after_review.total" },
    { "appeals.litigation_direct.total", "appeals.litigation_after_review.total" } },
  { "regulations_issued", "规章制发", { "active.regulations.issued" }, { "active.regulations.created" } },
  { "normative_issued", "规范性文件制发", { "active.normative_documents.issued" },
    { "active.normative_documents.created" } },
  { "normative_in_force", "规范性文件现行有效", { "active.normative_documents.in_force" },
    { "active.normative_documents.total" } },
  { "licensing", "行政许可", { "active.licensing" }, { "active.licensing.decisions" } },
  { "punishment", "行政处罚", { "active.punishment" }, { "active.punishment.decisions" } },
};

const char *
nb_figure_id (NbFigure figure)
{
  return figures[figure].id;
}

const char *
nb_figure_label (NbFigure figure)
{
  return figures[figure].label;
}

void
nb_digest_free (NbDigest *digest)
{
  if (digest == NULL)
    return;
  g_free (digest->agency);
  g_free (digest->agency_key);
  if (digest->sentences)
    {
      for (guint i = 0; i < digest->sentences->len; i++)
        {
          NbSentence *s = &g_array_index (digest->sentences, NbSentence, i);

          g_free (s->chars);
          g_free (s->src);
        }
      g_array_unref (digest->sentences);
    }
  g_clear_pointer (&digest->own_findings, g_ptr_array_unref);
  g_clear_pointer (&digest->rules, g_hash_table_unref);
  g_free (digest);
}

void
nb_digest_count_findings (NbDigest *digest,
                          NbReport *report)
{
  GListModel *findings = nb_report_get_findings (report);
  guint n = g_list_model_get_n_items (findings);

  g_clear_pointer (&digest->rules, g_hash_table_unref);
  digest->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  memset (digest->counts, 0, sizeof digest->counts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      const char *rule = nb_finding_get_rule (f);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (digest->rules, rule));

      g_hash_table_replace (digest->rules, g_strdup (rule), GUINT_TO_POINTER (count + 1));
      digest->counts[nb_finding_get_severity (f)]++;
    }
}

static gboolean
cell_value (NbReport   *report,
            const char *id,
            double     *value,
            int        *cell)
{
  int index = nb_schema_lookup (nb_report_get_edition (report), id);

  if (cell)
    *cell = index;
  return index >= 0 && nb_report_get_value (report, index, value);
}

/* The figures of @report that the set's rules and the summary read, taken again
 * (after corrections). Returns: whether those the rules across the set compare
 * (上年结转, 结转下年度, the normative documents) changed. */
static gboolean
digest_take_figures (NbDigest *d,
                     NbReport *report)
{
  NbEdition ed = nb_report_get_edition (report);
  guint carried_in = nb_schema_request_row_index (ed, "carried_in");
  guint carried_over = nb_schema_request_row_index (ed, "carried_over");
  NbDigest before = *d;

  memset (d->carried_in, 0, sizeof d->carried_in);
  memset (d->carried_over, 0, sizeof d->carried_over);
  memset (d->normative, 0, sizeof d->normative);
  memset (d->has_normative, 0, sizeof d->has_normative);
  memset (d->figures, 0, sizeof d->figures);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      int in = nb_schema_request_cell (ed, carried_in, c);
      int out = nb_schema_request_cell (ed, carried_over, c);

      d->carried_in_cell[c] = in;
      d->has_carried_in[c] = in >= 0 && nb_report_get_value (report, in, &d->carried_in[c]);
      d->has_carried_over[c] = out >= 0 && nb_report_get_value (report, out, &d->carried_over[c]);
    }
  if (ed == NB_EDITION_2021)
    {
      static const char *const ids[3] = { "active.normative_documents.issued",
                                          "active.normative_documents.repealed",
                                          "active.normative_documents.in_force" };

      for (guint i = 0; i < 3; i++)
        d->has_normative[i] = cell_value (report, ids[i], &d->normative[i], &d->normative_cell[i]);
    }

  for (guint f = 0; f < NB_N_FIGURES; f++)
    {
      const char *const *ids = ed == NB_EDITION_2021 ? figures[f].cells_2021 : figures[f].cells_2019;

      d->has_figure[f] = TRUE;
      for (guint i = 0; i < 2 && ids[i]; i++)
        {
          double v;

          if (cell_value (report, ids[i], &v, NULL))
            d->figures[f] += v;
          else
            d->has_figure[f] = FALSE;
        }
    }
  return memcmp (before.carried_in, d->carried_in, sizeof d->carried_in) != 0 ||
         memcmp (before.carried_over, d->carried_over, sizeof d->carried_over) != 0 ||
         memcmp (before.has_carried_in, d->has_carried_in, sizeof d->has_carried_in) != 0 ||
         memcmp (before.has_carried_over, d->has_carried_over, sizeof d->has_carried_over) != 0 ||
         memcmp (before.normative, d->normative, sizeof d->normative) != 0 ||
         memcmp (before.has_normative, d->has_normative, sizeof d->has_normative) != 0;
}

NbDigest *
nb_digest_new (NbReport *report)
{
  NbDigest *d = g_new0 (NbDigest, 1);

  d->edition = nb_report_get_edition (report);
  d->agency = g_strdup (nb_report_get_agency (report));
  d->agency_key = nb_review_normalize_agency (d->agency);
  d->year = nb_report_get_year (report);
  digest_take_figures (d, report);

  nb_digest_count_findings (d, report);
  nb_review_collect_sentences (d, report);
  nb_review_check_self_names (d);
  return d;
}

/* -------------------------------------------------------------------------- */
/* items */

static void
nb_review_item_finalize (GObject *object)
{
  NbReviewItem *self = NB_REVIEW_ITEM (object);

  g_free (self->path);
  g_free (self->display);
  g_clear_object (&self->w_report);
  g_clear_error (&self->w_error);
  g_free (self->w_hash);
  nb_digest_free (self->w_digest);
  g_clear_object (&self->report);
  g_clear_error (&self->error);
  g_free (self->hash);
  g_free (self->previous_hash);
  nb_digest_free (self->digest);
  g_free (self->note);
  g_clear_object (&self->set_findings);
  g_clear_pointer (&self->rules, g_hash_table_unref);
  G_OBJECT_CLASS (nb_review_item_parent_class)->finalize (object);
}

static void
nb_review_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbReviewItem *self = NB_REVIEW_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case ITEM_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case ITEM_PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case ITEM_PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[NB_SEVERITY_ERROR]);
      break;
    case ITEM_PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[NB_SEVERITY_WARNING]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_review_item_class_init (NbReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_review_item_finalize;
  object_class->get_property = nb_review_item_get_property;

  item_props[ITEM_PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_props[ITEM_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, NB_N_REVIEW_STATUSES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_props[ITEM_PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_props[ITEM_PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_props[ITEM_PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_props);
}

static void
nb_review_item_init (NbReviewItem *self)
{
  self->note = g_strdup ("");
  self->set_findings = g_list_store_new (NB_TYPE_FINDING);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

const char *
nb_review_item_get_path (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->path;
}

/**
 * nb_review_item_get_display_name:
 *
 * Returns: the file's name without its folder
 */
const char *
nb_review_item_get_display_name (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->display;
}

const char *
nb_review_item_get_hash (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->hash;
}

/**
 * nb_review_item_get_previous_hash:
 *
 * Returns: (nullable): the hash of this file's bytes when it was last reviewed,
 *   when they have changed since; %NULL otherwise
 */
const char *
nb_review_item_get_previous_hash (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->previous_hash;
}

gboolean
nb_review_item_get_loaded (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);
  return self->loaded;
}

/**
 * nb_review_item_get_error:
 *
 * Returns: (nullable): why the file could not be read as a report
 */
const GError *
nb_review_item_get_error (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->error;
}

/**
 * nb_review_item_get_report:
 *
 * Returns: (transfer none) (nullable): the report, when the set keeps its reports
 */
NbReport *
nb_review_item_get_report (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->report;
}

const char *
nb_review_item_get_agency (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->digest ? self->digest->agency : NULL;
}

NbDigest *
nb_review_item_peek_digest (NbReviewItem *self)
{
  return self->digest;
}

int
nb_review_item_get_year (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);
  return self->digest ? self->digest->year : 0;
}

/**
 * nb_review_item_count:
 *
 * Returns: the number of findings of @severity: the report's own and the set's
 */
guint
nb_review_item_count (NbReviewItem *self,
                      NbSeverity    severity)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);
  g_return_val_if_fail (severity <= NB_SEVERITY_ERROR, 0);
  return self->counts[severity];
}

/**
 * nb_review_item_get_rule_counts:
 *
 * Returns: (transfer none) (element-type utf8 guint): rule id → number of findings
 */
GHashTable *
nb_review_item_get_rule_counts (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return self->rules;
}

/**
 * nb_review_item_get_set_findings:
 *
 * Returns: (transfer none): the findings of the rules that look across the set
 */
GListModel *
nb_review_item_get_set_findings (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);
  return G_LIST_MODEL (self->set_findings);
}

/**
 * nb_review_item_get_copied_from:
 * @finding: one of the item's set findings
 * @other: (out) (transfer none): the report of the set with the same passage
 * @span: (out): the passage there
 *
 * Returns: whether @finding is copied text, with its other passage known
 */
gboolean
nb_review_item_get_copied_from (NbReviewItem  *self,
                                NbFinding     *finding,
                                NbReviewItem **other,
                                NbSpan        *span)
{
  NbCopySource *from;

  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);
  g_return_val_if_fail (NB_IS_FINDING (finding), FALSE);

  from = g_object_get_data (G_OBJECT (finding), NB_COPY_SOURCE_KEY);
  if (from == NULL || from->report >= nb_review_set_get_n_items (self->set))
    return FALSE;
  *other = nb_review_set_get_item (self->set, from->report);
  *span = from->span;
  return TRUE;
}

NbReviewStatus
nb_review_item_get_status (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NB_REVIEW_STATUS_NEW);
  return self->status;
}

const char *
nb_review_item_get_note (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), "");
  return self->note;
}

static gboolean
no_store (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The review set has no file to keep its state in"));
  return FALSE;
}

/**
 * nb_review_item_set_status:
 *
 * Sets the status and stores it at once (one transaction).
 */
gboolean
nb_review_item_set_status (NbReviewItem    *self,
                           NbReviewStatus   status,
                           GError         **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);

#ifdef HAVE_SQLITE
  if (self->set->store == NULL || self->hash == NULL)
    return no_store (error);
  if (!nb_review_store_set_status (self->set->store, self->hash, status, error))
    return FALSE;
#else
  return no_store (error);
#endif
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_STATUS]);
    }
  return TRUE;
}

/**
 * nb_review_item_set_note:
 *
 * Sets the note and stores it at once (one transaction).
 */
gboolean
nb_review_item_set_note (NbReviewItem  *self,
                         const char    *note,
                         GError       **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);

  if (note == NULL)
    note = "";
#ifdef HAVE_SQLITE
  if (self->set->store == NULL || self->hash == NULL)
    return no_store (error);
  if (!nb_review_store_set_note (self->set->store, self->hash, note, error))
    return FALSE;
#else
  return no_store (error);
#endif
  if (g_strcmp0 (self->note, note) != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_NOTE]);
    }
  return TRUE;
}

/**
 * nb_review_item_save_corrections:
 *
 * Stores the kept report's corrected cells (cell id, value as printed, corrected
 * value), one transaction per cell that changed since the last save; cells whose
 * correction was taken back are removed.
 */
gboolean
nb_review_item_save_corrections (NbReviewItem  *self,
                                 GError       **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

#ifdef HAVE_SQLITE
  {
    NbReport *report = self->report;
    NbEdition ed = nb_report_get_edition (report);
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);

    if (self->set->store == NULL || self->hash == NULL)
      return no_store (error);
    stored = nb_review_store_get_corrections (self->set->store, self->hash);
    for (guint i = 0; i < stored->len; i++)
      {
        NbCorrection *c = g_ptr_array_index (stored, i);

        g_hash_table_insert (old, c->cell, c);
      }

    for (guint cell = 0; cell < nb_report_get_n_cells (report); cell++)
      {
        const char *id = nb_schema_get_cell (ed, cell)->id;
        NbCorrection *was = g_hash_table_lookup (old, id);
        gboolean had_value;
        double original;

        if (nb_report_get_corrected (report, cell, &had_value, &original))
          {
            g_autofree char *printed = had_value ? nb_format_number (original) : g_strdup ("");
            g_autofree char *now = nb_report_format_value (report, cell);

            if (now == NULL)
              now = g_strdup ("");
            if (was == NULL || !g_str_equal (was->corrected, now))
              if (!nb_review_store_set_correction (self->set->store, self->hash, id, printed, now, error))
                return FALSE;
          }
        else if (was != NULL &&
                 !nb_review_store_set_correction (self->set->store, self->hash, id, NULL, NULL, error))
          return FALSE;
      }
    return TRUE;
  }
#else
  return no_store (error);
#endif
}

/**
 * nb_review_item_get_old_corrections:
 *
 * Returns: (transfer full) (element-type NbCorrection) (nullable): the corrections
 *   made to this file before its bytes changed; %NULL when it has not changed
 */
GPtrArray *
nb_review_item_get_old_corrections (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

#ifdef HAVE_SQLITE
  if (self->set->store && self->previous_hash)
    return nb_review_store_get_corrections (self->set->store, self->previous_hash);
#endif
  return NULL;
}

/**
 * nb_review_item_forget_previous:
 *
 * The reviewer has dealt with the corrections made before the file changed: they
 * are no longer offered (they stay stored under the old bytes' hash).
 */
gboolean
nb_review_item_forget_previous (NbReviewItem  *self,
                                GError       **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);

  if (self->previous_hash == NULL)
    return TRUE;
#ifdef HAVE_SQLITE
  if (self->set->store == NULL)
    return no_store (error);
  if (!nb_review_store_forget_previous (self->set->store, self->path, error))
    return FALSE;
#endif
  g_clear_pointer (&self->previous_hash, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_STATUS]);
  return TRUE;
}

static void
item_recount (NbReviewItem *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->set_findings));
  guint old_errors = self->counts[NB_SEVERITY_ERROR], old_warnings = self->counts[NB_SEVERITY_WARNING];
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->rules);
  memset (self->counts, 0, sizeof self->counts);
  if (self->digest)
    {
      memcpy (self->counts, self->digest->counts, sizeof self->counts);
      g_hash_table_iter_init (&iter, self->digest->rules);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->rules, g_strdup (key), value);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (G_LIST_MODEL (self->set_findings), i);
      const char *rule = nb_finding_get_rule (f);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->rules, rule));

      g_hash_table_replace (self->rules, g_strdup (rule), GUINT_TO_POINTER (count + 1));
      self->counts[nb_finding_get_severity (f)]++;
    }
  if (old_errors != self->counts[NB_SEVERITY_ERROR])
    g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_N_ERRORS]);
  if (old_warnings != self->counts[NB_SEVERITY_WARNING])
    g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_N_WARNINGS]);
}

/**
 * nb_review_item_refresh:
 *
 * Counts the kept report's findings again, after it was corrected and checked, and
 * takes its figures again: a correction to 上年结转, 结转下年度 or the normative
 * documents runs the rules across the set again (nb_review_set_check ()).
 *
 * Returns: whether the set's rules ran again: every item's set findings are new
 */
gboolean
nb_review_item_refresh (NbReviewItem *self)
{
  gboolean again = FALSE;

  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), FALSE);

  if (self->report && self->digest)
    {
      again = digest_take_figures (self->digest, self->report);
      nb_digest_count_findings (self->digest, self->report);
    }
  if (again)
    nb_review_set_check (self->set);
  else
    item_recount (self);
  return again;
}

/**
 * nb_review_item_publish:
 *
 * Makes a worker's result visible; call it in the main thread, after the progress
 * function named the item (or after nb_review_set_parse() returned).
 */
void
nb_review_item_publish (NbReviewItem *self)
{
  g_return_if_fail (NB_IS_REVIEW_ITEM (self));

  if (self->loaded || !self->w_done)
    return;
  self->report = g_steal_pointer (&self->w_report);
  self->error = g_steal_pointer (&self->w_error);
  self->hash = g_steal_pointer (&self->w_hash);
  self->digest = g_steal_pointer (&self->w_digest);
  self->loaded = TRUE;
  item_recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), item_props[ITEM_PROP_LOADED]);
}

/* -------------------------------------------------------------------------- */
/* the set */

static void
nb_review_set_finalize (GObject *object)
{
  NbReviewSet *self = NB_REVIEW_SET (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->array, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_hash_table_unref);
  g_free (self->first_dir);
#ifdef HAVE_SQLITE
  g_clear_object (&self->store);
#endif
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (nb_review_set_parent_class)->finalize (object);
}

static void
nb_review_set_class_init (NbReviewSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_review_set_finalize;
}

static void
nb_review_set_init (NbReviewSet *self)
{
  self->items = g_list_store_new (NB_TYPE_REVIEW_ITEM);
  self->array = g_ptr_array_new_with_free_func (g_object_unref);
  self->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);
}

NbReviewSet *
nb_review_set_new (void)
{
  return g_object_new (NB_TYPE_REVIEW_SET, NULL);
}

/**
 * nb_review_set_set_keep_reports:
 *
 * Whether each item keeps its #NbReport (a window does); by default only what
 * the summary and the set's rules need is kept.
 */
void
nb_review_set_set_keep_reports (NbReviewSet *self,
                                gboolean     keep)
{
  g_return_if_fail (NB_IS_REVIEW_SET (self));
  self->keep_reports = keep;
}

/**
 * nb_review_is_report_name:
 *
 * Returns: whether a file of this name in a folder is taken as a report
 */
gboolean
nb_review_is_report_name (const char *name)
{
  static const char *const extensions[] = { ".txt", ".pdf", ".docx", ".doc", ".html", ".htm" };
  g_autofree char *lower = NULL;

  if (name == NULL || name[0] == '.')
    return FALSE;
  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static void
add_item (NbReviewSet *self,
          const char  *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(NbReviewItem) item = NULL;

  if (g_hash_table_contains (self->paths, canonical))
    return;
  item = g_object_new (NB_TYPE_REVIEW_ITEM, NULL);
  item->set = self;
  item->path = g_strdup (path);
  item->display = g_path_get_basename (path);
  g_hash_table_add (self->paths, g_steal_pointer (&canonical));
  if (self->first_dir == NULL)
    self->first_dir = g_path_get_dirname (path);
  g_ptr_array_add (self->array, g_object_ref (item));
  g_list_store_append (self->items, item);
}

/* byte order: the same on every machine, and quick for a folder of thousands */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * nb_review_set_add:
 * @path: a report, a folder (its reports, in name order; not its sub-folders),
 *   or a review set's file (its reports, and the file keeps the review's state)
 *
 * Adds reports to the set; each file once.
 */
gboolean
nb_review_set_add (NbReviewSet  *self,
                   const char   *path,
                   GError      **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *full = g_build_filename (path, name, NULL);

          if (nb_review_is_report_name (name) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (names, g_steal_pointer (&full));
        }
      g_ptr_array_sort (names, compare_names);
      if (self->first_dir == NULL)
        self->first_dir = g_strdup (path);
      for (guint i = 0; i < names->len; i++)
        add_item (self, g_ptr_array_index (names, i));
      return TRUE;
    }

  if (g_str_has_suffix (path, NB_REVIEW_SET_EXTENSION))
    {
#ifdef HAVE_SQLITE
      g_auto(GStrv) members = NULL;

      if (self->store == NULL && !nb_review_set_open_store (self, path, FALSE, error))
        return FALSE;
      members = nb_review_store_list_files (self->store);
      for (guint i = 0; members[i]; i++)
        {
          g_autofree char *full = nb_review_store_resolve (self->store, members[i]);

          add_item (self, full);
        }
      return TRUE;
#else
      return no_store (error);
#endif
    }

  add_item (self, path);
  return TRUE;
}

/**
 * nb_review_set_open_store:
 * @path: the review set's file (created unless @read_only)
 *
 * Keeps the review's state (status, note, corrections) in @path. The reports
 * already in the set, and those added later, become its members.
 */
gboolean
nb_review_set_open_store (NbReviewSet  *self,
                          const char   *path,
                          gboolean      read_only,
                          GError      **error)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), FALSE);

#ifdef HAVE_SQLITE
  {
    NbReviewStore *store = nb_review_store_open (path, read_only, error);

    if (store == NULL)
      return FALSE;
    g_clear_object (&self->store);
    self->store = store;
    if (self->first_dir == NULL)
      self->first_dir = g_path_get_dirname (path);
    return TRUE;
  }
#else
  return no_store (error);
#endif
}

/**
 * nb_review_set_get_store_path:
 *
 * Returns: (nullable): the file that keeps the review's state
 */
const char *
nb_review_set_get_store_path (NbReviewSet *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), NULL);
#ifdef HAVE_SQLITE
  if (self->store)
    return nb_review_store_get_path (self->store);
#endif
  return NULL;
}

/**
 * nb_review_set_default_store_path:
 *
 * Returns: (transfer full) (nullable): where a new review set's state goes: in
 *   the first folder added, named after it ("2021年报.nianbao-review")
 */
char *
nb_review_set_default_store_path (NbReviewSet *self)
{
  g_autofree char *abs = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_SET (self), NULL);

  if (self->first_dir == NULL)
    return NULL;
  abs = g_canonicalize_filename (self->first_dir, NULL);
  base = g_path_get_basename (abs);
  if (g_str_equal (base, "/") || g_str_equal (base, "."))
    {
      g_free (base);
      base = g_strdup ("review");
    }
  name = g_strconcat (base, NB_REVIEW_SET_EXTENSION, NULL);
  return g_build_filename (abs, name, NULL);
}

/**
 * nb_review_set_get_items:
 *
 * Returns: (transfer none): the #NbReviewItem of each report, in the order added
 */
GListModel *
nb_review_set_get_items (NbReviewSet *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
nb_review_set_get_n_items (NbReviewSet *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), 0);
  return self->array->len;
}

/**
 * nb_review_set_get_item:
 *
 * Returns: (transfer none): the item at @index
 */
NbReviewItem *
nb_review_set_get_item (NbReviewSet *self,
                        guint        index)
{
  g_return_val_if_fail (NB_IS_REVIEW_SET (self), NULL);
  g_return_val_if_fail (index < self->array->len, NULL);
  return g_ptr_array_index (self->array, index);
}

static void
parse_one (NbReviewSet  *self,
           NbReviewItem *item,
           gboolean      need_hash)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!item->w_done && !item->loaded)
    {
      if (g_file_get_contents (item->path, &data, &len, &error))
        {
          NbReport *report = nb_loader_load_bytes ((const guint8 *) data, len, item->path,
                                                   self->cancellable, &error);

          /* stopped while its reader ran: the report stays unread, not in error */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (&error);
              return;
            }
          if (need_hash)
            item->w_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) data, len);
          if (report)
            {
              item->w_digest = nb_digest_new (report);
              if (self->keep_reports)
                item->w_report = report;
              else
                g_object_unref (report);
            }
        }
      item->w_error = error;
      item->w_done = TRUE;
    }

  if (self->progress)
    {
      guint done;

      g_mutex_lock (&self->lock);
      done = ++self->done;
      g_mutex_unlock (&self->lock);
      self->progress (self, item, done, nb_review_set_get_n_items (self), self->progress_data);
    }
}

typedef struct
{
  NbReviewSet *set;
  gboolean     need_hash;
} PoolData;

static void
pool_func (gpointer data,
           gpointer user_data)
{
  PoolData *pd = user_data;

  parse_one (pd->set, data, pd->need_hash);
}

/**
 * nb_review_set_parse:
 * @n_threads: how many reports to read at once; 0 for one per processor
 * @progress: (nullable) (scope call): called from the workers after each report
 *
 * Reads and checks every report not read yet. Blocks until all are done or
 * @cancellable is cancelled; may run in a thread of its own. The results become
 * visible through nb_review_item_publish() or nb_review_set_finish().
 */
void
nb_review_set_parse (NbReviewSet          *self,
                     guint                 n_threads,
                     GCancellable         *cancellable,
                     NbReviewProgressFunc  progress,
                     gpointer              user_data)
{
  guint n = nb_review_set_get_n_items (self);
  PoolData pd = { self, FALSE };
  GThreadPool *pool;

  g_return_if_fail (NB_IS_REVIEW_SET (self));

#ifdef HAVE_SQLITE
  pd.need_hash = self->store != NULL;
#endif
  self->done = 0;
  self->progress = progress;
  self->progress_data = user_data;
  self->cancellable = cancellable;
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = MAX (1, MIN (n_threads, n));

  if (n_threads <= 1)
    for (guint i = 0; i < n; i++)
      parse_one (self, nb_review_set_get_item (self, i), pd.need_hash);
  else
    {
      pool = g_thread_pool_new (pool_func, &pd, n_threads, TRUE, NULL);
      for (guint i = 0; i < n; i++)
        g_thread_pool_push (pool, nb_review_set_get_item (self, i), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  self->progress = NULL;
  self->progress_data = NULL;
  self->cancellable = NULL;
}

typedef struct
{
  NbDigest   **digests;
  const char **names;
  guint        n;
  GPtrArray  **found;
} NamesJob;

static gpointer
names_thread (gpointer data)
{
  NamesJob *job = data;

  nb_review_check_other_names (job->digests, job->names, job->n, job->found);
  return NULL;
}

/**
 * nb_review_set_check:
 *
 * Runs the rules that look across the set again (after reports were added or
 * corrected), replacing each item's set findings.
 */
void
nb_review_set_check (NbReviewSet *self)
{
  guint n = nb_review_set_get_n_items (self);
  g_autofree NbDigest **digests = g_new0 (NbDigest *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree GPtrArray **found = g_new0 (GPtrArray *, n + 1);

  g_return_if_fail (NB_IS_REVIEW_SET (self));

  for (guint i = 0; i < n; i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self, i);

      digests[i] = item->digest;
      names[i] = item->display;
      found[i] = g_ptr_array_new_with_free_func (g_object_unref);
      if (item->digest && item->digest->own_findings)
        for (guint k = 0; k < item->digest->own_findings->len; k++)
          g_ptr_array_add (found[i], g_object_ref (g_ptr_array_index (item->digest->own_findings, k)));
    }

  /* the agency names in one thread while the copied text is looked for in this one */
  {
    NamesJob job = { digests, names, n, g_new0 (GPtrArray *, n + 1) };
    GThread *thread;

    for (guint i = 0; i < n; i++)
      job.found[i] = g_ptr_array_new_with_free_func (g_object_unref);
    thread = g_thread_new ("nb-review-names", names_thread, &job);
    nb_review_check_series (digests, names, n, found);
    nb_review_find_copied (digests, names, n, found);
    g_thread_join (thread);
    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_extend_and_steal (found[i], job.found[i]);
      }
    g_free (job.found);
  }

  for (guint i = 0; i < n; i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self, i);
      guint old = g_list_model_get_n_items (G_LIST_MODEL (item->set_findings));

      g_list_store_splice (item->set_findings, 0, old, found[i]->pdata, found[i]->len);
      g_ptr_array_unref (found[i]);
      item_recount (item);
    }
}

#ifdef HAVE_SQLITE
/* A kept report gets the corrections made to it before, as they were stored. */
static void
apply_corrections (NbReviewSet  *self,
                   NbReviewItem *item)
{
  g_autoptr(GPtrArray) stored = nb_review_store_get_corrections (self->store, item->hash);
  NbReport *report = item->report;
  NbEdition ed = nb_report_get_edition (report);

  if (stored->len == 0)
    return;
  for (guint i = 0; i < stored->len; i++)
    {
      NbCorrection *c = g_ptr_array_index (stored, i);
      int cell = nb_schema_lookup (ed, c->cell);
      gboolean has_value;
      double value;

      if (cell >= 0 && nb_report_parse_value (report, cell, c->corrected, &has_value, &value))
        nb_report_set_value (report, cell, has_value, value);
    }
  nb_report_check (report);
  nb_report_set_modified (report, FALSE);
  digest_take_figures (item->digest, report);  /* the set's rules and the summary: as corrected */
  nb_digest_count_findings (item->digest, report);
  item_recount (item);
}
#endif

/**
 * nb_review_set_finish:
 *
 * Publishes every report read, looks each up in the review set's store (its
 * status, note, whether it changed since it was reviewed, and its corrections,
 * made again to a kept report), and runs the rules that look across the set.
 * Call it in the main thread.
 */
void
nb_review_set_finish (NbReviewSet *self)
{
  guint n = nb_review_set_get_n_items (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NB_IS_REVIEW_SET (self));

#ifdef HAVE_SQLITE
  /* the files of the set recorded in one transaction: one sync, not one per file */
  if (self->store && !nb_review_store_begin (self->store, &error))
    g_warning ("%s", error->message);
#endif
  for (guint i = 0; i < n; i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self, i);

      nb_review_item_publish (item);
#ifdef HAVE_SQLITE
      if (self->store && item->hash)
        {
          g_autoptr(GError) track_error = NULL;

          g_clear_pointer (&item->previous_hash, g_free);
          if (!nb_review_store_track_file (self->store, item->path, item->hash, &item->previous_hash, &track_error))
            g_warning ("%s", track_error->message);
          item->status = nb_review_store_get_status (self->store, item->hash);
          if (item->report)
            apply_corrections (self, item);
          g_free (item->note);
          item->note = nb_review_store_get_note (self->store, item->hash);
          g_object_notify_by_pspec (G_OBJECT (item), item_props[ITEM_PROP_STATUS]);
          g_object_notify_by_pspec (G_OBJECT (item), item_props[ITEM_PROP_NOTE]);
        }
#endif
    }
#ifdef HAVE_SQLITE
  if (self->store && error == NULL && !nb_review_store_commit (self->store, &error))
    g_warning ("%s", error->message);
#endif
  nb_review_set_check (self);
}

/**
 * nb_review_set_load:
 *
 * nb_review_set_parse() then nb_review_set_finish(), in the calling thread.
 */
void
nb_review_set_load (NbReviewSet  *self,
                    guint         n_threads,
                    GCancellable *cancellable)
{
  nb_review_set_parse (self, n_threads, cancellable, NULL, NULL);
  nb_review_set_finish (self);
}
