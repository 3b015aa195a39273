/* nb-layout-private.h — text stages that undo the layout a report was found in, before the
 * parser reads it: markdown's pipes and marks (nb-markdown.c), and page furniture such as
 * footers and running headers (nb-furniture.c)
 *
 * They work on the normalised text (NbText.norm) and its map to the decoded text: the first
 * two only ever replace characters by blanks (a space, or a tab between a markdown table's
 * cells), and flattened text (nb-unflatten.c) gets line breaks inserted, each mapped to the
 * character it precedes. The decoded text is never changed, and every span stays right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
nb_layout_is_blank (gunichar c)
{
  return c == ' ' || c == '\t';
}

/* Steps through the lines of @s: sets [*a, *b) to the line at *pos without its leading and
 * trailing blanks, and *pos to the next line's start. FALSE after the last line. */
static inline gboolean
nb_layout_next_line (const gunichar *s,
                     guint           n,
                     guint          *pos,
                     guint          *a,
                     guint          *b)
{
  if (*pos >= n)
    return FALSE;
  *a = *b = *pos;
  while (*b < n && s[*b] != '\n')
    (*b)++;
  *pos = *b + 1;
  while (*a < *b && nb_layout_is_blank (s[*a]))
    (*a)++;
  while (*b > *a && nb_layout_is_blank (s[*b - 1]))
    (*b)--;
  return TRUE;
}

/* Replaces [a, b) by spaces, keeping line ends */
static inline void
nb_layout_blank (gunichar *s,
                 guint     a,
                 guint     b)
{
  for (guint i = a; i < b; i++)
    if (s[i] != '\n')
      s[i] = ' ';
}

void nb_markdown_blank  (gunichar *norm,
                         guint     n_norm);
void nb_furniture_blank (gunichar *norm,
                         guint     n_norm);
void nb_title_join      (gunichar  *norm,
                         guint      n_norm);
void nb_unflatten       (gunichar **norm,
                         guint    **norm_to_src,
                         guint     *n_norm);

/* The stages in their order: the table rows first become plain tab-separated lines, then
 * page furniture is recognised on plain lines, and a flattened text gets its lines back
 * (the only stage that inserts characters: line breaks, mapped to the character after). */
static inline void
nb_layout_clean (gunichar **norm,
                 guint    **norm_to_src,
                 guint     *n_norm)
{
  nb_markdown_blank (*norm, *n_norm);
  nb_furniture_blank (*norm, *n_norm);
  nb_title_join (*norm, *n_norm);
  nb_unflatten (norm, norm_to_src, n_norm);
}

G_END_DECLS
