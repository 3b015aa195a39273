/* nb-accessible-cell.c — a table, label or value of NbTableView, for assistive technologies
 *
 * NbTableView draws its three tables itself, as one widget, and GTK 4.8 gives a widget no
 * way to expose accessible objects other than widgets. So each table is one of these (a
 * row group named by the table's title) holding one for each of its labels and values,
 * with the role, name, position and state a screen reader reads. They draw nothing, take
 * no pointer or keyboard input, and sit where their table or cell is drawn, so that their
 * extents are right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-accessible-cell.h"

struct _NbAccessibleCell
{
  GtkWidget    parent_instance;

  GdkRectangle area;  /* in the parent's coordinates */
};

G_DEFINE_FINAL_TYPE (NbAccessibleCell, nb_accessible_cell, GTK_TYPE_WIDGET)

static void
nb_accessible_cell_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    nb_accessible_cell_allocate (NB_ACCESSIBLE_CELL (child));
}

static void
nb_accessible_cell_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nb_accessible_cell_parent_class)->dispose (object);
}

static void
nb_accessible_cell_class_init (NbAccessibleCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_accessible_cell_dispose;
  widget_class->size_allocate = nb_accessible_cell_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "nbaccessiblecell");
}

static void
nb_accessible_cell_init (NbAccessibleCell *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

GtkWidget *
nb_accessible_cell_new (GtkAccessibleRole role)
{
  return g_object_new (NB_TYPE_ACCESSIBLE_CELL, "accessible-role", role, NULL);
}

/* Where the table or cell is drawn, in its parent's coordinates; the parent allocates
 * it there (nb_accessible_cell_allocate()) when it is allocated itself. */
void
nb_accessible_cell_set_area (NbAccessibleCell   *self,
                             const GdkRectangle *area)
{
  g_return_if_fail (NB_IS_ACCESSIBLE_CELL (self));

  self->area = *area;
}

/* Allocates @self at its area */
void
nb_accessible_cell_allocate (NbAccessibleCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  graphene_point_t point = GRAPHENE_POINT_INIT (self->area.x, self->area.y);

  g_return_if_fail (NB_IS_ACCESSIBLE_CELL (self));

  /* Measured, though it asks for nothing, because GTK expects every widget it
   * allocates to have been. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (widget, self->area.width, self->area.height, -1,
                       gsk_transform_translate (NULL, &point));
}
