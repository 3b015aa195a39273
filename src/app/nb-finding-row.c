/* nb-finding-row.c — one finding in the findings list
 *
 * Severity icon, message in the UI language, rule id, and an "Accept" button when the
 * finding concerns inferred values the user can confirm in one go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-row.h"
#include "nb-view-logic.h"

struct _NbFindingRow
{
  GtkWidget  parent_instance;

  NbFinding *finding;

  /* Template widgets */
  GtkWidget *box;
  GtkImage  *icon;
  GtkLabel  *message_label;
  GtkLabel  *rule_label;
  GtkButton *accept_button;
};

G_DEFINE_FINAL_TYPE (NbFindingRow, nb_finding_row, GTK_TYPE_WIDGET)

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/ui/nb-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, box);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, NbFindingRow, accept_button);
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

void
nb_finding_row_set_finding (NbFindingRow *self,
                            NbFinding    *finding,
                            NbReport     *report)
{
  static const char *const classes[] = { "nb-error", "nb-warning", "nb-info" };
  g_autoptr(GArray) acceptable = NULL;
  NbSeverity severity;

  g_return_if_fail (NB_IS_FINDING_ROW (self));

  g_set_object (&self->finding, finding);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), classes[i]);
  if (finding == NULL)
    return;

  severity = nb_finding_get_severity (finding);
  gtk_image_set_from_icon_name (self->icon, nb_severity_icon_name (severity));
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), nb_severity_css_class (severity));
  gtk_label_set_text (self->message_label, nb_finding_get_message (finding, NULL));
  gtk_label_set_text (self->rule_label, nb_finding_get_rule (finding));

  acceptable = report != NULL ? nb_finding_dup_acceptable (finding, report) : NULL;
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

NbFinding *
nb_finding_row_get_finding (NbFindingRow *self)
{
  g_return_val_if_fail (NB_IS_FINDING_ROW (self), NULL);
  return self->finding;
}
