/* nb-review-copied.c — copied text (内容雷同) across a review set: series.copied_text
 *
 * Each report's prose (sections 一, 五 and 六, not the tables) is cut into
 * sentences, and each sentence reduced to its letters and ideographs, every run of
 * digits one '#' and the report's own name one '@', so that a passage copied from
 * another office or from last year reads the same after its names, years and
 * figures were changed.
 *
 * Identical sentences are merged first; each distinct sentence then gets a MinHash
 * signature of its 4-character shingles, and locality-sensitive hashing (bands of
 * the signature) gives the candidate pairs, whose shingle sets are compared exactly.
 * No pair of reports is compared as a whole, so a set of thousands takes seconds.
 *
 * Left out: sentences too short to say anything of their own; the template's stock
 * sentences (统计期限, 全文包括…); and any sentence that (nearly) the same is
 * written by many offices of the set, which is stock wording too. A passage
 * found in another office's report is reported in both; one found in the same
 * office's report of an earlier year, in the later one only.
 *
 * Whole reports are compared first. A second file of one office's report of one year
 * (the same own sentences: a hash of them) is a duplicate submission, said once in the
 * later file. Two reports that share nearly all their own sentences (counted per pair,
 * over the sentences few reports write) are a copy of a whole report, said in one
 * finding, however many offices sent it (enough copies make every sentence stock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-message-private.h"
#include "nb-report-private.h"
#include "nb-review-private.h"
#include "nb-text.h"

#define MIN_SENTENCE 20     /* characters, after reduction */
#define MAX_SENTENCE 600    /* a longer run without a full stop is cut */
#define SHORT_LINE 24       /* a line this short ends where it ends */
#define SHINGLE 4
#define N_BANDS 8
#define BAND_ROWS 3
#define N_HASHES (N_BANDS * BAND_ROWS)
#define MIN_JACCARD 0.7

/* sentences that every report writes, whatever it copied */
static const char *const stock_fragments[] = {
  "统计期限", "全文包括", "电子版", "有任何疑问", "如对本报告", "如有疑问", "联系电话", "邮政编码",
  "以公开为常态不公开为例外",
};

static gboolean
is_stop (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' ||
         c == ';' || c == 0xFF61 /* ｡ */;
}

/* The template's own wording, reduced as sentences are: its labels, headings and
 * column names, taken out of every sentence before sentences are compared. */
static const char *const template_words[] = {
  "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议行政诉讼情况",
  "政府信息公开行政复议和行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项", "信息内容",
  "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "单位", "万元",
  "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
  "总计", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉",
  "复议后起诉", "第二十条第一项", "第二十条第五项", "第二十条第六项", "第二十条第八项", "第二十条第九项",
  "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "处理决定数量",
  "采购项目数量", "采购总金额", "政府集中采购", "行政事业性收费",
};

typedef struct
{
  GHashTable *by_first;     /* first char → GPtrArray of gunichar* (0-ended), longest first */
  guint8      first[8192];  /* a bit per BMP code point that begins a label */
} Labels;

/* What a character is in a reduced sentence: 'a' kept, '0' a digit, 0 left out */
static inline char
char_kind (gunichar c)
{
  if (c < 0x80)
    return (c >= '0' && c <= '9') ? '0' : g_ascii_isalpha (c) ? 'a' : 0;
  if (c >= 0x4E00 && c <= 0x9FFF)
    return 'a';
  return g_unichar_isdigit (c) ? '0' : g_unichar_isalpha (c) ? 'a' : 0;
}

static void
reduce_into (GArray     *out,
             const char *s)
{
  for (const char *p = s; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), buf[18];
      guint n = 0;

      nb_text_normalize_char (c, buf, &n);
      for (guint k = 0; k < n; k++)
        {
          c = buf[k];
          if (g_unichar_isdigit (c))
            {
              if (out->len == 0 || g_array_index (out, gunichar, out->len - 1) != '#')
                {
                  gunichar hash = '#';

                  g_array_append_val (out, hash);
                }
            }
          else if (g_unichar_isalpha (c))
            {
              c = g_unichar_tolower (c);
              g_array_append_val (out, c);
            }
        }
    }
}

static int
compare_length (gconstpointer a,
                gconstpointer b)
{
  const gunichar *x = *(const gunichar *const *) a, *y = *(const gunichar *const *) b;
  guint nx = 0, ny = 0;

  while (x[nx])
    nx++;
  while (y[ny])
    ny++;
  return (int) ny - (int) nx;
}

static void
add_label (Labels     *labels,
           const char *label)
{
  g_autoptr(GArray) reduced = g_array_new (TRUE, FALSE, sizeof (gunichar));
  GPtrArray *list;
  gunichar first;

  reduce_into (reduced, label);
  if (reduced->len < 2)
    return;
  first = g_array_index (reduced, gunichar, 0);
  if (first < 0x10000)
    labels->first[first >> 3] |= 1 << (first & 7);
  list = g_hash_table_lookup (labels->by_first, GUINT_TO_POINTER (first));
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (labels->by_first, GUINT_TO_POINTER (first), list);
    }
  g_ptr_array_add (list, g_array_steal (reduced, NULL));
}

static const Labels *
get_labels (void)
{
  static Labels labels;

  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      GHashTable *by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      GHashTableIter iter;
      gpointer value;

      labels.by_first = by_first;

      for (guint i = 0; i < G_N_ELEMENTS (template_words); i++)
        add_label (&labels, template_words[i]);
      for (NbEdition ed = 0; ed < NB_N_EDITIONS; ed++)
        {
          for (guint item = 0; item < nb_schema_get_n_active_items (ed); item++)
            {
              add_label (&labels, nb_schema_get_active_item_label (ed, item));
              add_label (&labels, nb_schema_get_active_item_group (ed, item));
              for (guint f = 0; f < 3; f++)
                if (nb_schema_active_cell (ed, item, f) >= 0 &&
                    nb_schema_get_cell (ed, nb_schema_active_cell (ed, item, f))->row == item)
                  add_label (&labels, nb_schema_get_active_field_label (ed, item, f));
            }
          for (guint r = 0; r < nb_schema_get_n_request_rows (ed); r++)
            add_label (&labels, nb_schema_get_request_row_label (ed, r));
        }
      for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
        add_label (&labels, nb_schema_get_request_column_label (c));
      for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
        add_label (&labels, nb_schema_get_appeal_group_label (g));
      for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
        add_label (&labels, nb_schema_get_appeal_field_label (f));
      g_hash_table_iter_init (&iter, by_first);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_sort (value, compare_length);
      g_once_init_leave (&ready, 1);
    }
  return &labels;
}

/* The length of the template label at @c, or 0. */
static guint
label_at (const Labels   *labels,
          const gunichar *c,
          guint           n)
{
  GPtrArray *list;

  if (c[0] < 0x10000 && !(labels->first[c[0] >> 3] & (1 << (c[0] & 7))))
    return 0;
  list = g_hash_table_lookup (labels->by_first, GUINT_TO_POINTER (c[0]));
  for (guint l = 0; list && l < list->len; l++)
    {
      const gunichar *label = g_ptr_array_index (list, l);
      guint k = 0;

      while (label[k] && k < n && label[k] == c[k])
        k++;
      if (label[k] == 0)
        return k;
    }
  return 0;
}

/* the sentence being read: at most MAX_SENTENCE characters */
typedef struct
{
  gunichar chars[MAX_SENTENCE + 1];
  guint    src[MAX_SENTENCE + 1];
  guint    len;
} Buffer;

static void
add_sentence (NbDigest       *d,
              Buffer         *buf,
              const gunichar *self_name,
              guint           self_len)
{
  const Labels *labels = get_labels ();
  const gunichar *in = buf->chars;
  NbSentence s = { 0 };
  guint n = 0, n_labels = 0;

  if (buf->len < 2)
    goto done;
  s.chars = g_new (gunichar, buf->len);
  s.src = g_new (guint, buf->len);
  for (guint i = 0; i < buf->len; i++)
    {
      guint len;

      if (self_len >= 4 && i + self_len <= buf->len && memcmp (in + i, self_name, self_len * sizeof (gunichar)) == 0)
        {
          s.chars[n] = '@';
          s.src[n++] = buf->src[i];
          i += self_len - 1;
          continue;
        }
      /* the template's wording is no one's own: left out, but a place kept ('~') so
       * that a table's labels read as a run of them */
      if ((len = label_at (labels, in + i, buf->len - i)) > 0)
        {
          if (n == 0 || s.chars[n - 1] != '~')
            {
              s.chars[n] = '~';
              s.src[n++] = buf->src[i];
            }
          n_labels++;
          i += len - 1;
          continue;
        }
      s.chars[n] = in[i];
      s.src[n++] = buf->src[i];
    }
  s.n = n;
  g_array_append_val (d->sentences, s);
done:
  buf->len = 0;
}

static inline void
buffer_add (Buffer   *buf,
            gunichar  c,
            guint     at)
{
  buf->chars[buf->len] = c;
  buf->src[buf->len++] = at;
}

/**
 * nb_review_collect_sentences:
 *
 * Cuts the report's prose into reduced sentences (NbSentence) for the set's rules.
 * The tables, from section 二's heading to section 五's, are left out.
 */
void
nb_review_collect_sentences (NbDigest *d,
                             NbReport *report)
{
  NbText *text = report->text;
  g_autofree Buffer *buf = g_new (Buffer, 1);
  g_autofree gunichar *self_name = NULL;
  glong self_len = 0;
  int table_start = -1, table_end = G_MAXINT;
  guint raw = 0;

  buf->len = 0;
  d->sentences = g_array_new (FALSE, FALSE, sizeof (NbSentence));
  if (d->agency_key)
    self_name = g_utf8_to_ucs4_fast (d->agency_key, -1, &self_len);
  for (guint k = 1; k <= 3 && table_start < 0; k++)
    if (nb_span_is_set (report->sections[k]))
      table_start = report->sections[k].start;
  for (guint k = 4; k < NB_N_SECTIONS && table_start >= 0 && table_end == G_MAXINT; k++)
    if (nb_span_is_set (report->sections[k]))
      table_end = report->sections[k].start;

  for (guint i = 0; i < text->n_norm; i++)
    {
      gunichar c = text->norm[i];
      guint at = text->norm_to_src[i];
      char kind;

      if (table_start >= 0 && (int) at >= table_start && (int) at < table_end)
        {
          if (buf->len)
            add_sentence (d, buf, self_name, self_len);
          raw = 0;
          continue;
        }
      /* a full stop ends a sentence; so does the end of a short line (a heading or
       * a title), but not that of a line wrapped in the middle of a sentence */
      if (is_stop (c) || raw >= MAX_SENTENCE || (c == '\n' && raw > 0 && raw < SHORT_LINE))
        {
          add_sentence (d, buf, self_name, self_len);
          raw = 0;
          continue;
        }
      raw++;
      kind = char_kind (c);
      if (kind == '0')
        {
          if (buf->len == 0 || buf->chars[buf->len - 1] != '#')
            buffer_add (buf, '#', at);
        }
      else if (kind == 'a')
        {
          if (c < 0x80)
            c = g_ascii_tolower (c);
          else if (c < 0x4E00 || c > 0x9FFF)
            c = g_unichar_tolower (c);
          buffer_add (buf, c, at);
        }
    }
  add_sentence (d, buf, self_name, self_len);
}

/* Whether a reduced sentence says something of its own: long enough once the
 * template's words are out, and not a table row (mostly labels and numbers). */
static gboolean
is_own_text (const NbSentence *s)
{
  guint words = 0, marks = 0;

  for (guint i = 0; i < s->n; i++)
    if (s->chars[i] == '#' || s->chars[i] == '~')
      marks++;
    else
      words++;
  return words >= MIN_SENTENCE && marks * 8 <= s->n;
}

/* -------------------------------------------------------------------------- */

typedef struct
{
  guint report;
  guint sentence;
} Occurrence;

typedef struct
{
  const gunichar *chars;
  guint           n;
  GArray         *occurrences;  /* Occurrence */
  guint32        *shingles;     /* sorted, distinct */
  guint           n_shingles;
  guint           parent;       /* union-find over near-identical sentences */
  gboolean        stock;
} Unique;

static guint64
hash_chars (const gunichar *c,
            guint           n)
{
  guint64 h = 0xcbf29ce484222325ULL;

  for (guint i = 0; i < n; i++)
    {
      h ^= c[i];
      h *= 0x100000001b3ULL;
    }
  return h;
}

static inline guint32
mix32 (guint64 x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (guint32) x;
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
make_shingles (Unique *u)
{
  guint n = u->n - SHINGLE + 1, k = 0;

  u->shingles = g_new (guint32, n);
  for (guint i = 0; i < n; i++)
    u->shingles[i] = mix32 (hash_chars (u->chars + i, SHINGLE));
  qsort (u->shingles, n, sizeof (guint32), compare_u32);
  for (guint i = 0; i < n; i++)
    if (k == 0 || u->shingles[k - 1] != u->shingles[i])
      u->shingles[k++] = u->shingles[i];
  u->n_shingles = k;
}

static double
jaccard (const Unique *a,
         const Unique *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->n_shingles && j < b->n_shingles)
    {
      if (a->shingles[i] == b->shingles[j])
        common++, i++, j++;
      else if (a->shingles[i] < b->shingles[j])
        i++;
      else
        j++;
    }
  return (double) common / (a->n_shingles + b->n_shingles - common);
}

static guint
find_root (Unique *all,
           guint   i)
{
  while (all[i].parent != i)
    {
      all[i].parent = all[all[i].parent].parent;
      i = all[i].parent;
    }
  return i;
}

static gboolean
is_stock_text (const gunichar *c,
               guint           n)
{
  for (guint f = 0; f < G_N_ELEMENTS (stock_fragments); f++)
    {
      glong len;
      g_autofree gunichar *frag = g_utf8_to_ucs4_fast (stock_fragments[f], -1, &len);

      for (guint i = 0; i + len <= n; i++)
        if (memcmp (c + i, frag, len * sizeof (gunichar)) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Distinct agencies writing any of these uniques, counting up to @limit. */
static guint
count_agencies (NbDigest   **digests,
                Unique      *all,
                const guint *members,
                guint        n_members,
                guint        limit)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint m = 0; m < n_members; m++)
    {
      GArray *occ = all[members[m]].occurrences;

      for (guint o = 0; o < occ->len; o++)
        {
          NbDigest *d = digests[g_array_index (occ, Occurrence, o).report];
          const char *key = d->agency_key ? d->agency_key : (const char *) d;

          g_hash_table_add (seen, (gpointer) key);
          if (g_hash_table_size (seen) >= limit)
            return limit;
        }
    }
  return g_hash_table_size (seen);
}

/* The text of a report's sentence as the finding quotes it. */
static char *
quote (const NbSentence *s)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < s->n && i < 60; i++)
    g_string_append_unichar (out, s->chars[i] == '#' ? 0xFF03 /* ＃ */ : s->chars[i] == '@' || s->chars[i] == '~' ? 0x2026 : s->chars[i]);
  if (s->n > 60)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint report;     /* flagged */
  guint source;     /* where the passage also is */
  NbFinding *finding;
  guint n_spans;
  gboolean whole;   /* a report copied whole (its shared sentences are its spans) */
} Flag;

/* A new finding of @report about one other report of the set (@source), whose passage
 * there is @source_span; later passages of the pair add their spans to it. */
static Flag *
add_flag (GHashTable  *flags,
          GPtrArray  **findings,
          guint        report,
          guint        source,
          NbMessage   *m,
          NbSpan       source_span)
{
  guint64 *k = g_new (guint64, 1);
  Flag *fl = g_new0 (Flag, 1);
  NbCopySource *from = g_new (NbCopySource, 1);

  fl->report = report;
  fl->source = source;
  fl->finding = nb_message_to_finding (m, NB_SEVERITY_WARNING);
  /* where the passage also is, for showing both side by side */
  from->report = source;
  from->span = source_span;
  g_object_set_data_full (G_OBJECT (fl->finding), NB_COPY_SOURCE_KEY, from, g_free);
  *k = ((guint64) report << 32) | source;
  g_hash_table_insert (flags, k, fl);
  g_ptr_array_add (findings[report], fl->finding);
  return fl;
}

static inline NbSpan
sentence_span (const NbSentence *s)
{
  return (NbSpan) { s->src[0], s->src[s->n - 1] + 1 };
}

static void
flag_add_span (Flag             *fl,
               const NbSentence *s)
{
  NbSpan span;
  guint n_spans;
  const NbSpan *spans;

  if (fl->n_spans >= 50 || s->n == 0)
    return;
  span = sentence_span (s);
  spans = nb_finding_get_spans (fl->finding, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].start == span.start)
      return;
  nb_finding_add_span (fl->finding, span);
  fl->n_spans++;
}

static void
flag (GHashTable   *flags,
      NbDigest    **digests,
      const char  **files,
      GPtrArray   **findings,
      guint         report,
      guint         sentence,
      guint         source,
      guint         source_sentence)
{
  guint64 key = ((guint64) report << 32) | source;
  Flag *fl = g_hash_table_lookup (flags, &key);

  if (fl == NULL)
    {
      NbDigest *other = digests[source];
      NbSentence *os = &g_array_index (other->sentences, NbSentence, source_sentence);
      g_autofree char *q = quote (os);
      g_autoptr (NbMessage) m = nb_message_new ("series.copied_text", other->agency ? "agency_year" : "year");

      nb_message_set (m, "file", files[source]);
      if (other->agency)
        nb_message_set (m, "agency", other->agency);
      nb_message_set_int (m, "year", other->year);
      nb_message_set (m, "quote", q);
      fl = add_flag (flags, findings, report, source, m, sentence_span (os));
    }
  flag_add_span (fl, &g_array_index (digests[report]->sentences, NbSentence, sentence));
}

typedef struct
{
  guint report;     /* the first report of the group */
  guint sentence;
  const char *key;
  int year;
  GArray *members;  /* Occurrence */
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_array_unref (g->members);
  g_free (g);
}

/* The occurrences of a unique (or of two near-identical ones) grouped by agency and
 * year: copies within one agency's report of one year are no copying. */
static void
add_groups (GPtrArray  *groups,
            NbDigest  **digests,
            Unique     *u)
{
  for (guint o = 0; o < u->occurrences->len; o++)
    {
      Occurrence *occ = &g_array_index (u->occurrences, Occurrence, o);
      NbDigest *d = digests[occ->report];
      Group *g = NULL;

      for (guint k = 0; k < groups->len && g == NULL; k++)
        {
          Group *x = g_ptr_array_index (groups, k);

          if (d->agency_key && x->key && g_str_equal (d->agency_key, x->key) && x->year == d->year)
            g = x;
          else if (x->report == occ->report)
            g = x;
        }
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->report = occ->report;
          g->sentence = occ->sentence;
          g->key = d->agency_key;
          g->year = d->year;
          g->members = g_array_new (FALSE, FALSE, sizeof (Occurrence));
          g_ptr_array_add (groups, g);
        }
      g_array_append_val (g->members, *occ);
    }
}

static void
flag_groups (GHashTable  *flags,
             NbDigest   **digests,
             const char **files,
             GPtrArray  **findings,
             Group       *a,
             Group       *b)
{
  gboolean same = a->key && b->key && g_str_equal (a->key, b->key);

  if (same && a->year == b->year)
    return;
  for (guint side = 0; side < 2; side++)
    {
      Group *g = side ? b : a, *other = side ? a : b;

      /* the same office's earlier report is where the later one copied from */
      if (same && g->year < other->year)
        continue;
      for (guint m = 0; m < g->members->len; m++)
        {
          Occurrence *occ = &g_array_index (g->members, Occurrence, m);

          flag (flags, digests, files, findings, occ->report, occ->sentence, other->report, other->sentence);
        }
    }
}

/* Identical sentences once: each distinct own sentence of the set, with where it occurs.
 * Returns how many agencies wrote the set. */
static guint
collect_uniques (NbDigest **digests,
                 guint      n,
                 GArray    *uniques)
{
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < n; r++)
    {
      NbDigest *d = digests[r];

      if (d == NULL || d->sentences == NULL)
        continue;
      g_hash_table_add (agencies, d->agency_key ? d->agency_key : (char *) d);
      for (guint s = 0; s < d->sentences->len; s++)
        {
          NbSentence *sen = &g_array_index (d->sentences, NbSentence, s);
          guint64 h;
          gpointer found;
          Occurrence occ = { r, s };

          if (!is_own_text (sen))
            continue;
          h = hash_chars (sen->chars, sen->n);
          if (!g_hash_table_lookup_extended (by_text, &h, NULL, &found))
            {
              Unique u = { sen->chars, sen->n, g_array_new (FALSE, FALSE, sizeof (Occurrence)), NULL, 0, 0, FALSE };
              guint64 *k = g_new (guint64, 1);

              *k = h;
              found = GUINT_TO_POINTER (uniques->len);
              u.parent = uniques->len;
              g_array_append_val (uniques, u);
              g_hash_table_insert (by_text, k, found);
            }
          g_array_append_val (g_array_index (uniques, Unique, GPOINTER_TO_UINT (found)).occurrences, occ);
        }
    }
  return g_hash_table_size (agencies);
}

/* MinHash signature of every sentence that is not stock wording, banded: @bands maps
 * a band's key to the sentences that share it */
static void
band_signatures (Unique     *all,
                 guint       n_uniques,
                 GHashTable *bands)
{
  guint32 seeds[N_HASHES];

  for (guint h = 0; h < N_HASHES; h++)
    seeds[h] = mix32 (0x9E3779B97F4A7C15ULL * (h + 1));
  for (guint i = 0; i < n_uniques; i++)
    {
      Unique *u = &all[i];
      guint32 sig[N_HASHES];

      if (u->stock)
        continue;
      make_shingles (u);
      for (guint h = 0; h < N_HASHES; h++)
        sig[h] = G_MAXUINT32;
      for (guint s = 0; s < u->n_shingles; s++)
        for (guint h = 0; h < N_HASHES; h++)
          {
            guint32 v = (u->shingles[s] ^ seeds[h]) * 0x9E3779B1u;

            v ^= v >> 15;
            sig[h] = MIN (sig[h], v);
          }
      for (guint b = 0; b < N_BANDS; b++)
        {
          guint64 key = ((guint64) b << 56) ^ hash_chars (sig + b * BAND_ROWS, BAND_ROWS);
          GArray *bucket = g_hash_table_lookup (bands, &key);

          if (bucket == NULL)
            {
              guint64 *k = g_new (guint64, 1);

              *k = key;
              bucket = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (bands, k, bucket);
            }
          g_array_append_val (bucket, i);
        }
    }
}

/* Candidate pairs from the buckets, checked exactly: each near-identical pair goes into
 * @candidates (lower index in the high half) and joins its cluster */
static void
find_candidate_pairs (NbDigest   **digests,
                      Unique      *all,
                      GHashTable  *bands,
                      guint        stock_limit,
                      GArray      *candidates)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, bands);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *bucket = value;
      const guint *m = (const guint *) (gpointer) bucket->data;

      /* a crowded bucket of many offices' variants of one sentence is stock wording */
      if (bucket->len > 16 && count_agencies (digests, all, m, bucket->len, stock_limit) >= stock_limit)
        {
          for (guint i = 0; i < bucket->len; i++)
            all[m[i]].stock = TRUE;
          continue;
        }
      for (guint i = 0; i < bucket->len; i++)
        for (guint j = i + 1; j < bucket->len; j++)
          {
            guint a = MIN (m[i], m[j]), b = MAX (m[i], m[j]);
            guint64 key = ((guint64) a << 32) | b;

            if (a == b || g_hash_table_contains (pairs, &key))
              continue;
            g_hash_table_add (pairs, g_memdup2 (&key, sizeof key));
            if (jaccard (&all[a], &all[b]) >= MIN_JACCARD)
              {
                g_array_append_val (candidates, key);
                all[find_root (all, a)].parent = find_root (all, b);
              }
          }
    }
}

/* A cluster of near-identical sentences written by many offices is stock too */
static void
mark_stock_clusters (NbDigest **digests,
                     Unique    *all,
                     guint      n_uniques,
                     guint      stock_limit)
{
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_uniques; i++)
    if (!all[i].stock && find_root (all, i) != i)
      {
        guint root = find_root (all, i);
        GArray *members = g_hash_table_lookup (clusters, GUINT_TO_POINTER (root));

        if (members == NULL)
          {
            members = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (members, root);
            g_hash_table_insert (clusters, GUINT_TO_POINTER (root), members);
          }
        g_array_append_val (members, i);
      }
  g_hash_table_iter_init (&iter, clusters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *members = value;
      const guint *m = (const guint *) (gpointer) members->data;

      if (count_agencies (digests, all, m, members->len, stock_limit) >= stock_limit)
        for (guint i = 0; i < members->len; i++)
          all[m[i]].stock = TRUE;
    }
}

/* -------------------------------------------------------------------------- */
/* whole reports: a file sent twice, a report copied whole */

#define MIN_WHOLE 3     /* own sentences a report needs for its whole text to be compared */
#define WHOLE_SHARE 0.7 /* of each report's own sentences, shared: copied whole */
#define WHOLE_CAP 32    /* a sentence more reports write is left out of comparing them */

/* A hash of the report's own sentences in order (0: too few to tell), and its first */
static guint64
prose_print (const NbDigest *d,
             guint          *first)
{
  guint64 h = 0xcbf29ce484222325ULL;
  guint n = 0;

  *first = G_MAXUINT;
  for (guint s = 0; d != NULL && d->sentences != NULL && s < d->sentences->len; s++)
    {
      const NbSentence *sen = &g_array_index (d->sentences, NbSentence, s);

      if (!is_own_text (sen))
        continue;
      if (n++ == 0)
        *first = s;
      h = (h ^ hash_chars (sen->chars, sen->n)) * 0x100000001b3ULL;
    }
  return n >= MIN_WHOLE ? h | 1 : 0;
}

static gboolean
same_values (const double *a,
             const guint8 *has_a,
             const double *b,
             const guint8 *has_b,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    if (has_a[i] != has_b[i] || (has_a[i] && a[i] != b[i]))
      return FALSE;
  return TRUE;
}

/* Whether two reports give the same figures (those the set's rules and summary take) */
static gboolean
same_figures (const NbDigest *a,
              const NbDigest *b)
{
  return a->edition == b->edition &&
         same_values (a->figures, a->has_figure, b->figures, b->has_figure, NB_N_FIGURES) &&
         same_values (a->carried_in, a->has_carried_in, b->carried_in, b->has_carried_in, NB_N_REQUEST_COLUMNS) &&
         same_values (a->carried_over, a->has_carried_over, b->carried_over, b->has_carried_over,
                      NB_N_REQUEST_COLUMNS) &&
         same_values (a->normative, a->has_normative, b->normative, b->has_normative, 3);
}

/* The same office: the same name, or no name found in either */
static gboolean
same_office (const NbDigest *a,
             const NbDigest *b)
{
  if (a->agency_key == NULL || b->agency_key == NULL)
    return a->agency_key == b->agency_key;
  return g_str_equal (a->agency_key, b->agency_key);
}

/* @report is another file of @source's office and year, with the same text: sent twice
 * (or sent again with other figures). Said once, in the later file. */
static void
flag_duplicate (GHashTable  *flags,
                NbDigest   **digests,
                const char **files,
                GPtrArray  **findings,
                guint        report,
                guint        source)
{
  g_autoptr (NbMessage) m = nb_message_new ("series.copied_text",
                                            same_figures (digests[report], digests[source]) ? "duplicate" : "versions");

  nb_message_set (m, "file", files[source]);
  add_flag (flags, findings, report, source, m, (NbSpan) { -1, -1 });
}

/* @report's text is @source's, nearly all of it: one finding, whose spans the
 * sentences they share are added to */
static void
flag_whole (GHashTable  *flags,
            NbDigest   **digests,
            const char **files,
            GPtrArray  **findings,
            guint        report,
            guint        source,
            guint        source_first)
{
  NbDigest *other = digests[source];
  g_autoptr (NbMessage) m = nb_message_new ("series.copied_text", other->agency ? "whole_agency_year" : "whole_year");

  nb_message_set (m, "file", files[source]);
  if (other->agency)
    nb_message_set (m, "agency", other->agency);
  nb_message_set_int (m, "year", other->year);
  add_flag (flags, findings, report, source, m,
            sentence_span (&g_array_index (other->sentences, NbSentence, source_first)))->whole = TRUE;
}

/* The reports (at most WHOLE_CAP, distinct, in order) that write @u; 0 when more do */
static guint
unique_reports (const Unique *u,
                guint        *out)
{
  guint k = 0;

  for (guint o = 0; o < u->occurrences->len; o++)
    {
      guint r = g_array_index (u->occurrences, Occurrence, o).report;

      if (k > 0 && out[k - 1] == r)
        continue;
      if (k == WHOLE_CAP)
        return 0;
      out[k++] = r;
    }
  return k;
}

/* Another file of the same office and year with the same own text (by a hash of it): a
 * duplicate, said once in each later file. Returns for each report the first of its
 * duplicates (itself when it has none). */
static guint *
flag_duplicates (GHashTable  *flags,
                 NbDigest   **digests,
                 const char **files,
                 guint        n,
                 GPtrArray  **findings,
                 guint       *first)
{
  g_autoptr(GHashTable) by_print = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  guint *dup_of = g_new (guint, n + 1);

  for (guint r = 0; r < n; r++)
    {
      guint64 h = prose_print (digests[r], &first[r]);
      GArray *reps;
      guint i;

      dup_of[r] = r;
      if (h == 0)
        continue;
      reps = g_hash_table_lookup (by_print, &h);
      if (reps == NULL)
        {
          reps = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_print, g_memdup2 (&h, sizeof h), reps);
        }
      for (i = 0; i < reps->len; i++)
        {
          guint p = g_array_index (reps, guint, i);

          if (same_office (digests[r], digests[p]) && digests[r]->year == digests[p]->year)
            {
              dup_of[r] = p;
              flag_duplicate (flags, digests, files, findings, r, p);
              break;
            }
        }
      if (i == reps->len)
        g_array_append_val (reps, r);
    }
  return dup_of;
}

/* Whole reports. A file sent twice is a duplicate. A report that shares nearly all its
 * own sentences with another office's (or with the same office's of an earlier year)
 * was copied whole: one finding, whatever its sentences (enough copies would make them
 * stock wording). Pairs are counted over the sentences few reports write, so that the
 * wording many share costs nothing. */
static void
flag_whole_copies (GHashTable  *flags,
                   NbDigest   **digests,
                   const char **files,
                   guint        n,
                   GPtrArray  **findings,
                   Unique      *all,
                   guint        n_uniques)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (guint));  /* a pair's sentences */
  g_autofree guint *first = g_new (guint, n + 1);
  g_autofree guint *countable = g_new0 (guint, n + 1);
  g_autofree guint *dup_of = flag_duplicates (flags, digests, files, n, findings, first);
  guint reports[WHOLE_CAP];
  GHashTableIter iter;
  gpointer key, value;

  for (guint u = 0; u < n_uniques; u++)
    {
      guint k = unique_reports (&all[u], reports);

      for (guint i = 0; i < k; i++)
        {
          countable[reports[i]]++;
          for (guint j = i + 1; j < k; j++)
            {
              guint64 pk = ((guint64) reports[i] << 32) | reports[j];
              guint at = GPOINTER_TO_UINT (g_hash_table_lookup (pairs, &pk));

              if (dup_of[reports[i]] == dup_of[reports[j]])
                continue;
              if (at == 0)
                {
                  guint zero = 0;

                  g_array_append_val (shared, zero);
                  at = shared->len;
                  g_hash_table_insert (pairs, g_memdup2 (&pk, sizeof pk), GUINT_TO_POINTER (at));
                }
              g_array_index (shared, guint, at - 1)++;
            }
        }
    }

  /* the pairs that share nearly everything: each side names the other, unless it is
   * a duplicate (its first file is named) or the same office's later report */
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 pk = *(guint64 *) key;
      guint ab[2] = { pk >> 32, pk & 0xFFFFFFFF };
      guint both = g_array_index (shared, guint, GPOINTER_TO_UINT (value) - 1);

      if (both < MIN_WHOLE || both < WHOLE_SHARE * MAX (countable[ab[0]], countable[ab[1]]))
        continue;
      for (guint side = 0; side < 2; side++)
        {
          NbDigest *a = digests[ab[side]], *b = digests[ab[!side]];

          if (dup_of[ab[!side]] != ab[!side] || first[ab[!side]] == G_MAXUINT ||
              (same_office (a, b) && a->year <= b->year))
            continue;
          flag_whole (flags, digests, files, findings, ab[side], ab[!side], first[ab[!side]]);
        }
    }

  /* their spans: the sentences they share */
  for (guint u = 0; u < n_uniques && g_hash_table_size (flags) > 0; u++)
    {
      guint k = unique_reports (&all[u], reports);

      for (guint o = 0; k > 0 && o < all[u].occurrences->len; o++)
        {
          Occurrence *occ = &g_array_index (all[u].occurrences, Occurrence, o);

          for (guint j = 0; j < k; j++)
            {
              guint64 fk = ((guint64) occ->report << 32) | reports[j];
              Flag *fl = g_hash_table_lookup (flags, &fk);

              if (fl != NULL && fl->whole)
                flag_add_span (fl, &g_array_index (digests[occ->report]->sentences, NbSentence, occ->sentence));
            }
        }
    }
}

/* Flag identical sentences found in several reports */
static void
flag_identical (GHashTable  *flags,
                NbDigest   **digests,
                const char **files,
                GPtrArray  **findings,
                Unique      *all,
                guint        n_uniques)
{
  for (guint i = 0; i < n_uniques; i++)
    {
      g_autoptr(GPtrArray) groups = NULL;

      if (all[i].stock || all[i].occurrences->len < 2)
        continue;
      groups = g_ptr_array_new_with_free_func (group_free);
      add_groups (groups, digests, &all[i]);
      for (guint a = 0; a < groups->len; a++)
        for (guint b = a + 1; b < groups->len; b++)
          flag_groups (flags, digests, files, findings, g_ptr_array_index (groups, a), g_ptr_array_index (groups, b));
    }
}

/* Flag the near-identical pairs, between different reports */
static void
flag_near_identical (GHashTable  *flags,
                     NbDigest   **digests,
                     const char **files,
                     GPtrArray  **findings,
                     Unique      *all,
                     GArray      *candidates)
{
  for (guint c = 0; c < candidates->len; c++)
    {
      guint64 key = g_array_index (candidates, guint64, c);
      guint a = key >> 32, b = key & 0xFFFFFFFF;
      g_autoptr(GPtrArray) ga = NULL;
      g_autoptr(GPtrArray) gb = NULL;

      if (all[a].stock || all[b].stock)
        continue;
      ga = g_ptr_array_new_with_free_func (group_free);
      gb = g_ptr_array_new_with_free_func (group_free);
      add_groups (ga, digests, &all[a]);
      add_groups (gb, digests, &all[b]);
      for (guint x = 0; x < ga->len; x++)
        for (guint y = 0; y < gb->len; y++)
          {
            Group *p = g_ptr_array_index (ga, x), *q = g_ptr_array_index (gb, y);

            if (p->report != q->report)
              flag_groups (flags, digests, files, findings, p, q);
          }
    }
}

/**
 * nb_review_find_copied:
 *
 * series.copied_text for every report of the set with a passage near-identical to
 * one of another office's report or the same office's earlier report.
 */
void
nb_review_find_copied (NbDigest   **digests,
                       const char **files,
                       guint        n,
                       GPtrArray  **findings)
{
  g_autoptr(GArray) uniques = g_array_new (FALSE, TRUE, sizeof (Unique));
  g_autoptr(GHashTable) bands = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) flags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint n_agencies, stock_limit;
  Unique *all;

  n_agencies = collect_uniques (digests, n, uniques);
  all = (Unique *) (gpointer) uniques->data;

  /* stock wording: written by many offices (5% of the set's agencies, at least 3) */
  stock_limit = MAX (3, (n_agencies + 19) / 20);
  for (guint i = 0; i < uniques->len; i++)
    all[i].stock = is_stock_text (all[i].chars, all[i].n) ||
                   count_agencies (digests, all, &i, 1, stock_limit) >= stock_limit;

  band_signatures (all, uniques->len, bands);
  find_candidate_pairs (digests, all, bands, stock_limit, candidates);
  mark_stock_clusters (digests, all, uniques->len, stock_limit);

  /* flag: whole reports the same, identical sentences in several reports, then
   * near-identical pairs (each pair of reports in one finding) */
  flag_whole_copies (flags, digests, files, n, findings, all, uniques->len);
  flag_identical (flags, digests, files, findings, all, uniques->len);
  flag_near_identical (flags, digests, files, findings, all, candidates);

  for (guint i = 0; i < uniques->len; i++)
    {
      g_array_unref (all[i].occurrences);
      g_free (all[i].shingles);
    }
}
