/* nb-window.c — a review window: one report, its text beside its tables and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-finding-row.h"
#include "nb-view-logic.h"
#include "nb-window-private.h"
#include "nb-window-suggest.h"

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, GTK_TYPE_APPLICATION_WINDOW)

#define MAX_RECENT 6
/* The name the recent files record for Nianbao: the application id, never the translated
 * name, so that every interface language sees the same list, and never the name the
 * file chooser records for any file chosen, opened or not. */
#define RECENT_APP_NAME APP_ID
#define TOAST_SECONDS 5
#define PRESENT_DELAY_MS 400

static const char *const report_mime_types[] = {
  "text/plain",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword",
  "text/html",
};

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  /* The file is known to exist here, and this is cheap for local files. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
update_title (NbWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  title = nb_format_window_title (name, self->report != NULL && nb_report_get_modified (self->report));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (NbWindow *self)
{
  gboolean has_report = self->report != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_report && nb_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_report && nb_history_can_redo (self->history));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), has_report);
}

static void
set_count (GtkWidget  *badge,
           GtkLabel   *label,
           guint       count,
           const char *what)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  gboolean shown = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (badge));
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", what,
                                              shown ? _("Click to hide them in the list")
                                                    : _("Click to show them in the list"));

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_widget_set_visible (badge, count > 0);
}

void
nb_window_update_counts (NbWindow *self)
{
  guint errors = nb_window_count_findings (self, NB_SEVERITY_ERROR);
  guint warnings = nb_window_count_findings (self, NB_SEVERITY_WARNING);
  guint infos = nb_window_count_findings (self, NB_SEVERITY_INFO);
  g_autofree char *e = NULL, *w = NULL, *i = NULL;

  e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  i = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", infos), infos);
  set_count (self->error_badge, self->error_count, errors, e);
  set_count (self->warning_badge, self->warning_count, warnings, w);
  set_count (self->info_badge, self->info_count, infos, i);
  gtk_stack_set_visible_child_name (self->findings_stack, errors + warnings + infos ? "list" : "none");
}

/* The report is modified unless its edits are those it was opened or exported with:
 * undoing every correction brings it back to unmodified. */
static void
sync_modified (NbWindow *self)
{
  if (self->report != NULL)
    nb_report_set_modified (self->report, !nb_history_is_clean (self->history));
}

void
nb_window_update_state (NbWindow *self)
{
  update_title (self);
  update_actions (self);
  nb_window_suggest_update_actions (self);
}

static void
findings_changed_cb (GListModel *findings,
                     guint       position,
                     guint       removed,
                     guint       added,
                     NbWindow   *self)
{
  /* The core re-checked after an edit: everything that shows findings follows. */
  nb_window_findings_regroup (self, TRUE);
  nb_table_view_refresh (self->table_view);
  nb_source_view_refresh (self->source_view);
  nb_window_update_counts (self);
  nb_window_update_state (self);
}

static void
badge_toggled_cb (GtkToggleButton *badge,
                  NbWindow        *self)
{
  if (self->severity_filter != NULL)
    gtk_filter_changed (self->severity_filter,
                        gtk_toggle_button_get_active (badge) ? GTK_FILTER_CHANGE_LESS_STRICT
                                                             : GTK_FILTER_CHANGE_MORE_STRICT);
  if (self->report != NULL)
    nb_window_update_counts (self);
}

static void
cell_selected_cb (NbTableView *view,
                  guint        cell,
                  NbWindow    *self)
{
  NbSpan span;

  if (self->report == NULL)
    return;
  nb_table_view_highlight_cells (self->table_view, &cell, 1);
  nb_source_view_highlight_spans (self->source_view, &span,
                                  nb_window_get_cell_text_span (self, cell, &span) ? 1 : 0, TRUE);
}

static void
cell_edited_cb (NbTableView *view,
                guint        cell,
                gboolean     has_value,
                double       value,
                NbWindow    *self)
{
  nb_window_apply_edit (self, cell, has_value, value);
}

/* The checks run as the user types: the report holds the input until the editor
 * closes, then goes back to the value it had, and a commit applies the input as one
 * edit, for undo. */
static void
cell_preview_cb (NbTableView *view,
                 guint        cell,
                 gboolean     active,
                 gboolean     has_value,
                 double       value,
                 NbWindow    *self)
{
  if (self->report == NULL || cell >= nb_report_get_n_cells (self->report))
    return;
  if (active)
    {
      if (self->preview_cell != (int) cell)
        {
          self->preview_cell = cell;
          self->preview_had_value = nb_report_get_value (self->report, cell, &self->preview_value);
        }
      nb_report_set_value (self->report, cell, has_value, value);
    }
  else if (self->preview_cell == (int) cell)
    {
      self->preview_cell = -1;
      nb_report_set_value (self->report, cell, self->preview_had_value, self->preview_value);
      sync_modified (self);
      nb_window_update_state (self);
    }
}

static void
source_cell_clicked_cb (NbSourceView *view,
                        guint         cell,
                        NbWindow     *self)
{
  nb_table_view_focus_cell (self->table_view, cell);
}

static void
after_paint_cb (GdkFrameClock *clock,
                NbWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_application_quit (g_application_get_default ());
}

static void
quit_after_first_frame (NbWindow *self)
{
  GdkFrameClock *clock;

  if (!self->quit_after_first_frame)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------------------- */
/* Empty state and recent files                                                        */

static void
recent_row_activated_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         NbWindow      *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  nb_window_load_file (self, file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static gboolean
is_report_type (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_mime_types); i++)
    if (g_strcmp0 (mime_type, report_mime_types[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
populate_recent (NbWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME) &&
          is_report_type (gtk_recent_info_get_mime_type (info)) && gtk_recent_info_exists (info))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);

  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autofree char *location = gtk_recent_info_get_uri_display (info);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (gtk_recent_info_get_display_name (info));
      GtkWidget *subtitle = gtk_label_new (location);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_box, ours->len > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* A window that comes up empty (a fresh start, Ctrl+N) offers the recent reports. */
static void
map_cb (NbWindow *self)
{
  if (nb_window_is_empty (self))
    populate_recent (self);
}

static void
show_empty_state (NbWindow *self)
{
  populate_recent (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
add_to_recent_cb (gpointer data)
{
  g_autoptr(GFile) file = data;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *content_type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *mime_type = g_content_type_get_mime_type (content_type);
  g_autofree char *exec = g_strconcat (g_get_prgname () ? g_get_prgname () : "nianbao", " %u", NULL);
  GtkRecentData data_ = {
    .mime_type = mime_type ? mime_type : (char *) "text/plain",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = exec,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data_);
  return G_SOURCE_REMOVE;
}

/* The recent files are read and written once the report is on screen, not before. */
static void
add_to_recent (GFile *file)
{
  g_idle_add_full (G_PRIORITY_LOW, add_to_recent_cb, g_object_ref (file), NULL);
}

/* ---------------------------------------------------------------------------------- */
/* Loading                                                                             */

static void
set_report (NbWindow *self,
            NbReport *report)
{
  GListModel *findings;
  g_autofree char *details = NULL;
  const char *agency;
  int year;

  if (self->report != NULL && self->findings_handler != 0)
    g_clear_signal_handler (&self->findings_handler, nb_report_get_findings (self->report));
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_set_object (&self->report, report);
  nb_history_clear (self->history);
  g_signal_connect_object (report, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  findings = nb_report_get_findings (report);
  self->findings_handler = g_signal_connect (findings, "items-changed",
                                             G_CALLBACK (findings_changed_cb), self);

  agency = nb_report_get_agency (report);
  year = nb_report_get_year (report);
  gtk_label_set_text (self->agency_label, agency ? agency : _("Unknown agency"));
  if (year > 0)
    /* Translators: %d is the year of the report, %s the template edition ("2021") */
    details = g_strdup_printf (_("Annual report for %d · %s template · %s"), year,
                               nb_edition_to_string (nb_report_get_edition (report)),
                               nb_report_get_encoding (report));
  else
    /* Translators: %s is the template edition ("2021") */
    details = g_strdup_printf (_("Year not stated · %s template · %s"),
                               nb_edition_to_string (nb_report_get_edition (report)),
                               nb_report_get_encoding (report));
  gtk_label_set_text (self->details_label, details);

  self->preview_cell = -1;
  nb_window_set_set_findings (self, NULL);  /* a review set gives them after */
  nb_source_view_set_report (self->source_view, report);
  nb_table_view_set_report (self->table_view, report);
  nb_window_place_dividers (self);
  nb_window_findings_regroup (self, FALSE);
  nb_window_update_counts (self);

  gtk_stack_set_visible_child_name (self->stack, "report");
  nb_window_update_state (self);
}

static gboolean
present_cb (gpointer data)
{
  NbWindow *self = data;

  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
report_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(NbWindow) self = user_data;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = nb_report_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (report == NULL)
    {
      g_autofree char *name = self->file ? dup_display_name (self->file) : g_strdup ("?");
      /* Translators: %s is a file name, then the reason */
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      g_autoptr(NbWindow) origin = g_weak_ref_get (&self->origin);

      g_clear_object (&self->file);
      if (origin != NULL)
        {
          /* opened from a window that holds a report: the error belongs there, and this
           * window, made only for the report, goes */
          nb_window_show_error (origin, message);
          g_clear_handle_id (&self->present_source, g_source_remove);
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      nb_window_show_error (self, message);
      show_empty_state (self);
      g_clear_handle_id (&self->present_source, g_source_remove);
      gtk_window_present (GTK_WINDOW (self));
      nb_window_update_state (self);
      if (self->quit_after_first_frame)
        g_application_quit (g_application_get_default ());
      return;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  set_report (self, report);
  g_clear_handle_id (&self->present_source, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
  /* the keys start in the tables: not on the header bar's Open button, where a window
   * shown puts them, nor nowhere, where the loading page's Cancel button went */
  nb_table_view_take_focus (self->table_view);
  add_to_recent (self->file);
  quit_after_first_frame (self);
}

/* ---------------------------------------------------------------------------------- */

static gboolean
close_confirmed_cb (gpointer data)
{
  NbWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Lets go of the discard dialog, if one is up: it must not touch the window later. */
static void
drop_discard_dialog (NbWindow *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->discard_dialog);

  if (dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (dialog, self);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
discard_response_cb (GtkDialog *dialog,
                     int        response,
                     NbWindow  *self)
{
  /* The dialog is still in its ::response emission, which holds it: it must let go of
   * the window now, and the window close only once the dialog has gone, or the dialog,
   * finalised last, would touch the freed window. */
  drop_discard_dialog (self);
  if (response == GTK_RESPONSE_ACCEPT)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_confirmed_cb, g_object_ref (self), g_object_unref);
}

static void
save_window_state (NbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (self->report != NULL)
    {
      int divider, findings_divider;

      /* a divider the user did not move stays automatic (0) */
      nb_window_get_dividers (self, &divider, &findings_divider);
      g_settings_set_int (self->settings, "divider-position", divider);
      g_settings_set_int (self->settings, "findings-divider-position", findings_divider);
    }
  g_settings_apply (self->settings);
}

static gboolean
nb_window_close_request (GtkWindow *window)
{
  NbWindow *self = NB_WINDOW (window);

  if (self->report != NULL && nb_report_get_modified (self->report) && !self->close_confirmed)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      GtkWidget *dialog;
      GtkWidget *button;

      dialog = gtk_message_dialog_new (window,
                                       GTK_DIALOG_MODAL,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       _("Discard the corrections?"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                                _("The corrections to “%s” have not been exported. "
                                                  "They are lost if you close the window."),
                                                name);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
      button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_ACCEPT);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
      drop_discard_dialog (self);
      self->discard_dialog = dialog;
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* a report still being read is no longer wanted: its reader helper is killed now, not
   * when the reading ends (it holds the window, whose dispose would otherwise wait for it) */
  g_cancellable_cancel (self->cancellable);
  save_window_state (self);
  return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               NbWindow      *self)
{
  /* A report never replaces another one: with a report shown, a drop opens a window. */
  gtk_label_set_text (self->drop_label, nb_window_is_empty (self)
                                        ? _("Drop a report to open it")
                                        : _("Drop a report to open it in a new window"));
  gtk_widget_set_visible (self->drop_overlay, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               NbWindow      *self)
{
  gtk_widget_set_visible (self->drop_overlay, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NbWindow      *self)
{
  GSList *files;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  gtk_widget_set_visible (self->drop_overlay, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  for (GSList *l = files; l; l = l->next)
    {
      if (NB_IS_APPLICATION (app))
        nb_application_open_file (NB_APPLICATION (app), l->data, self);
      else if (nb_window_is_empty (self))
        nb_window_load_file (self, l->data);
    }
  g_slist_free (files);
  return TRUE;
}

static void
error_bar_response_cb (GtkInfoBar *bar,
                       int         response,
                       NbWindow   *self)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
toast_close_cb (GtkButton *button,
                NbWindow  *self)
{
  g_clear_handle_id (&self->toast_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
}

static gboolean
toast_timeout_cb (gpointer data)
{
  NbWindow *self = data;

  self->toast_source = 0;
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->toast_source, g_source_remove);
  g_clear_handle_id (&self->present_source, g_source_remove);
  g_clear_handle_id (&self->place_source, g_source_remove);
  drop_discard_dialog (self);
  if (self->report != NULL && self->findings_handler != 0)
    g_clear_signal_handler (&self->findings_handler, nb_report_get_findings (self->report));
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);

  nb_window_findings_dispose (self);
  g_clear_object (&self->report);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_weak_ref_set (&self->origin, NULL);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_pointer (&self->history, nb_history_free);
  g_weak_ref_clear (&self->origin);

  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
nb_window_unmap (GtkWidget *widget)
{
  nb_window_stop_scrolling (NB_WINDOW (widget));  /* see nb-window-layout.c */
  GTK_WIDGET_CLASS (nb_window_parent_class)->unmap (widget);
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  widget_class->unmap = nb_window_unmap;
  window_class->close_request = nb_window_close_request;

  g_type_ensure (NB_TYPE_SOURCE_VIEW);
  g_type_ensure (NB_TYPE_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/ui/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, cancel_load_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, empty_icon);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, agency_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_count);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, warning_count);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, info_count);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_badge);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, warning_badge);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, info_badge);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, drop_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, nb_window_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, nb_window_search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, nb_window_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, nb_window_cancel_load);
  gtk_widget_class_bind_template_callback (widget_class, cell_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_preview_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_cell_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, badge_toggled_cb);

  nb_window_class_add_actions (widget_class);
  nb_window_suggest_class_init (widget_class);
}

static void
nb_window_init (NbWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = nb_history_new ();
  self->preview_cell = -1;
  self->cancellable = g_cancellable_new ();
  self->settings = nb_settings_new ();
  self->quit_after_first_frame = g_strcmp0 (g_getenv ("NIANBAO_QUIT_AFTER_FIRST_FRAME"), "1") == 0;

  gtk_image_set_from_icon_name (self->empty_icon, APP_ID);
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  if (self->settings == NULL)
    nb_window_init_dividers (self, 0, 0);
  else
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");
      int divider = g_settings_get_int (self->settings, "divider-position");
      int findings_divider = g_settings_get_int (self->settings, "findings-divider-position");

      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      /* 0: automatic (see nb-window-layout.c) */
      nb_window_init_dividers (self, divider, findings_divider);
    }

  nb_window_findings_init (self);
  nb_window_panes_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_weak_ref_init (&self->origin, NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  nb_window_update_state (self);
}

/* ---------------------------------------------------------------------------------- */

NbWindow *
nb_window_new (GtkApplication *application)
{
  return g_object_new (NB_TYPE_WINDOW, "application", application, NULL);
}

/**
 * nb_window_load_file:
 *
 * Reads @file in a thread and shows it. The window must not hold a report yet
 * (see nb_application_open_file()). Failure shows the reason in the window.
 */
void
nb_window_load_file (NbWindow *self,
                     GFile    *file)
{
  g_autoptr(GFile) parent = NULL;
  GtkApplication *app;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->report == NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  self->loading = TRUE;
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  {
    g_autofree char *name = dup_display_name (file);
    /* Translators: shown while a report is read, above a Cancel button; %s is its file name */
    g_autofree char *text = g_strdup_printf (_("Reading “%s”…"), name);

    gtk_label_set_text (self->loading_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_load_button));
  update_title (self);

  parent = g_file_get_parent (file);
  if (parent != NULL)
    nb_window_set_last_folder (self, parent);

  /* A new window shows itself with the report, which takes a few tens of milliseconds,
   * rather than drawing a "loading" page first; a slow report gets that page. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) && self->present_source == 0)
    self->present_source = g_timeout_add (PRESENT_DELAY_MS, present_cb, self);
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (!NB_IS_APPLICATION (app) ||
      !nb_application_take_preload (NB_APPLICATION (app), file, self->cancellable,
                                    report_loaded_cb, g_object_ref (self)))
    nb_report_load_async (file, self->cancellable, report_loaded_cb, g_object_ref (self));
}

/**
 * nb_window_set_origin:
 * @origin: (nullable): the window the user opened the file from
 *
 * A window made to open a file the user chose in @origin: if the file cannot be read,
 * @origin shows why and this window goes, rather than staying empty.
 */
void
nb_window_set_origin (NbWindow *self,
                      NbWindow *origin)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_weak_ref_set (&self->origin, origin);
}

/**
 * nb_window_show_report:
 *
 * Shows @report, already read, in place of the window's report: a review set's
 * sidebar does so as the reviewer moves through the set (it keeps each report's
 * corrections itself, so none is dropped).
 */
void
nb_window_show_report (NbWindow *self,
                       NbReport *report,
                       GFile    *file)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (NB_IS_REPORT (report));

  g_set_object (&self->file, file);
  self->loading = FALSE;
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  set_report (self, report);
  update_title (self);
}

/**
 * nb_window_cancel_load:
 *
 * Stops reading the report the window is opening (its Cancel button): a reader helper
 * still reading it is killed at once (see nb_format_extract()). The window is left empty,
 * ready to open another report; a window made only to open this report, from another
 * window, goes.
 */
void
nb_window_cancel_load (NbWindow *self)
{
  g_autoptr(NbWindow) origin = NULL;

  g_return_if_fail (NB_IS_WINDOW (self));

  if (!self->loading)
    return;
  /* report_loaded_cb () is then told G_IO_ERROR_CANCELLED, and does nothing */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  g_clear_object (&self->file);
  g_clear_handle_id (&self->present_source, g_source_remove);

  origin = g_weak_ref_get (&self->origin);
  if (origin != NULL)
    {
      gtk_window_present (GTK_WINDOW (origin));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_empty_state (self);
  update_title (self);
  nb_window_update_state (self);
}

/**
 * nb_window_show_unreadable:
 * @message: why @file could not be read
 *
 * A review set's file that could not be read, in place of the window's report: no
 * report stays on show (nor can be edited or exported), and the reason is said.
 */
void
nb_window_show_unreadable (NbWindow   *self,
                           GFile      *file,
                           const char *message)
{
  g_autofree char *name = dup_display_name (file);
  /* Translators: %s is a file name, then the reason */
  g_autofree char *text = g_strdup_printf (_("Could not open “%s”: %s"), name, message);

  g_return_if_fail (NB_IS_WINDOW (self));

  if (self->report != NULL)
    {
      g_clear_signal_handler (&self->findings_handler, nb_report_get_findings (self->report));
      g_signal_handlers_disconnect_by_data (self->report, self);
    }
  g_clear_object (&self->report);
  nb_history_clear (self->history);
  nb_window_set_set_findings (self, NULL);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->groups);
  nb_source_view_set_report (self->source_view, NULL);
  nb_table_view_set_report (self->table_view, NULL);
  g_set_object (&self->file, file);
  self->loading = FALSE;
  nb_window_show_error (self, text);
  show_empty_state (self);
  nb_window_update_state (self);
}

gboolean
nb_window_is_empty (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  /* a review set's window is never empty: a file opened goes to a window of its own,
   * not in place of the set's reports (nb-review-sidebar.c) */
  return self->report == NULL && !self->loading &&
         g_object_get_data (G_OBJECT (self), "nb-review-sidebar") == NULL;
}

gboolean
nb_window_is_loading (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  return self->loading;
}

NbReport *
nb_window_get_report (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->report;
}

GFile *
nb_window_get_file (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->file;
}

const char *
nb_window_get_error_message (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  if (!gtk_info_bar_get_revealed (self->error_bar))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

const char *
nb_window_get_toast_message (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->toast_revealer))
    return NULL;
  return gtk_label_get_text (self->toast_label);
}

void
nb_window_show_error (NbWindow   *self,
                      const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

void
nb_window_show_toast (NbWindow   *self,
                      const char *message)
{
  gtk_label_set_text (self->toast_label, message);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  g_clear_handle_id (&self->toast_source, g_source_remove);
  self->toast_source = g_timeout_add_seconds (TOAST_SECONDS, toast_timeout_cb, self);
}

/* Applies a correction and records it for undo. The core re-checks, and the
 * findings' items-changed brings every view up to date. */
void
nb_window_apply_edit (NbWindow *self,
                      guint     cell,
                      gboolean  has_value,
                      double    value)
{
  NbEdit edit = { NB_EDIT_VALUE, cell, FALSE, 0, has_value, value };

  g_return_if_fail (self->report != NULL);

  edit.old_has_value = nb_report_get_value (self->report, cell, &edit.old_value);
  if (edit.old_has_value == has_value && (!has_value || edit.old_value == value))
    return;
  nb_history_push (self->history, &edit);
  nb_report_set_value (self->report, cell, has_value, value);
  sync_modified (self);
  nb_window_update_state (self);
}

/* Accepting an inferred value confirms it as the report's, without changing it; the
 * report records it, and its re-check rebinds the findings so their Accept buttons follow.
 * @joined: undone and redone with the edit before it (a finding's cells, accepted at once).
 * Returns whether the cell was accepted now. */
gboolean
nb_window_accept_cell (NbWindow *self,
                       guint     cell,
                       gboolean  joined)
{
  NbEdit edit = { NB_EDIT_ACCEPT, cell, TRUE, 0, TRUE, 0, joined };

  g_return_val_if_fail (self->report != NULL, FALSE);

  if (!nb_report_can_accept (self->report, cell))
    return FALSE;
  nb_report_get_value (self->report, cell, &edit.old_value);
  edit.new_value = edit.old_value;
  nb_history_push (self->history, &edit);
  nb_report_set_accepted (self->report, cell, TRUE);
  sync_modified (self);
  return TRUE;
}

/* Undoes (@undo) or redoes an edit from the history. */
void
nb_window_replay_edit (NbWindow     *self,
                       const NbEdit *edit,
                       gboolean      undo)
{
  if (edit->kind == NB_EDIT_ACCEPT)
    nb_report_set_accepted (self->report, edit->cell, !undo);
  else if (undo)
    nb_report_set_value (self->report, edit->cell, edit->old_has_value, edit->old_value);
  else
    nb_report_set_value (self->report, edit->cell, edit->new_has_value, edit->new_value);
  sync_modified (self);
  nb_table_view_focus_cell (self->table_view, edit->cell);
  nb_window_update_state (self);
}

/* Where file choosers start: the last folder used, else the report's. */
GFile *
nb_window_dup_last_folder (NbWindow *self)
{
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-folder");
  if (path != NULL && *path && g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (path);
  if (self->file != NULL)
    return g_file_get_parent (self->file);
  return NULL;
}

void
nb_window_set_last_folder (NbWindow *self,
                           GFile    *folder)
{
  g_autofree char *path = g_file_get_path (folder);

  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
}

gboolean
nb_window_export_to_path (NbWindow       *self,
                          const char     *path,
                          NbExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  if (!nb_report_export (self->report, path, format, &error))
    {
      /* Translators: %s is a file name, then the reason */
      g_autofree char *message = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);

      nb_window_show_error (self, message);
      return FALSE;
    }
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      nb_history_mark_clean (self->history);
      sync_modified (self);
      nb_window_show_toast (self, message);
      nb_window_update_state (self);
      return TRUE;
    }
}
