/* nb-table-view-private.h — NbTableView's instance struct, shared by the files that split it by concern
 *
 * nb-table-view.c             the widget: items, size, allocation, tooltips, public API
 * nb-table-view-layout.c      fonts, measuring, laying the grids out, building from a report
 * nb-table-view-draw.c        colours and drawing
 * nb-table-view-accessible.c  the accessible cells a screen reader walks
 * nb-table-view-navigation.c  the cursor: selection, keys, clicks, pointer
 * nb-table-view-editing.c     the editor over a cell, its hint, the context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-table-grid.h"
#include "nb-table-view.h"
#include "nb-view-logic.h"

G_BEGIN_DECLS

#define VALUE_MIN_WIDTH     44
#define VALUE_MIN_HEIGHT    28
#define VALUE_PAD_X          6
#define VALUE_PAD_Y          2
#define LABEL_PAD_X          6
#define LABEL_PAD_Y          3
#define VERTICAL_PAD_X       2
#define TITLE_MARGIN_TOP    18
#define TITLE_MARGIN_BOTTOM  6
#define FRAME_RADIUS         6
#define SCROLL_MARGIN       24
#define MARK_SIZE            7
#define NO_ITEM             G_MAXUINT32

typedef struct
{
  const NbGridItem *def;
  PangoLayout      *layout;       /* labels: owned, NULL for none; values: shared */
  char             *text;         /* values: as shown, "" when there is none */
  NbCellStateFlags  flags;        /* values */
  gboolean          highlighted;
  gboolean          wrapped;      /* labels: laid out to their slot's width */
  int               text_width;   /* unwrapped, in pixels */
  GdkRectangle      area;         /* in the view's coordinates */
  GtkWidget        *accessible;   /* NbAccessibleCell, owned by the table's; or NULL */
} Item;

/* Values repeat ("0" fills most tables): one layout serves every cell showing the same
 * text in the same font. */
typedef struct
{
  PangoLayout *layout;
  int          width;
} ValueLayout;

typedef struct
{
  NbGridTable  *grid;           /* unowned: in self->grids */
  Item         *items;
  PangoLayout  *title;
  int          *col_x;          /* n_cols + 1 edges, from the grid's left */
  int          *row_y;          /* n_rows + 1 edges, from the grid's top */
  GdkRectangle  title_area;
  GdkRectangle  area;           /* the grid, inside the table's frame */
  GtkWidget    *accessible;     /* NbAccessibleCell for the whole table, a child; or NULL */
} Table;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA error_bg;
  GdkRGBA error_fg;
  GdkRGBA error_border;
  GdkRGBA warning_bg;
  GdkRGBA warning_border;
  GdkRGBA info_bg;
  GdkRGBA inferred_fg;
  GdkRGBA corrected_fg;
  GdkRGBA highlight_bg;
  GdkRGBA accent;
  GdkRGBA view_bg;
} Colours;

typedef enum
{
  MOVE_LEFT,
  MOVE_RIGHT,
  MOVE_UP,
  MOVE_DOWN,
} MoveDirection;

struct _NbTableView
{
  GtkWidget             parent_instance;

  NbReport             *report;
  GListModel           *set_findings;   /* a review set's findings about the report, or NULL */
  GPtrArray            *grids;          /* NbGridTable */
  Table                *tables;
  guint                 n_tables;
  GArray               *cell_items;     /* guint32 per cell: table << 16 | item, or NO_ITEM */
  GHashTable           *value_layouts;  /* font and text → ValueLayout */

  int                   cursor;         /* the selected cell, or -1 */
  int                   hover;          /* the cell under the pointer, or -1 */
  int                   editing;        /* the cell in the editor, or -1 */
  gboolean              invalid;        /* the editor holds input the cell refuses */
  gboolean              grabbing;       /* grabbing focus for a selection made already */
  guint                 stop_source;
  guint                 preview_source;  /* re-checks the input once the typing pauses */
  gboolean              previewed;       /* the report holds the editor's input for now */
  guint                 accessible_source;  /* builds the accessible cells after the first frame */

  GtkWidget            *editor;         /* GtkText over the cell being edited; on first use */
  GtkWidget            *hint;           /* GtkPopover saying what the cell takes; on first use */
  GtkWidget            *hint_label;
  GtkWidget            *menu;           /* GtkPopoverMenu; on first use */

  PangoFontDescription *base_font;      /* the widget's font, the others derive from it */
  PangoFontDescription *label_font;
  PangoFontDescription *group_font;
  PangoFontDescription *title_font;
  PangoFontDescription *value_font;
  PangoFontDescription *inferred_font;
  PangoFontDescription *corrected_font;
  PangoAttrList        *value_attrs;    /* tabular figures */
  int                   em;             /* one Chinese character of the label font */
  gboolean              layout_valid;
  int                   width;
  int                   height;

  Colours               colours;
  gboolean              colours_valid;
  GdkPaintable         *error_icon;     /* looked up on first use, again on a style change */
  GdkPaintable         *warning_icon;
};

enum {
  CELL_SELECTED,
  CELL_EDITED,
  CELL_PREVIEW,
  N_SIGNALS
};

extern guint _nb_table_view_signals[N_SIGNALS];

/* nb-table-view-layout.c */
void _nb_table_view_clear_fonts (NbTableView *self);
void _nb_table_view_free_value_layout (gpointer data);
gboolean _nb_table_view_update_fonts (NbTableView *self);
void _nb_table_view_ensure_layout (NbTableView *self);
void _nb_table_view_build_tables (NbTableView *self,
                                  NbEdition    edition);
gboolean _nb_table_view_update_value (NbTableView *self,
                                      Item        *item);

/* nb-table-view-draw.c */
void _nb_table_view_ensure_colours (NbTableView *self);
const char *_nb_table_view_state_icon_name (NbCellStateFlags flags);
void _nb_table_view_draw_table (NbTableView *self,
                                GtkSnapshot *snapshot,
                                Table       *table,
                                gboolean     focused);

/* nb-table-view-accessible.c */
void _nb_table_view_update_accessible_description (NbTableView *self);
void _nb_table_view_update_value_accessible (NbTableView *self,
                                             Item        *item);
gboolean _nb_table_view_build_accessible_cb (gpointer data);
void _nb_table_view_allocate_accessible (NbTableView *self);

/* nb-table-view-navigation.c */
void _nb_table_view_select_cell (NbTableView *self,
                                 int          cell);
void _nb_table_view_grab_focus_quietly (NbTableView *self);
int _nb_table_view_next_value (NbTableView *self,
                               int          cell,
                               gboolean     backwards);
int _nb_table_view_neighbour (NbTableView   *self,
                              int            cell,
                              MoveDirection  direction);
gboolean _nb_table_view_get_key_direction (guint          keyval,
                                           MoveDirection *direction);
gboolean _nb_table_view_is_tab_key (guint keyval);
void _nb_table_view_move_to (NbTableView *self,
                             int          cell);
void _nb_table_view_click_pressed_cb (GtkGestureClick *gesture,
                                      int              n_press,
                                      double           x,
                                      double           y,
                                      NbTableView     *self);
gboolean _nb_table_view_key_pressed_cb (GtkEventControllerKey *controller,
                                        guint                  keyval,
                                        guint                  keycode,
                                        GdkModifierType        state,
                                        NbTableView           *self);
void _nb_table_view_focus_enter_cb (GtkEventControllerFocus *controller,
                                    NbTableView             *self);
void _nb_table_view_focus_leave_cb (GtkEventControllerFocus *controller,
                                    NbTableView             *self);
void _nb_table_view_motion_cb (GtkEventControllerMotion *controller,
                               double                    x,
                               double                    y,
                               NbTableView              *self);
void _nb_table_view_motion_leave_cb (GtkEventControllerMotion *controller,
                                     NbTableView              *self);

/* nb-table-view-editing.c */
void _nb_table_view_start_editing (NbTableView *self,
                                   int          cell,
                                   const char  *initial);
void _nb_table_view_stop_editing (NbTableView *self,
                                  gboolean     commit);
void _nb_table_view_show_menu (NbTableView *self,
                               int          cell,
                               double       x,
                               double       y);

/* nb-table-view.c */
Item *_nb_table_view_get_item (NbTableView *self,
                               int          cell,
                               Table      **table);
gboolean _nb_table_view_is_label (const Item *item);

G_END_DECLS
