/* bare-window.c — the baseline for bench/startup.sh: the least a GTK 4 program can do
 * to show a report, reading FILE into a text view and quitting after the first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

static gboolean done;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  done = TRUE;
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *scrolled, *view;
  gsize length = 0;

  gtk_init ();

  if (argc > 1 && !g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "bare-window");
  /* A window's title bar, as GTK draws it on Wayland and under a compositing window
   * manager. Without a window manager (Xvfb) GTK would draw none at all, and the
   * baseline would be a window no desktop shows. NB_BARE_UNDECORATED=1 measures that. */
  if (g_strcmp0 (g_getenv ("NB_BARE_UNDECORATED"), "1") != 0)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            contents ? contents : "", (int) length);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
