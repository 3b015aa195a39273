/* nb-finding-row.c — one finding in the findings list
 *
 * Severity icon, message in the UI language, the rule's short name (its id in the
 * tooltip), and an "Accept" button when the finding concerns inferred values the user
 * can confirm in one go. A row shows one finding or a group of them (nb-finding-group.c).
 * A finding that points elsewhere (copied text: the report of the set it matches) gets
 * a button that goes there (nb_finding_set_go_to ()).
 *
 * The row lays its three children out itself rather than in a horizontal GtkBox: a box
 * measures its children's widths for its height when it allocates them, and a wrapping
 * label answers that by laying its text out a dozen times over in a binary search. A
 * finding's width never depends on its height, so the row asks for widths alone and
 * gives the message whatever the icon and the button leave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-group.h"
#include "nb-finding-row.h"
#include "nb-rule-names.h"
#include "nb-view-logic.h"

struct _NbFindingRow
{
  GtkWidget  parent_instance;

  NbFinding *finding;

  /* Template widgets */
  GtkImage  *icon;
  GtkWidget *text_box;
  GtkLabel  *message_label;
  GtkLabel  *rule_label;
  GtkButton *accept_button;
  GtkWidget *suggest_box;
  GtkLabel  *suggest_label;
  GtkButton *suggest_button;
  GtkButton *go_button;
};

/* Where a finding's "go to" button leads: an action of the window and its target */
typedef struct
{
  char     *label;
  char     *action_name;
  GVariant *target;
} GoTo;

#define GO_TO_KEY "nb-finding-go-to"

static void
go_to_free (gpointer data)
{
  GoTo *go = data;

  g_free (go->label);
  g_free (go->action_name);
  g_variant_unref (go->target);
  g_free (go);
}

G_DEFINE_FINAL_TYPE (NbFindingRow, nb_finding_row, GTK_TYPE_WIDGET)

#define PADDING_X 12
#define PADDING_Y 6
#define SPACING   12

/* The widths of the icon and the button (0 when hidden); returns the row's width less
 * the message's: theirs, the padding and the space between the children. */
static int
fixed_width (NbFindingRow *self,
             int          *icon,
             int          *button)
{
  *icon = *button = 0;
  gtk_widget_measure (GTK_WIDGET (self->icon), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, icon, NULL, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->accept_button)))
    gtk_widget_measure (GTK_WIDGET (self->accept_button), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, button, NULL, NULL);
  return 2 * PADDING_X + *icon + SPACING + (*button > 0 ? *button + SPACING : 0);
}

static GtkSizeRequestMode
nb_finding_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nb_finding_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  NbFindingRow *self = NB_FINDING_ROW (widget);
  int icon, button;
  int fixed = fixed_width (self, &icon, &button);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int text_min = 0, text_nat = 0;

      gtk_widget_measure (self->text_box, orientation, -1, &text_min, &text_nat, NULL, NULL);
      *minimum = fixed + text_min;
      *natural = fixed + text_nat;
    }
  else
    {
      GtkWidget *children[] = { GTK_WIDGET (self->icon), self->text_box,
                                GTK_WIDGET (self->accept_button) };
      int text_width = for_size < 0 ? -1 : MAX (for_size - fixed, 0);

      *minimum = *natural = 0;
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int min = 0, nat = 0;

          if (!gtk_widget_get_visible (children[i]))
            continue;
          gtk_widget_measure (children[i], orientation,
                              children[i] == self->text_box ? text_width : -1,
                              &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      *minimum += 2 * PADDING_Y;
      *natural += 2 * PADDING_Y;
    }
}

/* Allocates @child at @x (from the start edge) with the row's height less the padding;
 * returns where the next child starts. */
static int
place_child (GtkWidget *child,
             int        x,
             int        child_width,
             int        width,
             int        height,
             gboolean   rtl)
{
  graphene_point_t origin = GRAPHENE_POINT_INIT (rtl ? width - x - child_width : x, PADDING_Y);

  gtk_widget_allocate (child, child_width, MAX (height - 2 * PADDING_Y, 0), -1,
                       gsk_transform_translate (NULL, &origin));
  return x + child_width + SPACING;
}

static void
nb_finding_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NbFindingRow *self = NB_FINDING_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int icon, button, text, x;

  text = MAX (width - fixed_width (self, &icon, &button), 0);
  x = PADDING_X;
  x = place_child (GTK_WIDGET (self->icon), x, icon, width, height, rtl);
  x = place_child (self->text_box, x, text, width, height, rtl);
  if (button > 0)
    place_child (GTK_WIDGET (self->accept_button), x, button, width, height, rtl);
}

static void
nb_finding_row_dispose (GObject *object)
{
  NbFindingRow *self = NB_FINDING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (nb_finding_row_parent_class)->dispose (object);
}

static void
nb_finding_row_class_init (NbFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_finding_row_dispose;

  widget_class->get_request_mode = nb_finding_row_get_request_mode;
  widget_class->measure = nb_finding_row_measure;
  widget_class->size_allocate = nb_finding_row_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, suggest_box);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, suggest_label);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, go_button);
}

static void
nb_finding_row_init (NbFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nb_finding_row_new (void)
{
  return g_object_new (NB_TYPE_FINDING_ROW, NULL);
}

/* Shows @severity, @message, @rule and an Accept button for @acceptable (nullable). */
static void
show (NbFindingRow *self,
      NbSeverity    severity,
      const char   *message,
      const char   *rule,
      GArray       *acceptable)
{
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", nb_rule_short_name (rule), rule);

  gtk_image_set_from_icon_name (self->icon, nb_severity_icon_name (severity));
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), nb_severity_css_class (severity));
  gtk_label_set_text (self->message_label, message);
  gtk_label_set_text (self->rule_label, nb_rule_short_name (rule));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rule_label), tooltip);

  if (acceptable != NULL && acceptable->len > 0)
    {
      GVariant *target = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, acceptable->data,
                                                    acceptable->len, sizeof (guint));

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->accept_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->accept_button), "win.accept-cells");
      gtk_widget_set_visible (GTK_WIDGET (self->accept_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->accept_button), FALSE);
}

/* Accepting takes an inferred value as the report's: that answers an empty cell's note
 * (which then goes), never an error about the arithmetic, which accepting leaves as it is. */
static gboolean
offers_accept (NbFinding *finding)
{
  return g_strcmp0 (nb_finding_get_rule (finding), "cell.missing") == 0;
}

static void
reset (NbFindingRow *self)
{
  static const char *const classes[] = { "nb-error", "nb-warning", "nb-info" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), classes[i]);
  g_clear_object (&self->finding);
  nb_finding_row_set_suggestion (self, NULL, 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->go_button), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->go_button), FALSE);
}

/* The button to where @finding points, if it does */
static void
show_go_to (NbFindingRow *self,
            NbFinding    *finding)
{
  GoTo *go = g_object_get_data (G_OBJECT (finding), GO_TO_KEY);

  if (go == NULL)
    return;
  gtk_button_set_label (self->go_button, go->label);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->go_button), go->target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->go_button), go->action_name);
  gtk_widget_set_visible (GTK_WIDGET (self->go_button), TRUE);
}

void
nb_finding_row_set_finding (NbFindingRow *self,
                            NbFinding    *finding,
                            NbReport     *report)
{
  g_autoptr(GArray) acceptable = NULL;

  g_return_if_fail (NB_IS_FINDING_ROW (self));

  reset (self);
  if (finding == NULL)
    return;
  g_set_object (&self->finding, finding);
  acceptable = report != NULL && offers_accept (finding) ? nb_finding_dup_acceptable (finding, report) : NULL;
  show (self, nb_finding_get_severity (finding), nb_finding_get_message (finding, NULL),
        nb_finding_get_rule (finding), acceptable);
  show_go_to (self, finding);
}

/* Shows @group: its one finding, or a summary of its findings. */
void
nb_finding_row_set_group (NbFindingRow   *self,
                          NbFindingGroup *group,
                          NbReport       *report)
{
  g_autoptr(GArray) acceptable = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *message = NULL;
  GListModel *findings;

  g_return_if_fail (NB_IS_FINDING_ROW (self));
  g_return_if_fail (NB_IS_FINDING_GROUP (group));

  reset (self);
  self->finding = nb_finding_group_get_first (group);
  findings = nb_finding_group_get_findings (group);
  for (guint i = 0; report != NULL && offers_accept (self->finding) && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      g_autoptr(GArray) cells = nb_finding_dup_acceptable (finding, report);

      if (cells != NULL)
        g_array_append_vals (acceptable, cells->data, cells->len);
    }
  message = nb_finding_group_dup_message (group, report);
  show (self, nb_finding_group_get_severity (group), message, nb_finding_group_get_rule (group),
        acceptable);
  if (nb_finding_group_get_n_findings (group) == 1)
    show_go_to (self, self->finding);
}

/* The correction that resolves the finding (nb-window-suggest.c), and the index its
 * Apply button gives win.apply-suggestion; NULL hides them. */
void
nb_finding_row_set_suggestion (NbFindingRow *self,
                               const char   *text,
                               guint         index)
{
  g_return_if_fail (NB_IS_FINDING_ROW (self));

  gtk_widget_set_visible (self->suggest_box, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (self->suggest_label, text);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->suggest_button), g_variant_new_uint32 (index));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggest_button), "win.apply-suggestion");
}

NbFinding *
nb_finding_row_get_finding (NbFindingRow *self)
{
  g_return_val_if_fail (NB_IS_FINDING_ROW (self), NULL);
  return self->finding;
}

GtkButton *
nb_finding_row_get_go_button (NbFindingRow *self)
{
  g_return_val_if_fail (NB_IS_FINDING_ROW (self), NULL);
  return self->go_button;
}

/**
 * nb_finding_set_go_to:
 * @label: the button's label
 * @action_name: the action it activates, "review.go-to"
 * @target: (transfer floating): its target
 *
 * Gives @finding a place it points to, which the row of the findings list offers
 * to go to.
 */
void
nb_finding_set_go_to (NbFinding  *finding,
                      const char *label,
                      const char *action_name,
                      GVariant   *target)
{
  GoTo *go = g_new0 (GoTo, 1);

  g_return_if_fail (NB_IS_FINDING (finding));

  go->label = g_strdup (label);
  go->action_name = g_strdup (action_name);
  go->target = g_variant_ref_sink (target);
  g_object_set_data_full (G_OBJECT (finding), GO_TO_KEY, go, go_to_free);
}
