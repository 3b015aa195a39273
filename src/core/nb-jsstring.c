/* nb-jsstring.c — a web page held in a JavaScript string (`var content = "<table
 * align=\"center\">…"`), as some sites serve their reports, unescaped into the page itself
 * for the HTML reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nb-jsstring-private.h"

static int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c = g_ascii_tolower (c);
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* @n hex digits at @p, or -1 */
static gint64
read_hex (const guint8 *p,
          const guint8 *end,
          guint         n)
{
  gint64 v = 0;

  if ((gsize) (end - p) < n)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  if (g_unichar_validate (c))
    g_string_append_unichar (out, c);
  else
    g_string_append (out, "\xEF\xBF\xBD");
}

/* Unescapes the literal whose body starts at @p (after its opening @quote) into @out;
 * returns the index after its closing quote, or @end when it is not closed. */
static const guint8 *
read_literal (const guint8 *p,
              const guint8 *end,
              guint8        quote,
              GString      *out)
{
  while (p < end && *p != quote)
    {
      gint64 v;

      if (*p == '\n' && quote != '`')
        return p;  /* not a string after all */
      if (*p != '\\' || p + 1 >= end)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'b': case 'f': case 'v': g_string_append_c (out, ' '); p++; break;
        case '\n': p++; break;  /* a line continuation */
        case 'x':
          if ((v = read_hex (p + 1, end, 2)) >= 0)
            {
              append_unichar (out, (gunichar) v);
              p += 3;
            }
          else
            g_string_append_c (out, *p++);
          break;
        case 'u':
          if (p + 1 < end && p[1] == '{')
            {
              const guint8 *q = p + 2;
              gint64 c = 0;

              while (q < end && *q != '}' && hex_value (*q) >= 0 && c <= 0x10FFFF)
                c = c * 16 + hex_value (*q++);
              if (q < end && *q == '}')
                {
                  append_unichar (out, (gunichar) c);
                  p = q + 1;
                  break;
                }
            }
          if ((v = read_hex (p + 1, end, 4)) >= 0)
            {
              gint64 low;

              p += 5;
              /* a surrogate pair */
              if (v >= 0xD800 && v <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                  (low = read_hex (p + 2, end, 4)) >= 0xDC00 && low <= 0xDFFF)
                {
                  v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
                  p += 6;
                }
              append_unichar (out, (gunichar) v);
            }
          else
            g_string_append_c (out, *p++);
          break;
        default:  /* \" \' \\ \/ and any other character stand for themselves */
          g_string_append_c (out, *p++);
          break;
        }
    }
  return p < end ? p + 1 : end;
}

/* Whether a literal holds markup: at least two tags of a page's text (opening or closing) */
static gboolean
holds_markup (const char *s,
              gsize       len)
{
  static const char *const tags[] = { "table", "tr", "td", "p", "div", "br", "span" };
  guint n = 0;

  for (gsize i = 0; i + 2 < len && n < 2; i++)
    {
      gsize j = i + 1;

      if (s[i] != '<')
        continue;
      if (s[j] == '/')
        j++;
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        {
          gsize k = strlen (tags[t]);

          if (j + k < len && g_ascii_strncasecmp (s + j, tags[t], k) == 0 &&
              (s[j + k] == '>' || s[j + k] == '/' || g_ascii_isspace (s[j + k])))
            {
              n++;
              break;
            }
        }
    }
  return n >= 2;
}

/**
 * nb_js_string_extract_markup:
 * @out_len: (out): the length of the result, in bytes
 *
 * Finds the JavaScript string literals of @data ("…", '…' or `…`) that hold HTML markup and
 * returns them unescaped (\" \' \\ \/ \n \t \uXXXX \xXX), one after the other: a page split
 * into several literals joined with + reads as one.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL when no literal holds any
 */
char *
nb_js_string_extract_markup (const guint8 *data,
                             gsize         len,
                             gsize        *out_len)
{
  const guint8 *p = data, *end = data + len;
  GString *out = g_string_new (NULL);
  g_autoptr(GString) literal = g_string_new (NULL);
  gboolean found = FALSE;

  while (p < end)
    {
      guint8 c = *p++;

      if (c == '/' && p < end && *p == '/')  /* a comment to the line's end */
        {
          while (p < end && *p != '\n')
            p++;
          continue;
        }
      if (c != '"' && c != '\'' && c != '`')
        continue;
      g_string_truncate (literal, 0);
      p = read_literal (p, end, c, literal);
      if (holds_markup (literal->str, literal->len) || (found && memchr (literal->str, '<', literal->len)))
        {
          g_string_append_len (out, literal->str, literal->len);
          found = TRUE;
        }
    }
  if (!found)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}
