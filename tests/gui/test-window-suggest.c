/* test-window-suggest.c — suggested corrections in the review window
 *
 * A sample with one figure changed: the findings it breaks show the correction
 * that restores it, Apply makes it (one step of undo, a correction the JSON
 * records with the printed value), and every finding it broke is gone. A row
 * shifted one column: three cells, applied and undone as one. "Apply Unique
 * Suggestions" makes every unique one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nb-application.h"
#include "gui-util.h"
#include "nb-window-private.h"
#include "test-util.h"

static char *tmp_dir;

/* ruzhou-2021.txt with @find replaced by @replace, in a file */
static char *
edited_sample (const char *find,
               const char *replace)
{
  g_autofree char *path = nb_test_sample_path ("ruzhou-2021.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;
  char *out = g_build_filename (tmp_dir, "ruzhou-edited.txt", NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  parts = g_strsplit (text, find, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv (replace, parts);
  g_assert_true (g_file_set_contents (out, edited, -1, &error));
  return out;
}

static void
collect_suggestions (GtkWidget *widget,
                     GPtrArray *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "nb-suggestion") &&
      gtk_widget_get_visible (gtk_widget_get_parent (widget)))
    g_ptr_array_add (out, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_suggestions (c, out);
}

static GPtrArray *
shown_suggestions (NbWindow *window)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  spin ();
  collect_suggestions (GTK_WIDGET (window->findings_view), out);
  for (guint i = 0; i < out->len; i++)
    g_test_message ("shown: %s", (char *) g_ptr_array_index (out, i));
  return out;
}

static double
value (NbWindow   *window,
       const char *id)
{
  double v = -1;

  g_assert_true (nb_report_get_value (window->report,
                                      nb_schema_lookup (nb_report_get_edition (window->report), id), &v));
  return v;
}

static void
activate (NbWindow   *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  spin ();
}

static void
test_one_cell (void)
{
  g_autofree char *path = edited_sample ("申请数量\t11\t1\t0", "申请数量\t11\t4\t0");
  NbWindow *window = open_window (path);
  int cell = nb_schema_lookup (nb_report_get_edition (window->report), "requests.new.commercial");
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *json = NULL;
  gboolean had;
  double original;

  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), ==, 2);
  shown = shown_suggestions (window);
  /* both findings the slip broke show the correction */
  g_assert_cmpuint (shown->len, ==, 2);
  for (guint i = 0; i < shown->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (shown, i), "4 → 1"));

  activate (window, "win.apply-suggestion", g_variant_new_uint32 (0));
  g_assert_cmpfloat (value (window, "requests.new.commercial"), ==, 1);
  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), ==, 0);
  g_assert_true (nb_report_get_corrected (window->report, cell, &had, &original));
  g_assert_true (had);
  g_assert_cmpfloat (original, ==, 4);
  json = nb_report_to_json (window->report, FALSE, NULL);
  g_assert_nonnull (strstr (json, "\"requests.new.commercial\":{\"span\":null,\"origin\":\"inferred\",\"corrected\":true,\"original\":4"));
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = shown_suggestions (window);
  g_assert_cmpuint (shown->len, ==, 0);

  activate (window, "win.undo", NULL);
  g_assert_cmpfloat (value (window, "requests.new.commercial"), ==, 4);
  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), ==, 2);
  activate (window, "win.redo", NULL);
  g_assert_cmpfloat (value (window, "requests.new.commercial"), ==, 1);
  close_window (window);
}

/* An empty window has nothing to apply: the action is disabled (a button for it, put in
 * the window, is insensitive), and a report's window with a unique suggestion enables it */
static gboolean
action_enabled (NbWindow *window)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.apply-unique-suggestions");
  gtk_stack_add_named (window->stack, button, "test-action");
  spin ();
  enabled = gtk_widget_get_sensitive (button);
  gtk_stack_remove (window->stack, button);
  return enabled;
}

static void
test_empty_window (void)
{
  NbWindow *window = nb_window_new (NULL);
  g_autofree char *path = edited_sample ("申请数量\t11\t1\t0", "申请数量\t0\t11\t1");

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_false (action_enabled (window));
  close_window (window);

  window = open_window (path);
  g_assert_true (action_enabled (window));
  close_window (window);
}

/* 11 1 0 written 0 11 1: three cells, one correction, one undo */
static void
test_shifted_row (void)
{
  g_autofree char *path = edited_sample ("申请数量\t11\t1\t0", "申请数量\t0\t11\t1");
  NbWindow *window = open_window (path);
  const char *ids[] = { "requests.new.natural_person", "requests.new.commercial", "requests.new.research" };
  const double was[] = { 11, 1, 0 }, now[] = { 0, 11, 1 };

  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), >, 0);
  activate (window, "win.apply-unique-suggestions", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpfloat (value (window, ids[i]), ==, was[i]);
  g_assert_cmpuint (nb_report_count_findings (window->report, NB_SEVERITY_ERROR), ==, 0);

  activate (window, "win.undo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpfloat (value (window, ids[i]), ==, now[i]);
  activate (window, "win.redo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpfloat (value (window, ids[i]), ==, was[i]);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }
  /* GTK 4.8 prints a critical when a window closes while a scrolled view still animates
   * (the findings list scrolls to new errors): no animations, no race, as in test-window.c */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  tmp_dir = g_dir_make_tmp ("nianbao-suggest-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/window-suggest/one-cell", test_one_cell);
  g_test_add_func ("/window-suggest/shifted-row", test_shifted_row);
  g_test_add_func ("/window-suggest/empty-window", test_empty_window);
  status = g_test_run ();

  {
    g_autofree char *file = g_build_filename (tmp_dir, "ruzhou-edited.txt", NULL);

    g_unlink (file);
    g_rmdir (tmp_dir);
  }
  return status;
}
