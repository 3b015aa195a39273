/* nb-table-view.c — the report's three tables, laid out like the template, editable in place
 *
 * Each cell is a light NbCellWidget: a label, plus a GtkText created only while the
 * cell is being edited, so that the ~200 cells of a report cost little at start-up.
 * The view validates input with the core (nb_report_parse_value) and emits
 * ::cell-edited with the parsed value; the window applies it (and records undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-table-view.h"
#include "nb-view-logic.h"

/* ---------------------------------------------------------------------------------- */
/* NbCellWidget: one value of a table                                                  */

#define NB_TYPE_CELL_WIDGET (nb_cell_widget_get_type ())
G_DECLARE_FINAL_TYPE (NbCellWidget, nb_cell_widget, NB, CELL_WIDGET, GtkWidget)

struct _NbCellWidget
{
  GtkWidget    parent_instance;

  NbTableView *view;     /* unowned */
  guint        cell;
  GtkWidget   *label;
  GtkWidget   *editor;   /* GtkText while editing */
  GtkWidget   *menu;     /* GtkPopoverMenu, created on demand */
  guint        stop_source;
};

G_DEFINE_FINAL_TYPE (NbCellWidget, nb_cell_widget, GTK_TYPE_WIDGET)

struct _NbTableView
{
  GtkWidget   parent_instance;

  NbReport   *report;
  GtkWidget  *box;
  GPtrArray  *cells;        /* NbCellWidget or NULL, indexed by cell */
  GArray     *highlighted;  /* guint */
};

G_DEFINE_FINAL_TYPE (NbTableView, nb_table_view, GTK_TYPE_WIDGET)

enum {
  CELL_SELECTED,
  CELL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void stop_editing (NbCellWidget *cw, gboolean commit);

static const char *
hint_for_kind (NbCellKind kind)
{
  switch (kind)
    {
    case NB_CELL_AMOUNT:
      return _("Enter an amount of zero or more, such as 12.5, or nothing to clear the cell");
    case NB_CELL_SIGNED:
      return _("Enter a whole number, such as 3 or -2, or nothing to clear the cell");
    case NB_CELL_UNIT:
      return _("Enter the unit as printed");
    case NB_CELL_COUNT:
    default:
      return _("Enter a whole number of zero or more, or nothing to clear the cell");
    }
}

static gboolean
parse_input (NbCellWidget *cw,
             const char   *input,
             gboolean     *has_value,
             double       *value)
{
  NbReport *report = cw->view->report;

  if (report == NULL)
    return FALSE;
  return nb_report_parse_value (report, cw->cell, input, has_value, value);
}

static void
editor_changed_cb (GtkEditable  *editable,
                   NbCellWidget *cw)
{
  gboolean has_value;
  double value;

  if (parse_input (cw, gtk_editable_get_text (editable), &has_value, &value))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (cw), "nb-invalid");
      gtk_widget_set_tooltip_text (cw->editor, NULL);
    }
  else
    {
      NbEdition edition = nb_report_get_edition (cw->view->report);

      gtk_widget_add_css_class (GTK_WIDGET (cw), "nb-invalid");
      gtk_widget_set_tooltip_text (cw->editor,
                                   hint_for_kind (nb_schema_get_cell (edition, cw->cell)->kind));
    }
}

/* Returns FALSE, keeping the editor open, when the input is refused. */
static gboolean
commit_input (NbCellWidget *cw,
              const char   *input)
{
  gboolean has_value;
  double value;

  if (!parse_input (cw, input, &has_value, &value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (cw), "nb-invalid");
      gtk_widget_error_bell (GTK_WIDGET (cw));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (cw), "nb-invalid");
  g_signal_emit (cw->view, signals[CELL_EDITED], 0, cw->cell, has_value, value);
  return TRUE;
}

static void
editor_activate_cb (GtkText      *text,
                    NbCellWidget *cw)
{
  if (commit_input (cw, gtk_editable_get_text (GTK_EDITABLE (text))))
    {
      stop_editing (cw, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (cw));
    }
  else if (cw->editor != NULL)
    gtk_widget_set_tooltip_text (cw->editor,
                                 hint_for_kind (nb_schema_get_cell (nb_report_get_edition (cw->view->report),
                                                                    cw->cell)->kind));
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       NbCellWidget          *cw)
{
  if (keyval == GDK_KEY_Escape)
    {
      stop_editing (cw, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (cw));
      return TRUE;
    }
  return FALSE;
}

static gboolean
stop_later_cb (gpointer data)
{
  NbCellWidget *cw = data;

  cw->stop_source = 0;
  stop_editing (cw, TRUE);
  return G_SOURCE_REMOVE;
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       NbCellWidget            *cw)
{
  /* Leaving the cell commits valid input and drops invalid input; done from an idle
   * because the editor cannot be removed while it is handling its own focus change. */
  if (cw->stop_source == 0)
    cw->stop_source = g_idle_add_full (G_PRIORITY_DEFAULT, stop_later_cb,
                                       g_object_ref (cw), g_object_unref);
}

static void
start_editing (NbCellWidget *cw,
               const char   *initial)
{
  GtkEventController *controller;

  if (cw->view->report == NULL)
    return;
  if (cw->editor != NULL)
    {
      gtk_widget_grab_focus (cw->editor);
      return;
    }

  cw->editor = gtk_text_new ();
  gtk_widget_add_css_class (cw->editor, "nb-cell-editor");
  gtk_editable_set_alignment (GTK_EDITABLE (cw->editor), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (cw->editor), 1);
  gtk_editable_set_text (GTK_EDITABLE (cw->editor),
                         initial ? initial : gtk_label_get_text (GTK_LABEL (cw->label)));
  gtk_widget_set_parent (cw->editor, GTK_WIDGET (cw));
  gtk_widget_set_child_visible (cw->label, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (cw), "nb-editing");

  g_signal_connect (cw->editor, "changed", G_CALLBACK (editor_changed_cb), cw);
  g_signal_connect (cw->editor, "activate", G_CALLBACK (editor_activate_cb), cw);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editor_key_pressed_cb), cw);
  gtk_widget_add_controller (cw->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave_cb), cw);
  gtk_widget_add_controller (cw->editor, controller);

  gtk_widget_grab_focus (cw->editor);
  if (initial != NULL)
    gtk_editable_set_position (GTK_EDITABLE (cw->editor), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (cw->editor), 0, -1);
}

static void
stop_editing (NbCellWidget *cw,
              gboolean      commit)
{
  GtkWidget *editor = cw->editor;

  if (editor == NULL)
    return;
  g_clear_handle_id (&cw->stop_source, g_source_remove);

  cw->editor = NULL;
  if (commit)
    {
      const char *input = gtk_editable_get_text (GTK_EDITABLE (editor));

      /* Unchanged text is no edit; refused text is dropped on leaving the cell. */
      if (g_strcmp0 (input, gtk_label_get_text (GTK_LABEL (cw->label))) != 0)
        {
          gboolean has_value;
          double value;

          if (parse_input (cw, input, &has_value, &value))
            g_signal_emit (cw->view, signals[CELL_EDITED], 0, cw->cell, has_value, value);
        }
    }
  g_signal_handlers_disconnect_by_data (editor, cw);
  gtk_widget_unparent (editor);
  gtk_widget_set_child_visible (cw->label, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (cw), "nb-editing");
  gtk_widget_remove_css_class (GTK_WIDGET (cw), "nb-invalid");
}

static void
show_menu (NbCellWidget *cw,
           double        x,
           double        y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  NbReport *report = cw->view->report;
  gboolean had_value;
  double original;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (report == NULL)
    return;

  item = g_menu_item_new (_("_Edit Value"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.edit-cell", g_variant_new_uint32 (cw->cell));
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (nb_report_can_accept (report, cw->cell))
    {
      item = g_menu_item_new (_("_Accept Inferred Value"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.accept-inferred",
                                               g_variant_new_uint32 (cw->cell));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  if (nb_report_get_corrected (report, cw->cell, &had_value, &original))
    {
      item = g_menu_item_new (_("_Restore Original Value"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.restore-cell",
                                               g_variant_new_uint32 (cw->cell));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  if (cw->menu == NULL)
    {
      cw->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (cw->menu), FALSE);
      gtk_widget_set_halign (cw->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (cw->menu, GTK_WIDGET (cw));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (cw->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (cw->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (cw->menu));
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 NbCellWidget    *cw)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (cw->editor != NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (cw));
  /* A focused cell that is clicked again still says it is selected. */
  g_signal_emit (cw->view, signals[CELL_SELECTED], 0, cw->cell);

  if (button == GDK_BUTTON_SECONDARY)
    {
      show_menu (cw, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (n_press == 2)
    {
      start_editing (cw, NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     NbCellWidget          *cw)
{
  gunichar c;

  if (cw->editor != NULL)
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_F2)
    {
      start_editing (cw, NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      show_menu (cw, gtk_widget_get_width (GTK_WIDGET (cw)) / 2.0,
                 gtk_widget_get_height (GTK_WIDGET (cw)) / 2.0);
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && (g_unichar_isdigit (c) || c == '.' || c == '-'))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      start_editing (cw, buf);
      return TRUE;
    }
  return FALSE;
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     NbCellWidget            *cw)
{
  if (cw->editor == NULL)
    g_signal_emit (cw->view, signals[CELL_SELECTED], 0, cw->cell);
}

static void
nb_cell_widget_dispose (GObject *object)
{
  NbCellWidget *cw = NB_CELL_WIDGET (object);

  g_clear_handle_id (&cw->stop_source, g_source_remove);
  if (cw->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (cw->editor, cw);
      g_clear_pointer (&cw->editor, gtk_widget_unparent);
    }
  g_clear_pointer (&cw->label, gtk_widget_unparent);
  g_clear_pointer (&cw->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (nb_cell_widget_parent_class)->dispose (object);
}

static void
nb_cell_widget_class_init (NbCellWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_cell_widget_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
nb_cell_widget_init (NbCellWidget *cw)
{
  GtkGesture *click;
  GtkEventController *controller;

  gtk_widget_set_focusable (GTK_WIDGET (cw), TRUE);

  cw->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (cw->label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (cw->label), 4);
  gtk_widget_set_parent (cw->label, GTK_WIDGET (cw));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cw);
  gtk_widget_add_controller (GTK_WIDGET (cw), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (cell_key_pressed_cb), cw);
  gtk_widget_add_controller (GTK_WIDGET (cw), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (cell_focus_enter_cb), cw);
  gtk_widget_add_controller (GTK_WIDGET (cw), controller);
}

static GtkWidget *
nb_cell_widget_new (NbTableView *view,
                    guint        cell)
{
  NbCellWidget *cw = g_object_new (NB_TYPE_CELL_WIDGET, NULL);

  cw->view = view;
  cw->cell = cell;
  return GTK_WIDGET (cw);
}

static void
update_cell (NbCellWidget *cw)
{
  NbCellState state;

  nb_cell_state_init (&state, cw->view->report, cw->cell);
  gtk_label_set_text (GTK_LABEL (cw->label), state.text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (cw), state.tooltip);
  for (guint bit = 0; bit < NB_CELL_STATE_N_CLASSES; bit++)
    {
      if (state.flags & (1u << bit))
        gtk_widget_add_css_class (GTK_WIDGET (cw), nb_cell_state_class_name (bit));
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cw), nb_cell_state_class_name (bit));
    }
  nb_cell_state_clear (&state);
}

/* ---------------------------------------------------------------------------------- */
/* Layout of the three tables                                                          */

static GtkWidget *
header_label (const char *text,
              const char *tooltip,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  /* Wrapping labels cost height-for-width measuring: only long ones wrap. */
  if (g_utf8_strlen (text, -1) > 12)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.4 ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
  gtk_widget_add_css_class (label, "nb-header");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (grid, "nb-table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  return grid;
}

static void
attach_cell (NbTableView *self,
             GtkGrid     *grid,
             int          cell,
             int          column,
             int          row,
             int          width)
{
  GtkWidget *cw;

  if (cell < 0)
    return;
  cw = nb_cell_widget_new (self, cell);
  gtk_grid_attach (grid, cw, column, row, width, 1);
  g_assert ((guint) cell < self->cells->len);
  g_ptr_array_index (self->cells, cell) = cw;
}

static void
add_section_title (NbTableView *self,
                   const char  *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "nb-section-title");
  gtk_box_append (GTK_BOX (self->box), label);
}

static void
build_active (NbTableView *self,
              NbEdition    edition)
{
  GtkGrid *grid = GTK_GRID (new_grid ());
  guint n_items = nb_schema_get_n_active_items (edition);
  const char *last_group = NULL;
  guint max_fields = 1;
  int row = 0;

  if (n_items == 0)
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      return;
    }

  for (guint i = 0; i < n_items; i++)
    for (guint f = 0; f < 4; f++)
      if (nb_schema_active_cell (edition, i, f) >= 0)
        max_fields = MAX (max_fields, f + 1);

  for (guint i = 0; i < n_items; i++)
    {
      const char *group = nb_schema_get_active_item_group (edition, i);
      guint n_fields = 0;

      while (n_fields < 4 && nb_schema_active_cell (edition, i, n_fields) >= 0)
        n_fields++;

      if (i == 0 || g_strcmp0 (group, last_group) != 0)
        {
          GtkWidget *label;

          label = header_label (group ? group : "", NULL, 0);
          gtk_widget_add_css_class (label, "nb-group");
          gtk_grid_attach (grid, label, 0, row++, max_fields + 1, 1);
          gtk_grid_attach (grid, header_label ("信息内容", NULL, 0.5), 0, row, 1, 1);
          for (guint f = 0; f < n_fields; f++)
            {
              const char *fl = nb_schema_get_active_field_label (edition, i, f);
              int width = n_fields == 1 ? (int) max_fields : 1;

              gtk_grid_attach (grid, header_label (fl ? fl : "", NULL, 0.5), f + 1, row, width, 1);
            }
          row++;
          last_group = group;
        }

      gtk_grid_attach (grid, header_label (nb_schema_get_active_item_label (edition, i), NULL, 0),
                       0, row, 1, 1);
      for (guint f = 0; f < n_fields; f++)
        attach_cell (self, grid, nb_schema_active_cell (edition, i, f), f + 1, row,
                     n_fields == 1 ? (int) max_fields : 1);
      row++;
    }

  add_section_title (self, _("2. Proactive disclosure"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (grid));
}

static void
build_requests (NbTableView *self,
                NbEdition    edition)
{
  GtkGrid *grid = GTK_GRID (new_grid ());
  gboolean english = !nb_ui_language_is_chinese ();
  guint n_rows = nb_schema_get_n_request_rows (edition);
  const int first_value_col = 3;
  const int header_rows = 3;
  guint first, last;
  GtkWidget *label;

  /* Column headers: 申请人情况 › 自然人 | 法人或其他组织 › 商业企业 … 其他 | 总计 */
  gtk_grid_attach (grid, header_label ("", NULL, 0), 0, 0, 3, header_rows);
  gtk_grid_attach (grid, header_label ("申请人情况", NULL, 0.5), first_value_col, 0,
                   NB_N_REQUEST_COLUMNS, 1);
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      const char *tip = english ? nb_schema_get_request_column_english (c) : NULL;

      label = header_label (nb_schema_get_request_column_label (c), tip, 0.5);
      gtk_widget_add_css_class (label, "nb-column-header");
      if (c == 0 || c == NB_REQUEST_COLUMN_TOTAL)
        gtk_grid_attach (grid, label, first_value_col + c, 1, 1, 2);
      else
        gtk_grid_attach (grid, label, first_value_col + c, 2, 1, 1);
    }
  gtk_grid_attach (grid, header_label ("法人或其他组织", NULL, 0.5), first_value_col + 1, 1,
                   NB_N_REQUEST_COLUMNS - 2, 1);

  if (nb_request_results_range (edition, &first, &last))
    {
      label = header_label ("三、本年度办理结果", NULL, 0.5);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 2);
      gtk_label_set_width_chars (GTK_LABEL (label), 2);
      gtk_widget_add_css_class (label, "nb-vertical");
      gtk_grid_attach (grid, label, 0, header_rows + first, 1, last - first + 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const char *tip = english ? nb_schema_get_request_row_english (edition, r) : NULL;
      int row = header_rows + r;
      NbRowLayout layout;

      nb_request_row_layout (edition, r, &layout);
      if (layout.group_label != NULL)
        {
          label = header_label (layout.group_label, NULL, 0);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 6);
          gtk_grid_attach (grid, label, 1, row, 1, layout.group_rows);
        }
      label = header_label (layout.label, tip, 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), layout.depth == 2 ? 16 : 22);
      switch (layout.depth)
        {
        case 0:
          gtk_grid_attach (grid, label, 0, row, 3, 1);
          break;
        case 1:
          gtk_grid_attach (grid, label, 1, row, 2, 1);
          break;
        default:
          gtk_grid_attach (grid, label, 2, row, 1, 1);
          break;
        }
      nb_row_layout_clear (&layout);

      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        attach_cell (self, grid, nb_schema_request_cell (edition, r, c), first_value_col + c, row, 1);
    }

  add_section_title (self, _("3. Requests received and handled"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (grid));
}

static void
build_appeals (NbTableView *self,
               NbEdition    edition)
{
  GtkGrid *grid = GTK_GRID (new_grid ());

  gtk_grid_attach (grid, header_label ("", NULL, 0), 0, 0, 1, 1);
  for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
    gtk_grid_attach (grid, header_label (nb_schema_get_appeal_field_label (f), NULL, 0.5),
                     f + 1, 0, 1, 1);
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    {
      gtk_grid_attach (grid, header_label (nb_schema_get_appeal_group_label (g), NULL, 0),
                       0, g + 1, 1, 1);
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        attach_cell (self, grid, nb_schema_appeal_cell (edition, g, f), f + 1, g + 1, 1);
    }

  add_section_title (self, _("4. Administrative reviews and lawsuits"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (grid));
}

static void
clear_tables (NbTableView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->highlighted, 0);
}

static NbCellWidget *
get_cell (NbTableView *self,
          guint        cell)
{
  if (cell >= self->cells->len)
    return NULL;
  return g_ptr_array_index (self->cells, cell);
}

/* ---------------------------------------------------------------------------------- */

static void
nb_table_view_dispose (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_table_view_parent_class)->dispose (object);
}

static void
nb_table_view_finalize (GObject *object)
{
  NbTableView *self = NB_TABLE_VIEW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->highlighted, g_array_unref);

  G_OBJECT_CLASS (nb_table_view_parent_class)->finalize (object);
}

static void
nb_table_view_class_init (NbTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_view_dispose;
  object_class->finalize = nb_table_view_finalize;

  /**
   * NbTableView::cell-selected:
   * @cell: the cell's index
   *
   * The user clicked or focused a cell.
   */
  signals[CELL_SELECTED] =
    g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbTableView::cell-edited:
   * @cell: the cell's index
   * @has_value: %FALSE when the user cleared the cell
   * @value: the new value, already validated by the core
   */
  signals[CELL_EDITED] =
    g_signal_new ("cell-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_BOOLEAN, G_TYPE_DOUBLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nbtableview");
}

static void
nb_table_view_init (NbTableView *self)
{
  self->cells = g_ptr_array_new ();
  self->highlighted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
nb_table_view_new (void)
{
  return g_object_new (NB_TYPE_TABLE_VIEW, NULL);
}

void
nb_table_view_set_report (NbTableView *self,
                          NbReport    *report)
{
  NbEdition edition;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  clear_tables (self);
  g_set_object (&self->report, report);
  if (report == NULL)
    return;

  edition = nb_report_get_edition (report);
  g_ptr_array_set_size (self->cells, nb_report_get_n_cells (report));
  build_active (self, edition);
  build_requests (self, edition);
  build_appeals (self, edition);
  nb_table_view_refresh (self);
}

void
nb_table_view_refresh (NbTableView *self)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  for (guint i = 0; i < self->cells->len; i++)
    {
      NbCellWidget *cw = g_ptr_array_index (self->cells, i);

      if (cw != NULL)
        update_cell (cw);
    }
}

void
nb_table_view_highlight_cells (NbTableView *self,
                               const guint *cells,
                               guint        n_cells)
{
  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  for (guint i = 0; i < self->highlighted->len; i++)
    {
      NbCellWidget *cw = get_cell (self, g_array_index (self->highlighted, guint, i));

      if (cw != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (cw), "nb-highlight");
    }
  g_array_set_size (self->highlighted, 0);

  for (guint i = 0; i < n_cells; i++)
    {
      NbCellWidget *cw = get_cell (self, cells[i]);

      if (cw != NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (cw), "nb-highlight");
          g_array_append_val (self->highlighted, cells[i]);
        }
    }
}

void
nb_table_view_scroll_to_cell (NbTableView *self,
                              guint        cell)
{
  NbCellWidget *cw = get_cell (self, cell);
  GtkWidget *scrolled;
  GtkWidget *child;
  graphene_rect_t bounds;

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (cw == NULL || scrolled == NULL)
    return;
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (child == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cw), child, &bounds))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             bounds.origin.y - 24, bounds.origin.y + bounds.size.height + 24);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             bounds.origin.x - 24, bounds.origin.x + bounds.size.width + 24);
}

void
nb_table_view_focus_cell (NbTableView *self,
                          guint        cell)
{
  NbCellWidget *cw = get_cell (self, cell);

  g_return_if_fail (NB_IS_TABLE_VIEW (self));

  if (cw == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (cw));
  nb_table_view_scroll_to_cell (self, cell);
}

GtkWidget *
nb_table_view_get_cell_widget (NbTableView *self,
                               guint        cell)
{
  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return (GtkWidget *) get_cell (self, cell);
}

const char *
nb_table_view_get_cell_text (NbTableView *self,
                             guint        cell)
{
  NbCellWidget *cw = get_cell (self, cell);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), NULL);
  return cw ? gtk_label_get_text (GTK_LABEL (cw->label)) : NULL;
}

gboolean
nb_table_view_cell_has_class (NbTableView *self,
                              guint        cell,
                              const char  *css_class)
{
  NbCellWidget *cw = get_cell (self, cell);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  return cw != NULL && gtk_widget_has_css_class (GTK_WIDGET (cw), css_class);
}

/* Types @input into @cell's editor and presses Enter, as a user would.
 * Returns whether the input was accepted; refused input leaves the editor open. */
gboolean
nb_table_view_enter_text (NbTableView *self,
                          guint        cell,
                          const char  *input)
{
  NbCellWidget *cw = get_cell (self, cell);

  g_return_val_if_fail (NB_IS_TABLE_VIEW (self), FALSE);
  if (cw == NULL)
    return FALSE;
  start_editing (cw, NULL);
  if (cw->editor == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (cw->editor), input);
  editor_activate_cb (GTK_TEXT (cw->editor), cw);
  return cw->editor == NULL;
}

/* Starts editing @cell, as a double click or Enter does. */
void
nb_table_view_start_editing (NbTableView *self,
                             guint        cell)
{
  NbCellWidget *cw = get_cell (self, cell);

  g_return_if_fail (NB_IS_TABLE_VIEW (self));
  if (cw != NULL)
    {
      nb_table_view_scroll_to_cell (self, cell);
      start_editing (cw, NULL);
    }
}
