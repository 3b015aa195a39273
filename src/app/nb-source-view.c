/* nb-source-view.c — the report's decoded text, with the cells' and findings' spans marked
 *
 * Span offsets from the core count characters, as GtkTextIter offsets do. Tag colours
 * are named colours from style.css (@define-color nb_error_bg …), looked up again when
 * the theme changes, so a dark theme gets its own.
 *
 * Kangxi and CJK radicals (U+2F00–U+2FDF, U+2E80–U+2EFF), which PDF text often carries in
 * place of the common characters, are underlined with dots, and their tooltip says
 * which character the report reads them as: a font without them shows boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-source-view.h"
#include "nb-view-logic.h"

struct _NbSourceView
{
  GtkTextView  parent_instance;

  NbReport    *report;
  GtkTextTag  *tag_info;
  GtkTextTag  *tag_warning;
  GtkTextTag  *tag_error;
  GtkTextTag  *tag_corrected;
  GtkTextTag  *tag_selected;
  GtkTextTag  *tag_radical;
};

G_DEFINE_FINAL_TYPE (NbSourceView, nb_source_view, GTK_TYPE_TEXT_VIEW)

enum {
  CELL_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_tag_colour (NbSourceView *self,
                GtkTextTag   *tag,
                const char   *property,
                const char   *colour_name)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, colour_name, &rgba))
    g_object_set (tag, property, &rgba, NULL);
}

static void
update_tag_colours (NbSourceView *self)
{
  set_tag_colour (self, self->tag_info, "background-rgba", "nb_info_bg");
  set_tag_colour (self, self->tag_warning, "background-rgba", "nb_warning_bg");
  set_tag_colour (self, self->tag_error, "background-rgba", "nb_error_bg");
  set_tag_colour (self, self->tag_error, "underline-rgba", "nb_error_fg");
  set_tag_colour (self, self->tag_corrected, "strikethrough-rgba", "nb_corrected_fg");
  set_tag_colour (self, self->tag_selected, "background-rgba", "nb_highlight_bg");
  set_tag_colour (self, self->tag_selected, "paragraph-background-rgba", "nb_highlight_line_bg");
}

static gboolean
get_span_iters (NbSourceView *self,
                NbSpan        span,
                GtkTextIter  *start,
                GtkTextIter  *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  int n = gtk_text_buffer_get_char_count (buffer);

  if (!nb_span_is_set (span) || span.start >= n || span.end < span.start)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, MIN (span.end, n));
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   NbSourceView    *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter, start, end;
  int bx, by, cell;

  if (self->report == NULL || n_press != 1)
    return;
  /* A drag that selected text is not a click on a number. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return;
  cell = nb_report_find_cell_at (self->report, gtk_text_iter_get_offset (&iter));
  if (cell >= 0)
    g_signal_emit (self, signals[CELL_CLICKED], 0, (guint) cell);
}

/* The text wraps, and its pane never scrolls sideways; but runs of spaces do not wrap,
 * and scrolling to a span in such a line would shift every line to the left. */
static void
hadjustment_value_changed_cb (GtkAdjustment *adjustment,
                              NbSourceView  *self)
{
  if (gtk_adjustment_get_value (adjustment) != 0)
    gtk_adjustment_set_value (adjustment, 0);
}

static void
hadjustment_notify_cb (NbSourceView *self,
                       GParamSpec   *pspec,
                       gpointer      user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self));

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (hadjustment_value_changed_cb),
                             self, 0);
}

static void
nb_source_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nb_source_view_parent_class)->css_changed (widget, change);
  update_tag_colours (NB_SOURCE_VIEW (widget));
}

static void
nb_source_view_dispose (GObject *object)
{
  NbSourceView *self = NB_SOURCE_VIEW (object);

  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_source_view_parent_class)->dispose (object);
}

static gboolean
is_radical (gunichar c)
{
  return (c >= 0x2F00 && c <= 0x2FDF) || (c >= 0x2E80 && c <= 0x2EFF);
}

/* Dots under every radical of the text. */
static void
mark_radicals (NbSourceView *self,
               const char   *text,
               gsize         length)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const char *end = text + length;
  int offset = 0;

  /* the radicals are three bytes from E2 BA 80 to E2 BF 9F: a cheap test first */
  for (const char *p = text; p < end; p = g_utf8_next_char (p), offset++)
    if ((guchar) p[0] == 0xE2 && is_radical (g_utf8_get_char (p)))
      {
        GtkTextIter start, next;

        gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
        gtk_text_buffer_get_iter_at_offset (buffer, &next, offset + 1);
        gtk_text_buffer_apply_tag (buffer, self->tag_radical, &start, &next);
      }
}

/**
 * nb_source_view_dup_char_note:
 * @offset: a character offset in the text
 *
 * Returns: (transfer full) (nullable): for a radical, which character the report reads
 *   it as; %NULL for any other character
 */
char *
nb_source_view_dup_char_note (NbSourceView *self,
                              int           offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;
  gunichar c;
  char original[8] = { 0 };
  g_autofree char *normal = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  c = gtk_text_iter_get_char (&iter);
  if (!is_radical (c))
    return NULL;
  g_unichar_to_utf8 (c, original);
  normal = g_utf8_normalize (original, -1, G_NORMALIZE_NFKC);
  if (normal != NULL && g_strcmp0 (normal, original) != 0)
    /* Translators: a Kangxi radical in the report's text, its code point, and the common
     * character the report reads it as (“⼀” U+2F00 reads as “一”) */
    return g_strdup_printf (_("“%s” (U+%04X, a Kangxi radical) reads as “%s”"), original, c, normal);
  return g_strdup_printf (_("“%s” (U+%04X) is a CJK radical, not a character of running text"),
                          original, c);
}

static gboolean
nb_source_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  NbSourceView *self = NB_SOURCE_VIEW (widget);
  GtkTextIter iter;
  int bx, by;
  g_autofree char *note = NULL;

  if (keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by) ||
      !gtk_text_iter_has_tag (&iter, self->tag_radical))
    return FALSE;
  note = nb_source_view_dup_char_note (self, gtk_text_iter_get_offset (&iter));
  if (note == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, note);
  return TRUE;
}

static void
nb_source_view_class_init (NbSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_source_view_dispose;
  widget_class->css_changed = nb_source_view_css_changed;
  widget_class->query_tooltip = nb_source_view_query_tooltip;

  /**
   * NbSourceView::cell-clicked:
   * @cell: the index of the cell whose number was clicked
   */
  signals[CELL_CLICKED] =
    g_signal_new ("cell-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

/* A caret shows where the keyboard is while the text has the focus (F6, Shift+Tab from
 * the findings), on the first line shown if it was off screen: the text is read-only,
 * and without it a focused text showed nothing of it. */
static void
focus_enter_cb (GtkEventControllerFocus *controller,
                NbSourceView            *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    {
      gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y + location.height);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  gtk_text_view_set_cursor_visible (view, TRUE);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                NbSourceView            *self)
{
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), FALSE);
}

static void
nb_source_view_init (NbSourceView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  PangoTabArray *tabs;
  GtkGesture *click;
  GtkEventController *focus;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 18);
  gtk_text_view_set_right_margin (view, 18);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 18);
  gtk_text_view_set_pixels_below_lines (view, 2);
  /* Reports separate table cells with runs of tabs, which do not wrap: narrower tab
   * stops than the default eight spaces keep such lines within a narrow pane. */
  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 40);
  gtk_text_view_set_tabs (view, tabs);
  pango_tab_array_free (tabs);
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-source");

  /* Later tags win: a selected span shows over its severity. */
  self->tag_info = gtk_text_buffer_create_tag (buffer, "nb-info", NULL);
  self->tag_warning = gtk_text_buffer_create_tag (buffer, "nb-warning", NULL);
  self->tag_error = gtk_text_buffer_create_tag (buffer, "nb-error",
                                                "underline", PANGO_UNDERLINE_ERROR, NULL);
  self->tag_corrected = gtk_text_buffer_create_tag (buffer, "nb-corrected",
                                                    "strikethrough", TRUE, NULL);
  self->tag_selected = gtk_text_buffer_create_tag (buffer, "nb-selected",
                                                   "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tag_radical = gtk_text_buffer_create_tag (buffer, "nb-radical",
                                                  "underline", PANGO_UNDERLINE_SINGLE_LINE,
                                                  "underline-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.8 },
                                                  NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (self, "notify::hadjustment", G_CALLBACK (hadjustment_notify_cb), NULL);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
nb_source_view_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_VIEW, NULL);
}

void
nb_source_view_set_report (NbSourceView *self,
                           NbReport     *report)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  g_set_object (&self->report, report);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (report != NULL)
    gtk_text_buffer_set_text (buffer, nb_report_get_text (report),
                              (int) nb_report_get_text_length (report));
  else
    gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  if (report != NULL)
    mark_radicals (self, nb_report_get_text (report), nb_report_get_text_length (report));
  nb_source_view_refresh (self);
}

/* Marks every finding's spans with its severity, and the spans of corrected cells. */
void
nb_source_view_refresh (NbSourceView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *findings;
  guint n;

  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_info, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_warning, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_error, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_corrected, &start, &end);

  if (self->report == NULL)
    return;

  findings = nb_report_get_findings (self->report);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      NbSeverity severity = nb_finding_get_severity (finding);
      GtkTextTag *tag = severity == NB_SEVERITY_ERROR ? self->tag_error
                      : severity == NB_SEVERITY_WARNING ? self->tag_warning
                      : self->tag_info;
      const NbSpan *spans;
      const guint *cells;
      guint n_spans, n_cells;

      spans = nb_finding_get_spans (finding, &n_spans);
      for (guint s = 0; s < n_spans; s++)
        if (get_span_iters (self, spans[s], &start, &end))
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);

      /* Cells of the finding that have a span are marked even if the finding does not list it. */
      cells = nb_finding_get_cells (finding, &n_cells);
      for (guint c = 0; c < n_cells; c++)
        if (cells[c] < nb_report_get_n_cells (self->report) &&
            get_span_iters (self, nb_report_get_span (self->report, cells[c]), &start, &end))
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  for (guint c = 0; c < nb_report_get_n_cells (self->report); c++)
    {
      gboolean had_value;
      double original;

      if (nb_report_get_corrected (self->report, c, &had_value, &original) &&
          get_span_iters (self, nb_report_get_span (self->report, c), &start, &end))
        gtk_text_buffer_apply_tag (buffer, self->tag_corrected, &start, &end);
    }
}

/* Whether the lines from @start to @end are wholly inside the visible part of the text. */
static gboolean
range_is_visible (NbSourceView      *self,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  GdkRectangle visible, first, last;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  if (visible.height <= 0)
    return FALSE;
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), start, &first);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), end, &last);
  return first.y >= visible.y && last.y + last.height <= visible.y + visible.height;
}

void
nb_source_view_highlight_spans (NbSourceView *self,
                                const NbSpan *spans,
                                guint         n_spans,
                                gboolean      scroll)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gboolean scrolled = FALSE;

  g_return_if_fail (NB_IS_SOURCE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_selected, &start, &end);

  for (guint i = 0; i < n_spans; i++)
    {
      if (!get_span_iters (self, spans[i], &start, &end))
        continue;
      gtk_text_buffer_apply_tag (buffer, self->tag_selected, &start, &end);
      if (scroll && !scrolled)
        {
          GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "nb-scroll-target");

          if (mark == NULL)
            mark = gtk_text_buffer_create_mark (buffer, "nb-scroll-target", &start, TRUE);
          else
            gtk_text_buffer_move_mark (buffer, mark, &start);
          /* a number the reader clicked on, in view already, stays where it is */
          if (!range_is_visible (self, &start, &end))
            gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, TRUE, 0.0, 0.3);
          scrolled = TRUE;
        }
    }
}

gboolean
nb_source_view_span_has_tag (NbSourceView *self,
                             NbSpan        span,
                             const char   *tag_name)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkTextTag *tag;

  g_return_val_if_fail (NB_IS_SOURCE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  if (tag == NULL || !get_span_iters (self, span, &start, &end))
    return FALSE;
  return gtk_text_iter_has_tag (&start, tag);
}
