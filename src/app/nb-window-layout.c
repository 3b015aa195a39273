/* nb-window-layout.c — where NbWindow's dividers sit until the user moves them
 *
 * The tables get the width they ask for, but never so much that the report's text
 * falls below TEXT_SHARE of the window: a narrow window scrolls the tables sideways
 * instead (at 1024 px the text keeps about 420 px). The findings get FINDINGS_SHARE of
 * the height beside the text, room for six or more of them at the default size.
 *
 * Each paned is placed again whenever its size changes (GtkPaned notifies
 * max-position from its size_allocate; the placing waits for the allocation to end),
 * until the user takes its handle: a press on the handle (GtkPaned moves the divider
 * itself as a window shrinks, which is no choice of the user's). A handle the user
 * took is saved, an automatic one is saved as 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-window-private.h"

#define TEXT_SHARE        0.42
#define FINDINGS_SHARE    0.58
#define HEADER_BAR_HEIGHT 47  /* an estimate, until the window is allocated */
#define HANDLE_GRAB       8   /* GtkPaned takes presses this near its handle */

static void
place (NbWindow *self,
       GtkPaned *paned,
       int       position)
{
  self->placing_dividers = TRUE;
  if (gtk_paned_get_position (paned) != position)
    gtk_paned_set_position (paned, position);
  self->placing_dividers = FALSE;
}

void
nb_window_place_dividers (NbWindow *self)
{
  int window_width = 0, window_height = 0;

  /* before the first allocation, the window's size stands for the paneds' */
  gtk_window_get_default_size (GTK_WINDOW (self), &window_width, &window_height);
  if (!self->user_divider)
    {
      int allocated = gtk_widget_get_width (GTK_WIDGET (self->paned));
      int width = allocated > 0 ? allocated : window_width;
      GtkWidget *tables = gtk_paned_get_end_child (self->paned);
      int natural = 0, handle = 1;

      if (width > 0)
        {
          gtk_widget_measure (tables, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          if (allocated > 0)
            {
              g_object_get (self->paned, "max-position", &handle, NULL);
              handle = MAX (width - handle, 0);
            }
          place (self, self->paned, MAX (width - natural - handle, (int) (width * TEXT_SHARE)));
        }
    }

  if (!self->user_findings_divider)
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->side_paned));

      if (height <= 0 && window_height > HEADER_BAR_HEIGHT)
        height = window_height - HEADER_BAR_HEIGHT;
      if (height > 0)
        place (self, self->side_paned, (int) (height * (1 - FINDINGS_SHARE)));
    }
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

/* The handle of @paned: its child that is neither of its panes. */
static GtkWidget *
get_handle (GtkPaned *paned)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (paned)); c; c = gtk_widget_get_next_sibling (c))
    if (c != gtk_paned_get_start_child (paned) && c != gtk_paned_get_end_child (paned))
      return c;
  return NULL;
}

/* A press on a paned's handle, or near it where GtkPaned's grab area reaches into the
 * panes: from then on the user places that divider. */
static gboolean
paned_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                NbWindow                 *self)
{
  GtkWidget *paned = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkNative *native = gtk_widget_get_native (paned);
  graphene_point_t point;
  double x, y, nx, ny;

  if (gdk_event_get_event_type (event) != GDK_BUTTON_PRESS &&
      gdk_event_get_event_type (event) != GDK_TOUCH_BEGIN)
    return FALSE;
  if (native == NULL || !gdk_event_get_position (event, &x, &y))
    return FALSE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (gtk_widget_compute_point (GTK_WIDGET (native), paned, &GRAPHENE_POINT_INIT (x - nx, y - ny), &point))
    nb_window_paned_pressed (self, GTK_PANED (paned), point.x, point.y);
  return FALSE;
}

/* A press at @x, @y in @paned's coordinates. */
void
nb_window_paned_pressed (NbWindow *self,
                         GtkPaned *paned,
                         double    x,
                         double    y)
{
  GtkWidget *handle = get_handle (paned);
  graphene_rect_t bounds;
  gboolean horizontal = gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_HORIZONTAL;

  if (handle == NULL || !gtk_widget_compute_bounds (handle, GTK_WIDGET (paned), &bounds))
    return;
  if (horizontal)
    graphene_rect_inset (&bounds, -HANDLE_GRAB, 0);
  else
    graphene_rect_inset (&bounds, 0, -HANDLE_GRAB);
  if (!graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
    return;
  if (paned == self->paned)
    self->user_divider = TRUE;
  else
    self->user_findings_divider = TRUE;
}

/* @divider and @findings_divider: where the user left them, or 0 for automatic. */
void
nb_window_init_dividers (NbWindow *self,
                         int       divider,
                         int       findings_divider)
{
  GtkPaned *paneds[] = { self->paned, self->side_paned };

  self->user_divider = divider > 0;
  self->user_findings_divider = findings_divider > 0;
  if (divider > 0)
    gtk_paned_set_position (self->paned, divider);
  if (findings_divider > 0)
    gtk_paned_set_position (self->side_paned, findings_divider);
  for (guint i = 0; i < G_N_ELEMENTS (paneds); i++)
    {
      GtkEventController *controller = gtk_event_controller_legacy_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "event", G_CALLBACK (paned_event_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (paneds[i]), controller);
      g_signal_connect (paneds[i], "notify::max-position", G_CALLBACK (paned_resized_cb), self);
    }
}

/* What to save of the dividers: 0 for one that is still automatic. */
void
nb_window_get_dividers (NbWindow *self,
                        int      *divider,
                        int      *findings_divider)
{
  *divider = self->user_divider ? gtk_paned_get_position (self->paned) : 0;
  *findings_divider = self->user_findings_divider ? gtk_paned_get_position (self->side_paned) : 0;
}

/* Ends the scrolling animations under @widget where they are. GTK 4.8 prints a critical
 * (g_signal_handler_disconnect: assertion 'handler_id > 0') when a scrolled window is
 * unmapped while its adjustment animates, as the text does for a moment after a cell
 * is selected: a window closed then did so. */
static void
stop_scrolling (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustments[] = {
        gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget)),
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)),
      };

      for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
        gtk_adjustment_set_value (adjustments[i], gtk_adjustment_get_value (adjustments[i]));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    stop_scrolling (c);
}

void
nb_window_stop_scrolling (NbWindow *self)
{
  stop_scrolling (GTK_WIDGET (self));
}
