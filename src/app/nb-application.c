/* nb-application.c — the application: one window per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-review-sidebar.h"
#include "nb-window.h"

/* A report read ahead, while GTK starts, for the window that will ask for it. */
typedef struct
{
  NbApplication *app;      /* owned while reading */
  GFile         *file;
  NbReport      *report;
  GError        *error;
  gboolean       done;
  GTask         *waiting;  /* the window's read, taken over before this one was done */
  GCancellable  *cancellable;  /* this read's: cancelled with the waiting window's */
  GCancellable  *waiting_cancellable;
  gulong         cancel_handler;
} Preload;

struct _NbApplication
{
  GtkApplication  parent_instance;

  GPtrArray      *preloads;  /* Preload, not taken yet */
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, GTK_TYPE_APPLICATION)

static void
preload_free (Preload *preload)
{
  if (preload->cancel_handler != 0)
    g_cancellable_disconnect (preload->waiting_cancellable, preload->cancel_handler);
  g_clear_object (&preload->waiting_cancellable);
  g_clear_object (&preload->cancellable);
  g_clear_object (&preload->file);
  g_clear_object (&preload->report);
  g_clear_error (&preload->error);
  g_clear_object (&preload->waiting);
  g_free (preload);
}

static void
preload_deliver (Preload *preload)
{
  GTask *task = g_steal_pointer (&preload->waiting);

  if (preload->report != NULL)
    g_task_return_pointer (task, g_steal_pointer (&preload->report), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&preload->error));
  g_object_unref (task);
}

/* @cancellable, the waiting window's, was cancelled: the read ahead stops too */
static void
cancel_preload_cb (GCancellable *cancellable,
                   gpointer      preload_cancellable)
{
  g_cancellable_cancel (preload_cancellable);
}

static void
preload_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Preload *preload = user_data;
  g_autoptr(NbApplication) app = g_steal_pointer (&preload->app);

  preload->report = nb_report_load_finish (result, &preload->error);
  preload->done = TRUE;
  if (preload->waiting != NULL)
    {
      preload_deliver (preload);
      preload_free (preload);
    }
}

/* The settings, or NULL when the schema is not installed (running from the build
 * directory without GSETTINGS_SCHEMA_DIR): the application then simply forgets. */
GSettings *
nb_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, NB_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static NbWindow *
new_window (NbApplication *self)
{
  return nb_window_new (GTK_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  NbApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks before dropping unsaved corrections; the application ends
   * when the last window has gone. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  NbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* the same name the metainfo gives, translated as it is there */
  const char *developers[] = { _("Nianbao contributors"), NULL };

  gtk_show_about_dialog (parent,
                         "program-name", _("Nianbao"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Check government information-disclosure annual reports"),
                         "website", "https://github.com/nianbao/nianbao",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "new-window", new_window_action },
};

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/nianbao/Nianbao/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
nb_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (nb_application_parent_class)->startup (app);

  g_set_application_name (_("Nianbao"));
  gtk_window_set_default_icon_name (APP_ID);
  load_css ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  nb_review_sidebar_add_actions (gtk_app);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.new-window", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", "<Control>slash", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.undo", (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.redo",
                                         (const char *[]) { "<Control><Shift>z", "<Control>y", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.export::csv", (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.export::json",
                                         (const char *[]) { "<Control><Shift>e", NULL });
  nb_window_add_accels (gtk_app);
}

static void
nb_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (NB_APPLICATION (app)));
  gtk_window_present (window);
}

static void
nb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* a folder, several files or a review set's file open as one review set */
  if (nb_review_sidebar_wants (files, n_files))
    {
      nb_review_sidebar_open (GTK_APPLICATION (app), files, n_files);
      return;
    }
  for (int i = 0; i < n_files; i++)
    nb_application_open_file (NB_APPLICATION (app), files[i], NULL);
}

/* Starts reading the files on the command line before GTK starts, which takes longer. */
static gboolean
nb_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  char **argv = *arguments;
  guint n_args = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    n_args += argv[i][0] != '-';
  for (guint i = 1; argv[i] != NULL && n_args == 1; i++)
    {
      g_autoptr(GFile) file = NULL;

      /* one report; a review set reads its reports itself */
      if (argv[i][0] == '-' || g_file_test (argv[i], G_FILE_TEST_IS_DIR) ||
          g_str_has_suffix (argv[i], NB_REVIEW_SET_EXTENSION))
        continue;
      file = g_file_new_for_commandline_arg (argv[i]);
      nb_application_preload (NB_APPLICATION (app), file);
    }
  return G_APPLICATION_CLASS (nb_application_parent_class)->local_command_line (app, arguments,
                                                                                exit_status);
}

static void
nb_application_finalize (GObject *object)
{
  NbApplication *self = NB_APPLICATION (object);

  g_clear_pointer (&self->preloads, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_application_parent_class)->finalize (object);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nb_application_finalize;
  app_class->local_command_line = nb_application_local_command_line;
  app_class->startup = nb_application_startup;
  app_class->activate = nb_application_activate;
  app_class->open = nb_application_open;
}

static void
nb_application_init (NbApplication *self)
{
  self->preloads = g_ptr_array_new_with_free_func ((GDestroyNotify) preload_free);
}

NbApplication *
nb_application_new (void)
{
  NbApplication *self = g_object_new (NB_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_HANDLES_OPEN,
                                      NULL);

  /* No resource base path, which the application id would give: GtkApplication would
   * add its icons/ folder to the icon theme, which then throws away the index it is
   * reading in a thread and reads it again on the first frame (10-15 ms). The
   * application has no icons in its resources and builds its shortcuts window itself
   * (see show_help_overlay_action()). */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}

/**
 * nb_application_open_file:
 * @from: (nullable): the window the user asked from
 *
 * Opens @file in @from if that window shows no report yet, else in an empty window
 * of the application, else in a new window: a report never replaces another one
 * (and its unsaved corrections).
 */
NbWindow *
nb_application_open_file (NbApplication *self,
                          GFile         *file,
                          NbWindow      *from)
{
  NbWindow *window = NULL;

  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (from != NULL && nb_window_is_empty (from))
    window = from;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); window == NULL && l; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_is_empty (l->data))
      window = l->data;
  if (window == NULL)
    {
      window = new_window (self);
      if (from != NULL)
        nb_window_set_origin (window, from);
    }

  nb_window_load_file (window, file);
  /* a new window presents itself once the report is shown (see nb_window_load_file) */
  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * nb_application_preload:
 *
 * Starts reading @file for a window that will ask for it with
 * nb_application_take_preload().
 */
void
nb_application_preload (NbApplication *self,
                        GFile         *file)
{
  Preload *preload;

  g_return_if_fail (NB_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  preload = g_new0 (Preload, 1);
  preload->app = g_object_ref (self);
  preload->file = g_object_ref (file);
  preload->cancellable = g_cancellable_new ();
  g_ptr_array_add (self->preloads, preload);
  nb_report_load_async (file, preload->cancellable, preload_loaded_cb, preload);
}

/**
 * nb_application_take_preload:
 *
 * If @file is being read ahead, takes that read over: @callback gets its result, to
 * finish with nb_report_load_finish(), as if nb_report_load_async() had been called.
 *
 * Returns: %FALSE if @file is not being read ahead
 */
gboolean
nb_application_take_preload (NbApplication       *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Preload *preload = NULL;
  guint i;

  g_return_val_if_fail (NB_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  for (i = 0; i < self->preloads->len && preload == NULL; i++)
    if (g_file_equal (((Preload *) g_ptr_array_index (self->preloads, i))->file, file))
      preload = g_ptr_array_steal_index (self->preloads, i);
  if (preload == NULL)
    return FALSE;

  preload->waiting = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (preload->waiting, nb_application_take_preload);
  if (preload->done)
    {
      preload_deliver (preload);
      preload_free (preload);
    }
  else if (cancellable != NULL)
    {
      /* the window's Cancel, or its closing, stops the read it took over, reader and all */
      preload->waiting_cancellable = g_object_ref (cancellable);
      preload->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_preload_cb),
                                                       g_object_ref (preload->cancellable),
                                                       g_object_unref);
    }
  return TRUE;
}
