/* nb-report.c — a parsed annual report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nb-report-private.h"

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
nb_report_finalize (GObject *object)
{
  NbReport *self = (NbReport *) object;

  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->text, nb_text_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->procurement_unit, g_free);
  g_clear_pointer (&self->parse_findings, g_ptr_array_unref);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_report_finalize;
  object_class->get_property = nb_report_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbReport::changed:
   * @cell: the cell whose value was corrected, or an inferred cell derived again
   *
   * Emitted after a correction, once the checks have run again: for the
   * corrected cell, then for each inferred cell whose value changed with it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
nb_report_init (NbReport *self)
{
  self->agency_span = NB_SPAN_NONE;
  self->year_span = NB_SPAN_NONE;
  self->parse_findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->findings = g_list_store_new (NB_TYPE_FINDING);
}

NbSpan
nb_report_norm_span (NbReport *report,
                     guint     norm_start,
                     guint     norm_end)
{
  NbText *t = report->text;
  NbSpan span;

  if (norm_end <= norm_start || norm_end > t->n_norm)
    return NB_SPAN_NONE;
  span.start = t->norm_to_src[norm_start];
  span.end = t->norm_to_src[norm_end - 1] + 1;
  return span;
}

NbFinding *
nb_report_add_parse_finding (NbReport   *report,
                             const char *rule,
                             NbSeverity  severity,
                             const char *message_zh,
                             const char *message_en)
{
  NbFinding *f = nb_finding_new (rule, severity, message_zh, message_en);

  g_ptr_array_add (report->parse_findings, f);
  return f;
}

/* The model of a report read from @text (taken): its cells are yet to be
 * filled, by the parser (see nb-loader.c, which runs the pipeline) */
NbReport *
nb_report_new_for_text (NbText     *text,
                        const char *filename)
{
  NbReport *self = g_object_new (NB_TYPE_REPORT, NULL);

  self->filename = g_strdup (filename);
  self->text = text;
  return self;
}

/* The checks nb_report_check () runs: the loader sets them (check/nb-checker.c), so
 * that the model does not depend on the code that fills and checks it */
void
nb_report_set_checker (NbReport        *self,
                       NbReportChecker  checker)
{
  self->checker = checker;
}

/* How the inferred cells are derived again after an edit: the loader sets it
 * (parse/nb-infer.c), like the checks */
void
nb_report_set_inferrer (NbReport         *self,
                        NbReportInferrer  inferrer)
{
  self->inferrer = inferrer;
}

/* Derives the inferred cells again; the cells that changed are appended to @changed */
static void
infer (NbReport *self,
       GArray   *changed)
{
  if (self->inferrer != NULL)
    self->inferrer (self, changed);
}

static void
emit_changed (NbReport *self,
              GArray   *cells)
{
  for (guint i = 0; i < cells->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_array_index (cells, guint, i));
}

/* After @cell changed: the inferred cells derived again, the checks run, and ::changed
 * said for @cell and each inferred cell that moved with it */
static void
recheck_after (NbReport *self,
               guint     cell)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (changed, cell);
  infer (self, changed);
  nb_report_check (self);
  emit_changed (self, changed);
}

/**
 * nb_report_infer:
 *
 * Derives the inferred cells again from the values the report holds now: a cell
 * the report left empty takes the value its table's equations determine, or
 * becomes missing when they no longer determine it. Cells read from the text,
 * corrected or accepted are left as they are. When a value changed, the checks
 * run again and #NbReport::changed is emitted for each such cell.
 * nb_report_set_value () does this after every correction.
 *
 * Returns: %TRUE when an inferred value changed
 */
gboolean
nb_report_infer (NbReport *self)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  infer (self, changed);
  if (changed->len == 0)
    return FALSE;
  nb_report_check (self);
  emit_changed (self, changed);
  return TRUE;
}

const char *
nb_report_get_filename (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->filename;
}

const char *
nb_report_get_encoding (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->text->encoding;
}

const char *
nb_report_get_text (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->text->decoded;
}

gsize
nb_report_get_text_length (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->text->decoded_len;
}

guint
nb_report_get_n_chars (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->text->n_chars;
}

NbEdition
nb_report_get_edition (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_EDITION_2021);
  return self->edition;
}

const char *
nb_report_get_agency (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->agency;
}

NbSpan
nb_report_get_agency_span (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_SPAN_NONE);
  return self->agency_span;
}

int
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->year;
}

NbSpan
nb_report_get_year_span (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_SPAN_NONE);
  return self->year_span;
}

NbSpan
nb_report_get_section_span (NbReport *self,
                            guint     section)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_SPAN_NONE);
  g_return_val_if_fail (section < NB_N_SECTIONS, NB_SPAN_NONE);
  return self->sections[section];
}

guint
nb_report_get_n_cells (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->n_cells;
}

/**
 * nb_report_get_value:
 * @value: (out) (optional): the cell's value
 *
 * Returns: %TRUE when the cell has a value (read, inferred or corrected)
 */
gboolean
nb_report_get_value (NbReport *self,
                     guint     cell,
                     double   *value)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);

  if (value)
    *value = self->cells[cell].has_value ? self->cells[cell].value : 0;
  return self->cells[cell].has_value;
}

NbOrigin
nb_report_get_origin (NbReport *self,
                      guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_ORIGIN_MISSING);
  g_return_val_if_fail (cell < self->n_cells, NB_ORIGIN_MISSING);
  return self->cells[cell].origin;
}

NbSpan
nb_report_get_span (NbReport *self,
                    guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_SPAN_NONE);
  g_return_val_if_fail (cell < self->n_cells, NB_SPAN_NONE);
  return self->cells[cell].span;
}

/**
 * nb_report_get_unit:
 *
 * Returns: (nullable): the unit printed with a cell ("元", "万元"), for the
 *   2019 edition's procurement unit cell; %NULL otherwise
 */
const char *
nb_report_get_unit (NbReport *self,
                    guint     cell)
{
  const NbCellDef *def;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  def = nb_schema_get_cell (self->edition, cell);
  if (def->kind == NB_CELL_UNIT)
    return self->procurement_unit;
  return NULL;
}

/**
 * nb_report_format_value:
 *
 * Returns: (transfer full): the cell's value as text ("12", "96171.6"), or
 *   an empty string when it has none
 */
char *
nb_report_format_value (NbReport *self,
                        guint     cell)
{
  NbCell *c;
  const NbCellDef *def;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  c = &self->cells[cell];
  def = nb_schema_get_cell (self->edition, cell);
  if (def->kind == NB_CELL_UNIT)
    return g_strdup (self->procurement_unit ? self->procurement_unit : "");
  if (!c->has_value)
    return g_strdup ("");
  return nb_format_number (c->value);
}

/**
 * nb_report_find_cell_at:
 * @offset: a character offset in the decoded text
 *
 * Returns: the cell read from the text at @offset, or -1
 */
int
nb_report_find_cell_at (NbReport *self,
                        int       offset)
{
  g_return_val_if_fail (NB_IS_REPORT (self), -1);

  for (guint i = 0; i < self->n_cells; i++)
    {
      NbSpan s = self->cells[i].span;

      if (nb_span_is_set (s) && offset >= s.start && offset < s.end)
        return i;
    }
  return -1;
}

/**
 * nb_report_parse_value:
 * @input: what the user typed
 * @has_value: (out): %FALSE when @input is empty (the cell is cleared)
 * @value: (out): the value
 *
 * Returns: %TRUE when @input is a valid value for the cell: a non-negative
 *   whole number, a signed one for 本年增/减, a decimal for amounts
 */
gboolean
nb_report_parse_value (NbReport   *self,
                       guint       cell,
                       const char *input,
                       gboolean   *has_value,
                       double     *value)
{
  const NbCellDef *def;
  g_autofree char *norm = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  char *end = NULL;
  double v;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  def = nb_schema_get_cell (self->edition, cell);
  norm = g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return FALSE;
  for (const char *p = norm; *p; p++)
    if (!g_ascii_isspace (*p) && *p != ',')
      g_string_append_c (compact, *p);

  *has_value = compact->len > 0;
  *value = 0;
  if (compact->len == 0)
    return TRUE;
  if (def->kind == NB_CELL_UNIT)
    return FALSE;

  for (const char *p = compact->str; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && !(p == compact->str && (*p == '-' || *p == '+')))
      return FALSE;

  v = g_ascii_strtod (compact->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v) || fabs (v) > 1e15)
    return FALSE;
  if (def->kind != NB_CELL_SIGNED && v < 0)
    return FALSE;
  if (def->kind != NB_CELL_AMOUNT && v != floor (v))
    return FALSE;
  if (def->kind != NB_CELL_AMOUNT && strchr (compact->str, '.'))
    return FALSE;
  *value = v;
  return TRUE;
}

/**
 * nb_report_set_value:
 * @has_value: %FALSE to clear the cell
 *
 * Corrects a cell, keeping what the report said, derives the inferred cells
 * again (see nb_report_infer ()) and runs the checks again.
 *
 * Returns: %TRUE when the value changed
 */
gboolean
nb_report_set_value (NbReport *self,
                     guint     cell,
                     gboolean  has_value,
                     double    value)
{
  NbCell *c;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);

  c = &self->cells[cell];
  if (c->has_value == !!has_value && (!has_value || c->value == value))
    return FALSE;

  if (!c->corrected)
    {
      c->corrected = TRUE;
      c->orig_has_value = c->has_value;
      c->orig_value = c->value;
    }
  c->has_value = !!has_value;
  c->value = has_value ? value : 0;
  /* back to what the report said: no longer a correction */
  if (c->orig_has_value == c->has_value && (!c->has_value || c->orig_value == c->value))
    c->corrected = FALSE;

  nb_report_set_modified (self, TRUE);
  recheck_after (self, cell);
  return TRUE;
}

/**
 * nb_report_can_accept:
 *
 * Returns: %TRUE when @cell holds an inferred value that the reviewer has
 *   neither accepted nor corrected yet
 */
gboolean
nb_report_can_accept (NbReport *self,
                      guint     cell)
{
  NbCell *c;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  if (cell >= self->n_cells)
    return FALSE;
  c = &self->cells[cell];
  return c->origin == NB_ORIGIN_INFERRED && c->has_value && !c->corrected && !c->accepted;
}

/**
 * nb_report_set_accepted:
 * @accepted: whether the reviewer takes the inferred value as the report's
 *
 * Records (or, for undo, withdraws) that a reviewer accepted an inferred
 * value as it is. The value does not change; the export says it was accepted.
 */
void
nb_report_set_accepted (NbReport *self,
                        guint     cell,
                        gboolean  accepted)
{
  NbCell *c;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (cell < self->n_cells);

  c = &self->cells[cell];
  accepted = !!accepted;
  if (c->origin != NB_ORIGIN_INFERRED || c->accepted == (guint) accepted)
    return;
  c->accepted = accepted;
  nb_report_set_modified (self, TRUE);
  /* withdrawn, the value is inferred again from the values now */
  recheck_after (self, cell);
}

gboolean
nb_report_get_accepted (NbReport *self,
                        guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);
  return self->cells[cell].accepted;
}

/**
 * nb_report_get_corrected:
 * @had_value: (out) (optional): whether the cell had a value before
 * @original: (out) (optional): the value before the correction
 *
 * Returns: %TRUE when the cell was corrected
 */
gboolean
nb_report_get_corrected (NbReport *self,
                         guint     cell,
                         gboolean *had_value,
                         double   *original)
{
  NbCell *c;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);

  c = &self->cells[cell];
  if (had_value)
    *had_value = c->orig_has_value;
  if (original)
    *original = c->orig_value;
  return c->corrected;
}

gboolean
nb_report_get_modified (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->modified;
}

void
nb_report_set_modified (NbReport *self,
                        gboolean  modified)
{
  g_return_if_fail (NB_IS_REPORT (self));

  modified = !!modified;
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/**
 * nb_report_check:
 *
 * Runs every check and replaces the findings.
 */
void
nb_report_check (NbReport *self)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n_old;

  g_return_if_fail (NB_IS_REPORT (self));

  if (self->checker == NULL)
    return;  /* a report no loader made: nothing to check it by */
  found = self->checker (self);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  g_list_store_splice (self->findings, 0, n_old, found->pdata, found->len);
}

/**
 * nb_report_get_findings:
 *
 * Returns: (transfer none): a list of #NbFinding, updated by every check
 */
GListModel *
nb_report_get_findings (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self->findings);
}

guint
nb_report_count_findings (NbReport   *self,
                          NbSeverity  severity)
{
  guint n, count = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      count += nb_finding_get_severity (f) == severity;
    }
  return count;
}

/**
 * nb_report_get_cell_severity:
 * @has_finding: (out): whether any finding names the cell
 *
 * Returns: the most severe finding's severity among those naming @cell
 */
NbSeverity
nb_report_get_cell_severity (NbReport *self,
                             guint     cell,
                             gboolean *has_finding)
{
  NbSeverity worst = NB_SEVERITY_INFO;
  guint n;

  g_return_val_if_fail (NB_IS_REPORT (self), NB_SEVERITY_INFO);

  *has_finding = FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  for (guint i = 0; i < n; i++)
    {
      NbFinding *f = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if (nb_finding_has_cell (f, cell))
        {
          *has_finding = TRUE;
          worst = MAX (worst, nb_finding_get_severity (f));
        }
      g_object_unref (f);
    }
  return worst;
}
