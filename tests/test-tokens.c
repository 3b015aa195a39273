/* test-tokens.c — the tokenizer and the digit splitter, on text made up here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parse/nb-parse-private.h"

typedef struct
{
  gunichar *norm;
  Parser    p;
} Fixture;

/* A parser over @text as the normalised text (no report: only the text is read) */
static void
fixture_init (Fixture    *fx,
              const char *text)
{
  glong n = 0;

  fx->norm = g_utf8_to_ucs4_fast (text, -1, &n);
  memset (&fx->p, 0, sizeof fx->p);
  fx->p.norm = fx->norm;
  fx->p.n_norm = n;
}

static char *
token_text (const Fixture *fx,
            const Token   *t)
{
  return g_ucs4_to_utf8 (fx->norm + t->start, t->end - t->start, NULL, NULL, NULL);
}

/* "L:数量 N:23" …: the kinds and texts of the tokens of @text */
static char *
describe_tokens (const char *text,
                 gboolean    with_placeholders)
{
  Fixture fx;
  g_autoptr(GArray) tokens = NULL;
  GString *out = g_string_new (NULL);

  fixture_init (&fx, text);
  tokens = nb_parse_tokenize (&fx.p, 0, fx.p.n_norm, with_placeholders);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      g_autofree char *s = token_text (&fx, t);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%c:%s", t->kind == TOK_LABEL ? 'L' : t->kind == TOK_NUMBER ? 'N' : 'P',
                              t->empty_field ? "_" : s);
    }
  g_free (fx.norm);
  return g_string_free (out, FALSE);
}

static void
test_tokenize (void)
{
  static const struct { const char *text; gboolean placeholders; const char *tokens; } cases[] = {
    { "一、本年新收 11 1 0", TRUE, "L:一、本年新收 N:11 N:1 N:0" },
    /* digits glued to a label, and to the next row's numbering */
    { "数量230000023", TRUE, "L:数量 N:230000023" },
    { "秘密0000000(六)其他处理0000000", TRUE, "L:秘密 N:0000000 L:(六)其他处理 N:0000000" },
    /* placeholders only where asked for */
    { "予以公开 / 2", TRUE, "L:予以公开 P:/ N:2" },
    { "予以公开 / 2", FALSE, "L:予以公开 L:/ N:2" },
    /* k tabs between a label and a value: k - 1 blank cells; a line's closing tabs after its last value */
    { "予以公开\t\t\t2\t\t\n", TRUE, "L:予以公开 P:_ P:_ N:2 P:_ P:_" },
    /* a number with separators, decimals and a unit is one token, its span the number's */
    { "金额 1,234.5万元", TRUE, "L:金额 N:1,234.5" },
    { "2021年", TRUE, "L:2021年" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = describe_tokens (cases[i].text, cases[i].placeholders);

      g_assert_cmpstr (got, ==, cases[i].tokens);
    }
}

static void
test_number_values (void)
{
  Fixture fx;
  g_autoptr(GArray) tokens = NULL;
  const Token *t;

  fixture_init (&fx, "1,234.5万元 -3 0012 1234567890123456789");
  tokens = nb_parse_tokenize (&fx.p, 0, fx.p.n_norm, TRUE);
  g_assert_cmpuint (tokens->len, ==, 4);

  t = &g_array_index (tokens, Token, 0);
  g_assert_cmpfloat (t->value, ==, 1234.5);
  g_assert_cmpuint (t->unit, ==, 2);
  g_assert_false (t->is_integer);
  g_assert_false (t->plain);

  t = &g_array_index (tokens, Token, 1);
  g_assert_cmpfloat (t->value, ==, -3);
  g_assert_true (t->negative);

  t = &g_array_index (tokens, Token, 2);
  g_assert_true (t->plain);
  g_assert_true (t->lead_zero);
  g_assert_cmpuint (t->n_digits, ==, 4);

  /* more digits than a cell holds: cells run together, no value of its own */
  t = &g_array_index (tokens, Token, 3);
  g_assert_true (t->too_long);
  g_assert_cmpfloat (t->value, ==, 0);
  g_free (fx.norm);
}

/* The splits of @text (one run, or runs separated by spaces) into @n_cells cells
 * in groups of @group, as "a b c|a b c"; the number of splits in @n_splits */
static char *
describe_splits (const char *text,
                 guint       min_run,
                 guint       n_cells,
                 guint       group,
                 guint      *n_splits)
{
  Fixture fx;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (Token));
  GString *s = g_string_new (NULL);

  fixture_init (&fx, text);
  tokens = nb_parse_tokenize (&fx.p, 0, fx.p.n_norm, TRUE);
  *n_splits = 0;
  if (!nb_parse_split_runs (&fx.p, (const Token *) (gpointer) tokens->data, tokens->len, min_run, n_cells, group,
                            out, n_splits))
    {
      g_free (fx.norm);
      g_string_free (s, TRUE);
      return NULL;
    }
  for (guint i = 0; i < out->len; i++)
    {
      g_autofree char *cell = token_text (&fx, &g_array_index (out, Token, i));

      if (i > 0)
        g_string_append_c (s, i % n_cells == 0 ? '|' : ' ');
      g_string_append (s, cell);
    }
  g_free (fx.norm);
  return g_string_free (s, FALSE);
}

static void
test_split (void)
{
  guint n;
  g_autofree char *row = describe_splits ("230000023", 6, 7, 7, &n);
  guint n_row = n;
  g_autofree char *two = describe_splits ("11011", 2, 3, 3, &n);
  g_autofree char *none = NULL, *groups = NULL, *plain = NULL;

  /* a requests row: six parts and their total, one way only */
  g_assert_cmpstr (row, ==, "23 0 0 0 0 0 23");
  g_assert_cmpuint (n_row, ==, 1);

  /* a + b = c written "11011": 1 10 11 and 11 0 11 */
  g_assert_cmpstr (two, ==, "1 10 11|11 0 11");
  g_assert_cmpuint (n, ==, 2);

  /* no split fits: "125" is not a + b = c */
  none = describe_splits ("125", 2, 3, 3, &n);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (n, ==, 0);

  /* two groups of three, one of them written apart */
  groups = describe_splits ("2 13 101", 2, 6, 3, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (groups, ==, "2 1 3 1 0 1");

  /* values that are no run: nothing to split */
  plain = describe_splits ("1 2 3", 2, 7, 7, &n);
  g_assert_null (plain);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tokens/tokenize", test_tokenize);
  g_test_add_func ("/tokens/number-values", test_number_values);
  g_test_add_func ("/tokens/split", test_split);
  return g_test_run ();
}
