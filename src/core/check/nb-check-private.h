/* nb-check-private.h — what the files of the checker share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "nb-message-private.h"
#include "nb-report-private.h"
#include "nb-schema.h"
#include "template/nb-template.h"

G_BEGIN_DECLS

#define MAX_CHAR_SET 16         /* first characters of the phrases a scan looks for */
#define MAX_QUANTITY_DIGITS 12  /* a count in the prose has no more digits (longer: an id, a phone number) */

typedef struct
{
  NbReport  *report;
  NbEdition  edition;
  GPtrArray *out;
} Checker;

/* A finding in words given here: only meta.place's (nb-places.c) are still so; every
 * other finding says a message of the rule table (add_message ()), and the rules test
 * holds to that */
static inline G_GNUC_UNUSED NbFinding *
add (Checker    *ck,
     const char *rule,
     NbSeverity  severity,
     const char *zh,
     const char *en)
{
  NbFinding *f = nb_finding_new (rule, severity, zh, en);

  g_ptr_array_add (ck->out, f);
  return f;
}

/* A finding saying @m (its wording: the rule table's messages) */
static inline NbFinding *
add_message (Checker         *ck,
             const NbMessage *m,
             NbSeverity       severity)
{
  NbFinding *f = nb_message_to_finding (m, severity);

  g_ptr_array_add (ck->out, f);
  return f;
}

static inline void
add_cell (Checker   *ck,
          NbFinding *f,
          int        cell)
{
  if (cell < 0)
    return;
  nb_finding_add_cell (f, cell);
  nb_finding_add_span (f, ck->report->cells[cell].span);
}

static inline gboolean
val (Checker *ck,
     int      cell,
     double  *v)
{
  NbCell *c;

  *v = 0;
  if (cell < 0)
    return FALSE;
  c = &ck->report->cells[cell];
  *v = c->has_value ? c->value : 0;
  return c->has_value;
}


/* Adds up the cells that have values; returns whether they all had one. */
static inline gboolean
sum_cells (Checker   *ck,
           const int *cells,
           guint      n,
           double    *sum)
{
  gboolean all = TRUE;
  double v;

  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      if (val (ck, cells[i], &v))
        *sum += v;
      else
        all = FALSE;
    }
  return all;
}

/* Parts and their total disagree: when every part is known, they differ; when
 * some are missing, the known ones already exceed the total. */
static inline gboolean
parts_disagree (gboolean all_known,
                double   sum,
                double   total)
{
  return all_known ? fabs (sum - total) > 1e-9 : sum > total + 1e-9;
}

static inline int
req (Checker    *ck,
     const char *row,
     guint       col)
{
  int r = nb_schema_request_row_index (ck->edition, row);

  return r < 0 ? -1 : nb_schema_request_cell (ck->edition, r, col);
}

typedef struct
{
  const gunichar *s;
  guint           n;
} Text;

static inline gboolean
t_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
t_space (gunichar c)
{
  return c == ' ' || c == '\t';
}

static inline gunichar
first_char (const char *utf8)
{
  const guchar *u = (const guchar *) utf8;

  if (u[0] < 0x80)
    return u[0];
  if ((u[0] & 0xF0) == 0xE0)
    return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  return g_utf8_get_char (utf8);
}

static inline gboolean
t_match (const Text *t,
         guint       pos,
         const char *utf8)
{
  /* most positions fail on the first character: decide that without decoding the rest */
  if (pos >= t->n || t->s[pos] != first_char (utf8))
    return FALSE;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p), pos++)
    if (pos >= t->n || t->s[pos] != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

static inline gboolean
t_match_any (const Text        *t,
             guint              pos,
             const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (t_match (t, pos, words[i]))
      return TRUE;
  return FALSE;
}

/* A set of a few characters, with a bit mask of their low six bits to turn most others away
 * at once */
typedef struct
{
  gunichar c[MAX_CHAR_SET];
  guint    n;
  guint64  mask;
} CharSet;

static inline void
char_set_add_firsts (CharSet           *set,
                     const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    {
      gunichar c = first_char (words[i]);
      guint k = 0;

      while (k < set->n && set->c[k] != c)
        k++;
      if (k == set->n)
        {
          g_assert (set->n < G_N_ELEMENTS (set->c));
          set->c[set->n++] = c;
          set->mask |= G_GUINT64_CONSTANT (1) << (c & 63);
        }
    }
}

static inline gboolean
char_set_has (const CharSet *set,
              gunichar       c)
{
  if (!((set->mask >> (c & 63)) & 1))
    return FALSE;
  for (guint i = 0; i < set->n; i++)
    if (c == set->c[i])
      return TRUE;
  return FALSE;
}

/* Where the scans below jump to the next position that can start what they look for: tight
 * loops of their own, out of line so that they keep their counters in registers */
G_GNUC_NO_INLINE G_GNUC_UNUSED static guint
skip_to_char (const Text *t,
              guint       pos,
              guint       end,
              gunichar    c)
{
  while (pos < end && t->s[pos] != c)
    pos++;
  return pos;
}

G_GNUC_NO_INLINE G_GNUC_UNUSED static guint
skip_to_digit (const Text *t,
               guint       pos,
               guint       end)
{
  while (pos < end && !t_digit (t->s[pos]))
    pos++;
  return pos;
}

G_GNUC_NO_INLINE G_GNUC_UNUSED static guint
skip_to_char_set (const Text    *t,
                  guint          pos,
                  guint          end,
                  const CharSet *set)
{
  while (pos < end && !char_set_has (set, t->s[pos]))
    pos++;
  return pos;
}

static inline gboolean
is_counter (gunichar c)
{
  return c == 0x4EF6 || c == 0x8D77 || c == 0x4E2A || c == 0x6761 || c == 0x4EFD || c == 0x5B97 ||
         c == 0x7BC7 || c == 0x6B21;  /* 件 起 个 条 份 宗 篇 次 */
}

static inline gboolean
is_stop (gunichar c)
{
  return c == 0x3002 || c == '\n' || c == 0xFF1B || c == ';' || c == '!' || c == '?';
}

typedef struct
{
  guint  start, end;  /* the digits */
  double value;
  gunichar counter;
  guint  after;       /* just past the counter */
  gboolean approx;    /* 余, 多 after the digits */
} Quantity;

/* A quantity at pos: digits, spaces, optional 余/多, a counter. */
static inline gboolean
read_quantity (const Text *t,
               guint       pos,
               Quantity   *q)
{
  guint i = pos, j;
  double v = 0;

  if (i >= t->n || !t_digit (t->s[i]) || (i > 0 && (t_digit (t->s[i - 1]) || t->s[i - 1] == '.')))
    return FALSE;
  while (i < t->n && t_digit (t->s[i]))
    v = v * 10 + (t->s[i++] - '0');
  if (i - pos > MAX_QUANTITY_DIGITS || (i < t->n && t->s[i] == '.'))
    return FALSE;
  q->start = pos;
  q->end = i;
  q->value = v;
  q->approx = FALSE;
  j = i;
  while (j < t->n && t_space (t->s[j]))
    j++;
  if (j < t->n && (t->s[j] == 0x4F59 || t->s[j] == 0x591A))  /* 余 多 */
    q->approx = TRUE, j++;
  if (j >= t->n || !is_counter (t->s[j]))
    return FALSE;
  q->counter = t->s[j];
  q->after = j + 1;
  return TRUE;
}

static inline guint
sentence_start (const Text *t,
                guint       pos)
{
  while (pos > 0 && !is_stop (t->s[pos - 1]))
    pos--;
  return pos;
}

static inline guint
sentence_end (const Text *t,
              guint       pos)
{
  while (pos < t->n && !is_stop (t->s[pos]))
    pos++;
  return pos;
}

static inline NbSpan
span_of (Checker *ck,
         guint    start,
         guint    end)
{
  return nb_report_norm_span (ck->report, start, end);
}

static inline gboolean
inside_brackets (const Text *t,
                 guint       pos)
{
  /* 《…》, 〔…〕, 【…】, (…) on the same line */
  int depth_book = 0, depth_other = 0;
  guint ls = pos;

  while (ls > 0 && t->s[ls - 1] != '\n')
    ls--;
  for (guint k = ls; k < pos; k++)
    {
      gunichar c = t->s[k];

      if (c == 0x300A)
        depth_book++;
      else if (c == 0x300B && depth_book > 0)
        depth_book--;
      else if (c == 0x3014 || c == 0x3010 || c == '[' || c == '(')
        depth_other++;
      else if ((c == 0x3015 || c == 0x3011 || c == ']' || c == ')') && depth_other > 0)
        depth_other--;
    }
  return depth_book > 0 || depth_other > 0;
}

/* nb-check-tables.c */
void nb_check_equations      (Checker    *ck);
void nb_check_cells          (Checker    *ck);
gboolean *nb_check_unread_tables (Checker *ck);

/* nb-check-meta.c */
void nb_check_sections       (Checker    *ck);
void nb_check_edition        (Checker    *ck);
void nb_check_year           (Checker    *ck,
                              const Text *t,
                              guint       from,
                              guint       to);
void nb_check_agency         (Checker    *ck,
                              const Text *t);

/* nb-check-prose.c */
void nb_check_prose_sums     (Checker    *ck,
                              const Text *t,
                              guint       from,
                              guint       to);

/* nb-check-figures.c: every figure the prose gives, against its cells (prose.table_mismatch) */
void nb_check_figures        (Checker    *ck);

/* nb-check-sections.c: sections 五 and 六 (section.placeholder, section.fee_statement)
 * and the numbering of the headings (template.heading_number) */
void nb_check_section_texts  (Checker    *ck);

/* nb-checker.c: the first normalised position whose decoded position is at or after @src */
guint nb_check_norm_at       (NbReport   *report,
                              int         src);

G_END_DECLS
