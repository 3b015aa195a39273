/* nb-text.c — decoding bytes and normalising the text, with a map back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-text.h"
#include "parse/nb-layout-private.h"

/* CJK Radicals Supplement characters that NFKC leaves alone but that real
 * reports contain in place of the ideographs (text copied out of PDFs). */
static const struct { gunichar from, to; } radicals_supplement[] = {
  { 0x2E84, 0x4E59 }, { 0x2E85, 0x4EBB }, { 0x2E86, 0x5182 }, { 0x2E87, 0x51E0 },
  { 0x2E88, 0x5200 }, { 0x2E89, 0x5202 }, { 0x2E8A, 0x535C }, { 0x2E8B, 0x353E },
  { 0x2E8C, 0x5C0F }, { 0x2E8D, 0x5C0F }, { 0x2E8E, 0x5140 }, { 0x2E8F, 0x5C23 },
  { 0x2E90, 0x5C22 }, { 0x2E92, 0x5DF3 }, { 0x2E93, 0x5E7A }, { 0x2E94, 0x5F51 },
  { 0x2E95, 0x5F50 }, { 0x2E96, 0x5FC4 }, { 0x2E97, 0x5FC3 }, { 0x2E98, 0x624C },
  { 0x2E99, 0x6535 }, { 0x2E9B, 0x65E1 }, { 0x2E9D, 0x6708 }, { 0x2E9E, 0x6B7A },
  { 0x2E9F, 0x6BCD }, { 0x2EA0, 0x6C11 }, { 0x2EA1, 0x6C35 }, { 0x2EA2, 0x6C3A },
  { 0x2EA3, 0x706C }, { 0x2EA4, 0x722B }, { 0x2EA5, 0x722B }, { 0x2EA6, 0x4E2C },
  { 0x2EA7, 0x725B }, { 0x2EA8, 0x72AD }, { 0x2EA9, 0x738B }, { 0x2EAA, 0x758B },
  { 0x2EAB, 0x76EE }, { 0x2EAC, 0x793A }, { 0x2EAD, 0x793B }, { 0x2EAE, 0x7AF9 },
  { 0x2EAF, 0x7CF9 }, { 0x2EB0, 0x7E9F }, { 0x2EB1, 0x7F53 }, { 0x2EB2, 0x7F52 },
  { 0x2EB3, 0x7F51 }, { 0x2EB4, 0x5197 }, { 0x2EB5, 0x7F52 }, { 0x2EB6, 0x7F8A },
  { 0x2EB7, 0x7F8A }, { 0x2EB8, 0x7F8B }, { 0x2EB9, 0x8002 }, { 0x2EBA, 0x8080 },
  { 0x2EBB, 0x807F }, { 0x2EBC, 0x8089 }, { 0x2EBD, 0x81FC }, { 0x2EBE, 0x8279 },
  { 0x2EBF, 0x8279 }, { 0x2EC0, 0x8279 }, { 0x2EC1, 0x864E }, { 0x2EC2, 0x8864 },
  { 0x2EC3, 0x8980 }, { 0x2EC4, 0x897F }, { 0x2EC5, 0x89C1 }, { 0x2EC6, 0x89D2 },
  { 0x2EC7, 0x89D2 }, { 0x2EC8, 0x8BA0 }, { 0x2EC9, 0x8D1D }, { 0x2ECA, 0x8DB3 },
  { 0x2ECB, 0x8F66 }, { 0x2ECC, 0x8FB6 }, { 0x2ECD, 0x8FB6 }, { 0x2ECE, 0x8FB6 },
  { 0x2ECF, 0x9091 }, { 0x2ED0, 0x9485 }, { 0x2ED1, 0x9577 }, { 0x2ED2, 0x9578 },
  { 0x2ED3, 0x957F }, { 0x2ED4, 0x95E8 }, { 0x2ED5, 0x961C }, { 0x2ED6, 0x961D },
  { 0x2ED7, 0x96E8 }, { 0x2ED8, 0x9752 }, { 0x2ED9, 0x97E6 }, { 0x2EDA, 0x9875 },
  { 0x2EDB, 0x98CE }, { 0x2EDC, 0x98DE }, { 0x2EDD, 0x98DF }, { 0x2EDE, 0x98E0 },
  { 0x2EDF, 0x98E0 }, { 0x2EE0, 0x9963 }, { 0x2EE1, 0x9996 }, { 0x2EE2, 0x9A6C },
  { 0x2EE3, 0x9AA8 }, { 0x2EE4, 0x9B3C }, { 0x2EE5, 0x9C7C }, { 0x2EE6, 0x9E1F },
  { 0x2EE7, 0x5364 }, { 0x2EE8, 0x9EA6 }, { 0x2EE9, 0x9EC4 }, { 0x2EEA, 0x9EFE },
  { 0x2EEB, 0x6589 }, { 0x2EEC, 0x9F50 }, { 0x2EED, 0x6B6F }, { 0x2EEE, 0x9F7F },
  { 0x2EEF, 0x7ADC }, { 0x2EF0, 0x9F99 }, { 0x2EF1, 0x9F9C }, { 0x2EF2, 0x4E80 },
  { 0x2EF3, 0x9F9F },
};

static gunichar
lookup_radical (gunichar c)
{
  guint lo = 0, hi = G_N_ELEMENTS (radicals_supplement);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (radicals_supplement[mid].from == c)
        return radicals_supplement[mid].to;
      if (radicals_supplement[mid].from < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/**
 * nb_text_normalize_char:
 * @c: a code point of the decoded text
 * @out: (out caller-allocates): room for at least 18 code points
 * @n_out: (out): how many code points @c becomes
 *
 * Normalises one character: NFKC (full-width forms, Kangxi radicals,
 * compatibility ideographs), the CJK Radicals Supplement, U+3000 and other
 * spaces to ' ', zero-width characters to nothing.
 *
 * Returns: the first code point written, or 0 when none is
 */
gunichar
nb_text_normalize_char (gunichar  c,
                        gunichar *out,
                        guint    *n_out)
{
  *n_out = 1;

  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3035))
    return out[0] = c;
  if (c >= 0xFF01 && c <= 0xFF5E)
    return out[0] = c - 0xFEE0;
  if (c == 0x3000 || c == 0x00A0 || c == 0x202F || c == 0x2007 || (c >= 0x2000 && c <= 0x200A))
    return out[0] = ' ';
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
    {
      *n_out = 0;
      return 0;
    }
  if (c >= 0x2E80 && c <= 0x2EFF)
    {
      gunichar r = lookup_radical (c);
      return out[0] = r ? r : c;
    }

  {
    char buf[8];
    int len = g_unichar_to_utf8 (c, buf);
    g_autofree char *nfkc = g_utf8_normalize (buf, len, G_NORMALIZE_NFKC);
    guint n = 0;

    if (nfkc == NULL)
      return out[0] = c;
    for (const char *p = nfkc; *p && n < 18; p = g_utf8_next_char (p))
      {
        gunichar u = g_utf8_get_char (p);
        out[n++] = (u == 0x3000 || u == 0x00A0) ? ' ' : u;
      }
    *n_out = n;
    return n ? out[0] : 0;
  }
}

/* The code point at *p of valid UTF-8, moving p past it */
static inline gunichar
next_char (const guchar **p)
{
  const guchar *u = *p;

  if (u[0] < 0x80)
    {
      *p = u + 1;
      return u[0];
    }
  if (u[0] < 0xE0)
    {
      *p = u + 2;
      return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
  if (u[0] < 0xF0)
    {
      *p = u + 3;
      return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
  *p = u + 4;
  return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

/* GCC vectorises loops at -O2 only when they cost nothing to set up; these byte loops,
 * over whole files, are worth it. (Clang vectorises them as they are.) */
#if defined (__GNUC__) && !defined (__clang__)
# define VECTORIZE __attribute__ ((optimize ("vect-cost-model=dynamic")))
#else
# define VECTORIZE
#endif

/* Code points in valid UTF-8: the bytes that start one */
VECTORIZE static guint
count_chars (const char *s,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += ((guchar) s[i] & 0xC0) != 0x80;
  return n;
}

/* One pass over the decoded text, writing straight into arrays sized for one code point a
 * character. A few characters become several (or none): the arrays then grow, keeping room
 * for one code point for each character still to come, so that the common characters are
 * written without a check. */
static void
build_normalised (NbText *text)
{
  gsize cap = text->n_chars + 16;
  gunichar *norm = g_new (gunichar, cap + 2);
  guint *map = g_new (guint, cap + 2);
  GHashTable *cache = NULL;
  const guchar *p = (const guchar *) text->decoded;
  const guchar *end = p + text->decoded_len;
  guint index = 0;
  gsize n = 0;

  for (; p < end; index++)
    {
      gunichar c = next_char (&p);
      const gunichar *out;
      guint n_out;

      /* the common cases of nb_text_normalize_char(), without a call */
      if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3035))
        {
          norm[n] = c;
          map[n++] = index;
          continue;
        }
      if (c >= 0xFF01 && c <= 0xFF5E)
        {
          norm[n] = c - 0xFEE0;
          map[n++] = index;
          continue;
        }

      /* Other characters repeat (punctuation, radicals): remember them. */
      if (cache == NULL)
        cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      {
        gunichar *cached = g_hash_table_lookup (cache, GUINT_TO_POINTER (c));

        if (cached == NULL)
          {
            gunichar buf[18];

            nb_text_normalize_char (c, buf, &n_out);
            cached = g_new (gunichar, n_out + 1);
            cached[0] = n_out;
            memcpy (cached + 1, buf, n_out * sizeof (gunichar));
            g_hash_table_insert (cache, GUINT_TO_POINTER (c), cached);
          }
        n_out = cached[0];
        out = cached + 1;
      }
      /* room for these and one for each character still to come */
      if (n + n_out + (text->n_chars - index - 1) > cap)
        {
          cap = MAX (cap * 2, n + n_out + (text->n_chars - index - 1));
          norm = g_renew (gunichar, norm, cap + 2);
          map = g_renew (guint, map, cap + 2);
        }
      for (guint i = 0; i < n_out; i++)
        {
          norm[n] = out[i];
          map[n++] = index;
        }
    }

  norm[n] = 0;
  map[n] = index;  /* the end maps to the end */
  map[n + 1] = 0;
  text->n_norm = n;
  text->norm = norm;
  text->norm_to_src = map;
  g_clear_pointer (&cache, g_hash_table_unref);
}

/* Line ends become "\n"; NUL and other C0 controls but tab, newline and form
 * feed are dropped. Works in place on valid UTF-8. */
static gsize
clean_line_ends (char  *s,
                 gsize  len)
{
  gsize w, r = 0;

  /* nothing moves up to the first byte to change: skip to it */
  while (r < len && ((guchar) s[r] >= 0x20 || s[r] == '\t' || s[r] == '\n' || s[r] == '\f'))
    r++;
  for (w = r; r < len; r++)
    {
      guchar ch = s[r];

      if (ch == '\r')
        {
          s[w++] = '\n';
          if (r + 1 < len && s[r + 1] == '\n')
            r++;
        }
      else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\f')
        continue;
      else
        s[w++] = ch;
    }
  s[w] = '\0';
  return w;
}

VECTORIZE static gboolean
looks_binary (const guint8 *data,
              gsize         len)
{
  gsize n = MIN (len, 8192);
  guint controls = 0, nul = 0;

  /* without branches, so that the compiler can vectorise it */
  for (gsize i = 0; i < n; i++)
    {
      guint8 b = data[i];

      nul |= b == 0;
      /* C0 controls but tab, newline, form feed and carriage return */
      controls += (b < 0x20) & (b != '\t') & (b != '\n') & (b != '\f') & (b != '\r');
    }
  return nul || controls > n / 20;
}

/* Whether nearly all of the first @n bytes, as UTF-16 units, are characters of a report:
 * CJK ideographs, printable ASCII, line ends and tabs, CJK and full-width punctuation */
static gboolean
utf16_plausible (const guint8 *data,
                 gsize         n,
                 gboolean      big_endian)
{
  gsize good = 0;

  for (gsize i = 0; i + 1 < n; i += 2)
    {
      guint u = big_endian ? (guint) data[i] << 8 | data[i + 1] : (guint) data[i + 1] << 8 | data[i];

      good += (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' ||
              u == '\t' || (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF01 && u <= 0xFF5E) ||
              (u >= 0x2010 && u <= 0x2027) || u == 0x00B7 || (u >= 0x3400 && u <= 0x4DBF);
    }
  return good >= (n / 2) * 19 / 20;
}

/* UTF-16 without a BOM: one byte of most pairs is zero. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         len)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  gsize zero_even = 0, zero_odd = 0;

  if (n < 8)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }
  if (zero_odd > n / 8 && zero_even < n / 64)
    return "UTF-16LE";
  if (zero_even > n / 8 && zero_odd < n / 64)
    return "UTF-16BE";
  /* mostly Chinese: few ASCII characters, so few zero bytes (UTF-8 and GB18030 have
   * none); the byte order in which nearly every unit is a character a report uses */
  if (zero_odd + zero_even >= 2)
    {
      gboolean le = utf16_plausible (data, n, FALSE), be = utf16_plausible (data, n, TRUE);

      if (le != be)
        return le ? "UTF-16LE" : "UTF-16BE";
    }
  return NULL;
}

/* Converts with iconv, replacing undecodable bytes with U+FFFD; counts them, and adds
 * where each replacement starts in the output (byte offsets) to @bad. */
static char *
convert_lossy (const guint8  *data,
               gsize          len,
               const char    *from,
               gsize         *out_len,
               gsize         *n_bad,
               GArray        *bad,
               GError       **error)
{
  GIConv cd = g_iconv_open ("UTF-8", from);
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[16384];

  *n_bad = 0;
  if (cd == (GIConv) -1)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                   _("This system cannot convert from %s"), from);
      return NULL;
    }

  out = g_string_sized_new (len * 3 / 2 + 16);
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or EINVAL (truncated at the end): skip one byte. */
          g_array_append_val (bad, out->len);
          g_string_append (out, "\xEF\xBF\xBD");
          (*n_bad)++;
          in++;
          in_left--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (cd);

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Where the replacements at byte offsets @bad (ascending) of @s fall in the text once
 * clean_line_ends() has run over it, in code points */
static guint *
locate_replacements (const char *s,
                     gsize       len,
                     GArray     *bad,
                     guint      *n_out)
{
  guint *pos = g_new (guint, bad->len);
  guint k = 0, c = 0;

  for (gsize r = 0; r < len && k < bad->len;)
    {
      guchar ch = s[r];

      if (r == g_array_index (bad, gsize, k))
        pos[k++] = c;
      if (ch == '\r')
        {
          c++;
          r++;
          if (r < len && s[r] == '\n')
            r++;
        }
      else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\f')
        r++;
      else
        {
          c++;
          r = g_utf8_next_char (s + r) - s;
        }
    }
  *n_out = k;
  return pos;
}

static NbText *
text_new_take (char       *utf8,
               gsize       len,
               const char *encoding,
               GArray     *bad)
{
  NbText *text = g_new0 (NbText, 1);

  if (bad != NULL && bad->len > 0)
    text->replaced = locate_replacements (utf8, len, bad, &text->n_replaced);
  text->decoded_len = clean_line_ends (utf8, len);
  text->decoded = utf8;
  text->n_chars = count_chars (utf8, text->decoded_len);
  text->encoding = g_strdup (encoding);
  build_normalised (text);
  nb_layout_clean (&text->norm, &text->norm_to_src, &text->n_norm);
  return text;
}

/**
 * nb_text_check_size:
 * @len: the size of a file, in bytes
 *
 * Returns: %TRUE when a file of @len bytes can be a report: not empty, and
 *   not larger than %NB_MAX_REPORT_SIZE; otherwise %FALSE with @error set
 */
gboolean
nb_text_check_size (guint64   len,
                    GError  **error)
{
  if (len == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }
  if (len > NB_MAX_REPORT_SIZE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is too large for a report (more than %d MB)"),
                   NB_MAX_REPORT_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_text_new_from_bytes:
 *
 * Decodes a report: UTF-8 with or without BOM, UTF-16 LE/BE (with BOM, or
 * recognised by its zero bytes), otherwise GB18030 (which covers GBK and
 * GB2312).
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
NbText *
nb_text_new_from_bytes (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autoptr(GArray) bad = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *utf16 = NULL;
  gsize n_bad = 0, out_len = 0;
  char *utf8;

  if (!nb_text_check_size (len, error))
    return NULL;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      if (!g_utf8_validate_len ((const char *) data + 3, len - 3, NULL))
        {
          utf8 = convert_lossy (data + 3, len - 3, "UTF-8", &out_len, &n_bad, bad, error);
          if (utf8 == NULL)
            return NULL;
          if (n_bad > len / 100 + 1)
            {
              g_free (utf8);
              g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCODING,
                                   _("The file says it is UTF-8 but is not valid UTF-8"));
              return NULL;
            }
          return text_new_take (utf8, out_len, "UTF-8", bad);
        }
      return text_new_take (g_strndup ((const char *) data + 3, len - 3), len - 3, "UTF-8", NULL);
    }

  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    utf16 = "UTF-16LE";
  else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    utf16 = "UTF-16BE";

  if (utf16 != NULL || (utf16 = guess_utf16 (data, len)) != NULL)
    {
      gboolean bom = len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                                  (data[0] == 0xFE && data[1] == 0xFF));
      const guint8 *body = bom ? data + 2 : data;
      gsize body_len = (bom ? len - 2 : len) & ~(gsize) 1;

      utf8 = convert_lossy (body, body_len, utf16, &out_len, &n_bad, bad, error);
      if (utf8 == NULL)
        return NULL;
      if (n_bad > body_len / 100 + 1 || looks_binary ((const guint8 *) utf8, out_len))
        {
          g_free (utf8);
          g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                       _("The file is not valid %s text"), utf16);
          return NULL;
        }
      return text_new_take (utf8, out_len, utf16, bad);
    }

  if (looks_binary (data, len))
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_BINARY,
                           _("The file is binary data, not a text report"));
      return NULL;
    }

  if (g_utf8_validate_len ((const char *) data, len, NULL))
    return text_new_take (g_strndup ((const char *) data, len), len, "UTF-8", NULL);

  /* UTF-8 but for a stray byte or a cut-off last character: nearly all of it valid */
  utf8 = convert_lossy (data, len, "UTF-8", &out_len, &n_bad, bad, error);
  if (utf8 == NULL)
    return NULL;
  if (n_bad <= len / 1000 + 4)
    return text_new_take (utf8, out_len, "UTF-8", bad);
  g_clear_pointer (&utf8, g_free);
  g_array_set_size (bad, 0);

  utf8 = convert_lossy (data, len, "GB18030", &out_len, &n_bad, bad, error);
  if (utf8 == NULL)
    return NULL;
  if (n_bad > len / 50 + 2)
    {
      g_free (utf8);
      g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCODING,
                           _("The file is neither UTF-8, UTF-16 nor GB18030 text"));
      return NULL;
    }
  return text_new_take (utf8, out_len, "GB18030", bad);
}

/**
 * nb_text_new_from_utf8:
 * @utf8: text that a reader (PDF, DOCX, HTML) extracted; must be valid UTF-8
 * @len: its length in bytes, or -1
 * @encoding: what to report as its encoding ("PDF", …)
 */
NbText *
nb_text_new_from_utf8 (const char *utf8,
                       gssize      len,
                       const char *encoding)
{
  if (len < 0)
    len = strlen (utf8);
  g_return_val_if_fail (g_utf8_validate_len (utf8, len, NULL), NULL);
  return text_new_take (g_strndup (utf8, len), len, encoding, NULL);
}

void
nb_text_free (NbText *text)
{
  if (text == NULL)
    return;
  g_free (text->decoded);
  g_free (text->encoding);
  g_free (text->norm);
  g_free (text->norm_to_src);
  g_free (text->replaced);
  g_free (text);
}
