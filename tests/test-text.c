/* test-text.c — decoding and normalisation with a map back to the decoded text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nianbao.h"

static char *
norm_utf8 (NbText *t)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < t->n_norm; i++)
    g_string_append_unichar (s, t->norm[i]);
  return g_string_free (s, FALSE);
}

static void
test_encodings (void)
{
  const char *utf8 = "一、本年新收 １２\r\n二、上年结转\t0\r三";
  static const char *const encodings[] = { "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len;
      g_autofree char *bytes = g_convert (utf8, -1, encodings[i], "UTF-8", NULL, &len, &error);
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(NbText) text = NULL;
      g_autofree char *norm = NULL;

      g_assert_no_error (error);
      if (strcmp (encodings[i], "UTF-16LE") == 0)
        g_byte_array_append (data, (const guint8 *) "\xFF\xFE", 2);
      else if (strcmp (encodings[i], "UTF-16BE") == 0)
        g_byte_array_append (data, (const guint8 *) "\xFE\xFF", 2);
      g_byte_array_append (data, (const guint8 *) bytes, len);

      text = nb_text_new_from_bytes (data->data, data->len, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text->encoding, ==, encodings[i]);
      g_assert_cmpstr (text->decoded, ==, "一、本年新收 １２\n二、上年结转\t0\n三");
      norm = norm_utf8 (text);
      g_assert_cmpstr (norm, ==, "一、本年新收 12\n二、上年结转\t0\n三");
    }
}

static void
test_bom_and_radicals (void)
{
  /* U+2F00 ⼀ (Kangxi), U+2ED3 ⻓ (radicals supplement), U+3000, U+00A0 */
  const char *data = "\xEF\xBB\xBF⼀、⻓期\u3000３\u00A0０";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbText) text = nb_text_new_from_bytes ((const guint8 *) data, strlen (data), &error);
  g_autofree char *norm = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text->encoding, ==, "UTF-8");
  g_assert_cmpstr (text->decoded, ==, "⼀、⻓期\u3000３\u00A0０");
  norm = norm_utf8 (text);
  g_assert_cmpstr (norm, ==, "一、长期 3 0");
  /* every normalised character maps back to its decoded one */
  g_assert_cmpuint (text->n_norm, ==, 8);
  g_assert_cmpuint (text->norm_to_src[5], ==, 5);  /* "3" ← "３" */
  g_assert_cmpuint (text->norm_to_src[7], ==, 7);
}

static void
test_expanding_normalisation (void)
{
  /* ㈠ (U+3220) is "(一)" under NFKC: four characters from one */
  const char *data = "㈠予以公开 5";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbText) text = nb_text_new_from_bytes ((const guint8 *) data, strlen (data), &error);
  g_autofree char *norm = norm_utf8 (text);

  g_assert_cmpstr (norm, ==, "(一)予以公开 5");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (text->norm_to_src[i], ==, 0);
  g_assert_cmpuint (text->norm_to_src[3], ==, 1);
  g_assert_cmpuint (text->norm_to_src[text->n_norm - 1], ==, 6);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbText) empty = nb_text_new_from_bytes ((const guint8 *) "", 0, &error);
  guint8 binary[64];

  g_assert_null (empty);
  g_assert_error (error, NB_ERROR, NB_ERROR_EMPTY);
  g_clear_error (&error);

  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (i * 37) & 0xFF;
  g_assert_null (nb_text_new_from_bytes (binary, sizeof binary, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_BINARY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/text/encodings", test_encodings);
  g_test_add_func ("/core/text/bom-and-radicals", test_bom_and_radicals);
  g_test_add_func ("/core/text/expanding-normalisation", test_expanding_normalisation);
  g_test_add_func ("/core/text/bad-input", test_bad_input);
  return g_test_run ();
}
