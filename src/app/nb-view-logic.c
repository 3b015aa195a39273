/* nb-view-logic.c — what the views show, as pure functions of the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "nb-view-logic.h"

static const char *const state_classes[NB_CELL_STATE_N_CLASSES] = {
  "nb-error", "nb-warning", "nb-info", "nb-inferred", "nb-missing", "nb-corrected", "nb-accepted",
};

const char *
nb_cell_state_class_name (guint bit)
{
  g_return_val_if_fail (bit < NB_CELL_STATE_N_CLASSES, NULL);
  return state_classes[bit];
}

gboolean
nb_ui_language_is_chinese (void)
{
  const char *const *langs = g_get_language_names ();

  for (guint i = 0; langs[i]; i++)
    {
      if (g_str_has_prefix (langs[i], "zh"))
        return TRUE;
      if (g_str_has_prefix (langs[i], "en") || strcmp (langs[i], "C") == 0)
        return FALSE;
    }
  return FALSE;
}

/**
 * nb_cell_state_init:
 *
 * How a cell shows: its text and its states (the stylesheet's classes). Cheap enough
 * for every cell after each edit; the tooltip is nb_cell_dup_tooltip().
 */
void
nb_cell_state_init (NbCellState *state,
                    NbReport    *report,
                    guint        cell)
{
  g_autofree char *value = NULL;
  gboolean has_finding = FALSE;
  gboolean had_value = FALSE;
  double original = 0;
  NbSeverity severity;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (cell < nb_report_get_n_cells (report));

  memset (state, 0, sizeof *state);

  value = nb_report_format_value (report, cell);
  state->text = g_strdup (value != NULL ? value : "");

  severity = nb_report_get_cell_severity (report, cell, &has_finding);
  if (has_finding)
    {
      if (severity == NB_SEVERITY_ERROR)
        state->flags |= NB_CELL_STATE_ERROR;
      else if (severity == NB_SEVERITY_WARNING)
        state->flags |= NB_CELL_STATE_WARNING;
      else
        state->flags |= NB_CELL_STATE_INFO;
    }

  if (nb_report_get_corrected (report, cell, &had_value, &original))
    state->flags |= NB_CELL_STATE_CORRECTED;
  else
    switch (nb_report_get_origin (report, cell))
      {
      case NB_ORIGIN_INFERRED:
        state->flags |= nb_report_get_accepted (report, cell) ? NB_CELL_STATE_ACCEPTED
                                                              : NB_CELL_STATE_INFERRED;
        break;
      case NB_ORIGIN_MISSING:
        state->flags |= NB_CELL_STATE_MISSING;
        break;
      case NB_ORIGIN_SOURCE:
      default:
        break;
      }
}

/**
 * nb_cell_state_add_findings:
 * @findings: (nullable): findings about the report not in it, NbFinding (a review
 *   set's: series.carry_over names this year's 上年结转)
 *
 * Marks @cell as the report's own findings mark it, for those of @findings that
 * name it: the most severe finding's severity, its own or these.
 */
void
nb_cell_state_add_findings (NbCellState *state,
                            GListModel  *findings,
                            guint        cell)
{
  static const NbCellStateFlags by_severity[] = { NB_CELL_STATE_INFO, NB_CELL_STATE_WARNING, NB_CELL_STATE_ERROR };
  const NbCellStateFlags all = NB_CELL_STATE_INFO | NB_CELL_STATE_WARNING | NB_CELL_STATE_ERROR;
  int worst = -1;

  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

      if (nb_finding_has_cell (finding, cell))
        worst = MAX (worst, (int) nb_finding_get_severity (finding));
    }
  if (worst < 0)
    return;
  for (int s = G_N_ELEMENTS (by_severity) - 1; s > worst; s--)
    if (state->flags & by_severity[s])
      return;  /* its own finding is more severe */
  state->flags = (state->flags & ~all) | by_severity[worst];
}

/**
 * nb_cell_dup_tooltip:
 *
 * What a cell's tooltip says: what it counts, then whether it was corrected, inferred
 * or is missing.
 */
char *
nb_cell_dup_tooltip (NbReport *report,
                     guint     cell)
{
  g_autofree char *description = NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  gboolean had_value = FALSE;
  double original = 0;
  const char *note = NULL;
  NbCellState state;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (cell < nb_report_get_n_cells (report), NULL);

  nb_cell_state_init (&state, report, cell);

  description = nb_schema_describe_cell (nb_report_get_edition (report), cell,
                                         !nb_ui_language_is_chinese ());
  if (description != NULL)
    g_string_append (tooltip, description);

  if (state.flags & NB_CELL_STATE_CORRECTED)
    {
      g_autofree char *was = NULL;

      nb_report_get_corrected (report, cell, &had_value, &original);
      was = had_value ? nb_format_number (original) : NULL;
      if (tooltip->len)
        g_string_append_c (tooltip, '\n');
      if (was != NULL)
        /* Translators: a cell the user changed; %s is the value the report printed */
        g_string_append_printf (tooltip, _("Corrected: the report says %s"), was);
      else
        g_string_append (tooltip, _("Corrected: the report leaves this cell empty"));
    }
  else if (state.flags & NB_CELL_STATE_ACCEPTED)
    note = _("Inferred from the table’s equations and accepted");
  else if (state.flags & NB_CELL_STATE_INFERRED)
    note = _("Inferred from the table’s equations: the report leaves this cell empty");
  else if (state.flags & NB_CELL_STATE_MISSING)
    note = _("Missing: the report leaves this cell empty");

  if (note != NULL)
    {
      if (tooltip->len)
        g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, note);
    }
  nb_cell_state_clear (&state);
  return g_string_free (g_steal_pointer (&tooltip), FALSE);
}

void
nb_cell_state_clear (NbCellState *state)
{
  g_clear_pointer (&state->text, g_free);
  state->flags = 0;
}

const char *
nb_severity_css_class (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR:
      return "nb-error";
    case NB_SEVERITY_WARNING:
      return "nb-warning";
    case NB_SEVERITY_INFO:
    default:
      return "nb-info";
    }
}

const char *
nb_severity_icon_name (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case NB_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case NB_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

gboolean
nb_request_results_range (NbEdition  edition,
                          guint     *first,
                          guint     *last)
{
  /* the template's first row group: the rows its results equation adds up */
  if (nb_schema_get_n_request_row_groups (edition) == 0)
    return FALSE;
  nb_schema_get_request_row_group (edition, 0, first, last);
  return TRUE;
}

static char *
group_of (const char *row_id)
{
  const char *dot = row_id ? strchr (row_id, '.') : NULL;

  return dot ? g_strndup (row_id, dot - row_id) : NULL;
}

/* The template nests section 三's row labels: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密.
 * The schema gives each row its full label ("（三）不予公开 1.属于国家秘密" for the first of a
 * group); this splits it back into the template's columns. */
void
nb_request_row_layout (NbEdition    edition,
                       guint        row,
                       NbRowLayout *layout)
{
  const char *id = nb_schema_get_request_row_id (edition, row);
  const char *label = nb_schema_get_request_row_label (edition, row);
  g_autofree char *group = group_of (id);
  guint first, last;

  memset (layout, 0, sizeof *layout);

  if (!nb_request_results_range (edition, &first, &last) || row < first || row > last)
    {
      layout->depth = 0;
      layout->label = g_strdup (label);
      return;
    }

  if (group == NULL)
    {
      layout->depth = 1;
      layout->label = g_strdup (label);
      return;
    }

  layout->depth = 2;
  {
    g_autofree char *prev_group = NULL;
    const char *space;

    if (row > 0)
      prev_group = group_of (nb_schema_get_request_row_id (edition, row - 1));
    if (g_strcmp0 (prev_group, group) != 0)
      {
        guint n = 1;

        while (row + n <= last)
          {
            g_autofree char *next = group_of (nb_schema_get_request_row_id (edition, row + n));

            if (g_strcmp0 (next, group) != 0)
              break;
            n++;
          }
        space = strchr (label, ' ');
        layout->group_label = space ? g_strndup (label, space - label) : g_strdup (label);
        layout->group_rows = n;
        layout->label = g_strdup (space ? space + 1 : "");
        return;
      }
  }
  layout->label = g_strdup (label);
}

void
nb_row_layout_clear (NbRowLayout *layout)
{
  g_clear_pointer (&layout->group_label, g_free);
  g_clear_pointer (&layout->label, g_free);
}

char *
nb_format_window_title (const char *name,
                        gboolean    modified)
{
  if (name == NULL)
    return g_strdup (_("Nianbao"));
  if (modified)
    /* Translators: the window title with unsaved corrections; %s is the report's file name */
    return g_strdup_printf (_("• %s — Nianbao"), name);
  /* Translators: the window title; %s is the report's file name */
  return g_strdup_printf (_("%s — Nianbao"), name);
}

/* The cells of a finding whose inferred value the user can still accept as it is
 * (a guint each); empty when there is none. */
GArray *
nb_finding_dup_acceptable (NbFinding *finding,
                           NbReport  *report)
{
  GArray *acceptable = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint *cells;
  guint n_cells;

  cells = nb_finding_get_cells (finding, &n_cells);
  for (guint i = 0; i < n_cells; i++)
    if (nb_report_can_accept (report, cells[i]))
      g_array_append_val (acceptable, cells[i]);
  return acceptable;
}
