/* nb-check-figures.c — every figure the prose gives, against the tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One mechanism for every kind of figure: the grammar in the template's description says,
 * for each kind, the words that name it, the cell or sum of cells it speaks of
 * and its unit. A figure is a number with its unit (件, 万元, %); its phrase
 * is the nearest words before it (“予以公开 5 件”), or for some kinds just
 * after it (“3 件结转下年度”), with only filler words between them.
 *
 * A sentence may speak for less than the whole report: a channel, a
 * department, last year, one part of another figure (“其中…”). A figure is
 * compared only when every word before it in its clause is one of a few
 * known to keep the whole scope (the year, the agency, 共, 全年…), and the
 * clauses before it in the sentence name no channel, department or
 * comparison; a 其中 clause only when the figure it divides was compared
 * itself. Whatever is not known to speak for the report is left alone.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

/* The grammar itself is the template's description (src/core/template/template-*.json,
 * keys "figures", "claims" and "figure_words"): nb-template.h's NbTemplateFigure. */
typedef NbTemplateFigure FigurePhrase;
typedef NbTemplateClaim FigureClaim;

/* ------------------------------------------------------------------ */
/* The word lists, decoded once                                        */

typedef struct
{
  gunichar *s;
  guint     len;
} Word;

typedef struct
{
  Word   *w;
  guint   n;
  guint64 firsts[4];  /* a bit for the low eight bits of each word's first character */
} Words;

typedef struct
{
  const NbTemplate *tpl;
  Words            *keys;          /* one per figure */
  Words            *claim_keys;    /* one per claim */
  Words            *claim_unless;
  Words             any_claim;     /* every claim's words: most positions start none */
  Words             gap, scope, comparison, narrowing;
} Grammar;

static void
words_add (Words      *ws,
           const char *utf8,
           gssize      len)
{
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast (utf8, len, &n);

  ws->w = g_renew (Word, ws->w, ws->n + 1);
  ws->w[ws->n++] = (Word) { u, n };
  ws->firsts[(u[0] >> 6) & 3] |= G_GUINT64_CONSTANT (1) << (u[0] & 63);
}

static void
words_from_list (Words             *ws,
                 const char *const *list)
{
  for (guint i = 0; list[i]; i++)
    words_add (ws, list[i], -1);
}

static void
words_from_keys (Words      *ws,
                 const char *keys)
{
  for (const char *k = keys; *k;)
    {
      const char *bar = strchr (k, '|');
      gssize len = bar ? bar - k : (gssize) strlen (k);

      if (len > 0)
        words_add (ws, k, len);
      k += len + (bar ? 1 : 0);
    }
}

/* Built the first time, for each edition, kept for the life of the process */
static const Grammar *
grammar_get (NbEdition edition)
{
  static gsize once[NB_N_EDITIONS];
  static Grammar grammars[NB_N_EDITIONS];
  Grammar *g = &grammars[edition];

  if (g_once_init_enter (&once[edition]))
    {
      const NbTemplate *tpl = nb_template_get (edition);

      g->tpl = tpl;
      g->keys = g_new0 (Words, tpl->n_figures);
      for (guint k = 0; k < tpl->n_figures; k++)
        words_from_keys (&g->keys[k], tpl->figures[k].keys);
      g->claim_keys = g_new0 (Words, tpl->n_claims);
      g->claim_unless = g_new0 (Words, tpl->n_claims);
      for (guint k = 0; k < tpl->n_claims; k++)
        {
          words_from_keys (&g->claim_keys[k], tpl->claims[k].keys);
          words_from_keys (&g->any_claim, tpl->claims[k].keys);
          if (tpl->claims[k].unless)
            words_from_keys (&g->claim_unless[k], tpl->claims[k].unless);
        }
      words_from_list (&g->gap, tpl->figure_words[NB_FIGURE_WORDS_GAP]);
      words_from_list (&g->scope, tpl->figure_words[NB_FIGURE_WORDS_SCOPE]);
      words_from_list (&g->comparison, tpl->figure_words[NB_FIGURE_WORDS_COMPARISON]);
      words_from_list (&g->narrowing, tpl->figure_words[NB_FIGURE_WORDS_NARROWING]);
      g_once_init_leave (&once[edition], 1);
    }
  return g;
}

/* ------------------------------------------------------------------ */
/* The prose, as sentences                                             */

/* The normalised text without its blanks (but one between two digits), with the line
 * breaks a PDF puts inside a paragraph taken out; at[] gives each character's
 * normalised position. */
typedef struct
{
  NbReport  *report;
  GPtrArray *out;
  NbEdition  edition;
  gunichar  *s;
  guint     *at;
  guint      n;
  gunichar  *agency;
  guint      agency_len;
  const Grammar *g;
} Prose;

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

static gboolean
is_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:  /* 一 二 三 四 五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:  /* 六 七 八 九 十 */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == '\n' || c == ';' || c == '!' || c == '?';
}

static gboolean
is_clause_end (gunichar c)
{
  return is_sentence_end (c) || c == ',' || c == ':' || c == '(' || c == ')';
}

/* A line that starts a paragraph of its own: "(一)…", "一、…", "1.…" */
static gboolean
starts_paragraph (const gunichar *s,
                  guint           a,
                  guint           b)
{
  if (a >= b)
    return TRUE;
  if (s[a] == '(')
    return TRUE;
  if (a + 1 < b && (is_numeral (s[a]) || is_digit (s[a])) &&
      (s[a + 1] == 0x3001 || s[a + 1] == '.'))
    return TRUE;
  return FALSE;
}

static void
prose_init (Prose     *p,
            NbReport  *report,
            GPtrArray *out)
{
  const gunichar *s = report->text->norm;
  guint n = report->text->n_norm;
  gboolean join = FALSE;

  p->report = report;
  p->g = grammar_get (report->edition);
  p->out = out;
  p->edition = report->edition;
  p->s = g_new (gunichar, n + 1);
  p->at = g_new (guint, n + 1);
  p->n = 0;

  for (guint pos = 0; pos < n;)
    {
      guint ls = pos, le = pos, a, b, visible = 0;
      gboolean tab = FALSE;

      while (le < n && s[le] != '\n')
        tab |= s[le++] == '\t';
      pos = le + 1;
      a = ls;
      b = le;
      while (a < b && is_blank (s[a]))
        a++;
      while (b > a && is_blank (s[b - 1]))
        b--;

      /* the line before ran on into this one, or a break ends it */
      if (p->n > 0 && !(join && a < b && !tab && !starts_paragraph (s, a, b)))
        {
          p->s[p->n] = '\n';
          p->at[p->n++] = ls > 0 ? ls - 1 : 0;
        }
      for (guint i = a; i < b; i++)
        {
          if (is_blank (s[i]))
            {
              /* a blank between two digits keeps them apart */
              if (p->n > 0 && is_digit (p->s[p->n - 1]) && i + 1 < b && is_digit (s[i + 1]))
                {
                  p->s[p->n] = tab ? '\n' : ' ';
                  p->at[p->n++] = i;
                }
              continue;
            }
          p->s[p->n] = s[i];
          p->at[p->n++] = i;
          visible++;
        }
      /* a PDF's line that stops in mid-sentence runs on into the next */
      join = !tab && visible >= 15 && !is_sentence_end (s[b - 1]) && s[b - 1] != ':';
    }
  p->s[p->n] = 0;
  p->at[p->n] = n;

  p->agency = NULL;
  p->agency_len = 0;
  if (report->agency)
    {
      g_autofree char *nfkc = g_utf8_normalize (report->agency, -1, G_NORMALIZE_NFKC);
      glong len = 0;

      p->agency = g_utf8_to_ucs4_fast (nfkc ? nfkc : report->agency, -1, &len);
      p->agency_len = len;
    }
}

static void
prose_clear (Prose *p)
{
  g_clear_pointer (&p->s, g_free);
  g_clear_pointer (&p->at, g_free);
  g_clear_pointer (&p->agency, g_free);
}

static gboolean
match_at (const Prose *p,
          guint        pos,
          guint        end,
          const char  *utf8,
          gssize       len,
          guint       *after)
{
  const char *u = utf8, *stop = len < 0 ? NULL : utf8 + len;

  for (; *u && (stop == NULL || u < stop); u = g_utf8_next_char (u), pos++)
    if (pos >= end || p->s[pos] != g_utf8_get_char (u))
      return FALSE;
  if (after)
    *after = pos;
  return TRUE;
}

/* Whether a word of @ws may start with @c: most characters start none */
static inline gboolean
may_start (const Words *ws,
           gunichar     c)
{
  return (ws->firsts[(c >> 6) & 3] >> (c & 63)) & 1;
}

/* The longest of @ws at @pos (before @end), or 0 */
static guint
longest_word (const Prose *p,
              guint        pos,
              guint        end,
              const Words *ws)
{
  guint best = 0;

  if (pos >= end || !may_start (ws, p->s[pos]))
    return 0;
  for (guint k = 0; k < ws->n; k++)
    {
      const Word *w = &ws->w[k];

      if (w->len > best && pos + w->len <= end && p->s[pos] == w->s[0] &&
          memcmp (p->s + pos, w->s, w->len * sizeof (gunichar)) == 0)
        best = w->len;
    }
  return best;
}

static gboolean
contains_any (const Prose *p,
              guint        from,
              guint        to,
              const Words *ws)
{
  for (guint i = from; i < to; i++)
    if (may_start (ws, p->s[i]) && longest_word (p, i, to, ws))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */

typedef struct
{
  guint      start, end;  /* the number */
  guint      after;       /* past its unit */
  double     value;       /* in the phrase's unit: 万元 for amounts */
  double     tolerance;   /* the last digit written, in that unit */
  NbFigureUnit unit;
  gunichar   counter;
} Figure;

static gboolean
is_unit_counter (gunichar c)
{
  switch (c)
    {
    case 0x4EF6: case 0x4E2A: case 0x8D77: case 0x6761:  /* 件 个 起 条 */
    case 0x4EFD: case 0x5B97: case 0x7BC7: case 0x9879:  /* 份 宗 篇 项 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* A number and its unit at @pos */
static gboolean
read_figure (const Prose *p,
             guint        pos,
             guint        end,
             Figure      *f)
{
  guint i = pos, decimals = 0;
  double v = 0, scale = 1;
  gboolean point = FALSE;

  if (pos >= end || !is_digit (p->s[pos]) ||
      (pos > 0 && (is_digit (p->s[pos - 1]) || p->s[pos - 1] == '.' ||
                   (p->s[pos - 1] == ',' && pos > 1 && is_digit (p->s[pos - 2])))))
    return FALSE;
  for (; i < end && (is_digit (p->s[i]) || (p->s[i] == '.' && !point && i + 1 < end && is_digit (p->s[i + 1]))); i++)
    {
      if (p->s[i] == '.')
        {
          point = TRUE;
          continue;
        }
      if (point)
        decimals++, scale /= 10, v += (p->s[i] - '0') * scale;
      else
        v = v * 10 + (p->s[i] - '0');
    }
  if (i - pos > 15)
    return FALSE;
  f->start = pos;
  f->end = i;
  f->value = v;
  f->tolerance = pow (10, -(double) decimals);
  f->counter = 0;
  if (i < end && (p->s[i] == 0x4F59 || p->s[i] == 0x591A || p->s[i] == 0x8FD1))  /* 余 多 近: not exact */
    return FALSE;
  if (i < end && p->s[i] == '%')
    {
      f->unit = NB_FIGURE_PERCENT;
      f->after = i + 1;
      return TRUE;
    }
  if (match_at (p, i, end, "万元", -1, &f->after))
    {
      f->unit = NB_FIGURE_AMOUNT;
      return TRUE;
    }
  if (i < end && p->s[i] == 0x5143)  /* 元 */
    {
      f->unit = NB_FIGURE_AMOUNT;
      f->value /= 10000;
      f->tolerance /= 10000;
      f->after = i + 1;
      return TRUE;
    }
  if (point || i >= end || !is_unit_counter (p->s[i]))
    return FALSE;
  /* 20 个工作日, 3 个月, 件次 */
  if (match_at (p, i + 1, end, "工作日", -1, NULL) || match_at (p, i + 1, end, "月", -1, NULL) ||
      match_at (p, i + 1, end, "小时", -1, NULL) || match_at (p, i + 1, end, "次", -1, NULL) ||
      match_at (p, i + 1, end, "人", -1, NULL))
    return FALSE;
  f->unit = NB_FIGURE_COUNT;
  f->counter = p->s[i];
  f->after = i + 1;
  return TRUE;
}

/* The year written at @pos as “2021年”, or 0 */
static int
year_at (const Prose *p,
         guint        pos,
         guint        to)
{
  int y = 0;

  if (pos + 5 > to || (pos > 0 && is_digit (p->s[pos - 1])) || p->s[pos + 4] != 0x5E74)
    return 0;
  for (guint i = pos; i < pos + 4; i++)
    {
      if (!is_digit (p->s[i]))
        return 0;
      y = y * 10 + (p->s[i] - '0');
    }
  return y;
}

/* Whether [from, to) is made of @words only (and the report's year, and its agency) */
static gboolean
only_words (const Prose *p,
            guint        from,
            guint        to,
            const Words *words)
{
  guint i = from;

  while (i < to)
    {
      guint best = 0;

      /* the report's year: 2021 年 */
      if (p->report->year > 0 && year_at (p, i, to) == p->report->year)
        best = 5;
      if (p->agency_len > 0 && i + p->agency_len <= to &&
          memcmp (p->s + i, p->agency, p->agency_len * sizeof (gunichar)) == 0)
        best = MAX (best, p->agency_len);
      best = MAX (best, longest_word (p, i, to, words));
      if (best == 0)
        return FALSE;
      i += best;
    }
  return TRUE;
}

/* A year other than the report's in [from, to) */
static gboolean
other_year (const Prose *p,
            guint        from,
            guint        to)
{
  for (guint i = from; i < to; i++)
    {
      int y = year_at (p, i, to);

      if (y > 0 && y != p->report->year)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

#define MAX_TERMS 8

/* One reading of a phrase: the cells it adds up */
typedef struct
{
  int    cells[MAX_TERMS];
  guint  n;
  double value;
  gboolean known;
} Reading;

#define MAX_READINGS 3

typedef struct
{
  Reading r[MAX_READINGS];
  guint   n;
} Readings;

static void
add_term (Prose      *p,
          Reading    *r,
          const char *id,
          gsize       len,
          gboolean   *ok)
{
  g_autofree char *s = g_strndup (id, len);
  int cell = nb_schema_lookup (p->edition, s);
  NbCell *c;

  if (cell < 0 || r->n >= MAX_TERMS)
    {
      *ok = FALSE;
      return;
    }
  c = &p->report->cells[cell];
  r->cells[r->n++] = cell;
  if (c->has_value)
    r->value += c->value;
  else
    r->known = FALSE;
}

/* The readings of @spec, "a+b|c"; @group, when set, prefixes every id ("appeals.review.") */
static void
resolve (Prose      *p,
         const char *spec,
         const char *const *groups,
         Readings   *out)
{
  out->n = 0;
  for (const char *k = spec; k && *k && out->n < MAX_READINGS;)
    {
      const char *bar = strchr (k, '|');
      gsize len = bar ? (gsize) (bar - k) : strlen (k);
      Reading r = { .known = TRUE };
      gboolean ok = TRUE;

      for (const char *t = k; t < k + len;)
        {
          const char *plus = memchr (t, '+', k + len - t);
          gsize tl = plus ? (gsize) (plus - t) : (gsize) (k + len - t);

          if (groups)
            for (guint g = 0; groups[g]; g++)
              {
                g_autofree char *id = g_strdup_printf ("appeals.%s.%.*s", groups[g], (int) tl, t);

                add_term (p, &r, id, strlen (id), &ok);
              }
          else
            add_term (p, &r, t, tl, &ok);
          t += tl + (plus ? 1 : 0);
        }
      if (ok && r.n > 0)
        out->r[out->n++] = r;
      k += len + (bar ? 1 : 0);
    }
}

static gboolean
any_known (const Readings *rs)
{
  for (guint i = 0; i < rs->n; i++)
    if (rs->r[i].known)
      return TRUE;
  return FALSE;
}

static const Reading *
first_known (const Readings *rs)
{
  for (guint i = 0; i < rs->n; i++)
    if (rs->r[i].known)
      return &rs->r[i];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Findings                                                            */

static NbSpan
prose_span (Prose *p,
         guint  start,
         guint  end)
{
  return nb_report_norm_span (p->report, p->at[start], p->at[end - 1] + 1);
}

static char *
slice (Prose *p,
       guint  start,
       guint  end)
{
  NbSpan sp = prose_span (p, start, end);
  const char *text = p->report->text->decoded;
  const char *a, *b;

  if (!nb_span_is_set (sp))
    return g_strdup ("");
  a = g_utf8_offset_to_pointer (text, sp.start);
  b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
  {
    /* as one line: a PDF's text breaks inside sentences */
    GString *out = g_string_sized_new (b - a);

    for (const char *c = a; c < b; c++)
      if (*c != '\n' && *c != '\r')
        g_string_append_c (out, *c);
    return g_string_free (out, FALSE);
  }
}

static NbFinding *
mismatch (Prose         *p,
          guint          start,
          guint          end,
          NbMessage     *m,
          const Reading *r)
{
  NbFinding *f = nb_message_to_finding (m, NB_SEVERITY_ERROR);

  nb_finding_add_span (f, prose_span (p, start, end));
  for (guint i = 0; r && i < r->n; i++)
    {
      nb_finding_add_cell (f, r->cells[i]);
      nb_finding_add_span (f, p->report->cells[r->cells[i]].span);
    }
  g_ptr_array_add (p->out, f);
  return f;
}

/* Which wording a figure's mismatch takes: section 四's figures name their group (行政复议 or
 * 行政诉讼, as the cell read), an amount its unit */
static const char *
figure_key (Prose              *p,
            const FigurePhrase *ph,
            const Reading      *r)
{
  gboolean review = strstr (nb_schema_get_cell (p->edition, r->cells[0])->id, ".review.") != NULL;

  if (ph->flags & NB_FIGURE_APPEAL)
    return review ? "review" : "lawsuit";
  if (ph->unit == NB_FIGURE_AMOUNT)
    return "amount";
  return "count";
}

static char *
format_amount (double v)
{
  /* up to four decimals, as the template asks, without trailing zeros */
  g_autofree char *s = g_strdup_printf ("%.4f", v);
  char *e = s + strlen (s);

  while (e > s && e[-1] == '0')
    *--e = 0;
  if (e > s && e[-1] == '.')
    *--e = 0;
  return g_steal_pointer (&s);
}

/* ------------------------------------------------------------------ */
/* The scan                                                            */

typedef struct
{
  const FigurePhrase *phrase;
  guint               key_start, key_end;
} Match;

/* The phrase whose words end nearest before @f in [cs, f->start), with only gap words between */
static gboolean
match_before (Prose        *p,
              guint         cs,
              const Figure *f,
              Match        *m)
{
  gboolean found = FALSE;

  for (guint i = cs; i < f->start; i++)
    for (guint k = 0; k < p->g->tpl->n_figures; k++)
      {
        guint len = longest_word (p, i, f->start, &p->g->keys[k]);

        if (len == 0)
          continue;
        /* the nearest end; at the same end, the longest words */
        if (!found || i + len > m->key_end || (i + len == m->key_end && i < m->key_start))
          {
            m->phrase = &p->g->tpl->figures[k];
            m->key_start = i;
            m->key_end = i + len;
            found = TRUE;
          }
      }
  return found && only_words (p, m->key_end, f->start, &p->g->gap);
}

/* “3 件[已]结转下年度”: the words just after the figure */
static gboolean
match_after (Prose        *p,
             guint         ce,
             const Figure *f,
             Match        *m)
{
  static const char *const fillers[] = { "已依法", "已", "均", "依法", "为", "申请", NULL };
  guint at = f->after, best = 0;

  for (guint k = 0; fillers[k]; k++)
    {
      guint after;

      if (match_at (p, at, ce, fillers[k], -1, &after))
        {
          at = after;
          break;
        }
    }
  for (guint k = 0; k < p->g->tpl->n_figures; k++)
    if (p->g->tpl->figures[k].flags & NB_FIGURE_AFTER)
      {
        guint len = longest_word (p, at, ce, &p->g->keys[k]);

        if (len > best)
          {
            best = len;
            m->phrase = &p->g->tpl->figures[k];
            m->key_start = at;
            m->key_end = at + len;
          }
      }
  return best > 0;
}

typedef struct
{
  /* the last figure compared in this sentence, or in the one before when this opens */
  gboolean            have_last;
  double              last_value;
  /* the figure just before, in this sentence */
  gboolean            have_share;
  Readings            share_cells;
  const FigurePhrase *share_phrase;
  /* an enumeration opened by 其中 */
  gboolean            in_list;
  gboolean            list_whole;   /* what it divides speaks for the whole report */
  double              list_parts;   /* the parts it names that no phrase reads */
} Scope;

static void
compare (Prose        *p,
         const Match  *m,
         const Figure *f,
         guint         ss,
         guint         se,
         Scope        *sc)
{
  const FigurePhrase *ph = m->phrase;
  guint ps = MIN (m->key_start, f->start), pe = MAX (m->key_end, f->after);
  g_autofree char *said = slice (p, ps, pe);
  Readings cells;

  /* 复议 or 诉讼: the one the sentence named last before the words */
  if (ph->flags & NB_FIGURE_APPEAL)
    {
      static const char *const review[] = { "review", NULL };
      static const char *const direct[] = { "litigation_direct", NULL };
      static const char *const after_review[] = { "litigation_after_review", NULL };
      static const char *const litigation[] = { "litigation_direct", "litigation_after_review", NULL };
      static const struct { const char *word; const char *const *groups; } names[] = {
        { "复议后起诉", after_review }, { "直接起诉", direct }, { "未经复议", direct },
        { "复议", review }, { "诉讼", litigation }, { "起诉", litigation },
      };
      const char *const *groups = NULL;

      for (guint i = ss; i < m->key_start; i++)
        for (guint k = 0; k < G_N_ELEMENTS (names); k++)
          if (match_at (p, i, se, names[k].word, -1, NULL))
            {
              groups = names[k].groups;
              i += g_utf8_strlen (names[k].word, -1) - 1;
              break;
            }
      if (groups == NULL)
        return;
      resolve (p, ph->cells, groups, &cells);
    }
  else if (ph->flags & NB_FIGURE_SHARE)
    {
      if (!sc->have_share || !g_str_has_prefix (sc->share_phrase->cells, "requests."))
        return;
      cells = sc->share_cells;
    }
  else
    resolve (p, ph->cells, NULL, &cells);

  if (!any_known (&cells))
    return;

  if (ph->unit == NB_FIGURE_PERCENT)
    {
      Readings per;
      const Reading *num = first_known (&cells), *den = NULL;
      double expected = 0;

      resolve (p, ph->per, NULL, &per);
      for (guint a = 0; a < cells.n; a++)
        for (guint b = 0; b < per.n; b++)
          {
            if (!cells.r[a].known || !per.r[b].known || per.r[b].value <= 0)
              continue;
            if (den == NULL)
              {
                den = &per.r[b];
                expected = 100 * num->value / den->value;
              }
            if (fabs (f->value - 100 * cells.r[a].value / per.r[b].value) < f->tolerance + 1e-9)
              return;
          }
      if (den == NULL)
        return;
      {
        g_autofree char *e = g_strdup_printf ("%.1f", expected);
        g_autoptr (NbMessage) msg = nb_message_new ("prose.table_mismatch", "percent");
        NbFinding *fd;

        nb_message_set (msg, "said", said);
        nb_message_set_lang (msg, "figure", ph->zh, ph->en);
        nb_message_set (msg, "percent", e);
        nb_message_set_number (msg, "numerator", num->value);
        nb_message_set_number (msg, "denominator", den->value);
        fd = mismatch (p, ps, pe, msg, num);

        for (guint i = 0; i < den->n; i++)
          {
            nb_finding_add_cell (fd, den->cells[i]);
            nb_finding_add_span (fd, p->report->cells[den->cells[i]].span);
          }
      }
      return;
    }

  for (guint i = 0; i < cells.n; i++)
    if (cells.r[i].known && fabs (cells.r[i].value - f->value) < (ph->unit == NB_FIGURE_AMOUNT ? f->tolerance : 0.5))
      return;
  {
    const Reading *r = first_known (&cells);
    g_autofree char *tv = ph->unit == NB_FIGURE_AMOUNT ? format_amount (r->value) : nb_format_number (r->value);
    g_autoptr (NbMessage) msg = nb_message_new ("prose.table_mismatch", figure_key (p, ph, r));

    nb_message_set (msg, "said", said);
    nb_message_set_lang (msg, "figure", ph->zh, ph->en);
    nb_message_set (msg, "value", tv);
    mismatch (p, ps, pe, msg, r);
  }
}

/* Whether [from, to) holds @word */
static gboolean
holds (const Prose *p,
       guint        from,
       guint        to,
       const char  *word)
{
  for (guint i = from; i < to; i++)
    if (match_at (p, i, to, word, -1, NULL))
      return TRUE;
  return FALSE;
}

static void
scan_sentence (Prose *p,
               guint  ss,
               guint  se,
               Scope *sc)
{
  gboolean narrowed = FALSE;

  /* a 其中 opening the sentence divides the figure of the sentence before */
  sc->in_list = FALSE;
  sc->have_share = FALSE;
  for (guint cs = ss, ce; cs < se; cs = ce + 1)
    {
      guint body = cs;
      gboolean speaks, counted = FALSE, narrowing = FALSE;

      for (ce = cs; ce < se && !is_clause_end (p->s[ce]); ce++)
        {
          /* “A 件、B 件”: a list of figures is a list of clauses */
          if (p->s[ce] == 0x3001 && ce > cs &&
          (is_unit_counter (p->s[ce - 1]) || p->s[ce - 1] == 0x5143 || p->s[ce - 1] == '%'))
            break;
        }

      if (match_at (p, cs, ce, "其中", -1, &body))
        {
          sc->list_whole = sc->have_last &&
                           (sc->list_parts == 0 || fabs (sc->list_parts - sc->last_value) < 0.5);
          sc->in_list = TRUE;
          sc->list_parts = 0;
        }

      speaks = !narrowed && !contains_any (p, cs, ce, &p->g->comparison) && (!sc->in_list || sc->list_whole);

      for (guint i = body; i < ce; i++)
        {
          Figure f;
          Match m = { 0 };
          gboolean found, whole;

          if (!is_digit (p->s[i]) || !read_figure (p, i, ce, &f))
            continue;
          found = match_before (p, body, &f, &m);
          if (found)
            whole = only_words (p, body, m.key_start, &p->g->scope);
          else if ((found = match_after (p, ce, &f, &m)))
            whole = only_words (p, body, f.start, &p->g->scope);
          else
            whole = FALSE;
          /* “[其中]通过网络平台收到 7 件，予以公开 3 件”: the list, or the sentence, speaks of a part
           * from there on */
          if (found && !whole && sc->in_list)
            sc->list_whole = speaks = FALSE;
          else if (found && !whole)
            narrowing = TRUE;

          if (found && m.phrase->unit == f.unit &&
              (f.unit != NB_FIGURE_COUNT || m.phrase->counters == NULL ||
               g_utf8_strchr (m.phrase->counters, -1, f.counter)))
            {
              whole = whole && speaks && !other_year (p, ss, f.start) &&
                      (m.phrase->context == NULL || holds (p, ss, ce, m.phrase->context));
              if (whole)
                compare (p, &m, &f, ss, se, sc);
              if (f.unit == NB_FIGURE_COUNT)
                {
                  /* what a share (占比) that follows is a share of */
                  sc->have_share = whole && !(m.phrase->flags & (NB_FIGURE_APPEAL | NB_FIGURE_SHARE));
                  sc->share_phrase = m.phrase;
                  if (sc->have_share)
                    resolve (p, m.phrase->cells, NULL, &sc->share_cells);
                }
              if (!sc->in_list && f.unit == NB_FIGURE_COUNT)
                {
                  sc->have_last = whole;
                  sc->last_value = f.value;
                  sc->list_parts = 0;
                }
              counted = TRUE;
            }
          else if (f.unit == NB_FIGURE_COUNT)
            {
              /* a part no phrase reads: “其中网站申请 7 件” */
              if (sc->in_list)
                sc->list_parts += f.value;
              else
                sc->have_last = FALSE;
            }
          i = f.after - 1;
        }

      /* a clause before the figure's that narrows the sentence, or the list */
      if (!counted && contains_any (p, cs, ce, &p->g->narrowing))
        {
          if (sc->in_list)
            sc->list_whole = FALSE;
          else
            narrowing = TRUE;
        }
      narrowed |= narrowing;
      if (ce >= se)
        break;
    }
}

/* The claims of the sentence [ss, se): each one the tables contradict */
static void
check_claims (Prose *p,
              guint  ss,
              guint  se)
{
  for (guint i = ss; i < se; i++)
    for (guint k = 0; k < p->g->tpl->n_claims && may_start (&p->g->any_claim, p->s[i]) &&
                      longest_word (p, i, se, &p->g->any_claim); k++)
      {
        const FigureClaim *c = &p->g->tpl->claims[k];
        guint len = longest_word (p, i, se, &p->g->claim_keys[k]);
        Readings cells, other;
        const Reading *r, *o = NULL;

        if (len == 0 || contains_any (p, ss, i, &p->g->narrowing) || contains_any (p, ss, se, &p->g->claim_unless[k]))
          continue;
        resolve (p, c->cells, NULL, &cells);
        if (c->equals)
          resolve (p, c->equals, NULL, &other);
        if ((r = first_known (&cells)) == NULL || (c->equals && (o = first_known (&other)) == NULL) ||
            r->value == (o ? o->value : 0))
          continue;
        if (o == NULL)
          {
            g_autoptr (NbMessage) m = nb_message_new ("prose.table_mismatch", "all_settled");

            nb_message_set_number (m, "carried", r->value);
            mismatch (p, i, i + len, m, r);
          }
        else
          {
            g_autoptr (NbMessage) m = nb_message_new ("prose.table_mismatch", "all_disclosed");

            nb_message_set_number (m, "disclosed", r->value);
            nb_message_set_number (m, "handled", o->value);
            mismatch (p, i, i + len, m, r);
          }
        i += len - 1;
        break;
      }
}

/* Most sentences give no figure at all: those are passed over at once */
static gboolean
has_figure (const Prose *p,
            guint        ss,
            guint        se)
{
  for (guint i = ss; i < se; i++)
    if (is_digit (p->s[i]))
      {
        Figure f;

        if (read_figure (p, i, se, &f))
          return TRUE;
        while (i + 1 < se && is_digit (p->s[i + 1]))
          i++;
      }
  return FALSE;
}

void
nb_check_figures (Checker *ck)
{
  Prose p;
  Scope sc = { 0 };

  prose_init (&p, ck->report, ck->out);
  for (guint ss = 0, se; ss < p.n; ss = se + 1)
    {
      gboolean opens_list;

      for (se = ss; se < p.n && !is_sentence_end (p.s[se]); se++)
        ;
      opens_list = match_at (&p, ss, se, "其中", -1, NULL);
      if (!opens_list)
        sc.have_last = FALSE;
      sc.list_parts = opens_list ? sc.list_parts : 0;
      check_claims (&p, ss, se);
      if (se > ss && has_figure (&p, ss, se))
        scan_sentence (&p, ss, se, &sc);
      else if (!opens_list)
        sc.have_last = FALSE;
      if (se >= p.n)
        break;
    }
  prose_clear (&p);
}
