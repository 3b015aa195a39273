/* test-places.c — meta.place: misspelt divisions caught, real ones left alone
 *
 * 沐阳县 for 沭阳县 (a real office's slip, rebuilt here from a fixture by renaming its
 * county), the 浉池 that mianchi-2022.txt writes once for 澠池 (a traditional form
 * read as 渑池 through data/t2s.txt), traditional forms of a real county's name, and
 * no meta.place on any sample, fixture or seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "nianbao.h"
#include "check/nb-places.h"
#include "test-util.h"

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return text;
}

static NbReport *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), "places", &error);

  g_assert_no_error (error);
  return report;
}

/* The meta.place findings: "written→suggested (spans)" each, for messages and checks */
static GPtrArray *
places_found (NbReport *report)
{
  GListModel *findings = nb_report_get_findings (report);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      NbFinding *f = g_list_model_get_item (findings, i);

      if (g_str_equal (nb_finding_get_rule (f), "meta.place"))
        {
          g_test_message ("%s", nb_finding_get_message (f, "zh_CN"));
          g_assert_cmpint (nb_finding_get_severity (f), ==, NB_SEVERITY_WARNING);
          g_ptr_array_add (out, f);
        }
      else
        g_object_unref (f);
    }
  return out;
}

static char *
span_text (NbReport *report,
           NbSpan    span)
{
  const char *text = nb_report_get_text (report);
  const char *a = g_utf8_offset_to_pointer (text, span.start);
  const char *b = g_utf8_offset_to_pointer (text, span.end);

  return g_strndup (a, b - a);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p; p = strstr (p + strlen (word), word))
    n++;
  return n;
}

/* The meta.place findings of @text with every @from replaced by @to */
static guint
places_after_replacing (const char *text,
                        const char *from,
                        const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  g_autofree char *edited = g_strjoinv (to, parts);
  g_autoptr(NbReport) report = parse (edited);
  g_autoptr(GPtrArray) found = places_found (report);

  return found->len;
}

/* The county renamed 沐阳县 throughout: the title, the agency, the text */
static void
test_muyang (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "county-2019.txt", NULL);
  g_autofree char *orig = read_file (path);
  g_auto(GStrv) parts = g_strsplit (orig, "青川县", -1);
  g_autofree char *text = g_strjoinv ("沐阳县", parts);
  g_autoptr(NbReport) report = parse (text);
  g_autoptr(GPtrArray) found = places_found (report);
  NbFinding *f;
  const NbSpan *spans;
  guint n_spans;

  g_assert_cmpuint (g_strv_length (parts), >=, 3);
  g_assert_cmpuint (found->len, ==, 1);
  f = g_ptr_array_index (found, 0);
  g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), "“沐阳县”"));
  g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), "“沭阳县”"));
  g_assert_nonnull (strstr (nb_finding_get_message (f, "en"), "“沭阳县”"));
  spans = nb_finding_get_spans (f, &n_spans);
  g_assert_cmpuint (n_spans, >=, 1);
  g_assert_cmpuint (n_spans, <=, count (text, "沐阳县"));
  for (guint i = 0; i < n_spans; i++)
    {
      g_autofree char *s = span_text (report, spans[i]);

      g_assert_cmpstr (s, ==, "沐阳县");
    }
}

/* 澠池 is 渑池 (t2s.txt); the one 浉池 is not */
static void
test_mianchi (void)
{
  g_autofree char *path = nb_test_sample_path ("mianchi-2022.txt");
  g_autofree char *text = read_file (path);
  g_autoptr(NbReport) report = parse (text);
  g_autoptr(GPtrArray) found = places_found (report);
  NbFinding *f;
  const NbSpan *spans;
  guint n_spans;
  g_autofree char *s = NULL;

  g_assert_cmpuint (found->len, ==, 1);
  f = g_ptr_array_index (found, 0);
  g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), "“浉池县”"));
  g_assert_nonnull (strstr (nb_finding_get_message (f, "zh_CN"), "“渑池县”"));
  spans = nb_finding_get_spans (f, &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  s = span_text (report, spans[0]);
  g_assert_cmpstr (s, ==, "浉池县");

  /* with 浉池 mended, nothing; written in simplified characters, the same one */
  g_assert_cmpuint (places_after_replacing (text, "浉池", "澠池"), ==, 0);
  g_assert_cmpuint (places_after_replacing (text, "澠池", "渑池"), ==, 1);
}

/* A town agency: its town must be read among its county's, a misspelt one caught
 * only where the report names the county */
static void
test_town (void)
{
  g_autofree char *path = nb_test_sample_path ("zhicheng-2021.txt");
  g_autofree char *text = read_file (path);
  g_autoptr(NbReport) report = parse (text);
  g_autoptr(GPtrArray) found = places_found (report);

  g_assert_cmpuint (found->len, ==, 0);
}

/* Every real report the project has: no meta.place */
static void
test_real_names (void)
{
  const char *dirs[3] = { g_getenv ("NB_SAMPLES_DIR"), NULL, NULL };
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *seeds = g_getenv ("NB_SHARED_DIR") ? g_build_filename (g_getenv ("NB_SHARED_DIR"), "seeds", NULL) : NULL;
  guint checked = 0;

  dirs[1] = fixtures;
  dirs[2] = seeds;
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = dirs[d] ? g_dir_open (dirs[d], 0, NULL) : NULL;
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          g_autofree char *text = NULL;
          g_autoptr(NbReport) report = NULL;
          g_autoptr(GPtrArray) found = NULL;
          guint expected = g_str_has_prefix (name, "mianchi") ? 1 : 0;

          if (!g_str_has_suffix (name, ".txt"))
            continue;
          text = read_file (path);
          if (strstr (text, "浉池"))
            expected = 1;
          report = parse (text);
          found = places_found (report);
          g_test_message ("%s: %u", name, found->len);
          g_assert_cmpuint (found->len, ==, expected);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 8);
}

/* The county's name in traditional characters (縣, 區) is the county: the characters
 * no division uses are read as their simplified forms. 乾安县 keeps its 乾, which t2s
 * makes 干 elsewhere, since a division uses it. */
static void
test_traditional (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "county-2019.txt", NULL);
  g_autofree char *orig = read_file (path);

  g_assert_cmpuint (count (orig, "青川县"), >=, 2);
  g_assert_cmpuint (places_after_replacing (orig, "青川县", "青川縣"), ==, 0);
  g_assert_cmpuint (places_after_replacing (orig, "青川县", "乾安縣"), ==, 0);
  /* and a slip in traditional characters is still caught: 沐陽縣 for 沭阳县 */
  g_assert_cmpuint (places_after_replacing (orig, "青川县", "沐陽縣"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_true (nb_places_available ());
  g_test_add_func ("/places/muyang", test_muyang);
  g_test_add_func ("/places/mianchi", test_mianchi);
  g_test_add_func ("/places/town", test_town);
  g_test_add_func ("/places/traditional", test_traditional);
  g_test_add_func ("/places/real-names", test_real_names);
  return g_test_run ();
}
