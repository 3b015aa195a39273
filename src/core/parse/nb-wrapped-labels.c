/* nb-wrapped-labels.c — row labels wrapped in their cell, the numbers beside the first line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A label too long for its cell wraps; a PDF or a copied page may print the row's
 * numbers beside its first line, the rest of the label on the line after. The text
 * before a row's numbers is then the tail of the row above and the head of this one:
 *
 *   5.属于三类  2 0 0 0 0 0 2
 *   内部事务信息
 *   6.属于四类  1 0 0 0 0 0 1
 *   过程性信息
 *
 * Read as one label, "内部事务信息6.属于四类" names the row above (its key, 内部事务, is
 * in the tail) and its numbers would go one row up: a wrong number, where the equations of
 * a group cannot tell. The row's own label starts at an ordinal, so the numbers belong to
 * the row named from the last ordinal that names one (a group's heading, 三、本年度, names
 * none); a head cut before its key (6.属于四类) names the one row whose template label it
 * begins. When no ordinal names a row, neither does the tail before them.
 */
#include "config.h"

#include <string.h>

#include "nb-parse-private.h"

#define MIN_HEAD_CHARS 2  /* characters after the ordinal that a head must have */

/* 一 to 十 */
static gboolean
is_cjk_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The length in bytes of a row's ordinal at @s (1. 1、 (一) 一、), or 0 */
static gsize
ordinal_at (const char *s)
{
  const char *q = s;
  gunichar c = g_utf8_get_char (s);

  if (c == '(')
    {
      q = g_utf8_next_char (q);
      if (!is_cjk_numeral (g_utf8_get_char (q)))
        return 0;
      q = g_utf8_next_char (q);
      return *q == ')' ? (gsize) (q + 1 - s) : 0;
    }
  if (is_cjk_numeral (c))
    {
      q = g_utf8_next_char (q);
      return g_utf8_get_char (q) == 0x3001 ? (gsize) (g_utf8_next_char (q) - s) : 0;
    }
  while (g_ascii_isdigit (*q) && q - s < 2)
    q++;
  if (q == s || g_ascii_isdigit (*q) || (*q != '.' && g_utf8_get_char (q) != 0x3001))
    return 0;
  q = g_utf8_next_char (q);
  /* 2.5 is a number, not an ordinal */
  return *q != '\0' && !g_ascii_isdigit (*q) ? (gsize) (q - s) : 0;
}

#define MAX_TAIL_CHARS 64  /* longer than any template label: a head is never more */

/* The template's labels, normalised as the text is (NFKC), for each edition */
typedef struct
{
  GPtrArray *rows;   /* section 三's rows */
  GPtrArray *bare;   /* the same after their ordinals (pointers into rows') */
  GPtrArray *items;  /* section 二's items */
} Labels;

static char *
normalise_label (const char *zh)
{
  const char *space = strrchr (zh, ' ');

  return g_utf8_normalize (space ? space + 1 : zh, -1, G_NORMALIZE_NFKC);
}

static const Labels *
get_labels (NbEdition edition)
{
  static Labels labels[NB_N_EDITIONS];
  static gsize init[NB_N_EDITIONS];
  Labels *l = &labels[edition];

  if (g_once_init_enter (&init[edition]))
    {
      l->rows = g_ptr_array_new ();
      l->bare = g_ptr_array_new ();
      l->items = g_ptr_array_new ();
      for (guint r = 0; r < nb_schema_get_n_request_rows (edition); r++)
        {
          char *norm = normalise_label (nb_schema_get_request_row_label (edition, r));

          g_ptr_array_add (l->rows, norm);
          g_ptr_array_add (l->bare, norm != NULL ? norm + ordinal_at (norm) : NULL);
        }
      for (guint i = 0; i < nb_schema_get_n_active_items (edition); i++)
        g_ptr_array_add (l->items, normalise_label (nb_schema_get_active_item_label (edition, i)));
      g_once_init_leave (&init[edition], 1);
    }
  return l;
}

/* Row @r's template label, normalised, or "" */
static const char *
row_label (NbEdition edition,
           guint     r)
{
  const Labels *l = get_labels (edition);
  const char *label = r < l->rows->len ? g_ptr_array_index (l->rows, r) : NULL;

  return label != NULL ? label : "";
}

/* Where the last @max characters of @label start */
static const char *
tail_of (const char *label,
         guint       max)
{
  const char *q = label + strlen (label);

  for (guint i = 0; i < max && q > label; i++)
    q = g_utf8_prev_char (q);
  return q;
}

/* Whether labels @a and @b begin with the same ordinal, written either way (1. and 1、);
 * @a_rest and @b_rest get what follows each */
static gboolean
same_ordinal (const char  *a,
              const char  *b,
              const char **a_rest,
              const char **b_rest)
{
  gsize na = ordinal_at (a), nb = ordinal_at (b);

  if (na == 0 || nb == 0)
    return FALSE;
  *a_rest = a + na;
  *b_rest = b + nb;
  /* the ordinal without its last mark: "1" of 1. and 1、, "(一" of (一), "一" of 一、 */
  na = g_utf8_prev_char (a + na) - a;
  nb = g_utf8_prev_char (b + nb) - b;
  return na == nb && memcmp (a, b, na) == 0;
}

/**
 * nb_parse_label_starts:
 * @label: the label text before a row's numbers, normalised, without blanks
 * @starts: (out caller-allocates) (array length=max): where they are, in bytes, in order
 *
 * Where a label may start inside @label: at each ordinal that begins one (after the tail
 * of the row above, or a group's heading, or at the start).
 *
 * Returns: how many (the last @max of them at most)
 */
guint
nb_parse_label_starts (const char *label,
                       gsize      *starts,
                       guint       max)
{
  gboolean prev_digit = FALSE, prev_numeral = FALSE;
  guint n = 0;

  g_return_val_if_fail (max > 0, 0);

  for (const char *q = label; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (!prev_digit && !(prev_numeral && is_cjk_numeral (c)) && ordinal_at (q) > 0)
        {
          if (n == max)  /* the last ones count: keep those */
            memmove (starts, starts + 1, --n * sizeof *starts);
          starts[n++] = q - label;
        }
      prev_digit = g_ascii_isdigit (c);
      prev_numeral = is_cjk_numeral (c);
    }
  return n;
}

/**
 * nb_parse_row_by_label_head:
 * @head: a row's own label, starting with its ordinal
 * @found: the rows found so far
 *
 * A label cut before its key (6.属于四类): the one template row not found yet whose
 * label begins with it (the same ordinal, written 6. or 6、, then at least two more
 * characters).
 *
 * Returns: the row, or -1 when none or several
 */
int
nb_parse_row_by_label_head (NbEdition       edition,
                            const char     *head,
                            const gboolean *found)
{
  gsize ord = ordinal_at (head);
  guint n_rows = nb_schema_get_n_request_rows (edition);
  gsize len;
  int row = -1;

  if (ord == 0 || g_utf8_strlen (head + ord, MAX_TAIL_CHARS * 4) < MIN_HEAD_CHARS)
    return -1;
  len = strlen (head + ord);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *rest = NULL, *head_rest = NULL;

      if (found[r] || !same_ordinal (row_label (edition, r), head, &rest, &head_rest) ||
          strncmp (rest, head_rest, len) != 0)
        continue;
      if (row >= 0)
        return -1;
      row = r;
    }
  return row;
}

#define MIN_BARE_HEAD_CHARS 4  /* a head without an ordinal */

/**
 * nb_parse_row_by_bare_head:
 * @label: the label text before a row's numbers, from its last ordinal if it has one
 * @named: the row its keys name, or -1
 * @found: the rows found so far
 *
 * Labels printed without their ordinals, wrapped with the numbers beside the head: the
 * text before the numbers is the tail of the row above and this row's head (内部事务信息
 * 属于四类), and a key in the tail names the row above. The longest end of @label, at
 * least four characters and not how @named's label ends, that begins the label of one
 * row not found yet (after @named) is the head of the row the numbers belong to. The
 * same holds after an ordinal, when the row above printed no number to end its label
 * (4.保护第三方合法权益属于三类).
 *
 * Returns: that row, -2 when that end begins several rows' labels (the numbers are then
 *   none of @named's, but the place must say whose), or -1
 */
int
nb_parse_row_by_bare_head (NbEdition       edition,
                           const char     *label,
                           int             named,
                           const gboolean *found)
{
  const Labels *l = get_labels (edition);
  const char *end = label + strlen (label);
  const char *named_label = named >= 0 ? row_label (edition, named) : NULL;
  gsize named_len = named_label != NULL ? strlen (named_label) : 0;
  const char *head = tail_of (label, MAX_TAIL_CHARS);
  glong n_left = g_utf8_strlen (head, -1);

  for (; n_left >= MIN_BARE_HEAD_CHARS; head = g_utf8_next_char (head), n_left--)
    {
      gsize len = end - head;
      int row = -1;

      if (head == label && named >= 0)
        continue;
      if (named_len >= len && memcmp (named_label + named_len - len, head, len) == 0)
        continue;  /* the end of the row's own label */
      for (guint r = named + 1; r < l->bare->len; r++)
        {
          const char *bare = g_ptr_array_index (l->bare, r);

          if (found[r] || bare == NULL || *bare != *head || strncmp (bare, head, len) != 0)
            continue;
          if (row >= 0)
            return -2;
          row = r;
        }
      if (row >= 0)
        return row;
    }
  return -1;
}

#define MIN_ITEM_HEAD_CHARS 4  /* a head of section 二's labels, which have no ordinal */

/**
 * nb_parse_item_by_label_head:
 * @label: the label text before an item's numbers in section 二, normalised, without blanks
 * @found: the items found so far
 *
 * An item's label cut before its key (其他对外管理 / 服务事项): the one item not found yet
 * whose label begins with the longest end of @label (at least four characters) that
 * begins any item's label.
 *
 * Returns: the item, or -1 when none or several
 */
int
nb_parse_item_by_label_head (NbEdition       edition,
                             const char     *label,
                             const gboolean *found)
{
  const GPtrArray *items = get_labels (edition)->items;
  const char *end = label + strlen (label);

  for (const char *head = tail_of (label, MAX_TAIL_CHARS); *head; head = g_utf8_next_char (head))
    {
      gsize len = end - head;
      int item = -1;
      gboolean any = FALSE;

      if (g_utf8_strlen (head, -1) < MIN_ITEM_HEAD_CHARS)
        break;
      for (guint i = 0; i < items->len; i++)
        {
          const char *norm = g_ptr_array_index (items, i);

          if (norm == NULL || strncmp (norm, head, len) != 0)
            continue;
          any = TRUE;
          if (found[i])
            continue;
          if (item >= 0)
            return -1;
          item = i;
        }
      if (any)
        return item;
    }
  return -1;
}

/**
 * nb_parse_label_begins_row:
 * @label: a label that names no row by its keys
 *
 * Whether @label ends with the head of row @r's label, cut before its key (属于行政 of
 * 7.属于行政执法案卷), with the same ordinal or none: at least four characters, after
 * the tail of the row above, if any (过程性信息属于行政).
 */
gboolean
nb_parse_label_begins_row (NbEdition   edition,
                           const char *label,
                           guint       r)
{
  const char *norm = row_label (edition, r);

  /* the end of @label after the tail of the row above, ordinal and all, or without */
  for (const char *head = tail_of (label, MAX_TAIL_CHARS); *head; head = g_utf8_next_char (head))
    {
      const char *rest = NULL, *head_rest = NULL;

      if (g_utf8_strlen (head, -1) < MIN_BARE_HEAD_CHARS)
        break;
      if (ordinal_at (head) > 0 ? same_ordinal (norm, head, &rest, &head_rest) &&
                                  g_utf8_strlen (head_rest, -1) >= MIN_BARE_HEAD_CHARS &&
                                  g_str_has_prefix (rest, head_rest)
                                : *norm != '\0' && g_str_has_prefix (norm + ordinal_at (norm), head))
        return TRUE;
    }
  return FALSE;
}
