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

/* The edit nb_history_redo() would return, left where it is; NULL when none */
const NbEdit *
nb_history_peek_redo (NbHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pos < self->edits->len ? &g_array_index (self->edits, NbEdit, self->pos) : NULL;
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

/* Whether the edits between the mark and the position, taken together, change
 * nothing: each cell they set ends where it started (a correction restored by
 * hand), and none of them accepts a value. */
static gboolean
edits_cancel_out (NbHistory *self,
                  guint      from,
                  guint      to)
{
  for (guint i = from; i < to; i++)
    {
      const NbEdit *first = &g_array_index (self->edits, NbEdit, i);
      const NbEdit *last = first;
      gboolean seen = FALSE;

      if (first->kind != NB_EDIT_VALUE)
        return FALSE;
      for (guint j = from; j < i && !seen; j++)
        seen = g_array_index (self->edits, NbEdit, j).cell == first->cell;
      if (seen)
        continue;  /* weighed with the cell's first edit */
      for (guint j = i + 1; j < to; j++)
        if (g_array_index (self->edits, NbEdit, j).cell == first->cell)
          last = &g_array_index (self->edits, NbEdit, j);
      if (first->old_has_value != last->new_has_value ||
          (first->old_has_value && first->old_value != last->new_value))
        return FALSE;
    }
  return TRUE;
}

/* Whether the edits applied are those at the mark, or come to the same values:
 * undo back to it, or restoring every correction made since, leaves nothing changed. */
gboolean
nb_history_is_clean (NbHistory *self)
{
  if (self->clean == G_MAXUINT)
    return FALSE;
  return edits_cancel_out (self, MIN (self->pos, self->clean), MAX (self->pos, self->clean));
}
