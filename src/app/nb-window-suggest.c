/* nb-window-suggest.c — suggested corrections in the window
 *
 * Each finding that a suggestion resolves shows it ("Suggested: 第一项 商业企业
 * 4 → 1, the only correction"), with an Apply button (win.apply-suggestion). The
 * primary menu's "Apply Unique Suggestions" (win.apply-unique-suggestions,
 * Ctrl+Shift+Return) makes every unique one at once. An applied suggestion is
 * a correction like a typed one (the report keeps the value it printed, for
 * the exports' record of corrections) and one step of undo, however many
 * cells it changes.
 *
 * The suggestions follow the findings: they are worked out again the first time
 * a row is bound after a check, and kept while the findings stay the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-row.h"
#include "nb-window-private.h"
#include "nb-window-suggest.h"

typedef struct
{
  NbReport  *report;       /* compared only */
  NbFinding *first;        /* the first finding when they were worked out */
  guint      n_findings;
  GPtrArray *suggestions;  /* NbSuggestion */
} Cache;

static void
cache_free (Cache *cache)
{
  g_clear_object (&cache->first);
  g_clear_pointer (&cache->suggestions, g_ptr_array_unref);
  g_free (cache);
}

/* The suggestions for the report's findings as they are now */
static GPtrArray *
get_suggestions (NbWindow *self)
{
  Cache *cache = g_object_get_data (G_OBJECT (self), "nb-suggestions");
  GListModel *findings;
  guint n;
  g_autoptr(NbFinding) first = NULL;

  if (self->report == NULL)
    return NULL;
  findings = nb_report_get_findings (self->report);
  n = g_list_model_get_n_items (findings);
  first = n > 0 ? g_list_model_get_item (findings, 0) : NULL;
  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      g_object_set_data_full (G_OBJECT (self), "nb-suggestions", cache, (GDestroyNotify) cache_free);
    }
  if (cache->suggestions == NULL || cache->report != self->report || cache->n_findings != n ||
      cache->first != first)
    {
      g_clear_pointer (&cache->suggestions, g_ptr_array_unref);
      cache->suggestions = nb_report_suggest (self->report);
      cache->report = self->report;
      cache->n_findings = n;
      g_set_object (&cache->first, first);
    }
  return cache->suggestions;
}

static guint
finding_index (NbReport  *report,
               NbFinding *finding)
{
  GListModel *findings = nb_report_get_findings (report);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);

      if (f == finding)
        return i;
    }
  return G_MAXUINT;
}

/* "Suggested: 第一项 商业企业 4 → 1 (the only minimal correction, …)" */
static char *
describe (NbReport           *report,
          const NbSuggestion *suggestion)
{
  const char *const *langs = g_get_language_names ();
  const char *lang = "en";
  g_autofree char *what = NULL;

  for (guint i = 0; langs[i]; i++)
    if (g_str_has_prefix (langs[i], "zh"))
      {
        lang = "zh_CN";
        break;
      }
    else if (g_str_has_prefix (langs[i], "en"))
      break;
  what = nb_suggestion_describe (report, suggestion, lang);
  /* TRANSLATORS: %s is a correction: the cells, their values now and suggested */
  return g_strdup_printf (_("Suggested: %s"), what);
}

/**
 * nb_window_suggest_bind_row:
 *
 * Shows on @row the suggestion that resolves its finding, the unique one first.
 */
void
nb_window_suggest_bind_row (NbWindow     *self,
                            NbFindingRow *row,
                            NbFinding    *finding)
{
  GPtrArray *suggestions;
  guint index;

  if (finding == NULL || self->report == NULL ||
      (suggestions = get_suggestions (self)) == NULL || suggestions->len == 0)
    return;
  index = finding_index (self->report, finding);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const NbSuggestion *s = g_ptr_array_index (suggestions, i);

      if (nb_suggestion_resolves (s, index))
        {
          g_autofree char *text = describe (self->report, s);

          nb_finding_row_set_suggestion (row, text, i);
          return;
        }
    }
}

/* Makes @suggestion's corrections, one step of undo */
static void
apply (NbWindow           *self,
       const NbSuggestion *suggestion)
{
  /* the report's re-check after each cell works the suggestions out again */
  g_autofree NbSuggestedCell *cells = g_memdup2 (suggestion->cells, suggestion->n_cells * sizeof (NbSuggestedCell));
  guint n = suggestion->n_cells, n_pushed = 0;

  for (guint i = 0; i < n; i++)
    {
      NbEdit edit = { NB_EDIT_VALUE, cells[i].cell, FALSE, 0, TRUE, cells[i].suggested, n_pushed > 0 };

      edit.old_has_value = nb_report_get_value (self->report, cells[i].cell, &edit.old_value);
      /* a blank cell that follows was inferred again with the cells before it */
      if (edit.old_has_value && edit.old_value == edit.new_value)
        continue;
      nb_history_push (self->history, &edit);
      n_pushed++;
      nb_report_set_value (self->report, cells[i].cell, TRUE, cells[i].suggested);
    }
  if (n > 0)
    nb_table_view_focus_cell (self->table_view, cells[0].cell);
  nb_window_update_state (self);
}

static void
apply_suggestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GPtrArray *suggestions = get_suggestions (self);
  guint index = g_variant_get_uint32 (parameter);

  if (suggestions == NULL || index >= suggestions->len)
    return;
  apply (self, g_ptr_array_index (suggestions, index));
}

static void
apply_unique_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GPtrArray *suggestions = get_suggestions (self);
  g_autoptr(GPtrArray) unique = NULL;

  if (suggestions == NULL)
    return;
  /* copied first: applying one works the list out again */
  unique = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_suggestion_free);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const NbSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->unique)
        {
          NbSuggestion *copy = g_memdup2 (s, sizeof *s);

          copy->cells = g_memdup2 (s->cells, s->n_cells * sizeof (NbSuggestedCell));
          copy->resolves = g_memdup2 (s->resolves, s->n_resolves * sizeof (guint));
          g_ptr_array_add (unique, copy);
        }
    }
  for (guint i = 0; i < unique->len; i++)
    apply (self, g_ptr_array_index (unique, i));
  if (unique->len > 0)
    {
      g_autofree char *toast = g_strdup_printf (ngettext ("Made %u suggested correction",
                                                          "Made %u suggested corrections", unique->len),
                                                unique->len);

      nb_window_show_toast (self, toast);
    }
}

/**
 * nb_window_suggest_update_actions:
 *
 * Enables "Apply Unique Suggestions" when there is one to apply.
 */
void
nb_window_suggest_update_actions (NbWindow *self)
{
  GPtrArray *suggestions = self->report ? get_suggestions (self) : NULL;
  gboolean any = FALSE;

  for (guint i = 0; suggestions && i < suggestions->len && !any; i++)
    any = ((NbSuggestion *) g_ptr_array_index (suggestions, i))->unique;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-unique-suggestions", any);
}

void
nb_window_suggest_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.apply-suggestion", "u", apply_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.apply-unique-suggestions", NULL, apply_unique_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.apply-unique-suggestions", NULL);
}
