/* nb-places.c — place names checked against the national administrative divisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A misspelt county in an office's own name (沐阳县 for 沭阳县) is a real and
 * visible slip. The places checked are those the report names as its own: the
 * places at the start of the agency's name, and the places before each mention
 * of the agency in the text (before 人民政府办公室 for 渑池县人民政府办公室). Each is read through OpenCC (traditional and variant
 * characters to simplified, so 澠池 is 渑池) and looked up among the divisions
 * of data/divisions.txt (GB/T 2260: provinces, prefectures, counties, and
 * towns). A name that matches no division, while a division of the same length
 * differs from it in one character of its proper name (not in the 县/市/区 that
 * ends it: counties become cities and districts, and the data may be older than
 * the report), gets meta.place with that division's name. A town is suggested
 * only within a county the report names. Among several such divisions, one
 * whose province or prefecture the text names comes first, then the one whose
 * character is nearest in the Unicode order (ideographs are ordered by radical,
 * then strokes: 沐 is nearer 沭 than 泌).
 *
 * The data (a GResource, left uncompressed: inflating it cost more than the
 * check) is read the first time the check runs, and OpenCC only for a name with
 * a character no division uses. Without OpenCC (-Dopencc=disabled) the check is off: a variant
 * character would otherwise read as a misspelling.
 */
#include "config.h"

#include <string.h>

#ifdef HAVE_OPENCC
# include <opencc/opencc.h>
#endif

#include "nb-places.h"
#include "nb-places-resources.h"

#define MAX_NAME 10   /* characters in a division's name, at most (for a run) */
#define N_SUFFIXES 9  /* 县市区旗州盟镇乡省: the characters that end a division's name */

typedef enum
{
  LEVEL_PROVINCE,
  LEVEL_PREFECTURE,
  LEVEL_COUNTY,
  LEVEL_TOWN,
} Level;

typedef struct
{
  const gunichar *name;  /* into Places.chars */
  guint           len;
  guint           county;   /* the county's code for a town and a county; 0 above */
  guint           code;     /* province (2 digits), prefecture (4) or county (6) code */
  Level           level;
} Division;

typedef struct
{
  gunichar   *chars;    /* every name, one after another */
  Division   *all;      /* in the file's order: a name's first division is its highest */
  guint       n_all;
  guint      *slots;    /* open addressing by name: 1 + the first division of the name, or 0 */
  guint8      used[0x10000 / 8];  /* the characters of the BMP that some name uses */
  /* the names by their last character and length, for near misses:
   * by_end[bucket[k] .. bucket[k + 1]) for k = suffix_index * (MAX_NAME + 1) + length */
  guint      *by_end;
  guint       bucket[(N_SUFFIXES + 1) * (MAX_NAME + 1) + 1];
  guint       mask;
#ifdef HAVE_OPENCC
  opencc_t    cc;
#endif
  gboolean    cc_tried;
  GMutex      cc_lock;
} Places;

static Places *places;

/* 1 + the index of @c among the characters that end a division's name, or 0 */
static guint
suffix_index (gunichar c)
{
  static const gunichar suffixes[N_SUFFIXES] = { 0x53BF, 0x5E02, 0x533A, 0x65D7, 0x5DDE, 0x76DF, 0x9547, 0x4E61, 0x7701 };

  for (guint i = 0; i < N_SUFFIXES; i++)
    if (suffixes[i] == c)
      return i + 1;
  return 0;
}

static gboolean
is_suffix (gunichar c)
{
  return suffix_index (c) != 0;
}

/* Reads data/divisions.txt (code<TAB>name[<TAB>town town …]) in one pass, into one
 * array of characters and one of divisions: no allocation per name */
static void
parse_divisions (Places     *p,
                 const char *s,
                 gsize       size)
{
  const char *end = s + size;
  GArray *all = g_array_sized_new (FALSE, FALSE, sizeof (Division), 48000);
  gunichar *chars = g_new (gunichar, size);  /* never more characters than bytes */
  guint n_chars = 0;

  while (s < end)
    {
      const char *eol = memchr (s, '\n', end - s);
      guint code = 0, n_digits = 0, county;
      Level level;
      int field = 0;

      if (eol == NULL)
        eol = end;
      if (*s == '#' || eol == s)
        {
          s = eol + 1;
          continue;
        }
      while (s < eol && g_ascii_isdigit (*s))
        code = code * 10 + (*s++ - '0'), n_digits++;
      level = n_digits <= 2 ? LEVEL_PROVINCE : n_digits <= 4 ? LEVEL_PREFECTURE : LEVEL_COUNTY;
      county = level == LEVEL_COUNTY ? code : 0;
      /* the name, then the towns, each ended by a tab, a space or the line's end */
      while (s < eol)
        {
          Division d = { NULL, 0, county, code, field == 0 ? level : LEVEL_TOWN };
          guint start;

          if (*s == '\t')
            field++;
          s++;
          start = n_chars;
          while (s < eol && *s != '\t' && *s != ' ')
            {
              const guchar *u = (const guchar *) s;
              gunichar c;

              /* the list is valid UTF-8 (made by make-divisions.py); names are Han
               * characters, three bytes each: decoded here, not by a call a character */
              if (u[0] >= 0xE0 && u[0] < 0xF0 && eol - s >= 3)
                {
                  c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
                  s += 3;
                }
              else
                {
                  c = g_utf8_get_char (s);
                  s = g_utf8_next_char (s);
                }
              chars[n_chars++] = c;
              if (c < 0x10000)
                p->used[c >> 3] |= 1 << (c & 7);
            }
          d.len = n_chars - start;
          d.name = GUINT_TO_POINTER (start);  /* an offset until the characters stop moving */
          if (d.len > 0)
            g_array_append_val (all, d);
        }
      s = eol + 1;
    }
  p->chars = g_renew (gunichar, chars, MAX (n_chars, 1));
  p->n_all = all->len;
  p->all = (Division *) g_array_free (all, FALSE);
  for (guint i = 0; i < p->n_all; i++)
    p->all[i].name = p->chars + GPOINTER_TO_UINT (p->all[i].name);
}

static guint
name_hash (const gunichar *name,
           guint           n)
{
  guint h = 2166136261u;

  for (guint i = 0; i < n; i++)
    h = (h ^ name[i]) * 16777619u;
  return h;
}

static gboolean
same_name (const Division *d,
           const gunichar *name,
           guint           n)
{
  return d->len == n && memcmp (d->name, name, n * sizeof (gunichar)) == 0;
}

static int
end_bucket (const Division *d)
{
  guint k = suffix_index (d->name[d->len - 1]);

  return k && d->len <= MAX_NAME ? (int) (k * (MAX_NAME + 1) + d->len) : -1;
}

static void
index_names (Places *p)
{
  guint size = 1;
  guint fill[G_N_ELEMENTS (p->bucket)];

  /* counting sort by last character and length */
  memset (p->bucket, 0, sizeof p->bucket);
  for (guint i = 0; i < p->n_all; i++)
    {
      int b = end_bucket (&p->all[i]);

      if (b >= 0)
        p->bucket[b + 1]++;
    }
  for (guint b = 1; b < G_N_ELEMENTS (p->bucket); b++)
    p->bucket[b] += p->bucket[b - 1];
  memcpy (fill, p->bucket, sizeof fill);
  p->by_end = g_new (guint, MAX (p->bucket[G_N_ELEMENTS (p->bucket) - 1], 1));
  for (guint i = 0; i < p->n_all; i++)
    {
      int b = end_bucket (&p->all[i]);

      if (b >= 0)
        p->by_end[fill[b]++] = i;
    }

  while (size < 2 * p->n_all)
    size <<= 1;
  p->mask = size - 1;
  p->slots = g_new0 (guint, size);
  for (guint i = 0; i < p->n_all; i++)
    {
      const Division *d = &p->all[i];

      for (guint h = name_hash (d->name, d->len) & p->mask;; h = (h + 1) & p->mask)
        {
          if (p->slots[h] == 0)
            {
              p->slots[h] = i + 1;
              break;
            }
          if (same_name (&p->all[p->slots[h] - 1], d->name, d->len))
            break;  /* the first of a name is the highest */
        }
    }
}

static Places *
places_load (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      Places *p = g_new0 (Places, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = NULL;

      g_mutex_init (&p->cc_lock);
      data = g_resource_lookup_data (nb_places_get_resource (), "/io/github/nianbao/Nianbao/core/divisions.txt",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (data == NULL)
        g_warning ("the administrative divisions cannot be read: %s", error->message);
      else
        parse_divisions (p, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
      index_names (p);
      places = p;
      g_once_init_leave (&once, 1);
    }
  return places;
}

/**
 * nb_places_available:
 *
 * Returns: whether place names can be checked (the build has OpenCC)
 */
gboolean
nb_places_available (void)
{
#ifdef HAVE_OPENCC
  return TRUE;
#else
  return FALSE;
#endif
}

/* @chars read through OpenCC (traditional to simplified); NULL when the length changes */
static gunichar *
simplify (Places         *p,
          const gunichar *chars,
          guint           n)
{
  g_autofree char *utf8 = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  gunichar *out = NULL;
  glong len = 0;

  if (utf8 == NULL)
    return NULL;
#ifdef HAVE_OPENCC
  /* a name whose every character some division uses needs no conversion: OpenCC
   * (its dictionaries take milliseconds to open) is opened for the others only */
  for (guint i = 0; i < n; i++)
    if (chars[i] >= 0x10000 || !(p->used[chars[i] >> 3] & (1 << (chars[i] & 7))))
      {
        char *converted = NULL;

        g_mutex_lock (&p->cc_lock);
        if (!p->cc_tried)
          {
            p->cc = opencc_open ("t2s.json");
            if (p->cc == (opencc_t) -1)
              p->cc = NULL;
            p->cc_tried = TRUE;
          }
        if (p->cc)
          converted = opencc_convert_utf8 (p->cc, utf8, strlen (utf8));
        g_mutex_unlock (&p->cc_lock);
        if (converted)
          {
            out = g_utf8_to_ucs4_fast (converted, -1, &len);
            opencc_convert_utf8_free (converted);
          }
        break;
      }
#endif
  if (out == NULL)
    out = g_utf8_to_ucs4_fast (utf8, -1, &len);
  if ((guint) len != n)
    g_clear_pointer (&out, g_free);
  return out;
}

/* The first (highest) division named @name */
static const Division *
lookup (Places         *p,
        const gunichar *name,
        guint           n)
{
  for (guint h = name_hash (name, n) & p->mask; p->slots[h] != 0; h = (h + 1) & p->mask)
    if (same_name (&p->all[p->slots[h] - 1], name, n))
      return &p->all[p->slots[h] - 1];
  return NULL;
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
  Places     *places;
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

  if (d->level != LEVEL_COUNTY && d->level != LEVEL_TOWN)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      const Division *a = NULL;
      g_autofree char *name = NULL;

      for (guint k = 0; k < ck->places->n_all && a == NULL; k++)
        if (ck->places->all[k].level <= LEVEL_PREFECTURE && ck->places->all[k].code == codes[i])
          a = &ck->places->all[k];
      if (a)
        name = g_ucs4_to_utf8 (a->name, a->len, NULL, NULL, NULL);

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

  Places *p = ck->places;
  guint b;

  if (n < 3 || n > MAX_NAME || !is_suffix (name[n - 1]) || generic (name, n))
    return NULL;
  b = suffix_index (name[n - 1]) * (MAX_NAME + 1) + n;
  for (guint i = p->bucket[b]; i < p->bucket[b + 1]; i++)
    {
      const Division *d = &p->all[p->by_end[i]];
      guint diff = 0, at = 0, score;

      for (guint k = 0; k + 1 < n && diff < 2; k++)
        if (d->name[k] != name[k])
          diff++, at = k;
      if (diff != 1)
        continue;
      if (d->level == LEVEL_TOWN && !g_hash_table_contains (ck->counties, GUINT_TO_POINTER (d->county)))
        continue;
      score = (ancestor_named (ck, d) ? 0 : 1u << 24) +
              (guint) ABS ((int) d->name[at] - (int) name[at]);
      if (score < best_score)
        best_score = score, best = d;
    }
  return best;
}

typedef struct
{
  gunichar *written;   /* as the text has it (normalised) */
  gunichar *simple;    /* through OpenCC */
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
  simple = simplify (ck->places, chars, n);
  if (simple == NULL)
    return;
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
  g_hash_table_insert (ck->flagged, w, g_ucs4_to_utf8 (d->name, d->len, NULL, NULL, NULL));
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
        const Division *exact = lookup (ck->places, run->simple + run->n - len, len);

        if (exact)
          {
            if (exact->level == LEVEL_COUNTY)
              g_hash_table_add (ck->counties, GUINT_TO_POINTER (exact->county));
            return run->n;
          }
      }

  while (i + 2 <= run->n)
    {
      const Division *exact = NULL;
      guint j_exact = 0;

      for (guint j = MIN (run->n, i + MAX_NAME); j >= i + 2; j--)
        if (is_suffix (run->simple[j - 1]) && (exact = lookup (ck->places, run->simple + i, j - i)))
          {
            j_exact = j;
            break;
          }
      if (exact)
        {
          if (exact->level == LEVEL_COUNTY)
            g_hash_table_add (ck->counties, GUINT_TO_POINTER (exact->county));
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

  ck.places = places_load ();
  if (ck.places->n_all == 0)
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
      g_autofree char *zh = g_strdup_printf ("地名“%s”与全国行政区划中的任何名称都不符，疑为“%s”之误。", written, right);
      g_autofree char *en = g_strdup_printf ("The place name “%s” matches no national administrative division; "
                                             "“%s” differs from it in one character.", written, right);
      NbFinding *f = nb_finding_new ("meta.place", NB_SEVERITY_WARNING, zh, en);
      glong wlen;
      g_autofree gunichar *w = g_utf8_to_ucs4_fast (written, -1, &wlen);

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
