/* test-reader-pdf.c — PDF to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are drawn here with cairo and pango (never in the core library): the sample
 * texts as ruled tables whose long labels wrap over two or three lines beside one row of
 * numbers centred in their cells, with a table broken across two pages and a page number
 * "-N-" at the foot of every page.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "nb-error.h"
#include "readers/nb-readers-private.h"
#include "nb-text.h"
#include "nianbao.h"
#include "readers-common.h"

#define PAGE_W     595.0
#define PAGE_H     842.0
#define MARGIN     50.0
#define BOTTOM     (PAGE_H - 70.0)
#define LABEL_W    230.0
#define FONT       "WenQuanYi Micro Hei, Noto Sans CJK SC, Droid Sans Fallback, Sans 9"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  GByteArray      *bytes;
  double           y;
  guint            page;
  guint            pages_in_table;  /* pages the table being drawn runs over */
  gboolean         broke_table;     /* some table ran over two pages */
} Pdf;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
radicals_as_ideographs (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), mapped[4];
      guint n = 0;

      if (c >= 0x2E80 && c <= 0x2FDF && nb_text_normalize_char (c, mapped, &n) != 0 && n == 1)
        c = mapped[0];
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
make_layout (Pdf        *pdf,
             const char *text,
             double      width,
             gboolean    center)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *desc = pango_font_description_from_string (FONT);
  /* The test font lacks the Kangxi radicals of the 001 sample: Pango would
   * draw them as boxes holding their hex code, which read back as digits.
   * A real PDF embeds the glyph; here they are drawn as their ideographs. */
  g_autofree char *drawn = radicals_as_ideographs (text);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  if (center)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, drawn ? drawn : text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
finish_page (Pdf *pdf)
{
  g_autofree char *number = g_strdup_printf ("-%u-", pdf->page);
  PangoLayout *layout = make_layout (pdf, number, PAGE_W - 2 * MARGIN, TRUE);

  cairo_move_to (pdf->cr, MARGIN, PAGE_H - 45);
  pango_cairo_show_layout (pdf->cr, layout);
  g_object_unref (layout);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  if (pdf->pages_in_table > 0)
    pdf->pages_in_table++;
}

static void
draw_paragraph (Pdf        *pdf,
                const char *text)
{
  PangoLayout *layout = make_layout (pdf, text, PAGE_W - 2 * MARGIN, FALSE);
  double h = layout_height (layout);

  if (pdf->y + h > BOTTOM)
    finish_page (pdf);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += h + 5;
  g_object_unref (layout);
}

typedef struct
{
  const char *text;
  double      x, w;
  gboolean    center;
} Box;

static void
draw_row (Pdf      *pdf,
          GArray   *boxes)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double row_h = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = &g_array_index (boxes, Box, i);
      PangoLayout *layout = make_layout (pdf, box->text, box->w - 6, box->center);

      row_h = MAX (row_h, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  row_h += 10;

  if (pdf->y + row_h > BOTTOM)
    finish_page (pdf);

  cairo_set_line_width (pdf->cr, 0.5);
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *box = &g_array_index (boxes, Box, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double h = layout_height (layout);

      cairo_rectangle (pdf->cr, box->x, pdf->y, box->w, row_h);
      cairo_stroke (pdf->cr);
      cairo_move_to (pdf->cr, box->x + 3, pdf->y + (row_h - h) / 2);
      pango_cairo_show_layout (pdf->cr, layout);
    }
  pdf->y += row_h;
}

static void
draw_table (Pdf    *pdf,
            Sample *sample,
            guint   table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_values = 1;
  double value_w;

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);

      if (line->is_row && line->table == table && line->cells[0] != NULL)
        {
          g_ptr_array_add (rows, line);
          if (line->first_value < g_strv_length (line->cells))
            n_values = MAX (n_values, g_strv_length (line->cells) - line->first_value);
        }
    }
  value_w = (PAGE_W - 2 * MARGIN - LABEL_W) / n_values;

  /* a long table starts low on the page, so that it breaks across two pages */
  if (rows->len >= 12 && pdf->y < BOTTOM - 140)
    pdf->y = BOTTOM - 140;
  pdf->pages_in_table = 1;

  for (guint r = 0; r < rows->len; r++)
    {
      SampleLine *line = g_ptr_array_index (rows, r);
      g_autoptr(GArray) boxes = g_array_new (FALSE, TRUE, sizeof (Box));
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      guint n_cells = g_strv_length (line->cells);

      if (line->first_value < n_cells)
        {
          guint n_row_values = n_cells - line->first_value;
          double x = MARGIN;

          for (guint c = 0; c < line->first_value; c++)
            if (*line->cells[c] != '\0')
              g_ptr_array_add (labels, line->cells[c]);
          for (guint k = 0; k < labels->len; k++)
            {
              double w = k + 1 < labels->len ? 50 : MARGIN + LABEL_W - x;
              Box box = { g_ptr_array_index (labels, k), x, w, FALSE };

              g_array_append_val (boxes, box);
              x += w;
            }
          /* a row short of values (the text does not say which cells it leaves out) has
           * them on the right, half a column to the left, so that they line up with none
           * of the value columns */
          for (guint c = line->first_value; c < n_cells; c++)
            {
              double col = n_values - n_row_values + (c - line->first_value) -
                           (n_row_values < n_values ? 0.5 : 0);
              Box box = { line->cells[c], MARGIN + LABEL_W + col * value_w, value_w, TRUE };

              g_array_append_val (boxes, box);
            }
        }
      else
        {
          /* a heading row: first cell over the label area, the others in the value columns */
          guint col = 0;

          for (guint c = 0; c < n_cells; c++)
            {
              Box box = { line->cells[c], 0, 0, TRUE };

              if (*line->cells[c] == '\0')
                continue;
              if (boxes->len == 0)
                {
                  box.x = MARGIN;
                  box.w = LABEL_W;
                  box.center = FALSE;
                }
              else if (col < n_values)
                {
                  box.x = MARGIN + LABEL_W + col++ * value_w;
                  box.w = value_w;
                }
              else
                continue;
              g_array_append_val (boxes, box);
            }
        }
      if (boxes->len > 0)
        draw_row (pdf, boxes);
    }

  if (pdf->pages_in_table >= 2)
    pdf->broke_table = TRUE;
  pdf->pages_in_table = 0;
  pdf->y += 8;
}

/* Quarter turns of the drawing on its pages: 1 reads downwards, 2 upside down, 3 upwards */
static guint draw_turns;

/* The sample drawn as a PDF; @broke_table tells whether a table ran over two pages */
static GBytes *
sample_to_pdf (Sample   *sample,
               gboolean *broke_table)
{
  Pdf pdf = { 0 };
  guint table = 0;
  gboolean sideways = draw_turns % 2 == 1;

  pdf.bytes = g_byte_array_new ();
  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, pdf.bytes,
                                                     sideways ? PAGE_H : PAGE_W,
                                                     sideways ? PAGE_W : PAGE_H);
  pdf.cr = cairo_create (pdf.surface);
  if (draw_turns == 1)
    cairo_translate (pdf.cr, PAGE_H, 0);
  else if (draw_turns == 2)
    cairo_translate (pdf.cr, PAGE_W, PAGE_H);
  else if (draw_turns == 3)
    cairo_translate (pdf.cr, 0, PAGE_W);
  cairo_rotate (pdf.cr, (draw_turns == 3 ? -1 : (int) draw_turns) * G_PI / 2);
  pdf.y = MARGIN;
  pdf.page = 1;

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);

      if (line->is_row)
        {
          if (line->table != table)
            draw_table (&pdf, sample, line->table);
          table = line->table;
        }
      else if (*g_strstrip (line->text) != '\0')
        draw_paragraph (&pdf, line->text);
    }
  finish_page (&pdf);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  g_assert_cmpint (cairo_surface_status (pdf.surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf.surface);

  if (broke_table != NULL)
    *broke_table = pdf.broke_table;
  return g_byte_array_free_to_bytes (pdf.bytes);
}

/* Whether the fonts here draw Chinese that poppler reads back */
static gboolean
have_cjk_font (void)
{
  static int have = -1;

  if (have < 0)
    {
      Pdf pdf = { 0 };
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      PangoLayout *layout;

      pdf.bytes = g_byte_array_new ();
      pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, pdf.bytes, 200, 100);
      pdf.cr = cairo_create (pdf.surface);
      layout = make_layout (&pdf, "本年新收", 150, FALSE);
      cairo_move_to (pdf.cr, 10, 10);
      pango_cairo_show_layout (pdf.cr, layout);
      g_object_unref (layout);
      cairo_destroy (pdf.cr);
      cairo_surface_destroy (pdf.surface);
      bytes = g_byte_array_free_to_bytes (pdf.bytes);
      text = nb_reader_pdf_extract (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL);
      have = text != NULL && strstr (text, "本年新收") != NULL;
    }
  return have;
}

static void
assert_no_page_numbers (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^-[0-9]+-$", G_REGEX_MULTILINE, 0, NULL);

  g_assert_false (g_regex_match (regex, text, 0, NULL));
}

static void
test_sample (gconstpointer data)
{
  const char *name = data;
  g_autoptr(Sample) sample = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean broke = FALSE;

  if (!have_cjk_font ())
    {
      g_test_skip ("no font for Chinese text");
      return;
    }

  sample = sample_load (name);
  pdf = sample_to_pdf (sample, &broke);
  if (g_getenv ("NB_TEST_SAVE_DIR") != NULL)
    {
      g_autofree char *file = g_strconcat (name, ".pdf", NULL);
      g_autofree char *path = g_build_filename (g_getenv ("NB_TEST_SAVE_DIR"), file, NULL);

      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
    }
  g_assert_cmpint (nb_format_sniff (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL),
                   ==, NB_FORMAT_PDF);
  text = nb_reader_pdf_extract (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '\r'));
  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  if (sample->n_tables > 0 && strcmp (name, "ruijin-2021") != 0)
    g_assert_true (broke);
  assert_no_page_numbers (text);
  assert_sample_rows (sample, text);
  assert_same_values (name, pdf, "report.pdf");
}

/* A report turned on its pages (a page with /Rotate 90 or 180, text set sideways) reads
 * in its own direction, as the upright one does */
static void
test_turned (void)
{
  g_autoptr(Sample) sample = NULL;
  g_autoptr(GBytes) upright = NULL;
  g_autofree char *expected = NULL;

  if (!have_cjk_font ())
    {
      g_test_skip ("no font for Chinese text");
      return;
    }
  sample = sample_load ("zhicheng-2021");
  draw_turns = 0;
  upright = sample_to_pdf (sample, NULL);
  expected = nb_reader_pdf_extract (g_bytes_get_data (upright, NULL), g_bytes_get_size (upright),
                                    NULL);
  g_assert_nonnull (expected);
  for (guint turns = 1; turns < 4; turns++)
    {
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      draw_turns = turns;
      pdf = sample_to_pdf (sample, NULL);
      text = nb_reader_pdf_extract (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, expected);
    }
  draw_turns = 0;
}

/* A table that leaves its zeros blank: the rows with fewer numbers get their blank cells
 * back from the columns of the row with the most, and read as the text with empty fields
 * does. Ruzhou's rows of 三, zeros left blank except where a row has nothing else. */
static void
test_blank_cells (void)
{
  g_autofree char *path = sample_path ("ruzhou-2021");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) variant = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(NbReport) from_text = NULL, from_pdf = NULL;
  g_autoptr(GError) error = NULL;
  Pdf doc = { 0 };
  const double value_w = (PAGE_W - 2 * MARGIN - LABEL_W) / 7;
  gboolean in_requests = FALSE;
  guint blanked = 0;

  if (!have_cjk_font ())
    {
      g_test_skip ("no font for Chinese text");
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  doc.bytes = g_byte_array_new ();
  doc.surface = cairo_pdf_surface_create_for_stream (write_cb, doc.bytes, PAGE_W, PAGE_H);
  doc.cr = cairo_create (doc.surface);
  doc.y = MARGIN;
  doc.page = 1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (fields);
      gboolean nonzero = FALSE;

      g_strchomp (lines[i]);
      if (g_str_has_prefix (lines[i], "三、收到"))
        in_requests = TRUE;
      else if (g_str_has_prefix (lines[i], "四、"))
        in_requests = FALSE;
      if (!in_requests || n < 8 || !cell_is_number (fields[n - 1]))
        {
          if (*lines[i] != '\0')
            draw_paragraph (&doc, lines[i]);
          g_string_append_printf (variant, "%s\n", lines[i]);
          continue;
        }

      /* a row of 三: its last seven fields are its cells */
      for (guint k = n - 7; k < n; k++)
        nonzero |= *fields[k] != '\0' && strcmp (fields[k], "0") != 0;
      {
        g_autoptr(GArray) boxes = g_array_new (FALSE, TRUE, sizeof (Box));
        g_autoptr(GString) label = g_string_new (NULL);
        Box label_box = { NULL, MARGIN, LABEL_W, FALSE };

        for (guint k = 0; k < n - 7; k++)
          g_string_append (label, fields[k]);
        label_box.text = label->str;
        g_array_append_val (boxes, label_box);
        for (guint k = n - 7; k < n; k++)
          {
            Box box = { fields[k], MARGIN + LABEL_W + (k - (n - 7)) * value_w, value_w, TRUE };

            if (nonzero && strcmp (fields[k], "0") == 0 && !g_str_has_prefix (label->str, "一、"))
              {
                box.text = "";
                blanked++;
              }
            g_array_append_val (boxes, box);
          }
        draw_row (&doc, boxes);
        g_string_append (variant, label->str);
        for (guint k = 1; k < boxes->len; k++)
          g_string_append_printf (variant, "\t%s", g_array_index (boxes, Box, k).text);
        g_string_append_c (variant, '\n');
      }
    }
  finish_page (&doc);
  cairo_destroy (doc.cr);
  cairo_surface_finish (doc.surface);
  cairo_surface_destroy (doc.surface);
  pdf = g_byte_array_free_to_bytes (doc.bytes);
  g_assert_cmpuint (blanked, >, 10);

  from_text = nb_report_new_from_bytes ((const guint8 *) variant->str, variant->len, "blanks.txt", &error);
  g_assert_no_error (error);
  from_pdf = nb_report_new_from_bytes (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), "blanks.pdf", &error);
  g_assert_no_error (error);

  for (guint c = 0; c < nb_report_get_n_cells (from_text); c++)
    {
      double a = -1, b = -1;
      gboolean has_a = nb_report_get_value (from_text, c, &a), has_b = nb_report_get_value (from_pdf, c, &b);
      const char *id = nb_schema_get_cell (nb_report_get_edition (from_text), c)->id;

      if (!g_str_has_prefix (id, "requests."))
        continue;
      /* the text reads its blanks as blank cells, which the equations fill in */
      g_assert_true (has_a);
      if (has_a != has_b || a != b || nb_report_get_origin (from_text, c) != nb_report_get_origin (from_pdf, c))
        g_error ("%s: %g (%s) from the text but %g (%s) from the PDF", id, a,
                 nb_origin_to_string (nb_report_get_origin (from_text, c)), b,
                 nb_origin_to_string (nb_report_get_origin (from_pdf, c)));
    }
}

static void
test_ruzhou_row (void)
{
  g_autoptr(Sample) sample = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *numbers[] = { "11", "1", "0", "0", "0", "0", "12", NULL };
  const char *wrapped[] = { "0", "0", "0", "0", "0", "0", "0", NULL };

  if (!have_cjk_font ())
    {
      g_test_skip ("no font for Chinese text");
      return;
    }
  sample = sample_load ("ruzhou-2021");
  pdf = sample_to_pdf (sample, NULL);
  text = nb_reader_pdf_extract (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  assert_text_has_row (text, "一、本年新收政府信息公开申请数量", numbers);
  /* three lines in its cell */
  assert_text_has_row (text, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                       wrapped);
}

static void
test_huaian (void)
{
  const char *dir = g_getenv ("NB_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *received[] = { "3001", "53", "0", "0", "61", "4", "3119", NULL };
  const char *carried[] = { "34", "0", "0", "0", "0", "0", "34", NULL };
  const char *total[] = { "2932", "53", "0", "0", "61", "4", "3050", NULL };
  const char *next_year[] = { "103", "0", "0", "0", "0", "0", "103", NULL };
  const char *partial[] = { "447", "7", "0", "0", "0", "0", "454", NULL };
  const char *wrapped[] = { "67", "3", "0", "0", "1", "0", "71", NULL };

  path = g_build_filename (dir != NULL ? dir : "/work/shared", "samples", "huaian_2024.pdf", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_strdup ("/work/shared/samples/huaian_2024.pdf");
    }
  if (!g_file_get_contents (path, &data, &len, NULL))
    {
      g_test_skip ("huaian_2024.pdf is not here");
      return;
    }

  text = nb_reader_pdf_extract ((const guint8 *) data, len, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_text_has_row (text, "本年新收", received);
  assert_text_has_row (text, "二、上年结转政府信息公开申请数量", carried);
  g_assert_true (text_has_row (text, "（七）总计", total) || text_has_row (text, "总计", total));
  assert_text_has_row (text, "四、结转下年度继续办理", next_year);
  /* labels wrapped over two and three lines */
  assert_text_has_row (text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", partial);
  assert_text_has_row (text, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                       wrapped);
  assert_no_page_numbers (text);
  g_assert_null (strstr (text, "-4-"));
}

static GBytes *
draw_scan (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (int i = 0; i < 40; i++)
        cairo_rectangle (cr, 60 + (i % 7) * 60, 60 + i * 15, 40, 8);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_scan (void)
{
  g_autoptr(GBytes) pdf = draw_scan ();
  g_autoptr(GError) error = NULL;
  char *text;

  text = nb_reader_pdf_extract (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "scan"));
}

/* A PDF encrypted with a user password (RC4, revision 2): poppler cannot open it without */
static GBytes *
make_encrypted (void)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];
  gsize xref;
  const char *hex32 = "<1122334455667788990011223344556677889900112233445566778899001122>";

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O %s /U %s /P -4 >>\n"
                          "endobj\n", hex32, hex32);
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
  for (int i = 1; i <= 4; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R "
                          "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  return g_string_free_to_bytes (pdf);
}

static void
test_encrypted (void)
{
  g_autoptr(GBytes) pdf = make_encrypted ();
  g_autoptr(GError) error = NULL;
  char *text;

  text = nb_reader_pdf_extract (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_ENCRYPTED);
}

static void
test_truncated (void)
{
  g_autoptr(Sample) sample = sample_load ("ruzhou-2021");
  g_autoptr(GBytes) pdf = sample_to_pdf (sample, NULL);
  gsize len = g_bytes_get_size (pdf);
  const guint8 *data = g_bytes_get_data (pdf, NULL);

  for (guint k = 1; k < 8; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gint64 start = g_get_monotonic_time ();

      text = nb_reader_pdf_extract (data, len * k / 8, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      if (text == NULL)
        g_assert_true (g_error_matches (error, NB_ERROR, NB_ERROR_DAMAGED) ||
                       g_error_matches (error, NB_ERROR, NB_ERROR_NO_TEXT));
      else
        g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  {
    g_autoptr(GError) error = NULL;
    char *text = nb_reader_pdf_extract ((const guint8 *) "%PDF-1.7\n", 9, &error);

    g_assert_null (text);
    g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
  }
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree guint8 *data = random_bytes (4096 * seed, seed);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (seed % 2)
        memcpy (data, "%PDF-1.4\n", 9);
      text = nb_reader_pdf_extract (data, 4096 * seed, &error);
      if (text == NULL)
        g_assert_nonnull (error);
      else
        g_assert_true (g_utf8_validate (text, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_sample_tests ("pdf", test_sample);
  g_test_add_func ("/core/readers/pdf/ruzhou-row", test_ruzhou_row);
  g_test_add_func ("/core/readers/pdf/blank-cells", test_blank_cells);
  g_test_add_func ("/core/readers/pdf/turned", test_turned);
  g_test_add_func ("/core/readers/pdf/huaian", test_huaian);
  g_test_add_func ("/core/readers/pdf/scan", test_scan);
  g_test_add_func ("/core/readers/pdf/encrypted", test_encrypted);
  g_test_add_func ("/core/readers/pdf/truncated", test_truncated);
  g_test_add_func ("/core/readers/pdf/random", test_random);

  return g_test_run ();
}
