/* nb-history.h — the undo/redo stack of cell corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NB_EDIT_VALUE,   /* a new value for the cell */
  NB_EDIT_ACCEPT,  /* the cell's inferred value accepted as it is */
} NbEditKind;

typedef struct
{
  NbEditKind kind;
  guint    cell;
  gboolean old_has_value;
  double   old_value;
  gboolean new_has_value;
  double   new_value;
} NbEdit;

typedef struct _NbHistory NbHistory;

NbHistory    *nb_history_new        (void);
void          nb_history_free       (NbHistory    *self);
void          nb_history_push       (NbHistory    *self,
                                     const NbEdit *edit);
const NbEdit *nb_history_undo       (NbHistory    *self);
const NbEdit *nb_history_redo       (NbHistory    *self);
gboolean      nb_history_can_undo   (NbHistory    *self);
gboolean      nb_history_can_redo   (NbHistory    *self);
void          nb_history_clear      (NbHistory    *self);
void          nb_history_mark_clean (NbHistory    *self);
gboolean      nb_history_is_clean   (NbHistory    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbHistory, nb_history_free)

G_END_DECLS
