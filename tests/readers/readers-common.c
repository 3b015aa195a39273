/* readers-common.c — sample texts as fixture models, and row assertions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-error.h"
#include "nianbao.h"
#include "readers-common.h"

const char docx_content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
  "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

const char docx_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static void
sample_line_free (gpointer data)
{
  SampleLine *line = data;

  g_free (line->text);
  g_strfreev (line->cells);
  g_free (line);
}

void
expected_row_free (gpointer data)
{
  ExpectedRow *row = data;

  g_free (row->label);
  g_strfreev (row->numbers);
  g_free (row);
}

char *
sample_dir (void)
{
  const char *env = g_getenv ("NB_SAMPLES_DIR");

  if (env != NULL)
    return g_strdup (env);
  return g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                           "..", "..", "data", "samples", NULL);
}

/* The reports written for the tests themselves (tests/data: the 2019 edition) */
static char *
fixture_dir (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".",
                           "..", "data", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The samples (data/samples) and the fixtures (tests/data), by name */
GStrv
sample_list (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  char *dirs[2] = { sample_dir (), fixture_dir () };

  for (guint k = 0; k < G_N_ELEMENTS (dirs); k++)
    {
      g_autoptr(GDir) d = g_dir_open (dirs[k], 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (names, g_strndup (name, strlen (name) - 4));
      g_free (dirs[k]);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

gboolean
cell_is_number (const char *cell)
{
  const char *p = cell;
  gboolean digit = FALSE;

  if (*p == '-')
    p++;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != '.' && *p != ',')
        return FALSE;
    }
  return digit && g_ascii_isdigit (cell[strlen (cell) - 1]);
}

/* White space trimmed (U+00A0 and U+3000 too) and runs of it made one space */
char *
cell_normalize (const char *cell)
{
  GString *s = g_string_new (NULL);

  for (const char *p = cell; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x3000)
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_unichar (s, c);
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

char *
line_normalize (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (cells);

  for (guint i = 0; i < n; i++)
    {
      char *norm = cell_normalize (cells[i]);

      g_free (cells[i]);
      cells[i] = norm;
    }
  while (n > 0 && *cells[n - 1] == '\0')
    {
      g_free (cells[n - 1]);
      cells[--n] = NULL;
    }
  return g_strjoinv ("\t", cells);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

char *
sample_path (const char *name)
{
  g_autofree char *dir = sample_dir ();
  g_autofree char *fixtures = fixture_dir ();
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  char *path = g_build_filename (dir, file, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return g_build_filename (fixtures, file, NULL);
}

Sample *
sample_load (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Sample *sample;
  gboolean in_table = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  sample = g_new0 (Sample, 1);
  sample->name = g_strdup (name);
  sample->lines = g_ptr_array_new_with_free_func (sample_line_free);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      SampleLine *line = g_new0 (SampleLine, 1);
      char *text = lines[i];
      gsize n;

      n = strlen (text);
      if (n > 0 && text[n - 1] == '\r')
        text[n - 1] = '\0';
      line->text = g_strdup (text);

      if (strchr (text, '\t') != NULL)
        {
          guint n_cells;

          if (!in_table)
            sample->n_tables++;
          in_table = TRUE;
          line->is_row = TRUE;
          line->table = sample->n_tables;
          line->cells = g_strsplit (text, "\t", -1);
          n_cells = g_strv_length (line->cells);
          for (guint c = 0; c < n_cells; c++)
            {
              char *norm = cell_normalize (line->cells[c]);

              g_free (line->cells[c]);
              line->cells[c] = norm;
            }
          while (n_cells > 0 && *line->cells[n_cells - 1] == '\0')
            {
              g_free (line->cells[n_cells - 1]);
              line->cells[--n_cells] = NULL;
            }
          line->first_value = n_cells;
          for (guint c = 0; c < n_cells; c++)
            if (cell_is_number (line->cells[c]))
              {
                line->first_value = c;
                break;
              }
        }
      else if (!is_blank (text))
        in_table = FALSE;  /* a blank line does not end a table: the next line decides */
      g_ptr_array_add (sample->lines, line);
    }

  return sample;
}

void
sample_free (Sample *sample)
{
  g_free (sample->name);
  g_ptr_array_unref (sample->lines);
  g_free (sample);
}

GPtrArray *
sample_dup_rows (Sample *sample)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (expected_row_free);

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);
      g_autoptr(GPtrArray) numbers = NULL;
      const char *label = NULL;
      gboolean ok = TRUE;
      ExpectedRow *row;

      if (!line->is_row || line->first_value == g_strv_length (line->cells))
        continue;
      for (guint c = 0; c < line->first_value; c++)
        if (*line->cells[c] != '\0')
          label = line->cells[c];
      if (label == NULL || g_utf8_strlen (label, -1) < 2)
        continue;

      numbers = g_ptr_array_new_with_free_func (g_free);
      for (guint c = line->first_value; line->cells[c] != NULL; c++)
        {
          if (*line->cells[c] == '\0')
            continue;
          if (!cell_is_number (line->cells[c]))
            ok = FALSE;
          g_ptr_array_add (numbers, g_strdup (line->cells[c]));
        }
      if (!ok)
        continue;
      g_ptr_array_add (numbers, NULL);

      row = g_new0 (ExpectedRow, 1);
      row->label = g_strdup (label);
      row->numbers = (GStrv) g_ptr_array_steal (numbers, NULL);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static char *
label_pattern (const char *label)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = label; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      g_autofree char *escaped = NULL;

      if (c == ' ' || c == 0x3000)
        continue;
      g_unichar_to_utf8 (c, buf);
      escaped = g_regex_escape_string (buf, -1);
      if (pattern->len > 0)
        g_string_append (pattern, "[ \\x{3000}]*");
      g_string_append (pattern, escaped);
    }
  return g_string_free (pattern, FALSE);
}

gboolean
text_has_row (const char          *text,
              const char          *label,
              const char * const  *numbers)
{
  g_autofree char *pattern = label_pattern (label);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_nonnull (regex);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int end;

      if (!g_regex_match (regex, lines[i], 0, &match))
        continue;
      do
        {
          g_auto(GStrv) tokens = NULL;
          guint k = 0;
          gboolean same = TRUE;

          g_match_info_fetch_pos (match, 0, NULL, &end);
          tokens = g_regex_split_simple ("[\\t ]+", lines[i] + end, 0, 0);
          for (guint t = 0; tokens[t] != NULL; t++)
            {
              if (!cell_is_number (tokens[t]))
                continue;
              if (numbers[k] == NULL || strcmp (numbers[k], tokens[t]) != 0)
                {
                  same = FALSE;
                  break;
                }
              k++;
            }
          if (same && numbers[k] == NULL)
            return TRUE;
        }
      while (g_match_info_next (match, NULL));
    }
  return FALSE;
}

void
assert_text_has_row (const char          *text,
                     const char          *label,
                     const char * const  *numbers)
{
  if (!text_has_row (text, label, numbers))
    {
      g_autofree char *joined = g_strjoinv (" ", (GStrv) numbers);

      g_printerr ("---- extracted text ----\n%s\n------------------------\n", text);
      g_error ("no line holds “%s” followed by %s", label, joined);
    }
}

void
assert_sample_rows (Sample     *sample,
                    const char *text)
{
  g_autoptr(GPtrArray) rows = sample_dup_rows (sample);

  for (guint i = 0; i < rows->len; i++)
    {
      ExpectedRow *row = g_ptr_array_index (rows, i);

      assert_text_has_row (text, row->label, (const char * const *) row->numbers);
    }
}

guint8 *
random_bytes (gsize   len,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  data[len] = 0;
  return data;
}

/* Every row of the sample's tables is a line of @text: its cells separated by tabs, one
 * field a cell and none for what a merge covers, as the readers write a table; or with
 * @padded, one a column */
void
assert_sample_table_lines (Sample     *sample,
                           const char *text,
                           gboolean    padded)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    g_hash_table_add (have, line_normalize (lines[i]));

  for (guint t = 1; t <= sample->n_tables; t++)
    {
      g_autoptr(GPtrArray) plan = sample_table_plan (sample, t);

      for (guint r = 0; r < plan->len; r++)
        {
          GArray *row = g_ptr_array_index (plan, r);
          g_autoptr(GString) want = g_string_new (NULL);
          gboolean first = TRUE, any = FALSE;

          for (guint c = 0; c < row->len; c++)
            {
              const PlanCell *cell = &g_array_index (row, PlanCell, c);

              if ((cell->absorbed || cell->continued) && !padded)
                continue;
              if (!first)
                g_string_append_c (want, '\t');
              first = FALSE;
              if (!cell->absorbed && !cell->continued)
                g_string_append (want, cell->text);
              any |= *cell->text != '\0';
            }
          if (any)
            {
              g_autofree char *norm = line_normalize (want->str);

              if (!g_hash_table_contains (have, norm))
                {
                  g_printerr ("---- extracted text ----\n%s\n------------------------\n", text);
                  g_error ("%s: row line “%s” not found", sample->name, norm);
                }
            }
        }
    }
}

void
assert_reads_truncated (ReaderFunc    read,
                        const guint8 *data,
                        gsize         len,
                        guint         n_cuts)
{
  for (gsize cut = 0; cut < len; cut += MAX (len / n_cuts, 1))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = read (data, cut, &error);

      if (text == NULL)
        g_assert_nonnull (error);
      else
        g_assert_true (g_utf8_validate (text, -1, NULL));
    }
}

void
assert_refuses_random (ReaderFunc  read,
                       const char *magic,
                       gsize       magic_len,
                       gint        code)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree guint8 *data = random_bytes (2048 * seed, seed);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      memcpy (data, magic, magic_len);
      text = read (data, 2048 * seed, &error);
      g_assert_null (text);
      g_assert_error (error, NB_ERROR, code);
    }
}

guint
table_plan_columns (GPtrArray *plan)
{
  guint n = 0;

  for (guint r = 0; r < plan->len; r++)
    n = MAX (n, ((GArray *) g_ptr_array_index (plan, r))->len);
  return n;
}

void
sample_foreach (Sample              *sample,
                SampleParagraphFunc  paragraph,
                SampleTableFunc      table,
                gpointer             user_data)
{
  guint done = 0;

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);

      if (line->is_row && line->table != done)
        {
          g_autoptr(GPtrArray) plan = sample_table_plan (sample, line->table);

          done = line->table;
          table (plan, user_data);
        }
      else if (!line->is_row && *line->text != '\0')
        paragraph (line->text, i, user_data);
    }
}

GPtrArray *
sample_table_plan (Sample *sample,
                   guint   table)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) first_value = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);
      GArray *row;

      if (!line->is_row || line->table != table)
        continue;
      g_array_append_val (first_value, line->first_value);
      row = g_array_new (FALSE, TRUE, sizeof (PlanCell));
      for (guint c = 0; line->cells[c] != NULL; c++)
        {
          PlanCell cell = { line->cells[c], 1, 1, FALSE, FALSE };

          g_array_append_val (row, cell);
        }
      g_ptr_array_add (plan, row);
    }

  /* vertical merges first: an empty cell under a filled (or continued) one, among the
   * labels (no report merges a number downwards) */
  for (guint r = 1; r < plan->len; r++)
    {
      GArray *row = g_ptr_array_index (plan, r);
      GArray *above = g_ptr_array_index (plan, r - 1);
      guint labels = g_array_index (first_value, guint, r);

      for (guint c = 0; c < row->len && c < above->len && c < labels; c++)
        {
          PlanCell *cell = &g_array_index (row, PlanCell, c);
          PlanCell *up = &g_array_index (above, PlanCell, c);

          if (*cell->text == '\0' && (*up->text != '\0' || up->continued))
            {
              guint k = r;

              cell->continued = TRUE;
              /* find the origin and widen it */
              while (k > 0)
                {
                  GArray *o = g_ptr_array_index (plan, --k);
                  PlanCell *origin = &g_array_index (o, PlanCell, c);

                  if (!origin->continued)
                    {
                      origin->rowspan++;
                      break;
                    }
                }
            }
        }
    }

  /* then horizontal merges: empty cells after a filled one, in no vertical merge */
  for (guint r = 0; r < plan->len; r++)
    {
      GArray *row = g_ptr_array_index (plan, r);

      for (guint c = 0; c < row->len; c++)
        {
          PlanCell *cell = &g_array_index (row, PlanCell, c);

          if (*cell->text == '\0' || cell->continued || cell->rowspan > 1)
            continue;
          for (guint d = c + 1; d < row->len; d++)
            {
              PlanCell *next = &g_array_index (row, PlanCell, d);

              if (*next->text != '\0' || next->continued || next->rowspan > 1)
                break;
              next->absorbed = TRUE;
              cell->colspan++;
            }
        }
    }

  /* a short row's last cell spans the rest of the table, as in a real document: a table's
   * rows are as wide as it (a row the text left short would get a filler cell) */
  {
    guint width = table_plan_columns (plan);

    for (guint r = 0; r < plan->len; r++)
      {
        GArray *row = g_ptr_array_index (plan, r);
        int last = -1;

        for (guint c = 0; c < row->len; c++)
          {
            const PlanCell *cell = &g_array_index (row, PlanCell, c);

            if (!cell->absorbed && !cell->continued)
              last = c;
          }
        if (last < 0 || g_array_index (row, PlanCell, last).rowspan > 1)
          continue;
        while (row->len < width)
          {
            PlanCell filler = { "", 1, 1, TRUE, FALSE };  /* absorbed */

            g_array_append_val (row, filler);
            g_array_index (row, PlanCell, last).colspan++;
          }
      }
  }

  return plan;
}

char *
row_line_trimmed (const char *line)
{
  char *copy = g_strdup (line);
  gsize n = strlen (copy);

  while (n > 0 && (copy[n - 1] == '\t' || copy[n - 1] == ' ' || copy[n - 1] == '\r'))
    copy[--n] = '\0';
  return copy;
}

/* Adds /core/readers/FORMAT/sample/NAME running @func on each sample's name */
void
add_sample_tests (const char    *format,
                  GTestDataFunc  func)
{
  GStrv samples = sample_list ();

  /* each test owns its sample's name */
  for (guint i = 0; samples[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/readers/%s/sample/%s", format, samples[i]);

      g_test_add_data_func_full (path, samples[i], func, g_free);
    }
  g_free (samples);
}

/* Every cell of the report read from the sample's text is read the same
 * from @doc, the sample written in another format, with the same errors */
void
assert_same_values (const char *name,
                    GBytes     *doc,
                    const char *doc_name)
{
  g_autofree char *path = sample_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) want = NULL;
  g_autoptr(NbReport) got = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  want = nb_report_new_from_bytes ((const guint8 *) contents, len, "report.txt", &error);
  g_assert_no_error (error);
  got = nb_report_new_from_bytes (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc),
                                  doc_name, &error);
  g_assert_no_error (error);

  g_assert_cmpint (nb_report_get_edition (got), ==, nb_report_get_edition (want));
  g_assert_cmpint (nb_report_get_year (got), ==, nb_report_get_year (want));
  g_assert_cmpuint (nb_report_get_n_cells (got), ==, nb_report_get_n_cells (want));
  for (guint i = 0; i < nb_report_get_n_cells (want); i++)
    {
      double a = 0, b = 0;
      gboolean has_a = nb_report_get_value (want, i, &a);
      gboolean has_b = nb_report_get_value (got, i, &b);

      if (has_a != has_b || a != b)
        {
          g_printerr ("---- text read from the document ----\n%s\n", nb_report_get_text (got));
          g_error ("%s: cell %u is %s%g from the text but %s%g from %s", name, i,
                   has_a ? "" : "empty ", a, has_b ? "" : "empty ", b, doc_name);
        }
    }
  g_assert_cmpuint (nb_report_count_findings (got, NB_SEVERITY_ERROR), ==,
                    nb_report_count_findings (want, NB_SEVERITY_ERROR));
}
