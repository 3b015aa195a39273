/* nb-review-sidebar.c — a review set beside the review window
 *
 * A folder, several files or a saved review set open in a window whose review view
 * gets this sidebar at its start: the set's reports (agency, year, status, counts of
 * errors and warnings), sorted and filtered; the arrow keys move through them and
 * the selected one shows in the review view. The reports are read on a pool of
 * threads and appear as they come, with progress and a way to stop.
 *
 * The findings of the rules across the set go into the window's findings list with
 * the report's own; a copied passage's finding has a button that goes to the report
 * it matches (review.go-to), where that passage is highlighted.
 *
 * Nothing of a review waits to be saved: the status, each change of the note and
 * each correction is written to the review set's file (SQLite, one transaction per
 * change) as it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-row.h"
#include "nb-review-sidebar.h"
#include "nb-window-private.h"

struct _NbReviewSidebar
{
  GtkBox              parent_instance;

  NbWindow           *window;      /* weak: the window owns the sidebar; NULL once it has gone */
  NbReviewSet        *set;
  GCancellable       *cancellable;
  gboolean            loading;
  gboolean            disposed;    /* the window closed while reading: nothing to show */
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSingleSelection *selection;
  NbReviewItem       *shown;       /* the item in the review view */
  gulong              findings_handler;
  NbReport           *findings_report;
  gboolean            only_errors;
  gboolean            only_new;
  NbReviewSort        sort;
  guint               refresh_source;
  guint               focus_tick;
  guint               status_focus_source;
  guint               focus_tries;
  gboolean            updating;    /* setting the widgets from the item, not the user */
  char               *message;     /* the last thing said to the reviewer */

  /* template widgets */
  GtkLabel           *title_label;
  GtkWidget          *progress_box;
  GtkProgressBar     *progress_bar;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkDropDown        *sort_dropdown;
  GtkCheckButton     *only_errors_check;
  GtkCheckButton     *only_new_check;
  GtkWidget          *review_box;
  GtkDropDown        *status_dropdown;
  GtkWidget          *changed_box;
  GtkLabel           *changed_label;
  GtkWidget          *apply_old_button;
  GtkExpander        *set_expander;
  GtkBox             *set_findings_box;
  GtkTextView        *note_view;
};

G_DEFINE_FINAL_TYPE (NbReviewSidebar, nb_review_sidebar, GTK_TYPE_BOX)

static void go_to_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data);

static void
say (NbReviewSidebar *self,
     const char      *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->count_label, message);
}

/* ---- the list ------------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  NbReviewSidebar *self = user_data;
  NbReviewItem *it = item;

  if (self->only_errors && nb_review_item_count (it, NB_SEVERITY_ERROR) == 0 && nb_review_item_get_error (it) == NULL)
    return FALSE;
  if (self->only_new && nb_review_item_get_status (it) != NB_REVIEW_STATUS_NEW)
    return FALSE;
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  NbReviewSidebar *self = user_data;
  NbReviewItem *x = (NbReviewItem *) a, *y = (NbReviewItem *) b;
  int result = 0;

  switch (self->sort)
    {
    case NB_REVIEW_SORT_AGENCY:
      {
        const char *p = nb_review_item_get_agency (x), *q = nb_review_item_get_agency (y);

        /* reports without an agency last */
        if (p == NULL || q == NULL)
          result = (p == NULL) - (q == NULL);
        else
          result = g_utf8_collate (p, q);
        if (result == 0)
          result = nb_review_item_get_year (x) - nb_review_item_get_year (y);
      }
      break;
    case NB_REVIEW_SORT_ERRORS:
      result = (int) nb_review_item_count (y, NB_SEVERITY_ERROR) - (int) nb_review_item_count (x, NB_SEVERITY_ERROR);
      if (result == 0)
        result = (int) nb_review_item_count (y, NB_SEVERITY_WARNING) - (int) nb_review_item_count (x, NB_SEVERITY_WARNING);
      break;
    case NB_REVIEW_SORT_FILE:
    default:
      break;
    }
  if (result == 0)
    result = g_strcmp0 (nb_review_item_get_path (x), nb_review_item_get_path (y));
  return result;
}

static void
update_count (NbReviewSidebar *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint all = nb_review_set_get_n_items (self->set);
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  if (shown == all)
    /* Translators: the number of reports in the review set */
    text = g_strdup_printf (ngettext ("%u report", "%u reports", all), all);
  else
    /* Translators: reports shown by the filter, of all the set's */
    text = g_strdup_printf (ngettext ("%u of %u report", "%u of %u reports", all), shown, all);
  say (self, text);
}

static gboolean
refresh_cb (gpointer data)
{
  NbReviewSidebar *self = data;

  self->refresh_source = 0;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* filter and order again, once, after the items changed */
static void
queue_refresh (NbReviewSidebar *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
row_update (NbReviewItem *item,
            GParamSpec   *pspec,
            GtkListItem  *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkLabel *agency = g_object_get_data (G_OBJECT (row), "agency");
  GtkLabel *file = g_object_get_data (G_OBJECT (row), "file");
  GtkLabel *status = g_object_get_data (G_OBJECT (row), "status");
  GtkLabel *errors = g_object_get_data (G_OBJECT (row), "errors");
  GtkLabel *warnings = g_object_get_data (G_OBJECT (row), "warnings");
  g_autofree char *title = NULL;
  g_autofree char *e = NULL;
  g_autofree char *w = NULL;
  g_autofree char *a11y = NULL;
  guint n_errors = nb_review_item_count (item, NB_SEVERITY_ERROR);
  guint n_warnings = nb_review_item_count (item, NB_SEVERITY_WARNING);
  const char *status_text;

  if (!nb_review_item_get_loaded (item))
    {
      GtkWidget *sidebar = gtk_widget_get_ancestor (row, NB_TYPE_REVIEW_SIDEBAR);

      /* a report whose reading was cancelled is no longer being read */
      if (sidebar != NULL && !nb_review_sidebar_is_loading (NB_REVIEW_SIDEBAR (sidebar)))
        title = g_strdup (_("Not read: stopped"));
      else
        title = g_strdup (_("Reading…"));
    }
  else if (nb_review_item_get_error (item))
    title = g_strdup (_("Cannot be read"));
  else if (nb_review_item_get_year (item) > 0)
    title = g_strdup_printf ("%s · %d", nb_review_item_get_agency (item) ? nb_review_item_get_agency (item)
                                                                          : _("Unknown agency"),
                             nb_review_item_get_year (item));
  else
    title = g_strdup (nb_review_item_get_agency (item) ? nb_review_item_get_agency (item) : _("Unknown agency"));
  gtk_label_set_text (agency, title);
  gtk_label_set_text (file, nb_review_item_get_display_name (item));

  switch (nb_review_item_get_status (item))
    {
    case NB_REVIEW_STATUS_NEEDS_CHANGES: status_text = _("Needs changes"); break;
    case NB_REVIEW_STATUS_REVIEWED: status_text = _("Reviewed"); break;
    case NB_REVIEW_STATUS_NEW:
    default: status_text = nb_review_item_get_previous_hash (item) ? _("Changed since review") : ""; break;
    }
  gtk_label_set_text (status, status_text);
  e = n_errors ? g_strdup_printf ("%u", n_errors) : g_strdup ("");
  w = n_warnings ? g_strdup_printf ("%u", n_warnings) : g_strdup ("");
  gtk_label_set_text (errors, e);
  gtk_label_set_text (warnings, w);
  /* Translators: a report in the review set's list, for screen readers */
  a11y = g_strdup_printf (_("%s, %s, %u errors, %u warnings"), title, status_text, n_errors, n_warnings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static GtkWidget *
row_label (GtkWidget  *box,
           const char *key,
           const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (gtk_widget_get_parent (box) ? gtk_widget_get_parent (box) : box), key, label);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), bottom);

  label = row_label (top, "agency", "heading");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  row_label (top, "errors", "nb-review-errors");
  row_label (top, "warnings", "nb-review-warnings");
  label = row_label (bottom, "file", "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  label = row_label (bottom, "status", "caption");
  g_object_set_data (G_OBJECT (row), "nb-list-item", list_item);  /* the list item owns the row */
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  NbReviewItem *item = gtk_list_item_get_item (list_item);

  row_update (item, NULL, list_item);
  g_signal_connect (item, "notify", G_CALLBACK (row_update), list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  NbReviewItem *item = gtk_list_item_get_item (list_item);

  if (item)
    g_signal_handlers_disconnect_by_func (item, row_update, list_item);
}

/* The widget of the list's row at @position, if the list has made it */
static GtkWidget *
row_widget_at (NbReviewSidebar *self,
               guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkListItem *list_item = row ? g_object_get_data (G_OBJECT (row), "nb-list-item") : NULL;

      if (list_item && gtk_list_item_get_item (list_item) && gtk_list_item_get_position (list_item) == position)
        return child;
    }
  return NULL;
}

static gboolean
focus_selected_cb (GtkWidget     *list,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  NbReviewSidebar *self = data;
  guint pos = gtk_single_selection_get_selected (self->selection);
  GtkWidget *row;

  if (pos == GTK_INVALID_LIST_POSITION || self->focus_tries++ > 10)
    ;
  else if ((row = row_widget_at (self, pos)) != NULL)
    gtk_widget_grab_focus (row);
  else
    return G_SOURCE_CONTINUE;  /* not laid out yet */
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The keyboard focus to the selected row. GtkListView moves from the row that has
 * the focus, not from the selected one: after a selection made here (the first
 * report read, going to a report), the arrow keys would move on from another row.
 * The row is focused once the list has laid it out (at the next frames). */
static void
focus_selected (NbReviewSidebar *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);
  GtkWidget *row;

  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
  if ((row = row_widget_at (self, pos)) != NULL)
    {
      gtk_widget_grab_focus (row);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  self->focus_tries = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_selected_cb, self, NULL);
}

/* ---- the selected report --------------------------------------------------- */

/* The text of @span in @report, as printed. */
static char *
span_text (NbReport *report,
           NbSpan    span)
{
  const char *text = nb_report_get_text (report);
  const char *start, *end;

  if (report == NULL || !nb_span_is_set (span) || (guint) span.end > nb_report_get_n_chars (report))
    return NULL;
  start = g_utf8_offset_to_pointer (text, span.start);
  end = g_utf8_offset_to_pointer (start, span.end - span.start);
  return g_strndup (start, end - start);
}

static GtkWidget *
passage (const char *heading,
         const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (box, "card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

/* The findings of the rules across the set: last year's figures beside this
 * year's in their messages, and a copied passage beside the one it copies. */
static void
show_set_findings (NbReviewSidebar *self,
                   NbReviewItem    *item)
{
  GListModel *findings = item ? nb_review_item_get_set_findings (item) : NULL;
  guint n = findings ? g_list_model_get_n_items (findings) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->set_findings_box))))
    gtk_box_remove (self->set_findings_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) f = g_list_model_get_item (findings, i);
      gboolean error = nb_finding_get_severity (f) == NB_SEVERITY_ERROR;
      const char *lang = g_str_has_prefix (g_get_language_names ()[0], "zh") ? "zh_CN" : "en";
      GtkWidget *label = gtk_label_new (nb_finding_get_message (f, lang));
      NbReviewItem *other;
      NbSpan other_span;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, error ? "nb-review-errors" : "nb-review-changed");
      gtk_box_append (self->set_findings_box, label);

      /* (a file sent twice names the other, with no passage to show) */
      if (nb_review_item_get_copied_from (item, f, &other, &other_span) && nb_span_is_set (other_span))
        {
          guint n_spans;
          const NbSpan *spans = nb_finding_get_spans (f, &n_spans);
          g_autofree char *mine = n_spans ? span_text (nb_review_item_get_report (item), spans[0]) : NULL;
          g_autofree char *theirs = span_text (nb_review_item_get_report (other), other_span);
          GtkWidget *both = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          gtk_box_set_homogeneous (GTK_BOX (both), TRUE);
          gtk_box_append (GTK_BOX (both), passage (_("This report"), mine ? mine : ""));
          gtk_box_append (GTK_BOX (both), passage (nb_review_item_get_display_name (other), theirs ? theirs : ""));
          gtk_box_append (self->set_findings_box, both);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->set_expander), n > 0);
}

/* Each copied passage's finding gets a way to the report it matches (review.go-to) */
static void
link_set_findings (NbReviewSidebar *self)
{
  guint n = nb_review_set_get_n_items (self->set);

  for (guint i = 0; i < n; i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self->set, i);
      GListModel *findings = nb_review_item_get_set_findings (item);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(NbFinding) f = g_list_model_get_item (findings, k);
          NbReviewItem *other;
          NbSpan span;

          if (!nb_review_item_get_copied_from (item, f, &other, &span))
            continue;
          for (guint o = 0; o < n; o++)
            if (nb_review_set_get_item (self->set, o) == other)
              {
                /* Translators: a button that shows another report of the review set; %s is its file name */
                g_autofree char *label = g_strdup_printf (_("Go to %s"), nb_review_item_get_display_name (other));

                nb_finding_set_go_to (f, label, "review.go-to", g_variant_new ("(uii)", o, span.start, span.end));
                break;
              }
        }
    }
}

static void
update_review_box (NbReviewSidebar *self)
{
  NbReviewItem *item = self->shown;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autoptr(GPtrArray) old = NULL;
  gboolean has_store = nb_review_set_get_store_path (self->set) != NULL;

  show_set_findings (self, item);
  self->updating = TRUE;
  gtk_widget_set_sensitive (self->review_box, item != NULL && nb_review_item_get_hash (item) != NULL && has_store);
  gtk_drop_down_set_selected (self->status_dropdown, item ? nb_review_item_get_status (item) : 0);
  gtk_text_buffer_set_text (buffer, item ? nb_review_item_get_note (item) : "", -1);
  self->updating = FALSE;

  if (item && nb_review_item_get_error (item))
    {
      gtk_label_set_text (self->changed_label, nb_review_item_get_error (item)->message);
      gtk_widget_set_visible (self->apply_old_button, FALSE);
      gtk_widget_set_visible (self->changed_box, TRUE);
      return;
    }
  old = item ? nb_review_item_get_old_corrections (item) : NULL;
  if (old != NULL)
    {
      GString *text = g_string_new (_("This file changed after it was reviewed."));

      if (old->len)
        g_string_append_printf (text, " %s", _("Its earlier corrections:"));
      for (guint i = 0; i < old->len; i++)
        {
          NbCorrection *c = g_ptr_array_index (old, i);

          /* Translators: a correction: cell id, value printed, value corrected */
          g_string_append_printf (text, _("\n%s: %s → %s"), c->cell, *c->printed ? c->printed : "—",
                                  *c->corrected ? c->corrected : "—");
        }
      gtk_label_set_text (self->changed_label, text->str);
      g_string_free (text, TRUE);
    }
  gtk_widget_set_visible (self->apply_old_button, old != NULL && old->len > 0 && nb_review_item_get_report (item));
  gtk_widget_set_visible (self->changed_box, old != NULL);
}

/**
 * nb_review_sidebar_apply_old_corrections:
 *
 * Makes the corrections of the shown report's earlier version again, as edits in
 * the window (so that they can be undone), and stops offering them.
 */
void
nb_review_sidebar_apply_old_corrections (NbReviewSidebar *self)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *report;

  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));

  if (self->window == NULL || self->shown == NULL || (report = nb_review_item_get_report (self->shown)) == NULL ||
      nb_window_get_report (self->window) != report ||
      (old = nb_review_item_get_old_corrections (self->shown)) == NULL)
    return;
  for (guint i = 0; i < old->len; i++)
    {
      NbCorrection *c = g_ptr_array_index (old, i);
      int cell = nb_schema_lookup (nb_report_get_edition (report), c->cell);
      gboolean has_value;
      double value;

      if (cell >= 0 && nb_report_parse_value (report, cell, c->corrected, &has_value, &value))
        nb_window_apply_edit (self->window, cell, has_value, value);
    }
  if (!nb_review_item_forget_previous (self->shown, &error))
    say (self, error->message);
  update_review_box (self);
}

/* A correction made to the shown report goes to the review set's file at once, as
 * soon as the value changes (the window checks the report again only once the
 * typing pauses): the report is then no longer "modified", nothing is left to save. */
static void
save_corrections (NbReviewSidebar *self)
{
  g_autoptr(GError) error = NULL;
  NbReport *report;

  if (self->shown == NULL || (report = nb_review_item_get_report (self->shown)) == NULL ||
      !nb_report_get_modified (report) ||
      nb_review_set_get_store_path (self->set) == NULL || nb_review_item_get_hash (self->shown) == NULL)
    return;
  if (nb_review_item_save_corrections (self->shown, &error))
    nb_report_set_modified (report, FALSE);
  else
    say (self, error->message);
}

static void
modified_cb (NbReport        *report,
             GParamSpec      *pspec,
             NbReviewSidebar *self)
{
  save_corrections (self);
}

/* After each check of the shown report: its counts are updated. */
static void
findings_changed_cb (GListModel      *findings,
                     guint            position,
                     guint            removed,
                     guint            added,
                     NbReviewSidebar *self)
{
  if (self->shown == NULL)
    return;
  save_corrections (self);
  if (nb_review_item_refresh (self->shown))
    {
      /* a correction to what the set's rules compare: their findings are new */
      link_set_findings (self);
      if (self->window != NULL)
        nb_window_show_set_findings (self->window, nb_review_item_get_set_findings (self->shown));
      show_set_findings (self, self->shown);
    }
  queue_refresh (self);
}

static void
show_item (NbReviewSidebar *self,
           NbReviewItem    *item)
{
  NbReport *report;

  if (self->findings_report)
    {
      g_clear_signal_handler (&self->findings_handler, nb_report_get_findings (self->findings_report));
      g_signal_handlers_disconnect_by_func (self->findings_report, modified_cb, self);
      g_clear_object (&self->findings_report);
    }
  g_set_object (&self->shown, item);
  if (item && (report = nb_review_item_get_report (item)) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (nb_review_item_get_path (item));

      nb_window_show_report (self->window, report, file);
      nb_window_show_set_findings (self->window, nb_review_item_get_set_findings (item));
      self->findings_report = g_object_ref (report);
      self->findings_handler = g_signal_connect (nb_report_get_findings (report), "items-changed",
                                                 G_CALLBACK (findings_changed_cb), self);
      g_signal_connect (report, "notify::modified", G_CALLBACK (modified_cb), self);
    }
  else if (item && nb_review_item_get_error (item))
    {
      /* not the report before, as if it were this one */
      g_autoptr(GFile) file = g_file_new_for_path (nb_review_item_get_path (item));

      nb_window_show_unreadable (self->window, file, nb_review_item_get_error (item)->message);
    }
  update_review_box (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      NbReviewSidebar    *self)
{
  NbReviewItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->disposed)
    return;
  /* A report that leaves the list (marked reviewed while only those not yet reviewed
   * are listed) stays on show, with its status, note and corrections kept as they
   * are made; the arrow keys go on from the list. */
  if (item == NULL && self->shown != NULL)
    return;
  if (self->window != NULL && item != self->shown && (item == NULL || nb_review_item_get_loaded (item)))
    show_item (self, item);
}

static gboolean
status_focus_cb (gpointer data)
{
  NbReviewSidebar *self = data;

  self->status_focus_source = 0;
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    focus_selected (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return G_SOURCE_REMOVE;
}

static void
status_changed_cb (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   NbReviewSidebar *self)
{
  if (self->updating || self->shown == NULL)
    return;
  nb_review_sidebar_set_status (self, gtk_drop_down_get_selected (dropdown));
  /* marked: the keys go back to the list, where Down goes on to the next report (once
   * the drop-down's popup has closed and given the focus back to it) */
  if (self->status_focus_source == 0)
    self->status_focus_source = g_idle_add (status_focus_cb, self);
}

static void
note_changed_cb (GtkTextBuffer   *buffer,
                 NbReviewSidebar *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  if (self->updating || self->shown == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* each change is written at once: a crash loses at most the keystroke being typed */
  if (!nb_review_item_set_note (self->shown, note, &error))
    say (self, error->message);
}

static void
sort_changed_cb (GtkDropDown     *dropdown,
                 GParamSpec      *pspec,
                 NbReviewSidebar *self)
{
  nb_review_sidebar_set_sort (self, gtk_drop_down_get_selected (dropdown));
}

static void
filter_toggled_cb (GtkCheckButton  *check,
                   NbReviewSidebar *self)
{
  nb_review_sidebar_set_filter (self, gtk_check_button_get_active (self->only_errors_check),
                                gtk_check_button_get_active (self->only_new_check));
}

/* ---- reading in the background --------------------------------------------- */

typedef struct
{
  NbReviewSidebar *self;
  NbReviewItem    *item;
  guint            done;
  guint            total;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_object_unref (p->item);
  g_free (p);
}

static gboolean
progress_main_cb (gpointer data)
{
  Progress *p = data;
  NbReviewSidebar *self = p->self;
  g_autofree char *text = NULL;

  nb_review_item_publish (p->item);
  if (!self->loading || self->disposed || self->window == NULL)
    return G_SOURCE_REMOVE;
  /* Translators: reports read so far, of all */
  text = g_strdup_printf (_("Reading %u of %u"), p->done, p->total);
  gtk_progress_bar_set_fraction (self->progress_bar, p->total ? (double) p->done / p->total : 1);
  gtk_progress_bar_set_text (self->progress_bar, text);
  if (self->shown == NULL && nb_review_item_get_report (p->item) &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      /* the first report read shows at once */
      guint pos;

      for (pos = 0; pos < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); pos++)
        {
          g_autoptr(NbReviewItem) it = g_list_model_get_item (G_LIST_MODEL (self->selection), pos);

          if (it == p->item)
            {
              gtk_single_selection_set_selected (self->selection, pos);
              /* the arrow keys move through the list from there */
              focus_selected (self);
              break;
            }
        }
    }
  queue_refresh (self);
  return G_SOURCE_REMOVE;
}

/* in a worker thread */
static void
progress_cb (NbReviewSet  *set,
             NbReviewItem *item,
             guint         done,
             guint         total,
             gpointer      user_data)
{
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (user_data);
  p->item = g_object_ref (item);
  p->done = done;
  p->total = total;
  /* an idle source, always run by the main thread (g_main_context_invoke() would run
   * it here, in this worker, whenever the main thread is not iterating) */
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_main_cb, p, progress_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  NbReviewSidebar *self = source_object;

  nb_review_set_parse (self->set, 0, cancellable, progress_cb, self);
  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  NbReviewSidebar *self = NB_REVIEW_SIDEBAR (object);
  guint n = nb_review_set_get_n_items (self->set), read = 0;

  self->loading = FALSE;
  if (self->disposed || self->window == NULL)
    return;
  nb_review_set_finish (self->set);
  link_set_findings (self);
  if (self->shown && nb_review_item_get_report (self->shown))
    nb_window_show_set_findings (self->window, nb_review_item_get_set_findings (self->shown));
  gtk_widget_set_visible (self->progress_box, FALSE);
  for (guint i = 0; i < n; i++)
    {
      NbReviewItem *item = nb_review_set_get_item (self->set, i);

      if (nb_review_item_get_loaded (item))
        read++;
      else  /* its row says it is no longer read */
        g_object_notify (G_OBJECT (item), "loaded");
    }
  if (self->shown)
    update_review_box (self);
  else
    selection_changed_cb (self->selection, NULL, self);
  refresh_cb (self);
  if (read < n)
    {
      /* Translators: reading the set was stopped */
      g_autofree char *text = g_strdup_printf (_("Stopped: %u of %u reports read"), read, n);

      say (self, text);
    }
}

/* ---- printing -------------------------------------------------------------- */

typedef struct
{
  char      **paragraphs;
  GPtrArray  *pages;   /* of GArray of guint: paragraph indices */
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_strfreev (sheet->paragraphs);
  g_ptr_array_unref (sheet->pages);
  g_free (sheet);
}

static PangoLayout *
paragraph_layout (GtkPrintContext *context,
                  const char      *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, gtk_print_context_get_width (context) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, *text ? text : " ", -1);
  return layout;
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                Sheet             *sheet)
{
  double height = gtk_print_context_get_height (context), y = 0;
  GArray *page = g_array_new (FALSE, FALSE, sizeof (guint));

  g_ptr_array_add (sheet->pages, page);
  for (guint i = 0; sheet->paragraphs[i]; i++)
    {
      const char *text = sheet->paragraphs[i];
      g_autoptr(PangoLayout) layout = NULL;
      int h;

      /* each report on a page of its own */
      if (text[0] == '\f')
        {
          page = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (sheet->pages, page);
          y = 0;
        }
      layout = paragraph_layout (context, text[0] == '\f' ? text + 1 : text);
      pango_layout_get_size (layout, NULL, &h);
      if (y > 0 && y + (double) h / PANGO_SCALE > height)
        {
          page = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (sheet->pages, page);
          y = 0;
        }
      g_array_append_val (page, i);
      y += (double) h / PANGO_SCALE;
    }
  gtk_print_operation_set_n_pages (op, sheet->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              Sheet             *sheet)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GArray *page = g_ptr_array_index (sheet->pages, page_nr);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint k = 0; k < page->len; k++)
    {
      const char *text = sheet->paragraphs[g_array_index (page, guint, k)];
      g_autoptr(PangoLayout) layout = paragraph_layout (context, text[0] == '\f' ? text + 1 : text);
      int h;

      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &h);
      y += (double) h / PANGO_SCALE;
    }
}

/**
 * nb_review_sidebar_print:
 * @pdf_path: (nullable): write a PDF there instead of asking where to print
 *
 * Prints the review sheet of the selected report, or of every report when none is
 * selected: status, note and findings with their cells, what goes back to an office.
 */
void
nb_review_sidebar_print (NbReviewSidebar *self,
                         const char      *pdf_path)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = nb_review_set_to_sheet (self->set, self->shown);
  Sheet *sheet = g_new0 (Sheet, 1);
  GtkPrintOperationResult result;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* paragraphs, a form feed kept at the start of the one that begins a new report */
  {
    g_autoptr(GStrvBuilder) paragraphs = g_strv_builder_new ();
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      {
        char *ff = strchr (lines[i], '\f');

        if (ff && ff != lines[i])
          {
            *ff = '\0';
            g_strv_builder_add (paragraphs, lines[i]);
            *ff = '\f';
            g_strv_builder_add (paragraphs, ff);
          }
        else
          g_strv_builder_add (paragraphs, lines[i]);
      }
    sheet->paragraphs = g_strv_builder_end (paragraphs);
  }
  sheet->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  gtk_print_operation_set_job_name (op, _("Review sheet"));
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), sheet);
  g_object_set_data_full (G_OBJECT (op), "nb-sheet", sheet, (GDestroyNotify) sheet_free);
  if (pdf_path)
    {
      gtk_print_operation_set_export_filename (op, pdf_path);
      result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
    }
  else
    result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    say (self, error->message);
}

static void
apply_old_clicked_cb (NbReviewSidebar *self)
{
  nb_review_sidebar_apply_old_corrections (self);
}

static void
print_clicked_cb (NbReviewSidebar *self)
{
  nb_review_sidebar_print (self, NULL);
}

/* ---- the summary ----------------------------------------------------------- */

static void
summary_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     NbReviewSidebar *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (g_str_has_suffix (path, ".xlsx"))
    ok = nb_review_set_write_xlsx (self->set, path, &error);
  else
    {
      gsize len;
      g_autofree char *data = g_str_has_suffix (path, ".json") ? nb_review_set_to_json (self->set, &len)
                                                               : nb_review_set_to_csv (self->set, &len);

      ok = nb_write_file_atomic (path, data, len, &error);
    }
  if (ok)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Summary saved as “%s”"), name);

      say (self, text);
    }
  else
    say (self, error->message);
}

static void
summary_clicked_cb (NbReviewSidebar *self)
{
  const char *store = nb_review_set_get_store_path (self->set);
  g_autofree char *store_dir = store ? g_path_get_dirname (store) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export Summary"),
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));

  /* beside the review set's file (the folder of reports), not wherever the program
   * was started */
  if (store_dir != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (store_dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  /* Translators: the default name of a review set's summary */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("summary.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (summary_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the object ------------------------------------------------------------ */

static void
cancel_clicked_cb (NbReviewSidebar *self)
{
  nb_review_sidebar_cancel (self);
}

static void
nb_review_sidebar_dispose (GObject *object)
{
  NbReviewSidebar *self = NB_REVIEW_SIDEBAR (object);

  self->disposed = TRUE;
  if (self->window)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      gtk_widget_insert_action_group (GTK_WIDGET (self->window), "review", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->status_focus_source, g_source_remove);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
  self->focus_tick = 0;
  if (self->findings_report)
    {
      g_clear_signal_handler (&self->findings_handler, nb_report_get_findings (self->findings_report));
      g_signal_handlers_disconnect_by_func (self->findings_report, modified_cb, self);
      g_clear_object (&self->findings_report);
    }
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_REVIEW_SIDEBAR);
  G_OBJECT_CLASS (nb_review_sidebar_parent_class)->dispose (object);
}

static void
nb_review_sidebar_finalize (GObject *object)
{
  NbReviewSidebar *self = NB_REVIEW_SIDEBAR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->set);
  g_free (self->message);
  G_OBJECT_CLASS (nb_review_sidebar_parent_class)->finalize (object);
}

static void
nb_review_sidebar_class_init (NbReviewSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_review_sidebar_dispose;
  object_class->finalize = nb_review_sidebar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/ui/nb-review-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, progress_box);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, only_errors_check);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, only_new_check);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, review_box);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, changed_box);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, changed_label);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, apply_old_button);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, set_expander);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, set_findings_box);
  gtk_widget_class_bind_template_child (widget_class, NbReviewSidebar, note_view);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_old_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_clicked_cb);
}

static void
nb_review_sidebar_init (NbReviewSidebar *self)
{
  GtkSignalListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->set = nb_review_set_new ();
  nb_review_set_set_keep_reports (self->set, TRUE);
  self->cancellable = g_cancellable_new ();

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_items, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (nb_review_set_get_items (self->set)), GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb), self);
  g_signal_connect (self->only_errors_check, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->only_new_check, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (status_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (note_changed_cb), self);
  gtk_widget_set_sensitive (self->review_box, FALSE);
}

/* The window has gone while the set was read (the reading holds the sidebar): stop */
static void
window_destroyed_cb (GtkWidget       *window,
                     NbReviewSidebar *self)
{
  g_cancellable_cancel (self->cancellable);
}

NbReviewSidebar *
nb_review_sidebar_new (NbWindow *window)
{
  NbReviewSidebar *self = g_object_new (NB_TYPE_REVIEW_SIDEBAR, NULL);

  static const GActionEntry actions[] = {
    { "go-to", go_to_action, "(uii)" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "review", G_ACTION_GROUP (group));
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed_cb), self);
  return self;
}

/**
 * nb_review_sidebar_load:
 * @files: a folder, several reports, or a review set's file
 *
 * Adds the reports, opens the review set's file (the one given, or one named after
 * the folder, created there) and starts reading the reports in the background.
 */
gboolean
nb_review_sidebar_load (NbReviewSidebar  *self,
                        GFile           **files,
                        int               n_files,
                        GError          **error)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *store = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) store_error = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), FALSE);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be reviewed as a set"));
          return FALSE;
        }
      if (!nb_review_set_add (self->set, path, error))
        return FALSE;
    }
  if (nb_review_set_get_store_path (self->set) == NULL)
    {
      store = nb_review_set_default_store_path (self->set);
      if (store == NULL || !nb_review_set_open_store (self->set, store, FALSE, &store_error))
        {
          /* Translators: the review set's file could not be made; %s says why */
          g_autofree char *text = g_strdup_printf (_("The review cannot be kept: %s"),
                                                   store_error ? store_error->message : "?");

          say (self, text);
        }
    }
  title = g_path_get_basename (nb_review_set_get_store_path (self->set) ? nb_review_set_get_store_path (self->set)
                                                                        : nb_review_set_default_store_path (self->set));
  gtk_label_set_text (self->title_label, title);

  self->loading = TRUE;
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading…"));
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, nb_review_sidebar_load);
  g_task_run_in_thread (task, load_thread);
  return TRUE;
}

gboolean
nb_review_sidebar_is_loading (NbReviewSidebar *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), FALSE);
  return self->loading;
}

/**
 * nb_review_sidebar_cancel:
 *
 * Stops reading: the reports read so far stay, with the set's checks run on them.
 */
void
nb_review_sidebar_cancel (NbReviewSidebar *self)
{
  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));
  g_cancellable_cancel (self->cancellable);
}

NbReviewSet *
nb_review_sidebar_get_set (NbReviewSidebar *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), NULL);
  return self->set;
}

/**
 * nb_review_sidebar_get_shown:
 *
 * Returns: (transfer none): the reports as the list shows them, filtered and sorted
 */
GListModel *
nb_review_sidebar_get_shown (NbReviewSidebar *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
nb_review_sidebar_set_filter (NbReviewSidebar *self,
                              gboolean         only_errors,
                              gboolean         only_new)
{
  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));

  self->only_errors = only_errors;
  self->only_new = only_new;
  if (gtk_check_button_get_active (self->only_errors_check) != only_errors)
    gtk_check_button_set_active (self->only_errors_check, only_errors);
  if (gtk_check_button_get_active (self->only_new_check) != only_new)
    gtk_check_button_set_active (self->only_new_check, only_new);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

void
nb_review_sidebar_set_sort (NbReviewSidebar *self,
                            NbReviewSort     sort)
{
  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));

  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint) sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

void
nb_review_sidebar_select (NbReviewSidebar *self,
                          guint            position)
{
  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));
  gtk_single_selection_set_selected (self->selection, position);
  focus_selected (self);
}

/**
 * nb_review_sidebar_get_selected:
 *
 * Returns: (transfer none) (nullable): the report shown in the review view
 */
NbReviewItem *
nb_review_sidebar_get_selected (NbReviewSidebar *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), NULL);
  return self->shown;
}

/**
 * nb_review_sidebar_set_status:
 *
 * Marks the shown report, and stores the mark at once.
 */
gboolean
nb_review_sidebar_set_status (NbReviewSidebar *self,
                              NbReviewStatus   status)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), FALSE);

  if (self->shown == NULL)
    return FALSE;
  if (!nb_review_item_set_status (self->shown, status, &error))
    {
      say (self, error->message);
      return FALSE;
    }
  if (gtk_drop_down_get_selected (self->status_dropdown) != (guint) status)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->status_dropdown, status);
      self->updating = FALSE;
    }
  queue_refresh (self);
  return TRUE;
}

/**
 * nb_review_sidebar_set_note:
 *
 * Types @note into the note of the shown report (stored as it changes).
 */
void
nb_review_sidebar_set_note (NbReviewSidebar *self,
                            const char      *note)
{
  g_return_if_fail (NB_IS_REVIEW_SIDEBAR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
}

/**
 * nb_review_sidebar_get_message:
 *
 * Returns: (nullable): the last thing the sidebar said (counts, an error)
 */
const char *
nb_review_sidebar_get_message (NbReviewSidebar *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), NULL);
  return self->message;
}

/**
 * nb_review_sidebar_go_to:
 * @span: a passage of @item's text to highlight (a span with start < 0: none)
 *
 * Shows @item, selecting it in the list; a filter that hides it is turned off.
 *
 * Returns: whether @item is shown
 */
gboolean
nb_review_sidebar_go_to (NbReviewSidebar *self,
                         NbReviewItem    *item,
                         NbSpan           span)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  g_return_val_if_fail (NB_IS_REVIEW_SIDEBAR (self), FALSE);
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (item), FALSE);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      for (guint pos = 0; pos < g_list_model_get_n_items (shown); pos++)
        {
          g_autoptr(NbReviewItem) it = g_list_model_get_item (shown, pos);

          if (it != item)
            continue;
          gtk_single_selection_set_selected (self->selection, pos);
          focus_selected (self);
          if (self->shown != item || self->window == NULL)
            return FALSE;
          if (nb_span_is_set (span) && nb_review_item_get_report (item) != NULL &&
              (guint) span.end <= nb_report_get_n_chars (nb_review_item_get_report (item)))
            nb_source_view_highlight_spans (self->window->source_view, &span, 1, TRUE);
          return TRUE;
        }
      nb_review_sidebar_set_filter (self, FALSE, FALSE);
    }
  return FALSE;
}

static void
go_to_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  NbReviewSidebar *self = user_data;
  NbSpan span;
  guint index;

  g_variant_get (parameter, "(uii)", &index, &span.start, &span.end);
  if (index < nb_review_set_get_n_items (self->set))
    nb_review_sidebar_go_to (self, nb_review_set_get_item (self->set, index), span);
}

/* ---- opening --------------------------------------------------------------- */

/**
 * nb_review_sidebar_get_for_window:
 *
 * Returns: (transfer none) (nullable): the window's review set sidebar
 */
NbReviewSidebar *
nb_review_sidebar_get_for_window (NbWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "nb-review-sidebar");
}

/**
 * nb_review_sidebar_wants:
 *
 * Returns: whether these files open as a review set: several, a folder, or a
 *   review set's file
 */
gboolean
nb_review_sidebar_wants (GFile **files,
                         int     n_files)
{
  if (n_files > 1)
    return TRUE;
  if (n_files == 1)
    {
      g_autofree char *name = g_file_get_basename (files[0]);

      return g_file_query_file_type (files[0], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY ||
             (name && g_str_has_suffix (name, NB_REVIEW_SET_EXTENSION));
    }
  return FALSE;
}

/**
 * nb_review_sidebar_open:
 *
 * Opens a new window with @files as a review set: the sidebar at the start of the
 * window's review view.
 *
 * Returns: (transfer none): the window
 */
NbWindow *
nb_review_sidebar_open (GtkApplication  *app,
                        GFile          **files,
                        int              n_files)
{
  NbWindow *window = nb_window_new (app);
  NbReviewSidebar *sidebar = nb_review_sidebar_new (window);
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  g_autoptr(GError) error = NULL;

  /* the review view as it is, with the sidebar before it */
  g_object_ref (content);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (sidebar));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), content);
  g_object_unref (content);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  g_object_set_data (G_OBJECT (window), "nb-review-sidebar", sidebar);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);

  if (!nb_review_sidebar_load (sidebar, files, n_files, &error))
    say (sidebar, error->message);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_folder_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         GtkApplication  *app)
{
  g_autoptr(GListModel) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (chosen && g_list_model_get_n_items (chosen) > 0)
    {
      guint n = g_list_model_get_n_items (chosen);
      g_autofree GFile **files = g_new0 (GFile *, n);

      for (guint i = 0; i < n; i++)
        files[i] = g_list_model_get_item (chosen, i);
      nb_review_sidebar_open (app, files, n);
      for (guint i = 0; i < n; i++)
        g_object_unref (files[i]);
    }
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Folder of Reports"),
                                                               gtk_application_get_active_window (app),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                               _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_folder_response_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * nb_review_sidebar_add_actions:
 *
 * app.open-folder (Ctrl+Shift+O): a folder of reports, opened as a review set.
 */
void
nb_review_sidebar_add_actions (GtkApplication *app)
{
  static const GActionEntry actions[] = {
    { "open-folder", open_folder_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (app, "app.open-folder", (const char *[]) { "<Control><Shift>o", NULL });
}
