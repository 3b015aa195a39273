/* nb-window-search.c — Ctrl+F: searching the report's text
 *
 * A GtkSearchBar over the text pane. Typing finds the first match from the start of
 * the text; Enter and Ctrl+G go to the next, Shift+Enter and Ctrl+Shift+G to the
 * previous, wrapping round. The match is marked with a tag of its own, with the cursor
 * at its start, and scrolled into view. (Not the selection: a selection would claim the
 * primary clipboard from a pane that does not have the keyboard.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-window-private.h"

static GtkTextTag *
ensure_match_tag (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "nb-search-match");

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "nb-search-match",
                                      "background", "#f8e45c", "foreground", "#000000", NULL);
  return tag;
}

/* Where the match is: the cursor, and the end of the tag from there. */
gboolean
nb_window_get_search_match (NbWindow    *self,
                            GtkTextIter *start,
                            GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextTag *tag = ensure_match_tag (buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, start, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_starts_tag (start, tag))
    return FALSE;
  *end = *start;
  return gtk_text_iter_forward_to_tag_toggle (end, tag);
}

/* Finds the search text from @from (forwards, or backwards), wrapping round once. */
static gboolean
find (NbWindow          *self,
      const GtkTextIter *from,
      gboolean           backwards)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_TEXT_ONLY | GTK_TEXT_SEARCH_CASE_INSENSITIVE;
  GtkTextIter start, end, wrap, bounds_end;
  gboolean found;

  if (needle == NULL || *needle == '\0')
    return FALSE;
  if (backwards)
    found = gtk_text_iter_backward_search (from, needle, flags, &start, &end, NULL);
  else
    found = gtk_text_iter_forward_search (from, needle, flags, &start, &end, NULL);
  if (!found)
    {
      if (backwards)
        gtk_text_buffer_get_end_iter (buffer, &wrap);
      else
        gtk_text_buffer_get_start_iter (buffer, &wrap);
      found = backwards ? gtk_text_iter_backward_search (&wrap, needle, flags, &start, &end, NULL)
                        : gtk_text_iter_forward_search (&wrap, needle, flags, &start, &end, NULL);
    }
  gtk_text_buffer_get_bounds (buffer, &wrap, &bounds_end);
  gtk_text_buffer_remove_tag (buffer, ensure_match_tag (buffer), &wrap, &bounds_end);
  if (found)
    {
      gtk_text_buffer_apply_tag (buffer, ensure_match_tag (buffer), &start, &end);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), gtk_text_buffer_get_insert (buffer),
                                    0.1, TRUE, 0.0, 0.3);
    }
  else
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
  return found;
}

void
nb_window_search_changed_cb (NbWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  find (self, &start, FALSE);
}

void
nb_window_search_next_cb (NbWindow *self)
{
  GtkTextIter start, end;

  if (!nb_window_get_search_match (self, &start, &end))
    gtk_text_buffer_get_iter_at_mark (gtk_text_iter_get_buffer (&start), &end,
                                      gtk_text_buffer_get_insert (gtk_text_iter_get_buffer (&start)));
  find (self, &end, FALSE);
}

void
nb_window_search_previous_cb (NbWindow *self)
{
  GtkTextIter start, end;

  nb_window_get_search_match (self, &start, &end);
  find (self, &start, TRUE);
}

#define RETURN_FOCUS "nb-search-return-focus"

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The search bar closed (Escape) with the keyboard in it: the keyboard goes back where
 * it was before Ctrl+F, or else to the text searched. Left alone, GTK gave it to the
 * paned around the text, whose arrow keys move its divider. */
static void
search_mode_cb (GtkSearchBar *bar,
                GParamSpec   *pspec,
                NbWindow     *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GtkWidget) back = g_weak_ref_get (g_object_get_data (G_OBJECT (self), RETURN_FOCUS));

  if (gtk_search_bar_get_search_mode (bar))
    return;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (bar)))
    return;  /* a click took the keyboard elsewhere already */
  if (back == NULL || !gtk_widget_get_mapped (back) || !gtk_widget_grab_focus (back))
    gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/* Keeps where the keyboard is, to go back there when the search bar closes. */
static void
keep_return_focus (NbWindow *self)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (self), RETURN_FOCUS);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_object_set_data_full (G_OBJECT (self), RETURN_FOCUS, ref, free_weak_ref);
      g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                               G_CALLBACK (search_mode_cb), self, 0);
    }
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
    g_weak_ref_set (ref, focus);
}

/* Ctrl+F: opens the search bar with the selected text, or focuses it again. */
void
nb_window_start_search (NbWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  GtkTextIter start, end;

  keep_return_focus (self);

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
