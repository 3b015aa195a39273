/* nb-window-layout.c — where NbWindow's dividers sit until the user moves them
 *
 * The tables get the width they ask for, but never so much that the report's text
 * falls below TEXT_SHARE of the window: a narrow window scrolls the tables sideways
 * instead (at 1024 px the text keeps about 420 px). The findings get FINDINGS_SHARE of
 * the height beside the text, room for six or more of them at the default size.
 *
 * Each paned is placed again whenever its size changes (GtkPaned notifies
 * max-position from its size_allocate; the placing waits for the allocation to end),
 * until the user drags its handle; a handle the user moved is saved, an automatic one
 * is saved as 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-window-private.h"

#define TEXT_SHARE      0.42
#define FINDINGS_SHARE  0.58
#define HEADER_BAR_HEIGHT 47  /* an estimate, until the window is allocated */

/* Whether the user moved @paned away from where it was last placed. */
static gboolean
moved_by_user (GtkPaned *paned,
               int       placed)
{
  int position = gtk_paned_get_position (paned);
  int min = 0, max = 0;

  if (placed < 0)
    return FALSE;
  g_object_get (paned, "min-position", &min, "max-position", &max, NULL);
  /* GtkPaned clamps the position to its new bounds when it shrinks: that is no move */
  return position != placed && position > min && position < max;
}

static void
place (NbWindow *self,
       GtkPaned *paned,
       int       position,
       int      *placed)
{
  self->placing_dividers = TRUE;
  if (gtk_paned_get_position (paned) != position)
    gtk_paned_set_position (paned, position);
  *placed = gtk_paned_get_position (paned);
  self->placing_dividers = FALSE;
}

void
nb_window_place_dividers (NbWindow *self)
{
  int window_width = 0, window_height = 0;

  /* before the first allocation, the window's size stands for the paneds' */
  gtk_window_get_default_size (GTK_WINDOW (self), &window_width, &window_height);
  if (self->auto_divider >= -1 && !moved_by_user (self->paned, self->auto_divider))
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
      GtkWidget *tables = gtk_paned_get_end_child (self->paned);
      int natural = 0, handle = 1;

      if (width <= 0)
        width = window_width;
      if (width > 0)
        {
          gtk_widget_measure (tables, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          if (gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0)
            {
              g_object_get (self->paned, "max-position", &handle, NULL);
              handle = MAX (width - handle, 0);
            }
          place (self, self->paned, MAX (width - natural - handle, (int) (width * TEXT_SHARE)),
                 &self->auto_divider);
        }
    }
  else
    self->auto_divider = -2;

  if (self->auto_findings_divider >= -1 &&
      !moved_by_user (self->side_paned, self->auto_findings_divider))
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->side_paned));

      if (height <= 0 && window_height > HEADER_BAR_HEIGHT)
        height = window_height - HEADER_BAR_HEIGHT;
      if (height > 0)
        place (self, self->side_paned, (int) (height * (1 - FINDINGS_SHARE)),
               &self->auto_findings_divider);
    }
  else
    self->auto_findings_divider = -2;
}

static gboolean
place_later_cb (gpointer data)
{
  NbWindow *self = data;

  self->place_source = 0;
  nb_window_place_dividers (self);
  return G_SOURCE_REMOVE;
}

/* The paneds notify their new bounds while they allocate their children: a position
 * set then would be drawn before it is allocated, so it waits for the allocation to end. */
static void
paned_resized_cb (GtkPaned   *paned,
                  GParamSpec *pspec,
                  NbWindow   *self)
{
  if (!self->placing_dividers && self->place_source == 0)
    self->place_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, place_later_cb, self, NULL);
}

/* @divider and @findings_divider: where the user left them, or 0 for automatic. */
void
nb_window_init_dividers (NbWindow *self,
                         int       divider,
                         int       findings_divider)
{
  /* -1: automatic, not placed yet; -2: the user's */
  self->auto_divider = divider > 0 ? -2 : -1;
  self->auto_findings_divider = findings_divider > 0 ? -2 : -1;
  if (divider > 0)
    gtk_paned_set_position (self->paned, divider);
  if (findings_divider > 0)
    gtk_paned_set_position (self->side_paned, findings_divider);
  g_signal_connect (self->paned, "notify::max-position", G_CALLBACK (paned_resized_cb), self);
  g_signal_connect (self->side_paned, "notify::max-position", G_CALLBACK (paned_resized_cb), self);
}

/* What to save of the dividers: 0 for one that is still automatic. */
void
nb_window_get_dividers (NbWindow *self,
                        int      *divider,
                        int      *findings_divider)
{
  nb_window_place_dividers (self);  /* notices a move the user made since */
  *divider = self->auto_divider == -2 ? gtk_paned_get_position (self->paned) : 0;
  *findings_divider = self->auto_findings_divider == -2 ? gtk_paned_get_position (self->side_paned) : 0;
}
