/* nb-window-private.h — NbWindow's instance struct, shared by nb-window.c and nb-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-history.h"
#include "nb-source-view.h"
#include "nb-table-view.h"
#include "nb-window.h"

G_BEGIN_DECLS

struct _NbWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;        /* nullable */
  GFile                *file;
  NbReport             *report;
  GCancellable         *cancellable;
  NbHistory            *history;
  GtkSingleSelection   *selection;
  GtkFilter            *severity_filter;  /* the findings of the severities shown */
  GListModel           *groups;           /* NbFindingGroup shown, see nb-window-findings.c */
  guint                 scroll_source;
  guint                 scroll_target;
  GtkNativeDialog      *chooser;
  GtkWidget            *discard_dialog;  /* while asking whether to discard */
  int                   preview_cell;     /* the cell whose input is checked as it is typed */
  gboolean              preview_had_value;
  double                preview_value;    /* its value before the editor opened */
  GWeakRef              origin;          /* NbWindow the file was opened from, if any */
  guint                 toast_source;
  guint                 present_source;
  gulong                findings_handler;
  gboolean              loading;
  gboolean              close_confirmed;
  gboolean              quit_after_first_frame;
  gboolean              user_divider;           /* the user took the handle; nb-window-layout.c */
  gboolean              user_findings_divider;
  gboolean              placing_dividers;
  guint                 place_source;

  /* Template widgets */
  GtkInfoBar           *error_bar;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkLabel             *loading_label;
  GtkButton            *cancel_load_button;
  GtkListBox           *recent_list;
  GtkWidget            *recent_box;
  GtkImage             *empty_icon;
  GtkPaned             *paned;
  GtkPaned             *side_paned;
  NbSourceView         *source_view;
  NbTableView          *table_view;
  GtkLabel             *agency_label;
  GtkLabel             *details_label;
  GtkListView          *findings_view;
  GtkStack             *findings_stack;
  GtkLabel             *error_count;
  GtkLabel             *warning_count;
  GtkLabel             *info_count;
  GtkWidget            *error_badge;
  GtkWidget            *warning_badge;
  GtkWidget            *info_badge;
  GtkRevealer          *toast_revealer;
  GtkLabel             *toast_label;
  GtkMenuButton        *export_button;
  GtkWidget            *drop_overlay;
  GtkLabel             *drop_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;

  /* a review set's findings about the report (series.*), listed with its own;
   * see nb-window-findings.c */
  GListModel           *set_findings;
  gulong                set_findings_handler;
};

/* nb-window.c */
void nb_window_show_error    (NbWindow   *self,
                              const char *message);
void nb_window_show_toast    (NbWindow   *self,
                              const char *message);
void nb_window_apply_edit    (NbWindow   *self,
                              guint       cell,
                              gboolean    has_value,
                              double      value);
void nb_window_update_state  (NbWindow   *self);
gboolean nb_window_accept_cell (NbWindow *self,
                                guint     cell,
                                gboolean  joined);
void nb_window_update_counts (NbWindow   *self);
void nb_window_replay_edit   (NbWindow     *self,
                              const NbEdit *edit,
                              gboolean      undo);
GFile *nb_window_dup_last_folder (NbWindow *self);
void nb_window_set_last_folder (NbWindow *self,
                                GFile    *folder);

/* nb-window-findings.c */
void       nb_window_findings_init        (NbWindow *self);
void       nb_window_findings_dispose     (NbWindow *self);
void       nb_window_findings_regroup     (NbWindow *self,
                                           gboolean  announce);
gboolean   nb_window_get_cell_text_span   (NbWindow *self,
                                           guint     cell,
                                           NbSpan   *span);
void       nb_window_select_next_finding  (NbWindow *self,
                                           gboolean  backwards);
GPtrArray *nb_window_dup_shown_findings   (NbWindow *self);
void       nb_window_set_set_findings     (NbWindow   *self,
                                           GListModel *findings);
void       nb_window_show_set_findings    (NbWindow   *self,
                                           GListModel *findings);
guint      nb_window_count_findings       (NbWindow   *self,
                                           NbSeverity  severity);

/* nb-window-panes.c */
void nb_window_panes_init (NbWindow *self);

/* nb-window-search.c */
void nb_window_search_changed_cb  (NbWindow *self);
void nb_window_search_next_cb     (NbWindow *self);
void nb_window_search_previous_cb (NbWindow *self);
void nb_window_start_search       (NbWindow *self);
gboolean nb_window_get_search_match (NbWindow    *self,
                                     GtkTextIter *start,
                                     GtkTextIter *end);

/* nb-window-layout.c */
void nb_window_stop_scrolling (NbWindow *self);
void nb_window_init_dividers  (NbWindow *self,
                               int       divider,
                               int       findings_divider);
void nb_window_place_dividers (NbWindow *self);
void nb_window_get_dividers   (NbWindow *self,
                               int      *divider,
                               int      *findings_divider);
void nb_window_paned_pressed  (NbWindow *self,
                               GtkPaned *paned,
                               double    x,
                               double    y);

/* nb-window-actions.c */
void nb_window_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
