/* nb-window-findings.c — NbWindow's findings list: groups, selection, keys, new errors
 *
 * The list shows the report's findings grouped (nb-finding-group.c) in a tree: a group
 * of several opens on its findings. The severity badges filter the groups. Selecting a
 * group or a finding highlights its cells and text, scrolled to the place that is wrong:
 * for a finding comparing the text with the title (meta.agency, meta.year) that is the
 * second span, not the title; for an empty cell, its row's line in the text.
 *
 * F8 and Shift+F8 (Ctrl+. and Ctrl+,) step through the list; Tab leaves it for the
 * tables in one step. After an edit, a new error is scrolled into view and announced.
 *
 * A report of a review set also has the findings of the rules across the set
 * (series.carry_over, series.copied_text, …): the sidebar gives them with
 * nb_window_show_set_findings (), and the list groups them with the report's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-group.h"
#include "nb-finding-row.h"
#include "nb-window-private.h"
#include "nb-window-suggest.h"

/* Rules whose first span is the reference (the title) that the others contradict. */
static gboolean
first_span_is_reference (NbFinding *finding)
{
  const char *rule = nb_finding_get_rule (finding);
  guint n_spans = 0;

  nb_finding_get_spans (finding, &n_spans);
  return n_spans > 1 && (g_strcmp0 (rule, "meta.agency") == 0 || g_strcmp0 (rule, "meta.year") == 0);
}

/* An empty cell has no text of its own: its row's line stands for it, from the line's
 * start (the row's label) to a value of the same row that was printed. */
static gboolean
row_span (NbWindow *self,
          guint     cell,
          NbSpan   *span)
{
  NbEdition edition = nb_report_get_edition (self->report);
  const NbCellDef *def = nb_schema_get_cell (edition, cell);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextIter iter;

  for (guint col = 0; col < 8; col++)
    {
      int sibling = def->table == NB_TABLE_REQUESTS ? nb_schema_request_cell (edition, def->row, col)
                    : def->table == NB_TABLE_APPEALS ? nb_schema_appeal_cell (edition, def->row, col)
                    : nb_schema_active_cell (edition, def->row, col);
      NbSpan found;

      if (sibling < 0 || (found = nb_report_get_span (self->report, sibling), !nb_span_is_set (found)))
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, found.start);
      gtk_text_iter_set_line_offset (&iter, 0);
      span->start = gtk_text_iter_get_offset (&iter);
      span->end = found.end;
      return TRUE;
    }
  return FALSE;
}

/* Where a cell is in the text: its value, or for an empty cell its row. */
gboolean
nb_window_get_cell_text_span (NbWindow *self,
                              guint     cell,
                              NbSpan   *span)
{
  if (self->report == NULL || cell >= nb_report_get_n_cells (self->report))
    return FALSE;
  *span = nb_report_get_span (self->report, cell);
  return nb_span_is_set (*span) || row_span (self, cell, span);
}

static void
add_finding (NbWindow  *self,
             NbFinding *finding,
             GArray    *cells,
             GArray    *spans)
{
  const NbSpan *own;
  const guint *c;
  guint n_cells = 0, n_spans = 0;

  own = nb_finding_get_spans (finding, &n_spans);
  c = nb_finding_get_cells (finding, &n_cells);
  /* the span scrolled to goes first */
  if (first_span_is_reference (finding))
    {
      g_array_append_vals (spans, own + 1, n_spans - 1);
      g_array_append_val (spans, own[0]);
    }
  else
    g_array_append_vals (spans, own, n_spans);
  g_array_append_vals (cells, c, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      NbSpan span;

      if (nb_window_get_cell_text_span (self, c[i], &span))
        g_array_append_val (spans, span);
    }
}

static void
finding_selected_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     NbWindow           *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (NbSpan));
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (guint));

  if (item == NULL || self->report == NULL)
    {
      nb_table_view_highlight_cells (self->table_view, NULL, 0);
      nb_source_view_highlight_spans (self->source_view, NULL, 0, FALSE);
      return;
    }

  if (NB_IS_FINDING_GROUP (item))
    {
      GListModel *findings = nb_finding_group_get_findings (NB_FINDING_GROUP (item));

      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);

          add_finding (self, finding, cells, spans);
        }
    }
  else
    add_finding (self, NB_FINDING (item), cells, spans);

  nb_table_view_highlight_cells (self->table_view, (guint *) (gpointer) cells->data, cells->len);
  nb_table_view_scroll_to_cells (self->table_view, (guint *) (gpointer) cells->data, cells->len);
  nb_source_view_highlight_spans (self->source_view, (NbSpan *) (gpointer) spans->data, spans->len, TRUE);
}

/* The severity badges are toggles: a severity whose badge is off leaves the list */
static gboolean
severity_shown (gpointer item,
                gpointer user_data)
{
  NbWindow *self = user_data;
  GtkWidget *badges[] = { self->info_badge, self->warning_badge, self->error_badge };
  NbSeverity severity = nb_finding_group_get_severity (item);

  g_return_val_if_fail (severity < G_N_ELEMENTS (badges), TRUE);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (badges[severity]));
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  NbFindingGroup *group;

  if (!NB_IS_FINDING_GROUP (item))
    return NULL;
  group = item;
  if (nb_finding_group_get_n_findings (group) < 2)
    return NULL;
  return g_object_ref (nb_finding_group_get_findings (group));
}

static void
setup_finding_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  NbWindow                 *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row = nb_finding_row_new ();

  /* the whole width, so that the Accept buttons line up */
  gtk_widget_set_hexpand (row, TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
  gtk_list_item_set_child (item, expander);
}

static void
bind_finding_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 NbWindow                 *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
  NbFindingRow *finding_row = NB_FINDING_ROW (gtk_tree_expander_get_child (expander));

  gtk_tree_expander_set_list_row (expander, row);
  if (NB_IS_FINDING_GROUP (object))
    {
      nb_finding_row_set_group (finding_row, NB_FINDING_GROUP (object), self->report);
      /* the correction that resolves the group's first finding resolves the group's */
      nb_window_suggest_bind_row (self, finding_row, nb_finding_group_get_first (NB_FINDING_GROUP (object)));
    }
  else
    {
      nb_finding_row_set_finding (finding_row, NB_FINDING (object), self->report);
      nb_window_suggest_bind_row (self, finding_row, NB_FINDING (object));
    }
}

static void
unbind_finding_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   NbWindow                 *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));

  gtk_tree_expander_set_list_row (expander, NULL);
  nb_finding_row_set_finding (NB_FINDING_ROW (gtk_tree_expander_get_child (expander)), NULL, NULL);
}

/* Tab leaves the list for the tables, Shift+Tab for the text: not row by row. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     NbWindow              *self)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK))
    gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->table_view));
  return TRUE;
}

void
nb_window_findings_init (NbWindow *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;

  self->severity_filter = GTK_FILTER (gtk_custom_filter_new (severity_shown, self, NULL));
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (finding_selected_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_finding_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_finding_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_finding_cb), self);
  gtk_list_view_set_factory (self->findings_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->findings_view, GTK_SELECTION_MODEL (self->selection));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "nb-findings-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->findings_view), controller);
}

/* A finding, as the list compares them before and after an edit. */
static char *
finding_key (NbFinding *finding)
{
  GString *key = g_string_new (nb_finding_get_rule (finding));
  const guint *cells;
  guint n = 0;

  cells = nb_finding_get_cells (finding, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, ",%u", cells[i]);
  g_string_append_printf (key, ":%s", nb_finding_get_message (finding, "en"));
  return g_string_free (key, FALSE);
}

static GHashTable *
dup_error_keys (GListModel *groups)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NbFindingGroup) group = g_list_model_get_item (groups, i);
      GListModel *findings = nb_finding_group_get_findings (group);

      if (nb_finding_group_get_severity (group) != NB_SEVERITY_ERROR)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (findings, k);

          g_hash_table_add (keys, finding_key (finding));
        }
    }
  return keys;
}

static gboolean
scroll_to_cb (gpointer data)
{
  NbWindow *self = data;

  self->scroll_source = 0;
  if (self->scroll_target < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (GTK_WIDGET (self->findings_view), "list.scroll-to-item", "u",
                                self->scroll_target);
  return G_SOURCE_REMOVE;
}

/* Scrolls the list to @position once it has the rows (the model just changed). */
static void
scroll_list_to (NbWindow *self,
                guint     position)
{
  self->scroll_target = position;
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add (scroll_to_cb, self);
}

/* Returns: (transfer full): the report's findings, then the review set's about it */
static GListModel *
dup_all_findings (NbWindow *self)
{
  GListModel *own = nb_report_get_findings (self->report);
  GListStore *all;

  if (self->set_findings == NULL || g_list_model_get_n_items (self->set_findings) == 0)
    return g_object_ref (own);
  all = g_list_store_new (NB_TYPE_FINDING);
  for (guint k = 0; k < 2; k++)
    {
      GListModel *from = k == 0 ? own : self->set_findings;

      for (guint i = 0; i < g_list_model_get_n_items (from); i++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (from, i);

          g_list_store_append (all, finding);
        }
    }
  return G_LIST_MODEL (all);
}

/* Groups the report's findings again; with @announce, the first error that was not
 * there before is scrolled into view and announced. */
void
nb_window_findings_regroup (NbWindow *self,
                            gboolean  announce)
{
  g_autoptr(GHashTable) before = announce ? dup_error_keys (self->groups) : NULL;
  g_autoptr(GListModel) all = dup_all_findings (self);
  g_autoptr(GListStore) groups = nb_finding_groups_new (all, self->report);
  g_autoptr(GtkFilterListModel) shown = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (groups));
  guint position = 0;

  shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (groups)), g_object_ref (self->severity_filter));
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (shown)), FALSE, FALSE, create_children, NULL, NULL);
  g_set_object (&self->groups, G_LIST_MODEL (shown));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (before == NULL)
    return;

  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(NbFindingGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), i);
      GListModel *findings = nb_finding_group_get_findings (group);

      if (nb_finding_group_get_severity (group) != NB_SEVERITY_ERROR)
        break;
      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(NbFinding) finding = g_list_model_get_item (findings, k);
          g_autofree char *key = finding_key (finding);

          if (!g_hash_table_contains (before, key))
            {
              /* Translators: said when a correction makes a new error; %s is its message */
              g_autofree char *message = g_strdup_printf (_("New error: %s"),
                                                          nb_finding_get_message (finding, NULL));

              scroll_list_to (self, position);
              nb_window_show_toast (self, message);
              return;
            }
        }
      position++;  /* errors come first, and the severity filter shows all or none */
    }
}

/* The findings shown, in the list's order: each group's findings, groups opened or not. */
GPtrArray *
nb_window_dup_shown_findings (NbWindow *self)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(NbFindingGroup) group = g_list_model_get_item (self->groups, i);
      GListModel *findings = nb_finding_group_get_findings (group);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        g_ptr_array_add (shown, g_list_model_get_item (findings, k));
    }
  return shown;
}

/* Selects the next (previous) entry of the list, and shows it. */
void
nb_window_select_next_finding (NbWindow *self,
                               gboolean  backwards)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    pos = backwards ? n - 1 : 0;
  else if (backwards)
    pos = pos == 0 ? n - 1 : pos - 1;
  else
    pos = pos + 1 >= n ? 0 : pos + 1;
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_activate_action (GTK_WIDGET (self->findings_view), "list.scroll-to-item", "u", pos);
}

static void
set_findings_changed_cb (GListModel *findings,
                         guint       position,
                         guint       removed,
                         guint       added,
                         NbWindow   *self)
{
  if (self->report == NULL)
    return;
  nb_table_view_refresh (self->table_view);  /* the cells they name, marked */
  nb_window_findings_regroup (self, FALSE);
  nb_window_update_counts (self);
}

/**
 * nb_window_set_set_findings:
 * @findings: (nullable): a review set's findings about the report shown, NbFinding
 *
 * Keeps @findings to list with the report's own, and follows their changes;
 * the list is regrouped at the next change (nb_window_show_set_findings () at once).
 */
void
nb_window_set_set_findings (NbWindow   *self,
                            GListModel *findings)
{
  if (self->set_findings == findings)
    return;
  if (self->set_findings != NULL)
    g_clear_signal_handler (&self->set_findings_handler, self->set_findings);
  g_set_object (&self->set_findings, findings);
  if (self->table_view != NULL)  /* (none once the window's template is disposed) */
    nb_table_view_set_set_findings (self->table_view, findings);
  if (findings != NULL)
    self->set_findings_handler = g_signal_connect (findings, "items-changed",
                                                   G_CALLBACK (set_findings_changed_cb), self);
}

/* The same, and the list and the counts shown again. */
void
nb_window_show_set_findings (NbWindow   *self,
                             GListModel *findings)
{
  nb_window_set_set_findings (self, findings);
  set_findings_changed_cb (findings, 0, 0, 0, self);
}

/* The number of findings of @severity, the review set's included */
guint
nb_window_count_findings (NbWindow   *self,
                          NbSeverity  severity)
{
  guint n = nb_report_count_findings (self->report, severity);

  for (guint i = 0; self->set_findings != NULL && i < g_list_model_get_n_items (self->set_findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (self->set_findings, i);

      n += nb_finding_get_severity (finding) == severity;
    }
  return n;
}

void
nb_window_findings_dispose (NbWindow *self)
{
  nb_window_set_set_findings (self, NULL);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->groups);
  if (self->severity_filter != NULL)  /* the list's model may outlive the window */
    gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->severity_filter), NULL, NULL, NULL);
  g_clear_object (&self->severity_filter);
}
