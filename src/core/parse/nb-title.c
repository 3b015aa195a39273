/* nb-title.c — the edition, the title's agency and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

#define MAX_TITLE_REGION 4000     /* characters the title is looked for in, without section 二's heading */
#define MAX_TITLE_LINES 64        /* non-blank lines looked at for the title */
#define MAX_TITLE_LINE 60         /* characters of a line that may be the title */
#define MAX_TITLE_LINES_BEFORE 2  /* lines before the title that may hold the agency's name */
#define MAX_AGENCY_LINE 40        /* characters of such a line */
#define MAX_TITLE_CHARS 160       /* a title's visible characters kept, those lines with it */
#define MAX_NEEDLE_CHARS 16       /* characters of a phrase looked for in a title */
#define MAX_AGENCY_CHARS 40       /* an agency's name is no longer */
#define MIN_YEAR 1990             /* the years a report's title may name */
#define MAX_YEAR 2100

#define MAX_MARKERS 32       /* the markers of all editions */
#define MAX_MARKER_CHARS 12  /* a marker's characters that are compared */

/* The labels only one edition's tables print (each description's "markers"),
 * as characters, with the edition each stands for */
typedef struct
{
  guint     n;
  gunichar  c[MAX_MARKERS][MAX_MARKER_CHARS];
  guint     len[MAX_MARKERS];
  NbEdition edition[MAX_MARKERS];
  guint64   first_chars;  /* bit c % 64 for the first character c of each marker */
} Markers;

static const Markers *
get_markers (void)
{
  static Markers m;
  static gsize init;

  if (g_once_init_enter (&init))
    {
      for (guint e = 0; e < NB_N_EDITIONS; e++)
        {
          const NbTemplate *tpl = nb_template_get (e);

          for (guint k = 0; k < tpl->n_markers && m.n < MAX_MARKERS; k++, m.n++)
            {
              m.edition[m.n] = e;
              for (const char *c = tpl->markers[k]; *c && m.len[m.n] < MAX_MARKER_CHARS; c = g_utf8_next_char (c))
                m.c[m.n][m.len[m.n]++] = g_utf8_get_char (c);
              m.first_chars |= G_GUINT64_CONSTANT (1) << (m.c[m.n][0] % 64);
            }
        }
      g_once_init_leave (&init, 1);
    }
  return &m;
}

/* Counts the markers of each edition in one pass over the text: the edition
 * with the most wins, the newest on a tie. */
NbEdition
nb_parse_detect_edition (Parser *p)
{
  const Markers *m = get_markers ();
  gboolean seen[MAX_MARKERS] = { 0 };
  guint count[NB_N_EDITIONS] = { 0 };
  NbEdition best = NB_EDITION_2021;

  for (guint i = 0; i < p->n_norm; i++)
    {
      gunichar c = p->norm[i];

      if (c < 0x4E00 || !(m->first_chars & (G_GUINT64_CONSTANT (1) << (c % 64))))
        continue;
      for (guint k = 0; k < m->n; k++)
        if (m->c[k][0] == c && !seen[k] && i + m->len[k] <= p->n_norm &&
            memcmp (p->norm + i, m->c[k], m->len[k] * sizeof (gunichar)) == 0)
          {
            seen[k] = TRUE;
            count[m->edition[k]]++;
          }
    }
  for (guint e = 0; e < NB_N_EDITIONS; e++)
    if (count[e] > count[best])
      best = e;
  return best;
}

/* A title's characters without blanks, each with its normalised position */
typedef struct
{
  gunichar c[MAX_TITLE_CHARS];
  guint    pos[MAX_TITLE_CHARS];
  guint    n;
} Title;

static void
title_append (Title  *t,
              Parser *p,
              guint   start,
              guint   end)
{
  for (guint i = start; i < end && t->n < G_N_ELEMENTS (t->c); i++)
    if (!is_space (p->norm[i]))
      {
        t->c[t->n] = p->norm[i];
        t->pos[t->n++] = i;
      }
}

static guint
title_find (const Title *t,
            const char  *needle,
            guint        from)
{
  gunichar n[MAX_NEEDLE_CHARS];
  guint len = 0;

  for (const char *c = needle; *c && len < G_N_ELEMENTS (n); c = g_utf8_next_char (c))
    n[len++] = g_utf8_get_char (c);
  for (guint i = from; i + len <= t->n; i++)
    if (memcmp (t->c + i, n, len * sizeof (gunichar)) == 0)
      return i;
  return G_MAXUINT;
}

/* The year of a title: four digits (1990–2100) followed by 年; its index or G_MAXUINT */
static guint
title_year (const Title *t,
            int         *year)
{
  for (guint i = 0; i + 4 < t->n; i++)
    if (is_digit (t->c[i]) && is_digit (t->c[i + 1]) && is_digit (t->c[i + 2]) && is_digit (t->c[i + 3]) &&
        t->c[i + 4] == 0x5E74 /* 年 */ && (i == 0 || !is_digit (t->c[i - 1])))
      {
        int y = (t->c[i] - '0') * 1000 + (t->c[i + 1] - '0') * 100 + (t->c[i + 2] - '0') * 10 + (t->c[i + 3] - '0');

        if (y >= MIN_YEAR && y <= MAX_YEAR)
          {
            *year = y;
            return i;
          }
      }
  return G_MAXUINT;
}

/* The agency in a title: what is left of it without "关于", the year and
 * the name of the document ("政府信息公开工作年度报告"), wherever the
 * year stands. [*a, *b) in the title's characters; FALSE when nothing is. */
static gboolean
title_agency (const Title *t,
              guint        year_at,
              guint       *a,
              guint       *b)
{
  static const char *const doc_names[] = {
    "政府信息公开", "政务公开", "信息公开", "年度报告", "年报", "工作报告",
  };
  guint start = 0, end = t->n;

  for (guint i = 0; i < t->n; i++)
    if (t->c[i] == ':')
      start = i + 1;
  if (title_find (t, "关于", start) == start)
    start += 2;
  if (year_at == start)
    {
      start += 5;  /* "2019年" */
      if (start < t->n && t->c[start] == 0x5EA6 /* 度 */)
        start++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (doc_names); i++)
    {
      guint at = title_find (t, doc_names[i], start);

      if (at != G_MAXUINT && at < end)
        end = at;
    }
  if (year_at != G_MAXUINT && year_at > start && year_at < end)
    end = year_at;
  /* "…县人民政府信息公开…": the 政府 of the name doubles as the document's */
  if (end + 6 <= t->n && end >= 2 && t->c[end - 2] == 0x4EBA && t->c[end - 1] == 0x6C11 /* 人民 */ &&
      title_find (t, "政府信息公开", end) == end)
    end += 2;
  while (end > start && (t->c[end - 1] == 0x7684 /* 的 */ || !is_cjk (t->c[end - 1])))
    end--;
  if (end < start + 2 || end - start > MAX_AGENCY_CHARS)
    return FALSE;
  *a = start;
  *b = end;
  return TRUE;
}

/* The title: the first short line, before section 二, that names a report
 * ("报告"/"年报") and a year, or failing that one with 年度报告; the line
 * or two before it join it when it does not name the agency itself
 * ("瑞金市人民政府办公室" / "2021年政府信息公开工作年度报告"). */
void
nb_parse_find_title (Parser *p)
{
  const gunichar *s = p->norm;
  guint limit = p->heading[1] != G_MAXUINT ? p->heading[1] : MIN (p->n_norm, MAX_TITLE_REGION);
  guint lines[MAX_TITLE_LINES][2], n_lines = 0, title = G_MAXUINT;  /* start, end */

  for (guint pos = 0; pos < limit && n_lines < G_N_ELEMENTS (lines);)
    {
      guint a = pos, b;

      while (pos < limit && s[pos] != '\n')
        pos++;
      b = pos++;
      while (a < b && is_space (s[a]))
        a++;
      while (b > a && is_space (s[b - 1]))
        b--;
      if (a == b)
        continue;
      lines[n_lines][0] = a;
      lines[n_lines][1] = b;
      n_lines++;
    }

  for (guint pass = 0; pass < 2 && title == G_MAXUINT; pass++)
    for (guint i = 0; i < n_lines && title == G_MAXUINT; i++)
      {
        Title t = { { 0 } };
        int y;

        if (lines[i][1] - lines[i][0] > MAX_TITLE_LINE)
          continue;
        title_append (&t, p, lines[i][0], lines[i][1]);
        if (pass == 0 && (title_find (&t, "报告", 0) != G_MAXUINT || title_find (&t, "年报", 0) != G_MAXUINT) &&
            title_find (&t, "公开", 0) != G_MAXUINT && title_year (&t, &y) != G_MAXUINT)
          title = i;
        else if (pass == 1 && title_find (&t, "年度报告", 0) != G_MAXUINT)
          title = i;
      }
  if (title == G_MAXUINT)
    return;

  for (guint before = 0; before <= MAX_TITLE_LINES_BEFORE && before <= title; before++)
    {
      Title t = { { 0 } };
      guint year_at, a, b;
      int year = 0;

      if (before > 0 && lines[title - before][1] - lines[title - before][0] > MAX_AGENCY_LINE)
        break;
      for (guint i = title - before; i <= title; i++)
        title_append (&t, p, lines[i][0], lines[i][1]);
      year_at = title_year (&t, &year);
      if (year_at != G_MAXUINT && p->report->year == 0)
        {
          p->report->year = year;
          p->report->year_span = nb_report_norm_span (p->report, t.pos[year_at], t.pos[year_at + 3] + 1);
        }
      if (!title_agency (&t, year_at, &a, &b))
        continue;

      /* the name as printed when it is printed in one piece, else normalised */
      {
        GString *name = g_string_new (NULL);
        NbSpan span = nb_report_norm_span (p->report, t.pos[a], t.pos[b - 1] + 1);
        const char *text = p->report->text->decoded;
        const char *from = g_utf8_offset_to_pointer (text, span.start);
        const char *to = g_utf8_offset_to_pointer (from, span.end - span.start);

        for (guint i = a; i < b; i++)
          g_string_append_unichar (name, t.c[i]);
        p->report->agency = g_strndup (from, to - from);
        p->report->agency_span = span;
        if (strcmp (p->report->agency, name->str) != 0)
          {
            g_free (p->report->agency);
            p->report->agency = g_strdup (name->str);
          }
        g_string_free (name, TRUE);
      }
      break;
    }
}
