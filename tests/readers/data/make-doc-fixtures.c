/* make-doc-fixtures.c — the .doc fixtures of test-reader-doc: samples written as DOCX,
 * then saved as Word 97–2003 documents by LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not built by meson, and CI does not need LibreOffice: the .doc files are committed.
 * From tests/readers/data, with a build in BUILD:
 *
 *   cc -o /tmp/make-doc-fixtures make-doc-fixtures.c ../readers-common.c -I.. -I../../../src/core \
 *      -I$BUILD -DNIANBAO_COMPILATION $BUILD/src/core/libnianbao.a \
 *      $(pkg-config --cflags --libs libgsf-1 gio-2.0 gmodule-2.0 json-glib-1.0) -lm
 *   NB_SAMPLES_DIR=../../../data/samples /tmp/make-doc-fixtures ruzhou-2021 mianchi-2022
 *   soffice --headless --convert-to doc:"MS Word 97" ruzhou-2021.docx mianchi-2022.docx
 *   rm ruzhou-2021.docx mianchi-2022.docx
 *
 * Unlike the DOCX of test-reader-docx, the tables have a grid and cell widths that agree
 * with their merges (LibreOffice lays cells out by width), and the text in each paragraph
 * is in a HYPERLINK field, beside a tracked deletion: both must be read as Word means them.
 */
#include <string.h>

#include <gsf/gsf.h>

#include "readers-common.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define COLUMN_WIDTH 1000

static void
add_part (GsfOutfile *zip,
          const char *dir,
          const char *name,
          const char *text)
{
  GsfOutfile *parent = zip;
  GsfOutput *part;

  if (dir != NULL)
    parent = GSF_OUTFILE (gsf_outfile_new_child (zip, dir, TRUE));
  part = gsf_outfile_new_child (parent, name, FALSE);
  gsf_output_write (part, strlen (text), (const guint8 *) text);
  gsf_output_close (part);
  g_object_unref (part);
  if (parent != zip)
    {
      gsf_output_close (GSF_OUTPUT (parent));
      g_object_unref (parent);
    }
}

static void
append_paragraph (GString    *xml,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  const char *mid;
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= 4)
    {
      g_string_append_printf (xml, "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                              escaped);
      return;
    }
  mid = g_utf8_offset_to_pointer (escaped, 2);
  head = g_strndup (escaped, mid - escaped);
  g_string_append_printf (xml,
                          "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r>"
                          "<w:del w:id=\"1\" w:author=\"审核\" w:date=\"2022-01-10T09:00:00Z\">"
                          "<w:r><w:delText>删除的字</w:delText></w:r></w:del>"
                          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                          "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK "
                          "\"http://www.gov.cn/2021/\" </w:instrText></w:r>"
                          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                          "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r>"
                          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
                          head, mid);
}

static void
append_paragraph_cb (const char *text,
                     guint       index,
                     gpointer    user_data)
{
  append_paragraph (user_data, text);
}

/* A table with a grid, cells as wide as the columns they span, rows as wide as the grid */
static void
append_table_cb (GPtrArray *plan,
                 gpointer   user_data)
{
  GString *xml = user_data;
  guint n_columns = table_plan_columns (plan);

  g_string_append (xml, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/>"
                        "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (xml, "<w:gridCol w:w=\"%d\"/>", COLUMN_WIDTH);
  g_string_append (xml, "</w:tblGrid>");
  for (guint r = 0; r < plan->len; r++)
    {
      GArray *row = g_ptr_array_index (plan, r);
      guint used = 0;

      g_string_append (xml, "<w:tr>");
      for (guint c = 0; c < row->len; c++)
        {
          PlanCell *cell = &g_array_index (row, PlanCell, c);

          if (cell->absorbed)
            continue;
          g_string_append_printf (xml, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>",
                                  cell->colspan * COLUMN_WIDTH);
          if (cell->colspan > 1)
            g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", cell->colspan);
          if (cell->rowspan > 1)
            g_string_append (xml, "<w:vMerge w:val=\"restart\"/>");
          else if (cell->continued)
            g_string_append (xml, "<w:vMerge/>");
          g_string_append (xml, "</w:tcPr>");
          append_paragraph (xml, cell->continued ? "" : cell->text);
          g_string_append (xml, "</w:tc>");
          used += cell->colspan;
        }
      for (; used < n_columns; used++)
        g_string_append_printf (xml, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
                                     "</w:tcPr><w:p/></w:tc>", COLUMN_WIDTH);
      g_string_append (xml, "</w:tr>");
    }
  g_string_append (xml, "</w:tbl>");
}

static char *
sample_to_document_xml (Sample *sample)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"" W_NS "\"><w:body>");

  sample_foreach (sample, append_paragraph_cb, append_table_cb, xml);
  g_string_append (xml, "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
                        "<w:pgMar w:top=\"720\" w:right=\"720\" w:bottom=\"720\" w:left=\"720\"/>"
                        "</w:sectPr></w:body></w:document>");
  return g_string_free (xml, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(Sample) sample = sample_load (argv[i]);
      g_autofree char *xml = sample_to_document_xml (sample);
      g_autofree char *path = g_strconcat (argv[i], ".docx", NULL);
      g_autoptr(GError) error = NULL;
      GsfOutput *sink = gsf_output_stdio_new (path, &error);
      GsfOutfile *zip;

      if (sink == NULL)
        g_error ("%s", error->message);
      zip = gsf_outfile_zip_new (sink, &error);
      if (zip == NULL)
        g_error ("%s", error->message);
      add_part (zip, NULL, "[Content_Types].xml", docx_content_types);
      add_part (zip, "_rels", ".rels", docx_rels);
      add_part (zip, "word", "document.xml", xml);
      gsf_output_close (GSF_OUTPUT (zip));
      g_object_unref (zip);
      g_object_unref (sink);
    }
  return 0;
}
