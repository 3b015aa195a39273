/* nb-places.c — place names checked against the national administrative divisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A misspelt county in an office's own name (沐阳县 for 沭阳县) is a real and
 * visible slip. The places checked are those the report names as its own: the
 * places at the start of the agency's name, and the places before each mention
 * of the agency in the text (before 人民政府办公室 for 渑池县人民政府办公室).
 * Each character that no division uses is read as its simplified form (OpenCC's
 * t2s character table, data/t2s.txt: traditional and variant characters, so 澠池
 * is 渑池), and the name is looked up among the divisions of data/divisions.txt
 * (GB/T 2260: provinces, prefectures, counties, and towns). A name that matches
 * no division, while a division of the same length differs from it in one
 * character of its proper name (not in the 县/市/区 that ends it: counties become
 * cities and districts, and the data may be older than the report), gets
 * meta.place with that division's name. A town is suggested only within a county
 * the report names. Among several such divisions, one whose province or
 * prefecture the text names comes first, then the one whose character is nearest
 * in the Unicode order (ideographs are ordered by radical, then strokes: 沐 is
 * nearer 沭 than 泌).
 *
 * Both lists are indexed at build time (gen-places.py, nb-places-data.h): the
 * check reads constant tables, so it costs a process nothing to start.
 */
#include "config.h"

#include <string.h>

#include "nb-places.h"
#include "nb-places-data.h"
#include "nb-message-private.h"

#define MAX_NAME NB_PLACES_MAX_NAME

typedef NbPlace Division;

static const NbPlacesData *const places = &nb_places_data;

/* 1 + the index of @c among the characters that end a division's name, or 0 */
static guint
suffix_index (gunichar c)
{
  for (guint i = 0; i < NB_PLACES_N_SUFFIXES; i++)
    if (places->suffixes[i] == c)
      return i + 1;
  return 0;
}

static gboolean
is_suffix (gunichar c)
{
  return suffix_index (c) != 0;
}

/* The name of @d in UTF-8 */
static char *
name_utf8 (const Division *d)
{
  GString *s = g_string_sized_new (d->len * 3);

  for (guint k = 0; k < d->len; k++)
    g_string_append_unichar (s, places->chars[d->start + k]);
  return g_string_free (s, FALSE);
}

static inline gunichar
name_char (const Division *d,
           guint           k)
{
  return places->chars[d->start + k];
}

static guint
county_of (const Division *d)
{
  return d->level >= NB_PLACE_COUNTY ? d->code : 0;
}

/* <0, 0 or >0 as the name of @d comes before, is or comes after @name */
static int
compare_name (const Division *d,
              const gunichar *name,
              guint           n)
{
  for (guint k = 0; k < d->len && k < n; k++)
    if (name_char (d, k) != name[k])
      return name_char (d, k) < name[k] ? -1 : 1;
  return (int) d->len - (int) n;
}

/* The first (highest) division named @name */
static const Division *
lookup (const gunichar *name,
        guint           n)
{
  guint lo = 0, hi = places->n_all;

  /* the first division whose name is not before @name */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_name (&places->all[places->by_name[mid]], name, n) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < places->n_all && compare_name (&places->all[places->by_name[lo]], name, n) == 0)
    return &places->all[places->by_name[lo]];
  return NULL;
}

static gboolean
is_used (gunichar c)
{
  return c < 0x10000 && (places->used[c >> 3] & (1 << (c & 7)));
}

/* @c as t2s.txt simplifies it, or @c */
static gunichar
simplified (gunichar c)
{
  guint lo = 0, hi = places->n_t2s;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (places->t2s[mid].from == c)
        return places->t2s[mid].to;
      if (places->t2s[mid].from < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return c;
}

/**
 * nb_places_available:
 *
 * Returns: whether place names can be checked (always, since the divisions are
 * built in; kept for callers that ask)
 */
gboolean
nb_places_available (void)
{
  return places->n_all > 0;
}

/* @chars with each character that no division uses simplified: a character some
 * division uses stays (乾 of 乾安县 is no 干) */
static gunichar *
simplify (const gunichar *chars,
          guint           n)
{
  gunichar *out = g_new (gunichar, n);

  for (guint i = 0; i < n; i++)
    out[i] = is_used (chars[i]) ? chars[i] : simplified (chars[i]);
  return out;
}

/* Words that end like a place and are none: 开发区, 城乡, 乡镇, … */
static gboolean
generic (const gunichar *name,
         guint           n)
{
  static const char *const words[] = {
    "开发区", "高新区", "新区", "园区", "示范区", "工业区", "景区", "保税区", "试验区", "片区", "城区", "市区",
    "郊区", "辖区", "社区", "小区", "管理区", "林区", "矿区", "合作区", "集聚区", "功能区", "街区", "老区",
    "山区", "灾区", "牧区", "库区", "苏区", "地区", "城市", "都市", "超市", "城乡", "家乡", "下乡", "城镇",
    "集镇", "重镇", "小镇", "本省", "全省", "外省", "各省", "全市", "本市", "全县", "本县", "全区", "本区",
    "全镇", "本镇", "全乡", "本乡", "全州", "本州", "全旗", "本旗", NULL,
  };

  if (n >= 2 && is_suffix (name[n - 1]) && is_suffix (name[n - 2]))
    return TRUE;  /* 市县, 乡镇, 区县 */
  for (guint i = 0; words[i]; i++)
    {
      glong len;
      g_autofree gunichar *w = g_utf8_to_ucs4_fast (words[i], -1, &len);

      if ((guint) len <= n && memcmp (name + n - len, w, len * sizeof (gunichar)) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  NbReport   *report;
  GHashTable *counties;  /* county codes the report names */
  GHashTable *flagged;   /* written name (UTF-8) → suggested name */
  GPtrArray  *order;     /* written names, in order */
} Check;

/* Whether the report's text names the province or prefecture of @d */
static gboolean
ancestor_named (Check          *ck,
                const Division *d)
{
  guint codes[2] = { d->code / 10000, d->code / 100 };

  if (d->level != NB_PLACE_COUNTY && d->level != NB_PLACE_TOWN)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      const Division *a = NULL;
      g_autofree char *name = NULL;

      for (guint k = 0; k < places->n_all && a == NULL; k++)
        if (places->all[k].level <= NB_PLACE_PREFECTURE && places->all[k].code == codes[i])
          a = &places->all[k];
      if (a)
        name = name_utf8 (a);

      if (name && strstr (ck->report->text->decoded, name))
        return TRUE;
    }
  return FALSE;
}

/* The division one character away from @name (simplified), in its proper name */
static const Division *
near_miss (Check          *ck,
           const gunichar *name,
           guint           n)
{
  const Division *best = NULL;
  guint best_score = G_MAXUINT;

  guint b;

  if (n < 3 || n > MAX_NAME || !is_suffix (name[n - 1]) || generic (name, n))
    return NULL;
  b = suffix_index (name[n - 1]) * (MAX_NAME + 1) + n;
  for (guint i = places->bucket[b]; i < places->bucket[b + 1]; i++)
    {
      const Division *d = &places->all[places->by_end[i]];
      guint diff = 0, at = 0, score;

      for (guint k = 0; k + 1 < n && diff < 2; k++)
        if (name_char (d, k) != name[k])
          diff++, at = k;
      if (diff != 1)
        continue;
      if (d->level == NB_PLACE_TOWN && !g_hash_table_contains (ck->counties, GUINT_TO_POINTER (county_of (d))))
        continue;
      score = (ancestor_named (ck, d) ? 0 : 1u << 24) +
              (guint) ABS ((int) name_char (d, at) - (int) name[at]);
      if (score < best_score)
        best_score = score, best = d;
    }
  return best;
}

typedef struct
{
  gunichar *written;   /* as the text has it (normalised) */
  gunichar *simple;    /* simplified (simplify ()) */
  guint     n;
  gboolean  from_left; /* the agency's name: places from its start */
} Run;

static void
run_free (Run *run)
{
  g_free (run->written);
  g_free (run->simple);
  g_free (run);
}

static void
add_run (Check          *ck,
         GPtrArray      *runs,
         const gunichar *chars,
         guint           n,
         gboolean        from_left)
{
  Run *run;
  gunichar *simple;

  if (n < 2)
    return;
  simple = simplify (chars, n);
  run = g_new0 (Run, 1);
  run->written = g_memdup2 (chars, n * sizeof (gunichar));
  run->simple = simple;
  run->n = n;
  run->from_left = from_left;
  g_ptr_array_add (runs, run);
}

static void
flag (Check          *ck,
      const gunichar *written,
      guint           n,
      const Division *d)
{
  char *w = g_ucs4_to_utf8 (written, n, NULL, NULL, NULL);

  if (w == NULL || g_hash_table_contains (ck->flagged, w))
    {
      g_free (w);
      return;
    }
  g_hash_table_insert (ck->flagged, w, name_utf8 (d));
  g_ptr_array_add (ck->order, w);
}

/* The places of a run, from its start (河南省渑池县…): names that match a division
 * are passed over; the first that matches none is flagged when a division is one
 * character away. In the agency's name that is the shortest such name; in the
 * text, where the run ends at the agency's own name, it is the rest of the run.
 * With @misses FALSE, only note the counties named. Returns where the places end. */
static guint
read_run (Check    *ck,
          Run      *run,
          gboolean  misses)
{
  guint i = 0;

  /* in the text, a run that ends with a division's name is what it seems: the
   * words before the name (2021年汝州市…) are none of the check's business */
  if (!run->from_left)
    for (guint len = MIN (run->n, MAX_NAME); len >= 2; len--)
      {
        const Division *exact = lookup (run->simple + run->n - len, len);

        if (exact)
          {
            if (exact->level == NB_PLACE_COUNTY)
              g_hash_table_add (ck->counties, GUINT_TO_POINTER (exact->code));
            return run->n;
          }
      }

  while (i + 2 <= run->n)
    {
      const Division *exact = NULL;
      guint j_exact = 0;

      for (guint j = MIN (run->n, i + MAX_NAME); j >= i + 2; j--)
        if (is_suffix (run->simple[j - 1]) && (exact = lookup (run->simple + i, j - i)))
          {
            j_exact = j;
            break;
          }
      if (exact)
        {
          if (exact->level == NB_PLACE_COUNTY)
            g_hash_table_add (ck->counties, GUINT_TO_POINTER (exact->code));
          i = j_exact;
          continue;
        }
      for (guint j = run->from_left ? i + 3 : run->n; j <= MIN (run->n, i + MAX_NAME); j++)
        {
          const Division *d = near_miss (ck, run->simple + i, j - i);

          if (d)
            {
              if (misses)
                flag (ck, run->written + i, j - i, d);
              return j;
            }
        }
      break;
    }
  return i;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* A meta.place finding for each place the report names as its own that matches
 * no national administrative division but is one character away from one */
static GPtrArray *
places_check (NbReport *report)
{
  const gunichar *t = report->text->norm;
  guint n = report->text->n_norm;
  g_autoptr(GPtrArray) runs = NULL;
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  Check ck = { report };

  if (places->n_all == 0)
    return findings;
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  ck.counties = g_hash_table_new (g_direct_hash, g_direct_equal);
  ck.flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ck.order = g_ptr_array_new ();

  /* the agency's name: its places, then the rest (人民政府办公室) */
  if (report->agency)
    {
      glong len;
      g_autofree gunichar *agency = g_utf8_to_ucs4_fast (report->agency, -1, &len);
      guint k = 0, place_end = 0;

      while (k < (guint) len && is_han (agency[k]))
        k++;
      add_run (&ck, runs, agency, k, TRUE);
      if (runs->len > 0)
        place_end = read_run (&ck, g_ptr_array_index (runs, 0), TRUE);
      /* the text naming the agency as its own: each place before that rest */
      if (place_end > 0 && place_end + 2 <= (guint) len)
        {
          const gunichar *rest = agency + place_end;
          guint n_rest = len - place_end;

          for (guint i = 1; i + n_rest <= n; i++)
            {
              guint s;

              if (t[i] != rest[0] || memcmp (t + i, rest, n_rest * sizeof (gunichar)) != 0)
                continue;
              for (s = i; s > 0 && i - s < 12 && is_han (t[s - 1]); s--)
                ;
              add_run (&ck, runs, t + s, i - s, FALSE);
            }
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 1; i < runs->len; i++)
      read_run (&ck, g_ptr_array_index (runs, i), pass == 1);

  for (guint i = 0; i < ck.order->len; i++)
    {
      const char *written = g_ptr_array_index (ck.order, i);
      const char *right = g_hash_table_lookup (ck.flagged, written);
      g_autoptr (NbMessage) m = nb_message_new ("meta.place", "near_miss");
      NbFinding *f;
      glong wlen;
      g_autofree gunichar *w = g_utf8_to_ucs4_fast (written, -1, &wlen);

      nb_message_set (m, "written", written);
      nb_message_set (m, "division", right);
      f = nb_message_to_finding (m, NB_SEVERITY_WARNING);

      for (guint k = 0; k + wlen <= n; k++)
        if (t[k] == w[0] && memcmp (t + k, w, wlen * sizeof (gunichar)) == 0)
          {
            nb_finding_add_span (f, nb_report_norm_span (report, k, k + wlen));
            k += wlen - 1;
          }
      g_ptr_array_add (findings, f);
    }

  g_ptr_array_unref (ck.order);
  g_hash_table_unref (ck.flagged);
  g_hash_table_unref (ck.counties);
  return findings;
}

void
nb_places_check (NbReport  *report,
                 GPtrArray *findings)
{
  GPtrArray *found;

  if (!nb_places_available ())
    return;
  /* the text and the agency never change once read: the checks that run again
   * as cells are edited take the findings of the first */
  found = g_object_get_data (G_OBJECT (report), "nb-places-findings");
  if (found == NULL)
    {
      found = places_check (report);
      g_object_set_data_full (G_OBJECT (report), "nb-places-findings", found, (GDestroyNotify) g_ptr_array_unref);
    }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (findings, g_object_ref (g_ptr_array_index (found, i)));
}
