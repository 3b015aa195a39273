/* nb-history.c — the undo/redo stack of cell corrections
 *
 * A plain list of edits and a position in it: undo steps back, redo steps
 * forward, a new edit drops everything after the position. A mark remembers the
 * position where the report was as opened or last exported: back there, it is clean.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-history.h"

struct _NbHistory
{
  GArray *edits;  /* NbEdit */
  guint   pos;    /* edits before pos are applied */
  guint   clean;  /* the clean position; G_MAXUINT once a new edit dropped it */
};

NbHistory *
nb_history_new (void)
{
  NbHistory *self = g_new0 (NbHistory, 1);

  self->edits = g_array_new (FALSE, FALSE, sizeof (NbEdit));
  return self;
}

void
nb_history_free (NbHistory *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->edits);
  g_free (self);
}

void
nb_history_push (NbHistory    *self,
                 const NbEdit *edit)
{
  g_return_if_fail (self != NULL && edit != NULL);

  if (self->clean > self->pos)
    self->clean = G_MAXUINT;
  g_array_set_size (self->edits, self->pos);
  g_array_append_val (self->edits, *edit);
  self->pos++;
}

/* Returns the edit to revert (apply its old value), or NULL. */
const NbEdit *
nb_history_undo (NbHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pos == 0)
    return NULL;
  self->pos--;
  return &g_array_index (self->edits, NbEdit, self->pos);
}

/* Returns the edit to apply again (its new value), or NULL. */
const NbEdit *
nb_history_redo (NbHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pos >= self->edits->len)
    return NULL;
  return &g_array_index (self->edits, NbEdit, self->pos++);
}

gboolean
nb_history_can_undo (NbHistory *self)
{
  return self->pos > 0;
}

gboolean
nb_history_can_redo (NbHistory *self)
{
  return self->pos < self->edits->len;
}

void
nb_history_clear (NbHistory *self)
{
  g_array_set_size (self->edits, 0);
  self->pos = 0;
  self->clean = 0;
}

/* The report as it is now is the one opened or exported. */
void
nb_history_mark_clean (NbHistory *self)
{
  self->clean = self->pos;
}

/* Whether the edits applied are those at the mark: undo back to it leaves nothing changed. */
gboolean
nb_history_is_clean (NbHistory *self)
{
  return self->pos == self->clean;
}
