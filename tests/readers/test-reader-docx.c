/* test-reader-docx.c — Word documents to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gsf/gsf.h>

#include "nb-error.h"
#include "readers/nb-readers-private.h"
#include "readers-common.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef struct
{
  const char *path;   /* "word/document.xml" */
  const char *data;
  gsize       len;
  guint       repeat; /* written this many times (zip bombs) */
} ZipEntry;

/* A zip written with libgsf */
static GBytes *
write_zip (const ZipEntry *entries,
           guint           n_entries)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip;
  GBytes *bytes;

  zip = gsf_outfile_zip_new (sink, NULL);
  g_assert_nonnull (zip);
  for (guint i = 0; i < n_entries; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i].path, "/", -1);
      GsfOutfile *dir = zip;
      GsfOutput *child;
      guint n = g_strv_length (parts);
      g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; k + 1 < n; k++)
        {
          dir = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[k], TRUE));
          g_ptr_array_add (dirs, dir);
        }
      child = gsf_outfile_new_child (dir, parts[n - 1], FALSE);
      for (guint r = 0; r < MAX (entries[i].repeat, 1); r++)
        g_assert_true (gsf_output_write (child, entries[i].len, (const guint8 *) entries[i].data));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
      for (guint k = dirs->len; k > 0; k--)
        gsf_output_close (g_ptr_array_index (dirs, k - 1));
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);

  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static GBytes *
write_docx (const char *document_xml)
{
  const ZipEntry entries[] = {
    { "[Content_Types].xml", docx_content_types, strlen (docx_content_types), 1 },
    { "_rels/.rels", docx_rels, strlen (docx_rels), 1 },
    { "word/document.xml", document_xml, strlen (document_xml), 1 },
  };

  return write_zip (entries, G_N_ELEMENTS (entries));
}

/* The text the reader gives of a DOCX holding @document_xml, which it must read */
static char *
docx_text (const char *document_xml)
{
  g_autoptr(GBytes) docx = write_docx (document_xml);
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (docx, &len);
  char *text = nb_reader_docx_extract (bytes, len, &error);

  g_assert_no_error (error);
  return text;
}

static void
append_paragraph (GString    *xml,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  /* split the text over two runs, with a field code and deleted text that must not show */
  if (g_utf8_strlen (text, -1) > 4)
    {
      const char *mid = g_utf8_offset_to_pointer (escaped, 2);
      g_autofree char *head = g_strndup (escaped, mid - escaped);

      g_string_append_printf (xml,
                              "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>"
                              "<w:r><w:rPr><w:b/></w:rPr><w:t>%s</w:t></w:r>"
                              "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                              "<w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del>"
                              "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                              head, mid);
    }
  else
    g_string_append_printf (xml, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", escaped);
}

static void
append_paragraph_cb (const char *text,
                     guint       index,
                     gpointer    user_data)
{
  append_paragraph (user_data, text);
}

static void
append_table_cb (GPtrArray *plan,
                 gpointer   user_data)
{
  GString *xml = user_data;

  g_string_append (xml, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
  for (guint r = 0; r < plan->len; r++)
    {
      GArray *row = g_ptr_array_index (plan, r);

      g_string_append (xml, "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>");
      for (guint c = 0; c < row->len; c++)
        {
          PlanCell *cell = &g_array_index (row, PlanCell, c);

          if (cell->absorbed)
            continue;
          g_string_append (xml, "<w:tc><w:tcPr><w:tcW w:w=\"800\" w:type=\"dxa\"/>");
          if (cell->colspan > 1)
            g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", cell->colspan);
          if (cell->rowspan > 1)
            g_string_append (xml, "<w:vMerge w:val=\"restart\"/>");
          else if (cell->continued)
            g_string_append (xml, "<w:vMerge/>");
          g_string_append (xml, "</w:tcPr>");
          append_paragraph (xml, cell->text);
          g_string_append (xml, "</w:tc>");
        }
      g_string_append (xml, "</w:tr>");
    }
  g_string_append (xml, "</w:tbl>");
}

/* The sample as document.xml: paragraphs, and tables with w:gridSpan and w:vMerge */
static char *
sample_to_document_xml (Sample *sample)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"" W_NS "\"><w:body>");

  sample_foreach (sample, append_paragraph_cb, append_table_cb, xml);
  g_string_append (xml, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"
                        "</w:body></w:document>");
  return g_string_free (xml, FALSE);
}

/* The sample as document.xml made from its text as it is: a table cell per tab field, however
 * the text pads its labels or ends its lines */
static char *
sample_to_naive_document_xml (Sample *sample)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"" W_NS "\"><w:body>");
  guint table = 0;

  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);

      if (line->is_row)
        {
          g_auto(GStrv) fields = g_strsplit (line->text, "\t", -1);

          if (line->table != table)
            g_string_append (xml, table ? "</w:tbl><w:tbl>" : "<w:tbl>");
          table = line->table;
          g_string_append (xml, "<w:tr>");
          for (guint c = 0; fields[c] != NULL; c++)
            {
              g_autofree char *escaped = g_markup_escape_text (g_strstrip (fields[c]), -1);

              g_string_append_printf (xml, "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>", escaped);
            }
          g_string_append (xml, "</w:tr>");
        }
      else if (*line->text != '\0')
        {
          if (table)
            g_string_append (xml, "</w:tbl>");
          table = 0;
          append_paragraph (xml, line->text);
        }
    }
  if (table)
    g_string_append (xml, "</w:tbl>");
  g_string_append (xml, "</w:body></w:document>");
  return g_string_free (xml, FALSE);
}

static void
test_sample (gconstpointer data)
{
  const char *name = data;
  g_autoptr(Sample) sample = sample_load (name);
  g_autofree char *xml = sample_to_document_xml (sample);
  g_autoptr(GBytes) docx = write_docx (xml);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (docx, &len);

  g_assert_cmpint (nb_format_sniff (bytes, len, NULL), ==, NB_FORMAT_DOCX);
  text = nb_reader_docx_extract (bytes, len, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "删除的字"));
  g_assert_null (strstr (text, "PAGE"));

  assert_sample_rows (sample, text);
  assert_sample_table_lines (sample, text, FALSE);
  assert_same_values (name, docx, "report.docx");

  /* made from the text as it is: its padding tabs become empty cells, which must not read
   * as blank ones */
  {
    g_autofree char *naive_xml = sample_to_naive_document_xml (sample);
    g_autoptr(GBytes) naive = write_docx (naive_xml);

    assert_same_values (name, naive, "report.docx");
  }
}

static void
test_ruzhou_row (void)
{
  g_autoptr(Sample) sample = sample_load ("ruzhou-2021");
  g_autofree char *xml = sample_to_document_xml (sample);
  g_autofree char *text = docx_text (xml);
  const char *numbers[] = { "11", "1", "0", "0", "0", "0", "12", NULL };

  assert_text_has_row (text, "一、本年新收政府信息公开申请数量", numbers);
}

static void
test_merged_cells (void)
{
  const char *xml =
    "<w:document xmlns:w=\"" W_NS "\"><w:body>"
    "<w:p><w:r><w:t>表头</w:t><w:tab/><w:t>说明</w:t></w:r></w:p>"
    "<w:tbl>"
    "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>申请人</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>（一）予以</w:t></w:r><w:r><w:br/><w:t>公开</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    "<w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"
    "<w:tc><w:p><w:r><w:t>（三）</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>";
  g_autofree char *text = docx_text (xml);

  g_assert_cmpstr (text, ==,
                   "表头\t说明\n"
                   /* a field per cell: one for a cell over two columns, none for one
                    * continuing a vertical merge, an empty one a column left out before */
                   "申请人\t总计\n"
                   "三、本年度 办理结果\t（一）予以 公开\t5\n"
                   "（二）部分公开\t1\n"
                   "\t（三）\t0\n"
                   "完\n");
}

/* WPS: a table inside a one-cell table reads as a table of its own, the outer cell's
 * text before and after it on lines of their own; a table inside a data cell splits
 * that row where it stands */
static void
test_nested_table (void)
{
  const char *xml =
    "<w:document xmlns:w=\"" W_NS "\"><w:body>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表二</w:t></w:r></w:p>"
    "<w:tbl>"
    "<w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p/></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>行政强制</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
    "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl><w:p/></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>";
  g_autofree char *text = docx_text (xml);

  g_assert_cmpstr (text, ==,
                   "表二\n"
                   "行政处罚\t1\t\n"
                   "行政强制\t\t2\n"
                   "甲\t乙\n"
                   "3\n"
                   "丙\t4\n"
                   "完\n");
}

static void
test_no_document_xml (void)
{
  const ZipEntry entries[] = { { "hello.txt", "hello", 5, 1 } };
  g_autoptr(GBytes) zip = write_zip (entries, 1);
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *bytes = g_bytes_get_data (zip, &len);
  char *text;

  text = nb_reader_docx_extract (bytes, len, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not a Word document"));
}

static void
test_zip_bomb (void)
{
  static char chunk[1024 * 1024];
  const ZipEntry entries[] = {
    { "[Content_Types].xml", docx_content_types, strlen (docx_content_types), 1 },
    { "word/document.xml", chunk, sizeof chunk, 80 },   /* 80 MB of spaces, ~80 kB packed */
  };
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gsize len;
  const guint8 *bytes;
  char *text;

  memset (chunk, ' ', sizeof chunk);
  zip = write_zip (entries, G_N_ELEMENTS (entries));
  bytes = g_bytes_get_data (zip, &len);
  g_assert_cmpuint (len, <, 2 * 1024 * 1024);

  start = g_get_monotonic_time ();
  text = nb_reader_docx_extract (bytes, len, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_bad_xml (void)
{
  const char *cases[] = {
    "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>未闭合",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
    "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;"
    "&c;&c;&c;&c;&c;\">]><w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&d;&d;&d;"
    "</w:t></w:r></w:p></w:body></w:document>",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>"
    "</w:document>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) docx = write_docx (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gsize len;
      const guint8 *bytes = g_bytes_get_data (docx, &len);

      text = nb_reader_docx_extract (bytes, len, &error);
      if (text == NULL)
        g_assert_error (error, NB_ERROR, NB_ERROR_DAMAGED);
      else
        {
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_null (strstr (text, "root:"));
          g_assert_cmpuint (strlen (text), <, 10000);
        }
    }
}

static void
test_truncated_and_random (void)
{
  g_autoptr(Sample) sample = sample_load ("ruzhou-2021");
  g_autofree char *xml = sample_to_document_xml (sample);
  g_autoptr(GBytes) docx = write_docx (xml);
  gsize len;
  const guint8 *bytes = g_bytes_get_data (docx, &len);

  assert_reads_truncated (nb_reader_docx_extract, bytes, len, 37);
  assert_refuses_random (nb_reader_docx_extract, "PK\x03\x04", 4, NB_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_sample_tests ("docx", test_sample);
  g_test_add_func ("/core/readers/docx/ruzhou-row", test_ruzhou_row);
  g_test_add_func ("/core/readers/docx/merged-cells", test_merged_cells);
  g_test_add_func ("/core/readers/docx/nested-table", test_nested_table);
  g_test_add_func ("/core/readers/docx/no-document-xml", test_no_document_xml);
  g_test_add_func ("/core/readers/docx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/core/readers/docx/bad-xml", test_bad_xml);
  g_test_add_func ("/core/readers/docx/truncated-and-random", test_truncated_and_random);

  return g_test_run ();
}
