/* nb-window-actions.c — NbWindow's actions: open, export, undo/redo, accept, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-window-private.h"

static const struct
{
  const char *mime_type;
  const char *pattern;
} report_types[] = {
  { "text/plain", "*.txt" },
  { "application/pdf", "*.pdf" },
  { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "*.docx" },
  { "application/msword", "*.doc" },
  { "text/html", "*.html" },
  { "text/html", "*.htm" },
};

static void
set_chooser (NbWindow            *self,
             GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  self->chooser = GTK_NATIVE_DIALOG (chooser);
}

static void
start_in_last_folder (NbWindow       *self,
                      GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = nb_window_dup_last_folder (self);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* ---------------------------------------------------------------------------------- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  NbWindow        *self)
{
  g_autoptr(GListModel) files = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (response != GTK_RESPONSE_ACCEPT)
    {
      set_chooser (self, NULL);
      return;
    }

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (NB_IS_APPLICATION (app))
        nb_application_open_file (NB_APPLICATION (app), file, self);
      else if (nb_window_is_empty (self))
        nb_window_load_file (self, file);
    }
  set_chooser (self, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) reports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (reports, _("Reports"));
  for (guint i = 0; i < G_N_ELEMENTS (report_types); i++)
    {
      gtk_file_filter_add_mime_type (reports, report_types[i].mime_type);
      gtk_file_filter_add_pattern (reports, report_types[i].pattern);
    }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), reports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), reports);
  start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NbWindow        *self)
{
  NbExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        nb_window_show_error (self, _("Could not export: choose a local folder"));
      else
        {
          parent = g_file_get_parent (file);
          if (parent != NULL)
            nb_window_set_last_folder (self, parent);
          nb_window_export_to_path (self, path, format);
        }
    }
  set_chooser (self, NULL);
}

static const struct
{
  const char     *kind;       /* the action's target */
  NbExportFormat  format;
  const char     *title;
  const char     *filter;
  const char     *pattern;
  const char     *mime_type;
} export_kinds[] = {
  { "csv", NB_EXPORT_CSV, N_("Export as CSV"), N_("CSV Files"), "*.csv", "text/csv" },
  { "xlsx", NB_EXPORT_XLSX, N_("Export as Spreadsheet"), N_("Spreadsheets (XLSX)"), "*.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "json", NB_EXPORT_JSON, N_("Export as JSON"), N_("JSON Files"), "*.json", "application/json" },
};

static void
show_export_chooser (NbWindow *self,
                     guint     k)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_(export_kinds[k].title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (export_kinds[k].format));

  gtk_file_filter_set_name (filter, _(export_kinds[k].filter));
  gtk_file_filter_add_pattern (filter, export_kinds[k].pattern);
  gtk_file_filter_add_mime_type (filter, export_kinds[k].mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));
  name = nb_report_suggest_filename (self->report, export_kinds[k].kind);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_guard_response_cb (GtkDialog *dialog,
                          int        response,
                          NbWindow  *self)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    show_export_chooser (self, k);
}

/* Errors left in the report: say so, and let the user export all the same (the export
 * lists the findings) */
static void
warn_before_export (NbWindow *self,
                    guint     k,
                    guint     n_errors)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   g_dngettext (GETTEXT_PACKAGE, "The report still has %u error",
                                                "The report still has %u errors", n_errors),
                                   n_errors);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The tables will be exported as they are now, "
                                              "with the findings listed beside them."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Export _Anyway"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data (G_OBJECT (dialog), "kind", GUINT_TO_POINTER (k));
  /* no callback once the window is gone; the dialog goes with it */
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_guard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  guint k, n_errors;

  if (self->report == NULL)
    return;
  for (k = 0; k < G_N_ELEMENTS (export_kinds); k++)
    if (g_strcmp0 (kind, export_kinds[k].kind) == 0)
      break;
  g_return_if_fail (k < G_N_ELEMENTS (export_kinds));

  if (export_kinds[k].format == NB_EXPORT_XLSX && !nb_export_can_write_xlsx ())
    {
      nb_window_show_error (self, _("This build of Nianbao cannot write spreadsheets (XLSX)"));
      return;
    }
  n_errors = nb_report_count_findings (self->report, NB_SEVERITY_ERROR);
  if (n_errors > 0)
    warn_before_export (self, k, n_errors);
  else
    show_export_chooser (self, k);
}

/* ---------------------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const NbEdit *edit;

  /* a suggestion's cells go back together */
  while (self->report != NULL && (edit = nb_history_undo (self->history)) != NULL)
    {
      nb_window_replay_edit (self, edit, TRUE);
      if (!edit->joined)
        break;
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const NbEdit *edit;

  if (self->report != NULL && (edit = nb_history_redo (self->history)) != NULL)
    {
      nb_window_replay_edit (self, edit, FALSE);
      while ((edit = nb_history_peek_redo (self->history)) != NULL && edit->joined)
        nb_window_replay_edit (self, nb_history_redo (self->history), FALSE);
    }
}

static void
accept_inferred_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report == NULL)
    return;
  nb_window_accept_cell (self, g_variant_get_uint32 (parameter), FALSE);
  nb_report_check (self->report);
  nb_window_update_state (self);
}

static void
accept_cells_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const guint32 *cells;
  gsize n_cells;
  gboolean joined = FALSE;

  if (self->report == NULL)
    return;
  cells = g_variant_get_fixed_array (parameter, &n_cells, sizeof (guint32));
  /* one click, one step of undo */
  for (gsize i = 0; i < n_cells; i++)
    joined |= nb_window_accept_cell (self, cells[i], joined);
  nb_report_check (self->report);
  nb_window_update_state (self);
}

static void
restore_cell_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  guint cell = g_variant_get_uint32 (parameter);
  gboolean had_value;
  double original;

  if (self->report == NULL || cell >= nb_report_get_n_cells (self->report))
    return;
  if (nb_report_get_corrected (self->report, cell, &had_value, &original))
    nb_window_apply_edit (self, cell, had_value, original);
}

static void
edit_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report != NULL)
    nb_table_view_start_editing (self->table_view, g_variant_get_uint32 (parameter));
}

static void
next_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report != NULL)
    nb_window_select_next_finding (self, g_str_equal (action_name, "win.previous-finding"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->report != NULL)
    nb_window_start_search (self);
}

/* The keyboard shortcuts window, built the first time it is shown: building it for
 * every new window, as GtkApplication would, costs start-up time. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/nianbao/Nianbao/ui/help-overlay.ui");

      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                             "help_overlay")));
    }
  /* GtkApplicationWindow's own action, now that it has the overlay */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
}

void
nb_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.accept-inferred", "u", accept_inferred_action);
  gtk_widget_class_install_action (widget_class, "win.accept-cells", "au", accept_cells_action);
  gtk_widget_class_install_action (widget_class, "win.restore-cell", "u", restore_cell_action);
  gtk_widget_class_install_action (widget_class, "win.edit-cell", "u", edit_cell_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.next-finding", NULL, next_finding_action);
  gtk_widget_class_install_action (widget_class, "win.previous-finding", NULL, next_finding_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

/* The keys of the findings list and the search, for @app to set. */
void
nb_window_add_accels (GtkApplication *app)
{
  gtk_application_set_accels_for_action (app, "win.next-finding",
                                         (const char *[]) { "F8", "<Control>period", NULL });
  gtk_application_set_accels_for_action (app, "win.previous-finding",
                                         (const char *[]) { "<Shift>F8", "<Control>comma", NULL });
  gtk_application_set_accels_for_action (app, "win.search", (const char *[]) { "<Control>f", NULL });
}
