/* nb-review-series.c — rules that compare a report with others of its set
 *
 *   series.carry_over  (error)   this year's 二、上年结转 row is last year's
 *                                四、结转下年度继续办理 row, column by column
 *   series.in_force    (warning) 行政规范性文件 现行有效 = last year's + this
 *                                year's 制发 − 废止 (2021 edition)
 *   meta.agency        (warning) the prose calls the office by another kind of
 *                                office (本中心 in a 镇人民政府 report), or puts
 *                                another office of the set where it names itself
 *
 * "The same agency" is the same name once normalised (NFKC, no spaces or
 * punctuation); "last year" is a report of that agency for the year before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-message-private.h"
#include "nb-review-private.h"

/**
 * nb_review_normalize_agency:
 *
 * Returns: (transfer full) (nullable): the name as the set's rules compare it
 */
char *
nb_review_normalize_agency (const char *agency)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  if (agency == NULL || *agency == '\0')
    return NULL;
  nfkc = g_utf8_normalize (agency, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  if (out->len == 0)
    return g_string_free (out, TRUE), NULL;
  return g_string_free (out, FALSE);
}

/* ---- 本中心 in a 镇人民政府 report ---------------------------------------- */

/* "本" + a kind of office, and what the office's own name must hold to use it */
static const struct
{
  const char *word;
  const char *needs;
  const char *not_before;  /* a following character that makes it another word (本办法) */
} self_words[] = {
  { "中心", "中心", NULL },
  { "局", "局", "面部" },
  { "委员会", "委", NULL },
  { "委", "委", "托屈" },
  { "厅", "厅", NULL },
  { "街道", "街道", NULL },
  { "镇", "镇", NULL },
  { "乡", "乡", "村土" },
  { "办", "办", "法理事结" },
};

static gboolean
chars_match (const gunichar *chars,
             guint           n,
             guint           at,
             const char     *word,
             guint          *len)
{
  guint k = 0;

  for (const char *p = word; *p; p = g_utf8_next_char (p), k++)
    if (at + k >= n || chars[at + k] != g_utf8_get_char (p))
      return FALSE;
  *len = k;
  return TRUE;
}

/**
 * nb_review_check_self_names:
 *
 * meta.agency for a report that calls itself 本中心, 本局, 本镇… when its own name
 * is no such office. Found once, when the report is read.
 */
void
nb_review_check_self_names (NbDigest *d)
{
  NbFinding *found[G_N_ELEMENTS (self_words)] = { NULL };
  guint n_spans[G_N_ELEMENTS (self_words)] = { 0 };
  gboolean allowed[G_N_ELEMENTS (self_words)];

  d->own_findings = g_ptr_array_new_with_free_func (g_object_unref);
  if (d->agency_key == NULL || d->sentences == NULL)
    return;
  for (guint w = 0; w < G_N_ELEMENTS (self_words); w++)
    allowed[w] = strstr (d->agency_key, self_words[w].needs) != NULL;

  for (guint s = 0; s < d->sentences->len; s++)
    {
      NbSentence *sen = &g_array_index (d->sentences, NbSentence, s);

      for (guint i = 0; i + 1 < sen->n; i++)
        {
          if (sen->chars[i] != 0x672C /* 本 */)
            continue;
          /* the first (longest) word that fits: 本委员会, not 本委 */
          for (guint w = 0; w < G_N_ELEMENTS (self_words); w++)
            {
              guint len;

              if (!chars_match (sen->chars, sen->n, i + 1, self_words[w].word, &len))
                continue;
              if (allowed[w] || (self_words[w].not_before && i + 1 + len < sen->n &&
                                 g_utf8_strchr (self_words[w].not_before, -1, sen->chars[i + 1 + len])))
                break;
              if (found[w] == NULL)
                {
                  g_autoptr (NbMessage) m = nb_message_new ("meta.agency", "self_word");

                  nb_message_set (m, "word", self_words[w].word);
                  nb_message_set (m, "agency", d->agency);
                  found[w] = nb_message_to_finding (m, NB_SEVERITY_WARNING);
                }
              if (n_spans[w]++ < 20)
                nb_finding_add_span (found[w], (NbSpan) { sen->src[i], sen->src[i + len] + 1 });
              break;
            }
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (self_words); w++)
    if (found[w])
      g_ptr_array_add (d->own_findings, found[w]);
}

/* ---- another office of the set named as the report's own ------------------ */

static guint64
key3 (const gunichar *c)
{
  return ((guint64) c[0] << 42) | ((guint64) c[1] << 21) | c[2];
}

typedef struct
{
  gunichar *chars;
  guint     n;
  char     *key;
  char     *agency;
  guint     first;  /* a report of that agency */
} Name;

static void
name_free (gpointer data)
{
  Name *name = data;

  g_free (name->chars);
  g_free (name);
}

/* Whether a name starting at @at is where a report names itself: at the start of a
 * sentence (its title, "X按照…"), after "N年" ("2021年，X…"), or after 公布. */
static gboolean
names_itself (const gunichar *c,
              guint           at)
{
  if (at == 0 || c[at - 1] == 0x5E74 /* 年 */)
    return TRUE;
  return at >= 2 && c[at - 2] == 0x516C && c[at - 1] == 0x5E03;  /* 公布 */
}

/**
 * nb_review_check_other_names:
 *
 * meta.agency for a report whose prose names another office of the set where a
 * report names itself (its title, "2021年，X…", "现公布X…"): text taken from that
 * office's report and not edited. Only those places are looked at, so a set of
 * thousands is read quickly.
 */
void
nb_review_check_other_names (NbDigest   **digests,
                             const char **files,
                             guint        n,
                             GPtrArray  **findings)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_prefix = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (name_free);

  for (guint i = 0; i < n; i++)
    {
      NbDigest *d = digests[i];
      glong len;
      Name *name;
      guint64 *prefix;
      GPtrArray *list;

      if (d == NULL || d->agency_key == NULL || g_hash_table_contains (by_key, d->agency_key))
        continue;
      name = g_new0 (Name, 1);
      name->chars = g_utf8_to_ucs4_fast (d->agency_key, -1, &len);
      name->n = len;
      name->key = d->agency_key;
      name->agency = d->agency;
      name->first = i;
      g_ptr_array_add (names, name);
      g_hash_table_insert (by_key, d->agency_key, name);
      if (len < 4)
        continue;
      prefix = g_new (guint64, 1);
      *prefix = key3 (name->chars);
      list = g_hash_table_lookup (by_prefix, prefix);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_prefix, prefix, list);
        }
      else
        g_free (prefix);
      g_ptr_array_add (list, name);
    }
  if (names->len < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      NbDigest *d = digests[i];
      g_autoptr(GHashTable) seen = NULL;

      if (d == NULL || d->agency_key == NULL || d->sentences == NULL)
        continue;
      seen = g_hash_table_new (NULL, NULL);
      for (guint s = 0; s < d->sentences->len; s++)
        {
          NbSentence *sen = &g_array_index (d->sentences, NbSentence, s);

          for (guint p = 0; p + 4 <= sen->n; p++)
            {
              guint64 k;
              GPtrArray *list;

              if (!names_itself (sen->chars, p))
                continue;
              k = key3 (sen->chars + p);
              list = g_hash_table_lookup (by_prefix, &k);

              for (guint l = 0; list && l < list->len; l++)
                {
                  Name *name = g_ptr_array_index (list, l);
                  g_autoptr (NbMessage) m = NULL;
                  NbFinding *f;

                  if (p + name->n > sen->n ||
                      memcmp (sen->chars + p, name->chars, name->n * sizeof (gunichar)) != 0 ||
                      strstr (d->agency_key, name->key) || strstr (name->key, d->agency_key) ||
                      g_hash_table_contains (seen, name))
                    continue;
                  g_hash_table_add (seen, name);
                  m = nb_message_new ("meta.agency", "other_office");
                  nb_message_set (m, "other", name->agency);
                  nb_message_set (m, "file", files[name->first]);
                  nb_message_set (m, "agency", d->agency);
                  f = nb_message_to_finding (m, NB_SEVERITY_WARNING);
                  nb_finding_add_span (f, (NbSpan) { sen->src[p], sen->src[p + name->n - 1] + 1 });
                  g_ptr_array_add (findings[i], f);
                }
            }
        }
    }
}

/* ---- year over year -------------------------------------------------------- */

static char *
format_value (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (v == (gint64) v)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

static void
set_value (NbMessage  *m,
           const char *name,
           double      v)
{
  g_autofree char *s = format_value (v);

  nb_message_set (m, name, s);
}

static void
check_pair (NbDigest    *d,
            NbDigest    *last,
            const char  *last_file,
            GPtrArray   *out)
{
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    {
      g_autoptr (NbMessage) m = NULL;
      NbFinding *f;

      if (!d->has_carried_in[c] || !last->has_carried_over[c] || d->carried_in[c] == last->carried_over[c])
        continue;
      m = nb_message_new ("series.carry_over", "differs");
      nb_message_set_lang (m, "column", nb_schema_get_request_column_label (c),
                           nb_schema_get_request_column_english (c));
      set_value (m, "now", d->carried_in[c]);
      nb_message_set_int (m, "year", last->year);
      nb_message_set (m, "file", last_file);
      set_value (m, "was", last->carried_over[c]);
      f = nb_message_to_finding (m, NB_SEVERITY_ERROR);
      nb_finding_add_cell (f, d->carried_in_cell[c]);
      g_ptr_array_add (out, f);
    }

  if (d->edition == NB_EDITION_2021 && last->edition == NB_EDITION_2021 &&
      d->has_normative[0] && d->has_normative[1] && d->has_normative[2] && last->has_normative[2])
    {
      double expected = last->normative[2] + d->normative[0] - d->normative[1];

      if (expected != d->normative[2])
        {
          g_autoptr (NbMessage) m = nb_message_new ("series.in_force", "differs");
          NbFinding *f;

          set_value (m, "now", d->normative[2]);
          nb_message_set_int (m, "year", last->year);
          nb_message_set (m, "file", last_file);
          set_value (m, "was", last->normative[2]);
          set_value (m, "issued", d->normative[0]);
          set_value (m, "repealed", d->normative[1]);
          set_value (m, "expected", expected);
          f = nb_message_to_finding (m, NB_SEVERITY_WARNING);

          for (guint k = 0; k < 3; k++)
            nb_finding_add_cell (f, d->normative_cell[(k + 2) % 3]);
          g_ptr_array_add (out, f);
        }
    }
}

/**
 * nb_review_check_series:
 *
 * series.carry_over and series.in_force for each report whose agency has a report
 * for the year before in the set (the first such, when there are several).
 */
void
nb_review_check_series (NbDigest   **digests,
                        const char **files,
                        guint        n,
                        GPtrArray  **findings)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* agency key + year → the first report of that agency and year */
  for (guint i = 0; i < n; i++)
    {
      NbDigest *d = digests[i];
      char *key;

      if (d == NULL || d->agency_key == NULL || d->year <= 0)
        continue;
      key = g_strdup_printf ("%d:%s", d->year, d->agency_key);
      if (g_hash_table_contains (first, key))
        g_free (key);
      else
        g_hash_table_insert (first, key, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      NbDigest *d = digests[i];
      g_autofree char *key = NULL;
      guint last;

      if (d == NULL || d->agency_key == NULL || d->year <= 1)
        continue;
      key = g_strdup_printf ("%d:%s", d->year - 1, d->agency_key);
      last = GPOINTER_TO_UINT (g_hash_table_lookup (first, key));
      if (last)
        check_pair (d, digests[last - 1], files[last - 1], findings[i]);
    }
}
