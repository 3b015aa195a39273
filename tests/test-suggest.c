/* test-suggest.c — suggested corrections restore the report that was typed wrong
 *
 * Every sample and fixture, both editions: each figure of section 三 and 四 that
 * the text prints is changed in the text, one at a time, and the report read
 * again. The suggestion must be that cell with the figure the report had, and
 * the only one. Section 四's cells are each in one equation only (their group's
 * 总计 = the sum of four results), so a slip there cannot be told from a slip in
 * any other cell of its group: those cases expect several single-cell answers,
 * none unique, one of them the original figure. Where a blank (inferred) cell
 * shares an equation with the changed one (ruzhou, mianchi, the web page
 * municipal-2019.html), it can take up the change, and other cells may fit as
 * well or none definitely: there each answer, made with the blank cells that
 * follow it, must leave no equation broken, and an answer said to be unique
 * must be the original. Then two slips at once, a slip the equations cannot
 * see, and the named slips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "nianbao.h"
#include "test-util.h"

static const char *const reports[] = {
  "samples/ruzhou-2021.txt", "samples/office-2021.txt", "samples/zhicheng-2021.txt",
  "samples/ruijin-2021.txt", "samples/mianchi-2022.txt",
  "data/bureau-2020.txt", "data/county-2019.txt", "data/county-busy-2019.txt",
  "data/municipal-2019.html",
};

static char *
report_path (const char *name)
{
  if (g_str_has_prefix (name, "samples/"))
    return nb_test_sample_path (name + strlen ("samples/"));
  return g_test_build_filename (G_TEST_DIST, name, NULL);
}

static NbReport *
parse_text (const char *text,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_report_new_from_bytes ((const guint8 *) text, strlen (text), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static NbReport *
load (const char *name)
{
  g_autofree char *path = report_path (name);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  /* a web page through its reader (its text, read again as plain text, would not
   * read the same: the cases below then change it as edits) */
  if (g_str_has_suffix (name, ".html"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      return nb_report_new_from_file (file, NULL, NULL);
    }
  if (!g_file_get_contents (path, &text, &len, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return parse_text (text, name);
}

/* The report's text with the characters of @span replaced by @with */
static char *
replace_span (NbReport   *report,
              NbSpan      span,
              const char *with)
{
  const char *text = nb_report_get_text (report);
  const char *a = g_utf8_offset_to_pointer (text, span.start);
  const char *b = g_utf8_offset_to_pointer (text, span.end);

  return g_strdup_printf ("%.*s%s%s", (int) (a - text), text, with, b);
}

/* @report with @cell's figure in the text replaced by @value */
static NbReport *
inject (NbReport   *report,
        guint       cell,
        double      value,
        const char *name)
{
  g_autofree char *v = g_strdup_printf ("%.0f", value);
  g_autofree char *text = replace_span (report, nb_report_get_span (report, cell), v);

  return parse_text (text, name);
}

static gboolean
in_equations (NbReport *report,
              guint     cell)
{
  const NbCellDef *def = nb_schema_get_cell (nb_report_get_edition (report), cell);

  return def->table == NB_TABLE_REQUESTS || def->table == NB_TABLE_APPEALS;
}

static char *
describe (NbReport  *report,
          GPtrArray *suggestions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      g_autofree char *line = nb_suggestion_describe (report, g_ptr_array_index (suggestions, i), "en");

      g_string_append_printf (out, "  %s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* Whether the cells of @report other than @except have the values of @orig */
static gboolean
same_reading (NbReport *orig,
              NbReport *report,
              int       except)
{
  if (nb_report_get_edition (orig) != nb_report_get_edition (report))
    return FALSE;
  for (guint c = 0; c < nb_report_get_n_cells (orig); c++)
    {
      double a = 0, b = 0;
      gboolean ha = nb_report_get_value (orig, c, &a), hb = nb_report_get_value (report, c, &b);

      if ((int) c != except && (ha != hb || a != b || nb_report_get_origin (orig, c) != nb_report_get_origin (report, c)))
        return FALSE;
    }
  return TRUE;
}

/* Whether every cell in the equations of @cell was read from the text */
static gboolean
all_read_around (NbReport *report,
                 guint     cell)
{
  NbEdition ed = nb_report_get_edition (report);
  const NbCellDef *def = nb_schema_get_cell (ed, cell);
  int r_public = nb_schema_request_row_index (ed, "public");
  int r_total = nb_schema_request_row_index (ed, "result_total");
  const char *balance[] = { "new", "carried_in", "result_total", "carried_over" };
  gboolean in_results = (int) def->row >= r_public && (int) def->row <= r_total;

  if (def->table == NB_TABLE_APPEALS)
    {
      for (guint k = 0; k < NB_N_APPEAL_FIELDS; k++)
        if (nb_report_get_origin (report, nb_schema_appeal_cell (ed, def->row, k)) != NB_ORIGIN_SOURCE)
          return FALSE;
      return TRUE;
    }
  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    if (nb_report_get_origin (report, nb_schema_request_cell (ed, def->row, c)) != NB_ORIGIN_SOURCE)
      return FALSE;
  for (int r = r_public; in_results && r <= r_total; r++)
    if (nb_report_get_origin (report, nb_schema_request_cell (ed, r, def->col)) != NB_ORIGIN_SOURCE)
      return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (balance); k++)
    {
      int r = nb_schema_request_row_index (ed, balance[k]);

      if ((!in_results || (int) def->row == r_total) || r == (int) def->row)
        if (nb_report_get_origin (report, nb_schema_request_cell (ed, r, def->col)) != NB_ORIGIN_SOURCE)
          return FALSE;
    }
  return TRUE;
}

/* Errors of the table equations */
static guint
equation_errors (NbReport *report)
{
  const char *rules[] = { "requests.row_sum", "requests.result_sum", "requests.balance", "appeals.group_sum" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    n += nb_test_count_findings (report, rules[i], NB_SEVERITY_ERROR, -1);
  return n;
}

static void
test_single (gconstpointer data)
{
  const char *name = data;
  g_autoptr(NbReport) orig = load (name);
  NbEdition ed;
  guint n_tried = 0, n_unique = 0, n_group = 0, n_edited = 0, n_blank = 0, n_blank_unique = 0, n_blank_original = 0;

  if (orig == NULL)
    {
      g_test_skip ("no reader for this format in this build");
      return;
    }
  ed = nb_report_get_edition (orig);

  for (guint c = 0; c < nb_report_get_n_cells (orig); c++)
    {
      double v, w;
      g_autoptr(NbReport) report = NULL;
      g_autoptr(GPtrArray) suggestions = NULL;
      g_autofree char *found = NULL;
      const NbCellDef *def = nb_schema_get_cell (ed, c);
      gboolean complete = FALSE;

      if (!in_equations (orig, c) || nb_report_get_origin (orig, c) != NB_ORIGIN_SOURCE ||
          !nb_report_get_value (orig, c, &v))
        continue;
      report = inject (orig, c, v + 3, name);
      /* the changed figure is read where it was, and nothing else moves; where the
       * parser places a row by its equations (a row printing fewer figures than
       * cells), the new figure may move the row: then the change is made as a
       * reviewer's edit of the report read from the original text */
      if (!same_reading (orig, report, c) || !nb_report_get_value (report, c, &w) || w != v + 3 ||
          nb_report_get_origin (report, c) != NB_ORIGIN_SOURCE)
        {
          g_clear_object (&report);
          report = load (name);
          g_assert_true (nb_report_set_value (report, c, TRUE, v + 3));
          n_edited++;
        }
      n_tried++;

      suggestions = nb_report_suggest_full (report, 4, 5000, &complete);
      found = describe (report, suggestions);
      g_test_message ("%s %s %g → %g:\n%s", name, def->id, v, v + 3, found);
      g_assert_true (complete);

      if (def->table == NB_TABLE_REQUESTS && all_read_around (orig, c))
        {
          /* in a row sum and a column's equation: only this cell is in both */
          NbSuggestion *s;

          g_assert_cmpuint (suggestions->len, ==, 1);
          s = g_ptr_array_index (suggestions, 0);
          g_assert_cmpuint (s->n_cells, ==, 1);
          g_assert_cmpuint (s->n_doubted, ==, 1);
          g_assert_cmpuint (s->cells[0].cell, ==, c);
          g_assert_cmpfloat (s->cells[0].value, ==, v + 3);
          g_assert_cmpfloat (s->cells[0].suggested, ==, v);
          g_assert_true (s->unique);
          g_assert_cmpuint (s->n_resolves, >=, 1);
          /* made, it clears every error the slip caused */
          g_assert_true (nb_report_set_value (report, c, TRUE, v));
          g_assert_cmpuint (nb_report_count_findings (report, NB_SEVERITY_ERROR), ==,
                            nb_report_count_findings (orig, NB_SEVERITY_ERROR));
          n_unique++;
        }
      else if (def->table == NB_TABLE_APPEALS && all_read_around (orig, c))
        {
          /* section 四: any cell of the group, each alone, none unique */
          gboolean has_original = FALSE;

          g_assert_cmpuint (suggestions->len, >=, 2);
          for (guint i = 0; i < suggestions->len; i++)
            {
              NbSuggestion *s = g_ptr_array_index (suggestions, i);
              const NbCellDef *d = nb_schema_get_cell (ed, s->cells[0].cell);

              g_assert_cmpuint (s->n_cells, ==, 1);
              g_assert_false (s->unique);
              g_assert_cmpstr (d->item, ==, def->item);
              has_original |= s->cells[0].cell == c && s->cells[0].suggested == v;
            }
          g_assert_true (has_original);
          n_group++;
        }
      else
        {
          /* a blank (inferred) cell in its row or column takes up the change there,
           * so other cells may fit as well, and the figure itself may not be pinned
           * down (two blanks in its column: then there may be no definite answer at
           * all): each answer, made with the blank cells
           * that follow it, leaves no equation broken, and an answer said to be
           * unique is the original figure */
          gboolean has_original = FALSE;

          for (guint i = 0; i < suggestions->len; i++)
            {
              NbSuggestion *s = g_ptr_array_index (suggestions, i);

              g_assert_cmpuint (s->n_doubted, ==, 1);
              has_original |= s->cells[0].cell == c && s->cells[0].suggested == v;
              if (s->unique)
                {
                  g_assert_cmpuint (s->cells[0].cell, ==, c);
                  g_assert_cmpfloat (s->cells[0].suggested, ==, v);
                  n_blank_unique++;
                }
              /* with the blank cells that follow it: derived again, they follow by themselves */
              gboolean set[16] = { FALSE }, corrected[16];

              g_assert_cmpuint (s->n_cells, <=, G_N_ELEMENTS (set));
              for (guint k = 0; k < s->n_cells; k++)
                corrected[k] = nb_report_get_corrected (report, s->cells[k].cell, NULL, NULL);
              for (guint k = 0; k < s->n_cells; k++)
                if (!(set[k] = nb_report_set_value (report, s->cells[k].cell, TRUE, s->cells[k].suggested)))
                  g_assert_true (k > 0 && s->cells[k].follows);
              g_assert_cmpuint (equation_errors (report), ==, 0);
              /* undone as the window does, the cells set, from the last */
              for (guint k = s->n_cells; k-- > 0;)
                if (set[k])
                  nb_report_set_value (report, s->cells[k].cell, TRUE, s->cells[k].value);
              for (guint k = 0; k < s->n_cells; k++)
                g_assert_true (nb_report_get_corrected (report, s->cells[k].cell, NULL, NULL) == corrected[k]);
            }
          n_blank_original += has_original;
          n_blank++;
        }
    }
  g_test_message ("%s: %u figures changed (%u as edits), %u localised uniquely, %u beside a blank cell "
                  "(%u of them uniquely, the original among the answers for %u), %u within their group", name,
                  n_tried, n_edited, n_unique, n_blank, n_blank_unique, n_blank_original, n_group);
  g_assert_cmpuint (n_tried, >=, 40);  /* municipal-2019.html prints 41 figures, the rest blank */
}

static GPtrArray *
suggest_after (NbReport    *orig,
               const char **ids,
               const double *values,
               guint         n)
{
  NbEdition ed = nb_report_get_edition (orig);
  g_autofree char *text = g_strdup (nb_report_get_text (orig));
  g_autoptr(NbReport) report = NULL;
  GPtrArray *suggestions;
  int cells[8];

  /* replace from the last span back, so that the earlier spans still hold */
  for (guint i = 0; i < n; i++)
    cells[i] = nb_schema_lookup (ed, ids[i]);
  for (guint done = 0; done < n; done++)
    {
      int pick = -1;

      for (guint i = 0; i < n; i++)
        if (cells[i] >= 0 && (pick < 0 || nb_report_get_span (orig, cells[i]).start > nb_report_get_span (orig, cells[pick]).start))
          pick = i;
      {
        NbSpan span = nb_report_get_span (orig, cells[pick]);
        const char *a = g_utf8_offset_to_pointer (text, span.start);
        const char *b = g_utf8_offset_to_pointer (text, span.end);
        g_autofree char *v = g_strdup_printf ("%.0f", values[pick]);
        char *next = g_strdup_printf ("%.*s%s%s", (int) (a - text), text, v, b);

        g_free (text);
        text = next;
        cells[pick] = -1;
      }
    }
  report = parse_text (text, "edited");
  suggestions = nb_report_suggest (report);
  {
    g_autofree char *found = describe (report, suggestions);

    g_test_message ("suggestions:\n%s", found);
  }
  return suggestions;
}

static double
value_of (NbReport   *report,
          const char *id)
{
  double v = -1;

  g_assert_true (nb_report_get_value (report, nb_schema_lookup (nb_report_get_edition (report), id), &v));
  return v;
}

static gboolean
suggests (NbReport     *report,
          GPtrArray    *suggestions,
          const char   *id,
          double        value,
          gboolean      unique)
{
  int cell = nb_schema_lookup (nb_report_get_edition (report), id);

  for (guint i = 0; i < suggestions->len; i++)
    {
      NbSuggestion *s = g_ptr_array_index (suggestions, i);

      for (guint k = 0; k < s->n_cells; k++)
        if (s->cells[k].cell == (guint) cell && s->cells[k].suggested == value && s->unique == unique)
          return TRUE;
    }
  return FALSE;
}

/* Two slips in different rows and columns: both cells, each its own suggestion */
static void
test_two_errors (void)
{
  g_autoptr(NbReport) orig = load ("samples/ruzhou-2021.txt");
  const char *ids[] = { "requests.new.natural_person", "requests.unavailable.not_held.total" };
  double was[2] = { value_of (orig, ids[0]), value_of (orig, ids[1]) };
  double now[2] = { was[0] + 5, was[1] + 2 };
  g_autoptr(GPtrArray) suggestions = suggest_after (orig, ids, now, 2);

  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_true (suggests (orig, suggestions, ids[0], was[0], TRUE));
  g_assert_true (suggests (orig, suggestions, ids[1], was[1], TRUE));
}

/* A cell and its 总计 changed together, and the total of totals too: every
 * equation still holds, so there is nothing to suggest */
static void
test_consistent_change (void)
{
  g_autoptr(NbReport) orig = load ("samples/ruzhou-2021.txt");
  const char *ids[] = { "requests.public.natural_person", "requests.public.total",
                        "requests.result_total.natural_person", "requests.result_total.total",
                        "requests.new.natural_person", "requests.new.total" };
  double now[6];
  g_autoptr(GPtrArray) suggestions = NULL;

  for (guint i = 0; i < 6; i++)
    now[i] = value_of (orig, ids[i]) + 4;
  suggestions = suggest_after (orig, ids, now, 6);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

/* 12 written 21: named as a transposition */
static void
test_transposition (void)
{
  g_autoptr(NbReport) orig = load ("samples/ruzhou-2021.txt");
  NbEdition ed = nb_report_get_edition (orig);
  guint tried = 0;

  for (guint c = 0; c < nb_report_get_n_cells (orig); c++)
    {
      double v;
      char digits[32];
      g_autoptr(NbReport) report = NULL;
      g_autoptr(GPtrArray) suggestions = NULL;
      NbSuggestion *s;

      if (nb_schema_get_cell (ed, c)->table != NB_TABLE_REQUESTS ||
          nb_report_get_origin (orig, c) != NB_ORIGIN_SOURCE || !nb_report_get_value (orig, c, &v) ||
          v < 10 || v > 99)
        continue;
      g_snprintf (digits, sizeof digits, "%.0f", v);
      if (digits[0] == digits[1] || digits[1] == '0')
        continue;
      report = inject (orig, c, (digits[1] - '0') * 10 + (digits[0] - '0'), "transposed");
      suggestions = nb_report_suggest (report);
      g_assert_cmpuint (suggestions->len, ==, 1);
      s = g_ptr_array_index (suggestions, 0);
      g_assert_cmpuint (s->cells[0].cell, ==, c);
      g_assert_cmpfloat (s->cells[0].suggested, ==, v);
      g_assert_cmpint (s->kind, ==, NB_SLIP_TRANSPOSED_DIGITS);
      g_assert_cmpstr (nb_slip_kind_to_string (s->kind), ==, "transposed_digits");
      tried++;
    }
  g_assert_cmpuint (tried, >=, 1);
}

/* 四、结转下年度 总计 changed: its row and the prose (3 件结转) still agree on the
 * old figure, the total alone does not: a stale total */
static void
test_stale_total (void)
{
  g_autoptr(NbReport) orig = load ("samples/ruzhou-2021.txt");
  const char *ids[] = { "requests.carried_over.total" };
  double was = value_of (orig, ids[0]), now = was + 3;
  g_autoptr(GPtrArray) suggestions = suggest_after (orig, ids, &now, 1);
  NbSuggestion *s;

  g_assert_cmpuint (suggestions->len, ==, 1);
  s = g_ptr_array_index (suggestions, 0);
  g_assert_true (suggests (orig, suggestions, ids[0], was, TRUE));
  g_assert_cmpint (s->kind, ==, NB_SLIP_STALE_TOTAL);
  g_assert_cmpstr (nb_slip_kind_to_string (s->kind), ==, "stale_total");
}

static gboolean
all_source (NbReport *report,
            int       row)
{
  NbEdition ed = nb_report_get_edition (report);

  for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
    if (nb_report_get_origin (report, nb_schema_request_cell (ed, row, c)) != NB_ORIGIN_SOURCE)
      return FALSE;
  return TRUE;
}

static double
cell_value (NbReport *report,
            int       cell)
{
  double v = 0;

  nb_report_get_value (report, cell, &v);
  return v;
}

static const NbSuggestion *
find_kind (GPtrArray  *suggestions,
           NbSlipKind  kind)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (((NbSuggestion *) g_ptr_array_index (suggestions, i))->kind == kind)
      return g_ptr_array_index (suggestions, i);
  return NULL;
}

/* The figures of a row written one column to the right (its 总计 in place): the
 * first such row of the reports with two to four figures that move */
static void
test_shifted_row (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(NbReport) orig = load (reports[i]);
      NbEdition ed = nb_report_get_edition (orig);

      for (guint r = 0; r < nb_schema_get_n_request_rows (ed); r++)
        {
          const char *ids[NB_REQUEST_COLUMN_TOTAL];
          double was[NB_REQUEST_COLUMN_TOTAL], now[NB_REQUEST_COLUMN_TOTAL], a[NB_REQUEST_COLUMN_TOTAL];
          guint n = 0;
          g_autoptr(GPtrArray) suggestions = NULL;
          const NbSuggestion *s;

          if (!all_source (orig, r))
            continue;
          for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
            a[c] = cell_value (orig, nb_schema_request_cell (ed, r, c));
          if (a[NB_REQUEST_COLUMN_TOTAL - 1] != 0)
            continue;
          for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
            if ((c ? a[c - 1] : 0) != a[c])
              {
                ids[n] = nb_schema_get_cell (ed, nb_schema_request_cell (ed, r, c))->id;
                was[n] = a[c];
                now[n++] = c ? a[c - 1] : 0;
              }
          if (n < 2 || n > 4)
            continue;
          g_test_message ("%s: row %s shifted", reports[i], nb_schema_get_request_row_id (ed, r));
          suggestions = suggest_after (orig, ids, now, n);
          s = find_kind (suggestions, NB_SLIP_SHIFTED_ROW);
          g_assert_nonnull (s);
          g_assert_cmpuint (s->n_cells, ==, n);
          for (guint k = 0; k < n; k++)
            g_assert_true (suggests (orig, suggestions, ids[k], was[k], s->unique));
          return;
        }
    }
  g_assert_not_reached ();
}

/* A figure typed into another row of its column: two results swapped */
static void
test_wrong_row (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(NbReport) orig = load (reports[i]);
      NbEdition ed = nb_report_get_edition (orig);
      int first = nb_schema_request_row_index (ed, "public");
      int last = nb_schema_request_row_index (ed, "result_total");

      for (int r1 = first; r1 < last; r1++)
        for (int r2 = r1 + 1; r2 < last; r2++)
          for (guint c = 0; c < NB_REQUEST_COLUMN_TOTAL; c++)
            {
              int c1 = nb_schema_request_cell (ed, r1, c), c2 = nb_schema_request_cell (ed, r2, c);
              const char *ids[2] = { nb_schema_get_cell (ed, c1)->id, nb_schema_get_cell (ed, c2)->id };
              double was[2] = { cell_value (orig, c1), cell_value (orig, c2) };
              double now[2] = { was[1], was[0] };
              g_autoptr(GPtrArray) suggestions = NULL;
              const NbSuggestion *s;

              if (!all_source (orig, r1) || !all_source (orig, r2) || was[0] == was[1])
                continue;
              g_test_message ("%s: %s and %s swapped", reports[i], ids[0], ids[1]);
              suggestions = suggest_after (orig, ids, now, 2);
              s = find_kind (suggestions, NB_SLIP_WRONG_ROW);
              g_assert_nonnull (s);
              g_assert_cmpuint (s->n_cells, ==, 2);
              g_assert_true (suggests (orig, suggestions, ids[0], was[0], s->unique));
              g_assert_true (suggests (orig, suggestions, ids[1], was[1], s->unique));
              return;
            }
    }
  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *path = g_strdup_printf ("/suggest/single/%s", reports[i]);

      g_test_add_data_func (path, reports[i], test_single);
    }
  g_test_add_func ("/suggest/two-errors", test_two_errors);
  g_test_add_func ("/suggest/consistent-change", test_consistent_change);
  g_test_add_func ("/suggest/transposition", test_transposition);
  g_test_add_func ("/suggest/shifted-row", test_shifted_row);
  g_test_add_func ("/suggest/stale-total", test_stale_total);
  g_test_add_func ("/suggest/wrong-row", test_wrong_row);
  return g_test_run ();
}
