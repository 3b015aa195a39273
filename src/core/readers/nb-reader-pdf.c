/* nb-reader-pdf.c — PDF to text, table rows rebuilt from character positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler gives the characters of a page with their boxes. Characters are grouped into
 * visual lines by their vertical position, and a line is cut into cells where the gap
 * between two characters is large, so that a table row comes out as "label\tN\tN…".
 * Table labels wrapped over several lines beside one row of numbers are joined onto
 * that row; labels written vertically, one character a line, are joined into one cell.
 * Page numbers ("-3-", "第 3 页") are dropped and nothing marks a page break, so a table
 * that goes on over the next page reads as one table. A row with fewer numbers than the
 * widest row of its run gets an empty cell in each column it leaves blank, when its
 * numbers line up with that row's; when the header lines above the run show more columns
 * than its widest row fills, and its numbers line up with them, with theirs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#include <math.h>
#include <string.h>

#include "nb-pdf-text.h"

/* Bounds against hostile input */
#define MAX_PAGES      500
#define MAX_GLYPHS     (4 * 1024 * 1024)   /* characters over all pages */
#define MAX_PAGE_CHARS (256 * 1024)        /* characters of one page */

typedef struct
{
  double   x1, y1, x2, y2;
  gunichar c;
  gboolean space_before;  /* the page's text has white space just before it */
} Glyph;

typedef struct
{
  double   x1, y1, x2, y2;
  GString *text;
  guint    n_glyphs;
  gboolean numeric;
} Frag;

typedef struct
{
  double     y1, y2;
  double     yc;        /* mean centre of its characters */
  double     h;         /* mean character height */
  GPtrArray *frags;     /* Frag, sorted by x */
  gboolean   is_row;    /* holds a number cell */
  gboolean   merged;    /* joined onto a row: not written by itself */
} VLine;

static void
frag_free (gpointer data)
{
  Frag *frag = data;

  g_string_free (frag->text, TRUE);
  g_free (frag);
}

static void
vline_free (gpointer data)
{
  VLine *line = data;

  g_ptr_array_unref (line->frags);
  g_free (line);
}

static int
compare_glyph_yc (gconstpointer a,
                  gconstpointer b)
{
  const Glyph *ga = a, *gb = b;
  double ya = (ga->y1 + ga->y2) / 2, yb = (gb->y1 + gb->y2) / 2;

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ga->x1 != gb->x1)
    return ga->x1 < gb->x1 ? -1 : 1;
  return 0;
}

static int
compare_glyph_x (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (ga->x1 != gb->x1)
    return ga->x1 < gb->x1 ? -1 : 1;
  return 0;
}

static int
compare_frag_x (gconstpointer a,
                gconstpointer b)
{
  const Frag *fa = *(Frag * const *) a, *fb = *(Frag * const *) b;

  if (fa->x1 != fb->x1)
    return fa->x1 < fb->x1 ? -1 : 1;
  return 0;
}

static int
compare_vline_y (gconstpointer a,
                 gconstpointer b)
{
  const VLine *la = *(VLine * const *) a, *lb = *(VLine * const *) b;

  if (la->yc != lb->yc)
    return la->yc < lb->yc ? -1 : 1;
  return 0;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* A cell holding one number: "12", "-18", "1,234", "96171.6", "12%" */
static gboolean
text_is_number (const char *text)
{
  const char *p = text;
  gboolean seen_digit = FALSE;
  gunichar last = 0;

  if (*p == '-' || *p == '+')
    p++;
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_digit_char (c))
        seen_digit = TRUE;
      else if (c == '.' || c == ',' || c == 0xFF0E || c == 0xFF0C)
        {
          if (!seen_digit)
            return FALSE;
        }
      else if (c == '%' && p[1] == '\0')
        ;
      else
        return FALSE;
      last = c;
    }
  return seen_digit && (is_digit_char (last) || last == '%');
}

/* "-3-", "— 3 —", "3", "第3页", "第 3 页 共 6 页", "3/6" */
static gboolean
text_is_page_number (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *p;
  guint n_digits = 0;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '\t')
        continue;
      if (is_digit_char (c))
        {
          n_digits++;
          g_string_append_c (s, '9');
          while (p[1] != '\0' && is_digit_char (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          continue;
        }
      if (c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2012 || c == 0xFF0D || c == 0x2212 ||
          c == 0x2015 || c == 0x2500)
        {
          g_string_append_c (s, '-');
          continue;
        }
      g_string_append_unichar (s, c);
    }
  if (n_digits == 0 || n_digits > 2)
    return FALSE;

  return (g_str_equal (s->str, "-9-") || g_str_equal (s->str, "--9--") ||
          g_str_equal (s->str, "9") || g_str_equal (s->str, "第9页") ||
          g_str_equal (s->str, "第9页共9页") || g_str_equal (s->str, "9/9") ||
          g_str_equal (s->str, "-9") || g_str_equal (s->str, "9-"));
}

static gboolean
intervals_overlap (double a1,
                   double a2,
                   double b1,
                   double b2)
{
  return MIN (a2, b2) - MAX (a1, b1) > 0.5;
}

/* Directions text may read in, in poppler's page coordinates (y down) */
typedef enum
{
  READS_RIGHT,  /* upright */
  READS_DOWN,   /* turned a quarter clockwise (a page with /Rotate 90) */
  READS_LEFT,   /* upside down (/Rotate 180) */
  READS_UP,     /* turned a quarter anticlockwise (/Rotate 270, text set sideways) */
  N_DIRECTIONS
} Direction;

/* Which way from @a to @b, the next character of the same word; N_DIRECTIONS when they
 * are too far apart to tell */
static Direction
step_direction (const Glyph *a,
                const Glyph *b)
{
  double dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2;
  double dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
  double size = MAX (MAX (a->x2 - a->x1, a->y2 - a->y1), MAX (b->x2 - b->x1, b->y2 - b->y1));

  if (fabs (dx) > 3 * size || fabs (dy) > 3 * size || (dx == 0 && dy == 0))
    return N_DIRECTIONS;
  if (fabs (dx) >= fabs (dy))
    return dx > 0 ? READS_RIGHT : READS_LEFT;
  return dy > 0 ? READS_DOWN : READS_UP;
}

/* Turns the page's characters so that its text reads left to right, lines top to bottom
 * (poppler gives each character's box where it sits on the page, whichever way it reads).
 * @height becomes the height of the page so turned. */
static void
orient_glyphs (GArray    *glyphs,
               Direction  direction,
               double     width,
               double    *height)
{
  double h = *height;

  if (direction == READS_RIGHT || direction >= N_DIRECTIONS)
    return;
  for (guint i = 0; i < glyphs->len; i++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, i);
      Glyph t = *g;

      switch (direction)
        {
        case READS_DOWN:  /* x' = y, y' = width - x */
          g->x1 = t.y1, g->x2 = t.y2, g->y1 = width - t.x2, g->y2 = width - t.x1;
          break;
        case READS_LEFT:  /* x' = width - x, y' = height - y */
          g->x1 = width - t.x2, g->x2 = width - t.x1, g->y1 = h - t.y2, g->y2 = h - t.y1;
          break;
        case READS_UP:    /* x' = height - y, y' = x */
          g->x1 = h - t.y2, g->x2 = h - t.y1, g->y1 = t.x1, g->y2 = t.x2;
          break;
        case READS_RIGHT:
        case N_DIRECTIONS:
        default:
          break;
        }
      if (g->y2 - g->y1 < 0.1)
        g->y2 = g->y1 + 0.1;
    }
  if (direction == READS_DOWN || direction == READS_UP)
    *height = width;
}

/* Characters of one page, without white space, turned to read left to right */
static GArray *
collect_glyphs (NbPdfDoc *doc,
                int       index,
                guint    *budget,
                double    width,
                double   *height)
{
  guint votes[N_DIRECTIONS + 1] = { 0 };
  Direction direction = READS_RIGHT;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autofree char *text = NULL;
  g_autofree NbPdfRect *rects = NULL;
  guint n_rects = 0;
  const char *p;
  gboolean space = FALSE;

  if (!nb_pdf_doc_page_text (doc, index, &text, &rects, &n_rects) || text == NULL)
    return glyphs;

  p = text;
  for (guint i = 0; i < n_rects && *p != '\0' && glyphs->len < MAX_PAGE_CHARS; i++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const NbPdfRect *r = &rects[i];
      Glyph g;

      p = g_utf8_next_char (p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        c = 0xFFFD;
      if (g_unichar_isspace (c) || c == 0x3000 || c < 0x20 || (c >= 0x7F && c < 0xA0) ||
          c == 0xFEFF || c == 0x200B)
        {
          space |= g_unichar_isspace (c) || c == 0x3000;
          continue;
        }
      if (!isfinite (r->x1) || !isfinite (r->x2) || !isfinite (r->y1) || !isfinite (r->y2))
        continue;

      g.x1 = MIN (r->x1, r->x2);
      g.x2 = MAX (r->x1, r->x2);
      g.y1 = MIN (r->y1, r->y2);
      g.y2 = MAX (r->y1, r->y2);
      g.c = c;
      g.space_before = space;
      if (glyphs->len > 0 && !space)
        votes[step_direction (&g_array_index (glyphs, Glyph, glyphs->len - 1), &g)]++;
      space = FALSE;
      if (g.y2 - g.y1 < 0.1)
        g.y2 = g.y1 + 0.1;
      g_array_append_val (glyphs, g);

      if (*budget == 0)
        break;
      (*budget)--;
    }

  /* the page reads the way most of its neighbouring characters go; a column of labels
   * stacked one character a line, on an upright page, is outvoted */
  for (Direction d = READS_DOWN; d < N_DIRECTIONS; d++)
    if (votes[d] > 2 * votes[READS_RIGHT] && votes[d] > votes[direction])
      direction = d;
  orient_glyphs (glyphs, direction, width, height);
  return glyphs;
}

/* Cut one visual line (glyphs sorted by x) into cells at large gaps */
static void
split_line (VLine *line,
            Glyph *glyphs,
            guint  n)
{
  Frag *frag = NULL;

  for (guint i = 0; i < n; i++)
    {
      Glyph *g = &glyphs[i];

      if (frag != NULL)
        {
          Glyph *prev = &glyphs[i - 1];
          double h = MAX (prev->y2 - prev->y1, g->y2 - g->y1);
          double w = MIN (prev->x2 - prev->x1, g->x2 - g->x1);
          double gap = g->x1 - frag->x2;

          /* wide (CJK) characters sit close together; digits and latin letters less so.
           * A narrow space the text itself has ("规章 0 0 0") is kept: without it
           * the numbers would run together. */
          if (w >= 0.8 * h ? gap > 1.2 * w : gap > 1.5 * MAX (w, 0.45 * h))
            frag = NULL;
          else if (gap > 0.3 * h || (g->space_before && gap > 0.05 * h))
            g_string_append_c (frag->text, ' ');
        }
      if (frag == NULL)
        {
          frag = g_new0 (Frag, 1);
          frag->text = g_string_new (NULL);
          frag->x1 = g->x1;
          frag->y1 = g->y1;
          frag->x2 = g->x2;
          frag->y2 = g->y2;
          g_ptr_array_add (line->frags, frag);
        }
      g_string_append_unichar (frag->text, g->c);
      frag->n_glyphs++;
      frag->x2 = MAX (frag->x2, g->x2);
      frag->y1 = MIN (frag->y1, g->y1);
      frag->y2 = MAX (frag->y2, g->y2);
    }

  for (guint i = 0; i < line->frags->len; i++)
    {
      Frag *f = g_ptr_array_index (line->frags, i);

      f->numeric = text_is_number (f->text->str);
      if (f->numeric)
        line->is_row = TRUE;
    }
}

/* Group the glyphs of a page into visual lines, sorted top to bottom */
static GPtrArray *
build_lines (GArray *glyphs)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (vline_free);
  guint start = 0;

  g_array_sort (glyphs, compare_glyph_yc);

  while (start < glyphs->len)
    {
      Glyph *first = &g_array_index (glyphs, Glyph, start);
      double sum_yc = (first->y1 + first->y2) / 2;
      double sum_h = first->y2 - first->y1;
      guint end = start + 1;
      VLine *line;

      while (end < glyphs->len)
        {
          Glyph *g = &g_array_index (glyphs, Glyph, end);
          double yc = (g->y1 + g->y2) / 2;
          double mean_yc = sum_yc / (end - start);
          double mean_h = sum_h / (end - start);

          if (fabs (yc - mean_yc) > 0.45 * MAX (mean_h, g->y2 - g->y1))
            break;
          sum_yc += yc;
          sum_h += g->y2 - g->y1;
          end++;
        }

      line = g_new0 (VLine, 1);
      line->frags = g_ptr_array_new_with_free_func (frag_free);
      line->yc = sum_yc / (end - start);
      line->h = sum_h / (end - start);
      line->y1 = G_MAXDOUBLE;
      line->y2 = -G_MAXDOUBLE;
      for (guint i = start; i < end; i++)
        {
          Glyph *g = &g_array_index (glyphs, Glyph, i);

          line->y1 = MIN (line->y1, g->y1);
          line->y2 = MAX (line->y2, g->y2);
        }

      qsort (&g_array_index (glyphs, Glyph, start), end - start, sizeof (Glyph), compare_glyph_x);
      split_line (line, &g_array_index (glyphs, Glyph, start), end - start);
      g_ptr_array_add (lines, line);
      start = end;
    }

  return lines;
}

static char *
vline_dup_text (VLine *line)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < line->frags->len; i++)
    {
      Frag *f = g_ptr_array_index (line->frags, i);

      if (i > 0)
        g_string_append_c (s, '\t');
      g_string_append (s, f->text->str);
    }
  return g_string_free (s, FALSE);
}

/* Page numbers and running footers: the first or last line of the page */
static void
drop_page_numbers (GPtrArray *lines,
                   double     page_height)
{
  for (guint pass = 0; pass < 2 && lines->len > 0; pass++)
    {
      guint idx = pass == 0 ? lines->len - 1 : 0;
      VLine *line = g_ptr_array_index (lines, idx);
      g_autofree char *text = vline_dup_text (line);
      gboolean at_edge = page_height <= 0 || line->yc > page_height * 0.8 ||
                         line->yc < page_height * 0.2;

      if (at_edge && text_is_page_number (text))
        g_ptr_array_remove_index (lines, idx);
    }

  /* "-4-" style numbers anywhere on the page (some generators put them mid-stream) */
  for (guint i = 0; i < lines->len; i++)
    {
      VLine *line = g_ptr_array_index (lines, i);
      g_autofree char *text = NULL;

      if (line->frags->len != 1)
        continue;
      text = vline_dup_text (line);
      if (g_utf8_strlen (text, -1) >= 3 && text_is_page_number (text) &&
          !g_ascii_isdigit (text[0]) && strstr (text, "页") == NULL)
        g_ptr_array_remove_index (lines, i--);
    }
}

/* Single characters stacked in a column ("三、/本/年/度/办/理/结/果") become one cell,
 * kept on the line of its first character. */
static void
join_vertical_labels (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      VLine *line = g_ptr_array_index (lines, i);

      for (guint k = 0; k < line->frags->len; k++)
        {
          Frag *head = g_ptr_array_index (line->frags, k);
          g_autoptr(GPtrArray) chain = NULL;
          double cx, hx1, hx2, w, y_last;
          guint j;

          if (head->numeric || head->n_glyphs > 2)
            continue;

          hx1 = head->x1;
          hx2 = head->x2;
          cx = (hx1 + hx2) / 2;
          w = MAX (head->y2 - head->y1, (head->x2 - head->x1) / head->n_glyphs);
          y_last = head->y2;
          chain = g_ptr_array_new ();
          g_ptr_array_add (chain, head);

          for (j = i + 1; j < lines->len; j++)
            {
              VLine *next = g_ptr_array_index (lines, j);
              Frag *found = NULL;

              if (next->y1 - y_last > 4 * w)
                break;
              for (guint m = 0; m < next->frags->len; m++)
                {
                  Frag *f = g_ptr_array_index (next->frags, m);

                  double fx = (f->x1 + f->x2) / 2;

                  if (!f->numeric && f->n_glyphs <= 2 &&
                      fx > hx1 - 0.3 * w && fx < hx2 + 0.3 * w &&
                      cx > f->x1 - 0.3 * w && cx < f->x2 + 0.3 * w)
                    {
                      found = f;
                      break;
                    }
                }
              if (found == NULL)
                {
                  /* a line in between that has nothing in this column */
                  gboolean blocks = FALSE;

                  for (guint m = 0; m < next->frags->len; m++)
                    {
                      Frag *f = g_ptr_array_index (next->frags, m);

                      if (intervals_overlap (f->x1, f->x2, cx - w / 2, cx + w / 2))
                        blocks = TRUE;
                    }
                  if (blocks)
                    break;
                  continue;
                }
              g_ptr_array_add (chain, found);
              y_last = found->y2;
            }

          if (chain->len < 3)
            continue;

          /* move the text of the chain into head, drop the others */
          for (guint c = 1; c < chain->len; c++)
            {
              Frag *f = g_ptr_array_index (chain, c);

              g_string_append (head->text, f->text->str);
              head->n_glyphs = G_MAXUINT / 2;  /* never the head of another chain */
              head->x1 = MIN (head->x1, f->x1);
              head->x2 = MAX (head->x2, f->x2);
              head->y2 = MAX (head->y2, f->y2);
              for (guint m = i + 1; m < lines->len; m++)
                {
                  VLine *other = g_ptr_array_index (lines, m);

                  if (g_ptr_array_remove (other->frags, f))
                    break;
                }
            }
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      VLine *line = g_ptr_array_index (lines, i);

      if (line->frags->len == 0)
        g_ptr_array_remove_index (lines, i--);
    }
}

/* Where a row's cells begin: its first number */
static guint
first_value_frag (VLine *line)
{
  for (guint i = 0; i < line->frags->len; i++)
    if (((Frag *) g_ptr_array_index (line->frags, i))->numeric)
      return i;
  return line->frags->len;
}

static double
vline_first_number_x (VLine *line)
{
  guint first = first_value_frag (line);

  return first < line->frags->len ? ((Frag *) g_ptr_array_index (line->frags, first))->x1 : G_MAXDOUBLE;
}

/* "三、", "（六）", "(2)", "1.", "2、", "第二十条": the start of a new label */
static gboolean
starts_with_enumerator (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(第?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|"
                               "[0-9０-９]+[、.．]|第[一二三四五六七八九十百0-9]+[条章节项部])",
                               G_REGEX_OPTIMIZE, 0, NULL);

      g_once_init_leave (&regex, r);
    }
  return g_regex_match (regex, text, 0, NULL);
}

/* Whether the text-only line @line, above or below the row @row, holds part of its label.
 * @closed holds the columns (pairs of x) where a label started already, going up. */
static gboolean
label_part_of (VLine    *line,
               VLine    *row,
               gboolean  above,
               GArray   *closed)
{
  double number_x = vline_first_number_x (row);
  double h = MAX (line->h, row->h);
  Frag *first_text = NULL;
  Frag *last;

  if (line->is_row || line->frags->len == 0)
    return FALSE;
  if (fabs (line->yc - row->yc) > 4.5 * h)
    return FALSE;
  last = g_ptr_array_index (line->frags, line->frags->len - 1);
  if (last->x2 > number_x + 0.2 * h)
    return FALSE;

  for (guint i = 0; i < row->frags->len && first_text == NULL; i++)
    {
      Frag *g = g_ptr_array_index (row->frags, i);

      if (!g->numeric)
        first_text = g;
    }

  for (guint i = 0; i < line->frags->len; i++)
    {
      Frag *f = g_ptr_array_index (line->frags, i);
      Frag *same_column = NULL;

      for (guint k = 0; k < row->frags->len; k++)
        {
          Frag *g = g_ptr_array_index (row->frags, k);

          if (!g->numeric && intervals_overlap (f->x1, f->x2, g->x1, g->x2))
            same_column = g;
        }

      /* a new label does not continue the one above it; nor does text below a
       * lone number (cells one a line): that is the next row's label */
      if (!above && (starts_with_enumerator (f->text->str) || (first_text == NULL && row->frags->len == 1)))
        return FALSE;
      for (guint k = 0; above && k < closed->len; k += 2)
        if (intervals_overlap (f->x1, f->x2, g_array_index (closed, double, k),
                               g_array_index (closed, double, k + 1)))
          return FALSE;
      /* between the row's label and its numbers, in no column of the row */
      if (same_column == NULL && first_text != NULL && f->x2 > first_text->x1 + 0.2 * h)
        return FALSE;
    }

  return TRUE;
}

/* Columns where a label starts with its number ("三、", "（六）"): going up, nothing
 * more in them belongs to the row */
static void
close_columns (GArray    *closed,
               GPtrArray *frags)
{
  for (guint i = 0; i < frags->len; i++)
    {
      Frag *f = g_ptr_array_index (frags, i);

      if (!f->numeric && starts_with_enumerator (f->text->str))
        {
          g_array_append_val (closed, f->x1);
          g_array_append_val (closed, f->x2);
        }
    }
}

/* Move the cells of @line into @row: into the cell of the same column, before its text when
 * @above, after it otherwise; into a new cell when the column is empty in @row. */
static void
merge_into_row (VLine    *row,
                VLine    *line,
                gboolean  above)
{
  while (line->frags->len > 0)
    {
      Frag *f = g_ptr_array_steal_index (line->frags, 0);
      Frag *target = NULL;

      for (guint i = 0; i < row->frags->len; i++)
        {
          Frag *g = g_ptr_array_index (row->frags, i);

          if (!g->numeric && intervals_overlap (f->x1, f->x2, g->x1, g->x2))
            {
              target = g;
              break;
            }
        }
      if (target == NULL)
        {
          g_ptr_array_add (row->frags, f);
          g_ptr_array_sort (row->frags, compare_frag_x);
          continue;
        }
      if (above)
        g_string_prepend (target->text, f->text->str);
      else
        g_string_append (target->text, f->text->str);
      target->x1 = MIN (target->x1, f->x1);
      target->x2 = MAX (target->x2, f->x2);
      frag_free (f);
    }
  line->merged = TRUE;
}

/* Join wrapped table labels onto the row of numbers they stand beside */
static void
join_wrapped_labels (GPtrArray *lines)
{
  guint n = lines->len;
  g_autofree int *owner = g_new (int, n);
  g_autofree gboolean *above = g_new0 (gboolean, n);
  /* the lines each row claimed, [first[r], last[r]]: the merge looks only there, so that
   * a page of many rows costs what the claims cost, not rows × lines */
  g_autofree guint *first = g_new (guint, n);
  g_autofree guint *last = g_new (guint, n);
  g_autoptr(GArray) closed = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      owner[i] = -1;
      first[i] = last[i] = i;
    }

  for (guint r = 0; r < n; r++)
    {
      VLine *row = g_ptr_array_index (lines, r);

      if (!row->is_row)
        continue;

      /* lines above, nearest first */
      g_array_set_size (closed, 0);
      close_columns (closed, row->frags);
      for (int i = (int) r - 1; i >= 0; i--)
        {
          VLine *line = g_ptr_array_index (lines, i);

          if (!label_part_of (line, row, TRUE, closed))
            break;
          if (owner[i] >= 0)
            {
              VLine *other = g_ptr_array_index (lines, owner[i]);

              if (fabs (other->yc - line->yc) <= fabs (row->yc - line->yc))
                break;
            }
          owner[i] = r;
          above[i] = TRUE;
          first[r] = i;
          close_columns (closed, line->frags);
        }
      /* lines below */
      for (guint i = r + 1; i < n; i++)
        {
          VLine *line = g_ptr_array_index (lines, i);

          if (!label_part_of (line, row, FALSE, NULL))
            break;
          owner[i] = r;
          above[i] = FALSE;
          last[r] = i;
        }
    }

  /* merge: lines above from the nearest up, lines below from the nearest down */
  for (guint r = 0; r < n; r++)
    {
      VLine *row = g_ptr_array_index (lines, r);

      if (!row->is_row)
        continue;
      for (guint i = r; i-- > first[r];)
        if (owner[i] == (int) r)
          merge_into_row (row, g_ptr_array_index (lines, i), TRUE);
      for (guint i = r + 1; i <= last[r]; i++)
        if (owner[i] == (int) r)
          merge_into_row (row, g_ptr_array_index (lines, i), FALSE);
    }
}

#define MIN_VALUE_COLUMNS 3
#define MAX_HEADER_LINES  6

static double
frag_centre (const Frag *f)
{
  return (f->x1 + f->x2) / 2;
}

/* Writes @row's cells again with an empty one in each of the @n value columns centred at
 * @anchors that it leaves blank, when each of its cells sits in a column of its own, close
 * to its centre; otherwise leaves it as it is. Returns whether it wrote them. */
static gboolean
fill_blank_columns (VLine        *row,
                    const double *anchors,
                    guint         n)
{
  g_autofree Frag **by_column = g_new0 (Frag *, n);
  g_autoptr(GPtrArray) frags = NULL;
  double tolerance = G_MAXDOUBLE;
  guint first = first_value_frag (row), column = 0;

  for (guint k = 0; k + 1 < n; k++)
    tolerance = MIN (tolerance, (anchors[k + 1] - anchors[k]) / 4);
  for (guint i = first; i < row->frags->len; i++)
    {
      Frag *f = g_ptr_array_index (row->frags, i);
      double c = frag_centre (f);

      while (column < n && c >= anchors[column] + tolerance)
        column++;
      if (column >= n || fabs (c - anchors[column]) >= tolerance)
        return FALSE;  /* between columns, or past the last: no telling */
      by_column[column++] = f;
    }

  frags = g_ptr_array_new_with_free_func (frag_free);
  for (guint i = 0; i < first; i++)
    g_ptr_array_add (frags, g_ptr_array_index (row->frags, i));
  for (guint k = 0; k < n; k++)
    {
      Frag *f = by_column[k];

      if (f == NULL)
        {
          f = g_new0 (Frag, 1);
          f->text = g_string_new (NULL);
          f->x1 = f->x2 = anchors[k];
        }
      g_ptr_array_add (frags, f);
    }
  /* the row's frags now belong to the new array */
  g_ptr_array_set_free_func (row->frags, NULL);
  g_ptr_array_unref (row->frags);
  row->frags = g_steal_pointer (&frags);
  return TRUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Adds the centres of @line's fragments no wider than @spacing (the narrowest gap of the
 * widest row's numbers), not left of @from nor over the labels (starting before
 * @label_end), to the sorted @columns, one within a quarter column of a column being that
 * column (within a point, while the column's width is unknown); a column is *@width
 * wide, or, while that is unknown, the narrowest gap of the line's centres. Returns FALSE, leaving @columns as they were, when a centre would stand
 * closer than three quarters of a column to another (a header over two columns, centred
 * between them). */
static gboolean
add_header_line (GArray *columns,
                 VLine  *line,
                 double  spacing,
                 double  from,
                 double  label_end,
                 double *width)
{
  g_autoptr(GArray) added = g_array_copy (columns);
  double w = *width;

  for (guint i = 0; i < line->frags->len; i++)
    {
      Frag *f = g_ptr_array_index (line->frags, i);
      double c = frag_centre (f);
      gboolean known = FALSE;

      if (f->x2 - f->x1 > spacing || c < from || f->x1 < label_end)
        continue;
      for (guint k = 0; k < added->len && !known; k++)
        known = fabs (g_array_index (added, double, k) - c) < (w == G_MAXDOUBLE ? 1 : w / 4);
      if (!known)
        g_array_append_val (added, c);
    }
  g_array_sort (added, compare_double);
  if (w == G_MAXDOUBLE)
    for (guint k = 0; k + 1 < added->len; k++)
      w = MIN (w, g_array_index (added, double, k + 1) - g_array_index (added, double, k));
  w = MIN (w, spacing);
  for (guint k = 0; k + 1 < added->len; k++)
    if (g_array_index (added, double, k + 1) - g_array_index (added, double, k) < 0.75 * w)
      return FALSE;
  if (added->len >= 2)
    *width = w;
  g_array_set_size (columns, 0);
  g_array_append_vals (columns, added->data, added->len);
  return TRUE;
}

/* The columns the header lines just above the run of rows starting at @run show, the
 * nearest line first (add_header_line(); a line that does not fit the others is left
 * out). A heading or a paragraph (one wide fragment) or a row ends the header. */
static GArray *
header_columns (GPtrArray *lines,
                guint      run,
                double     spacing,
                double     from,
                double     label_end)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (double));
  double width = G_MAXDOUBLE;

  for (guint j = run, k = 0; j > 0 && k < MAX_HEADER_LINES; j--, k++)
    {
      VLine *line = g_ptr_array_index (lines, j - 1);
      Frag *first;

      if (line->frags->len == 0)
        continue;
      first = g_ptr_array_index (line->frags, 0);
      if (line->merged || line->is_row ||
          (line->frags->len == 1 && first->x2 - first->x1 > 3 * spacing))
        break;
      add_header_line (columns, line, spacing, from, label_end, &width);
    }
  return columns;
}

/* Moves the header's @columns to where the widest row's numbers (from @first of @full)
 * sit, when each sits the same way off its column's centre, as numbers set left or right
 * in their cells do: by that offset, when it is more than an eighth of a column and less
 * than 0.4 of one, and the same for each number within an eighth. Returns whether they
 * were moved. */
static gboolean
shift_to_numbers (GArray *columns,
                  VLine  *full,
                  guint   first)
{
  double w = G_MAXDOUBLE, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, sum = 0, mean;
  guint n = full->frags->len - first, prev = G_MAXUINT;

  if (columns->len < 2 || n == 0)
    return FALSE;
  for (guint k = 0; k + 1 < columns->len; k++)
    w = MIN (w, g_array_index (columns, double, k + 1) - g_array_index (columns, double, k));
  for (guint i = first; i < full->frags->len; i++)
    {
      double c = frag_centre (g_ptr_array_index (full->frags, i)), d;
      guint j = 0;

      for (guint k = 1; k < columns->len; k++)
        if (fabs (g_array_index (columns, double, k) - c) < fabs (g_array_index (columns, double, j) - c))
          j = k;
      if (prev != G_MAXUINT && j <= prev)
        return FALSE;  /* two numbers nearest one column */
      prev = j;
      d = c - g_array_index (columns, double, j);
      lo = MIN (lo, d);
      hi = MAX (hi, d);
      sum += d;
    }
  mean = sum / n;
  if (hi - lo >= w / 8 || fabs (mean) >= 0.4 * w || fabs (mean) <= w / 8)
    return FALSE;
  for (guint k = 0; k < columns->len; k++)
    g_array_index (columns, double, k) += mean;
  return TRUE;
}

/* Whether a line that is no row has text in the value columns starting at @left (a
 * header, a heading, a paragraph): the columns of the rows above end there. A row of
 * blanks prints its label only, left of them. */
static gboolean
reaches_values (VLine  *line,
                double  left)
{
  for (guint i = 0; i < line->frags->len; i++)
    if (((Frag *) g_ptr_array_index (line->frags, i))->x2 > left)
      return TRUE;
  return FALSE;
}

/* Blank cells. A PDF has no text for an empty cell, so a row that leaves cells blank would
 * read as one with fewer cells. In a run of table rows, the row with the most numbers
 * gives the value columns, or the header lines above it when they show more and its
 * numbers sit on them, or the columns of the run above it (rows of blanks between, which
 * print their labels only) when they are more and its numbers sit on them; each other row
 * gets an empty field in each of them it leaves blank (the parser counts empty fields as
 * blank cells only where they make a row whole). */
static void
mark_blank_cells (GPtrArray *lines)
{
  g_autoptr(GArray) above = g_array_new (FALSE, FALSE, sizeof (double));
  double above_spacing = 0;
  guint i = 0;

  while (i < lines->len)
    {
      guint end = i, widest = 0, n = 0, first;
      VLine *full;
      g_autofree double *anchors = NULL;
      gboolean ordered = TRUE;

      /* the run of rows, through the label lines joined onto them */
      while (end < lines->len)
        {
          VLine *line = g_ptr_array_index (lines, end);

          if (!line->merged && !line->is_row)
            break;
          if (!line->merged && line->frags->len - first_value_frag (line) > n)
            {
              n = line->frags->len - first_value_frag (line);
              widest = end;
            }
          end++;
        }
      if (end == i)
        {
          VLine *line = g_ptr_array_index (lines, i);

          if (above->len > 0 &&
              reaches_values (line, g_array_index (above, double, 0) - above_spacing / 2))
            g_array_set_size (above, 0);
          i++;
          continue;
        }
      if (n == 0)
        {
          i = end;
          continue;
        }

      full = g_ptr_array_index (lines, widest);
      first = first_value_frag (full);
      anchors = g_new (double, n);
      for (guint k = 0; k < n; k++)
        {
          anchors[k] = frag_centre (g_ptr_array_index (full->frags, first + k));
          ordered &= k == 0 || anchors[k] > anchors[k - 1];
        }
      if (ordered)
        {
          double spacing = G_MAXDOUBLE;
          g_autoptr(GArray) header = NULL;

          for (guint k = 0; k + 1 < n; k++)
            spacing = MIN (spacing, anchors[k + 1] - anchors[k]);
          /* more columns in the header than the widest row fills: its blanks too (a row
           * with a label: no blank column before its first number) */
          if (n >= 2)
            header = header_columns (lines, i, spacing,
                                     first > 0 ? anchors[0] - spacing / 4 : -G_MAXDOUBLE,
                                     first > 0 ? ((Frag *) g_ptr_array_index (full->frags, first - 1))->x2
                                               : -G_MAXDOUBLE);
          if (header != NULL && header->len > n && header->len >= MIN_VALUE_COLUMNS &&
              header->len <= 4 * n && !fill_blank_columns (full, (double *) header->data, header->len))
            {
              /* numbers set left or right in their cells: their first column may lie
               * further left of the first number */
              g_clear_pointer (&header, g_array_unref);
              header = header_columns (lines, i, spacing,
                                       first > 0 ? anchors[0] - spacing / 2 : -G_MAXDOUBLE,
                                       first > 0 ? ((Frag *) g_ptr_array_index (full->frags, first - 1))->x2
                                                 : -G_MAXDOUBLE);
              if (!(header->len > n && header->len <= 4 * n && shift_to_numbers (header, full, first) &&
                    fill_blank_columns (full, (double *) header->data, header->len)))
                g_clear_pointer (&header, g_array_unref);
            }
          if (header != NULL && header->len > n && header->len >= MIN_VALUE_COLUMNS && header->len <= 4 * n)
            {
              n = header->len;
              g_free (anchors);
              anchors = g_memdup2 (header->data, n * sizeof (double));
            }
          else if (above->len > n && fill_blank_columns (full, (double *) above->data, above->len))
            {
              n = above->len;
              g_free (anchors);
              anchors = g_memdup2 (above->data, n * sizeof (double));
            }
        }
      if (ordered && n >= MIN_VALUE_COLUMNS)
        {
          for (guint r = i; r < end; r++)
            {
              VLine *row = g_ptr_array_index (lines, r);

              if (!row->merged && r != widest && row->frags->len - first_value_frag (row) < n)
                fill_blank_columns (row, anchors, n);
            }
          g_array_set_size (above, 0);
          g_array_append_vals (above, anchors, n);
          above_spacing = G_MAXDOUBLE;
          for (guint k = 0; k + 1 < n; k++)
            above_spacing = MIN (above_spacing, anchors[k + 1] - anchors[k]);
        }
      i = end;
    }
}

static void
append_page_text (GString   *out,
                  GArray    *glyphs,
                  double     page_height)
{
  g_autoptr(GPtrArray) lines = build_lines (glyphs);

  g_ptr_array_sort (lines, compare_vline_y);
  drop_page_numbers (lines, page_height);
  join_vertical_labels (lines);
  join_wrapped_labels (lines);
  mark_blank_cells (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      VLine *line = g_ptr_array_index (lines, i);
      g_autofree char *text = NULL;

      if (line->merged)
        continue;
      text = vline_dup_text (line);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

char *
nb_reader_pdf_extract (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  NbPdfDoc *document = NULL;
  NbPdfOpenResult result;
  g_autofree char *message = NULL;
  g_autoptr(GString) out = NULL;
  guint budget = MAX_GLYPHS;
  guint n_glyphs = 0;
  int n_pages;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_EMPTY, _("The PDF file is empty"));
      return NULL;
    }

  document = nb_pdf_doc_open (data, len, &result, &message);
  if (document == NULL)
    {
      if (result == NB_PDF_OPEN_ENCRYPTED)
        g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCRYPTED,
                             _("The PDF document is encrypted; open it with its password and "
                               "save an unprotected copy"));
      else
        g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                     _("The PDF document is damaged and cannot be read: %s"),
                     message != NULL ? message : _("unknown error"));
      return NULL;
    }

  n_pages = nb_pdf_doc_n_pages (document);
  if (n_pages <= 0)
    {
      nb_pdf_doc_free (document);
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The PDF document is damaged: it has no pages"));
      return NULL;
    }
  if (n_pages > MAX_PAGES)
    {
      g_debug ("PDF has %d pages, reading the first %d", n_pages, MAX_PAGES);
      n_pages = MAX_PAGES;
    }

  out = g_string_new (NULL);
  for (int i = 0; i < n_pages && budget > 0; i++)
    {
      g_autoptr(GArray) glyphs = NULL;
      double width = 0, height = 0;

      if (!nb_pdf_doc_page_size (document, i, &width, &height))
        continue;
      glyphs = collect_glyphs (document, i, &budget, width, &height);
      n_glyphs += glyphs->len;
      append_page_text (out, glyphs, height);
    }
  nb_pdf_doc_free (document);

  if (n_glyphs == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_NO_TEXT,
                           _("The PDF document has no text layer; it looks like a scan. "
                             "Run text recognition (OCR) on it first, or find the report as "
                             "a web page or Word document"));
      return NULL;
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
