/* nb-reader-docx.c — Word documents (DOCX) to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOCX: word/document.xml is unpacked from the zip with libgsf as libxml2's xmlTextReader
 * streams through it (no network, no DTD, no entity expansion; a DOCTYPE, which Word never
 * writes, is refused), so memory stays near the size of the text, not of its XML. Paragraphs are lines; a
 * table gives one line per row with its cells separated by tabs, each cell one field, so
 * that an empty field is an empty cell (the parser reads it as a blank): a cell merged over
 * several columns (w:gridSpan) is one field, and a cell continuing a vertical merge
 * (w:vMerge without "restart") is none. A table inside a table's cell (WPS wraps tables in
 * a one-cell table) is read as a table of its own: the outer row's cells so far make a
 * line, the inner table's rows follow, and the rest of the outer cell starts a new line.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#include <string.h>

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

/* A document.xml larger than this, unpacked, is refused (zip bombs) */
#define MAX_DOCUMENT_XML (64 * 1024 * 1024)
#define MAX_GRID_SPAN    64

typedef struct
{
  GString   *out;
  GString   *line;       /* the paragraph being read, outside tables */
  GPtrArray *row;        /* char *, the cells of the current row, or NULL */
  GString   *cell;       /* the current cell, or NULL */
  gboolean   cell_continued;
  guint      table_depth;
  int        row_depth;    /* the reader's depth of the current row (w:tr), or -1 */
  int        cell_depth;   /* of the current cell (w:tc), or -1 */
  int        props_depth;  /* of its w:trPr or w:tcPr while inside it, or -1 */
  int        text_depth;   /* of the w:t whose text is being read, or -1 */
  gboolean   vmerge_seen;
  GArray    *outer;        /* DocxOuter, the tables around the innermost one */
} DocxWalk;

/* Where the walk was in a table when a table inside its cell started */
typedef struct
{
  int      row_depth;
  int      cell_depth;
  gboolean cell_continued;
  gboolean vmerge_seen;
  gboolean in_cell;
} DocxOuter;

/* Append text; inside a cell tabs and line ends become spaces */
static void
docx_add_text (DocxWalk   *walk,
               const char *text)
{
  GString *s = walk->cell != NULL ? walk->cell : walk->line;

  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if (c == '\r' || c == '\n' || (c == '\t' && walk->cell != NULL))
        c = ' ';
      else if ((guchar) c < 0x20 && c != '\t')
        continue;
      g_string_append_c (s, c);
    }
}

static void
docx_flush_line (DocxWalk *walk)
{
  g_strchomp (walk->line->str);
  walk->line->len = strlen (walk->line->str);
  if (walk->line->len > 0)
    {
      g_string_append_len (walk->out, walk->line->str, walk->line->len);
      g_string_append_c (walk->out, '\n');
    }
  g_string_truncate (walk->line, 0);
}

static void
docx_line_break (DocxWalk *walk)
{
  if (walk->cell != NULL)
    {
      if (walk->cell->len > 0 && walk->cell->str[walk->cell->len - 1] != ' ')
        g_string_append_c (walk->cell, ' ');
      return;
    }
  docx_flush_line (walk);
}

static void
docx_finish_cell (DocxWalk *walk)
{
  if (walk->cell == NULL)
    return;
  if (walk->row == NULL)
    walk->row = g_ptr_array_new_with_free_func (g_free);
  /* a cell continuing a vertical merge is no cell of its own */
  if (walk->cell_continued)
    g_string_free (walk->cell, TRUE);
  else
    g_ptr_array_add (walk->row, g_strstrip (g_string_free (walk->cell, FALSE)));
  walk->cell = NULL;
}

static void
docx_finish_row (DocxWalk *walk)
{
  gboolean any = FALSE;

  docx_finish_cell (walk);
  if (walk->row == NULL)
    return;
  for (guint i = 0; i < walk->row->len; i++)
    if (*(char *) g_ptr_array_index (walk->row, i) != '\0')
      any = TRUE;
  if (any)
    {
      for (guint i = 0; i < walk->row->len; i++)
        {
          if (i > 0)
            g_string_append_c (walk->out, '\t');
          g_string_append (walk->out, g_ptr_array_index (walk->row, i));
        }
      g_string_append_c (walk->out, '\n');
    }
  g_clear_pointer (&walk->row, g_ptr_array_unref);
}

/* A table starts inside a table's cell: what the outer row holds so far is written as a
 * line, and the walk goes on in the inner table */
static void
docx_enter_inner_table (DocxWalk *walk)
{
  DocxOuter outer = { walk->row_depth, walk->cell_depth, walk->cell_continued,
                      walk->vmerge_seen, walk->cell != NULL };

  docx_finish_row (walk);
  g_array_append_val (walk->outer, outer);
  walk->row_depth = walk->cell_depth = -1;
  walk->cell_continued = walk->vmerge_seen = FALSE;
}

/* The inner table ends: the outer cell goes on, on a line of its own */
static void
docx_leave_inner_table (DocxWalk *walk)
{
  DocxOuter outer = g_array_index (walk->outer, DocxOuter, walk->outer->len - 1);

  docx_finish_row (walk);
  g_array_set_size (walk->outer, walk->outer->len - 1);
  walk->row_depth = outer.row_depth;
  walk->cell_depth = outer.cell_depth;
  walk->cell_continued = outer.cell_continued;
  walk->vmerge_seen = outer.vmerge_seen;
  walk->row = g_ptr_array_new_with_free_func (g_free);
  if (outer.in_cell)
    walk->cell = g_string_new (NULL);
}

static guint
parse_span (const char *value)
{
  guint64 n;

  if (value == NULL || !g_ascii_isdigit (value[0]))
    return 1;
  n = g_ascii_strtoull (value, NULL, 10);
  return (guint) CLAMP (n, 1, MAX_GRID_SPAN);
}

static gboolean
name_is (const char *name,
         const char *wanted)
{
  return strcmp (name, wanted) == 0;
}

/* The value of the current element's val attribute (w:val), or "" when it has none */
static char *
dup_val (xmlTextReader *reader)
{
  char *ret = NULL;

  while (ret == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (name_is ((const char *) xmlTextReaderConstLocalName (reader), "val"))
      ret = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  xmlTextReaderMoveToElement (reader);
  return ret != NULL ? ret : g_strdup ("");
}

/* An element starts. Returns FALSE for one whose content is skipped */
static gboolean
docx_enter (DocxWalk      *walk,
            xmlTextReader *reader,
            const char    *name,
            int            depth)
{
  /* field codes, deleted text, properties, duplicate fallback content */
  if (name_is (name, "instrText") || name_is (name, "delText") || name_is (name, "Fallback") ||
      name_is (name, "rPr") || name_is (name, "pPr") || name_is (name, "tblPr") ||
      name_is (name, "tblGrid") || name_is (name, "sectPr"))
    return FALSE;

  if (name_is (name, "tbl"))
    {
      walk->table_depth++;
      if (walk->table_depth == 1)
        docx_flush_line (walk);
      else
        docx_enter_inner_table (walk);
      return TRUE;
    }
  /* rows and cells of the innermost table */
  if (walk->table_depth >= 1 && name_is (name, "tr"))
    {
      docx_finish_row (walk);
      walk->row = g_ptr_array_new_with_free_func (g_free);
      walk->row_depth = depth;
      walk->cell_depth = -1;
      return TRUE;
    }
  if (walk->table_depth >= 1 && name_is (name, "tc"))
    {
      docx_finish_cell (walk);
      walk->cell = g_string_new (NULL);
      walk->cell_continued = FALSE;
      walk->cell_depth = depth;
      walk->vmerge_seen = FALSE;
      return TRUE;
    }
  /* the properties of a row and a cell: cells skipped before the row, vertical merges */
  if ((name_is (name, "trPr") && walk->row_depth >= 0 && depth == walk->row_depth + 1 &&
       walk->cell_depth < 0) ||
      (name_is (name, "tcPr") && walk->cell_depth >= 0 && depth == walk->cell_depth + 1))
    {
      walk->props_depth = depth;
      return TRUE;
    }
  if (walk->props_depth >= 0 && depth == walk->props_depth + 1)
    {
      if (walk->cell_depth < 0 && name_is (name, "gridBefore") && walk->row != NULL)
        {
          g_autofree char *before = dup_val (reader);

          for (guint i = parse_span (before); i > 0; i--)
            g_ptr_array_add (walk->row, g_strdup (""));
        }
      else if (walk->cell_depth >= 0 && name_is (name, "vMerge") && !walk->vmerge_seen)
        {
          g_autofree char *vmerge = dup_val (reader);

          walk->cell_continued = strcmp (vmerge, "restart") != 0;
          walk->vmerge_seen = TRUE;
        }
      return TRUE;
    }

  if (name_is (name, "t"))
    {
      walk->text_depth = depth;
      return TRUE;
    }
  if (name_is (name, "tab") || name_is (name, "ptab"))
    {
      docx_add_text (walk, "\t");
      return FALSE;
    }
  if (name_is (name, "br") || name_is (name, "cr"))
    {
      docx_line_break (walk);
      return FALSE;
    }
  if (name_is (name, "noBreakHyphen"))
    {
      docx_add_text (walk, "-");
      return FALSE;
    }

  return TRUE;
}

/* An element entered with docx_enter() ends */
static void
docx_leave (DocxWalk   *walk,
            const char *name,
            int         depth)
{
  if (depth == walk->text_depth)
    walk->text_depth = -1;
  else if (depth == walk->props_depth)
    walk->props_depth = -1;
  else if (name_is (name, "p"))
    docx_line_break (walk);
  else if (name_is (name, "tbl"))
    {
      if (walk->table_depth > 1 && walk->outer->len > 0)
        docx_leave_inner_table (walk);
      else if (walk->table_depth == 1)
        docx_finish_row (walk);
      if (walk->table_depth > 0)
        walk->table_depth--;
    }
  else if (walk->table_depth >= 1 && name_is (name, "tr"))
    {
      docx_finish_row (walk);
      walk->row_depth = -1;
    }
  else if (walk->table_depth >= 1 && name_is (name, "tc"))
    {
      docx_finish_cell (walk);
      walk->cell_depth = -1;
    }
}

static gsize
docx_text_len (DocxWalk *walk)
{
  return walk->out->len + walk->line->len + (walk->cell != NULL ? walk->cell->len : 0);
}

static void
set_not_xml (GError **error)
{
  g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                       _("The Word document is damaged: its text (word/document.xml) "
                         "is not well-formed XML"));
}

/* Streams the document through the reader. Returns FALSE with @error set when it is
 * refused or damaged */
static gboolean
docx_stream (DocxWalk       *walk,
             xmlTextReader  *reader,
             GError        **error)
{
  int ret = xmlTextReaderRead (reader);

  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      gboolean descend = TRUE;

      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                               _("The Word document is refused: its text declares a document "
                                 "type or entities, which Word never writes"));
          return FALSE;
        case XML_READER_TYPE_ELEMENT:
          if (name == NULL)
            break;
          descend = docx_enter (walk, reader, name, depth);
          if (descend && xmlTextReaderIsEmptyElement (reader))
            docx_leave (walk, name, depth);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (name != NULL)
            docx_leave (walk, name, depth);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (walk->text_depth >= 0)
            docx_add_text (walk, (const char *) xmlTextReaderConstValue (reader));
          break;
        default:
          break;
        }
      if (docx_text_len (walk) > NB_READER_MAX_TEXT)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The document’s text is too large (more than %d MB)"),
                       NB_READER_MAX_TEXT / (1024 * 1024));
          return FALSE;
        }
      ret = descend ? xmlTextReaderRead (reader) : xmlTextReaderNext (reader);
    }
  if (ret < 0)
    {
      set_not_xml (error);
      return FALSE;
    }
  return TRUE;
}

/* libxml2 pulls document.xml from the zip as it parses: the unpacked part is never held */
static int
read_part_cb (void *context,
              char *buffer,
              int   len)
{
  GsfInput *part = context;
  gsf_off_t left = gsf_input_remaining (part);
  gsize n = MIN ((gsf_off_t) len, left);

  if (n == 0)
    return 0;
  if (gsf_input_read (part, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static int
close_part_cb (void *context)
{
  return 0;
}

static char *
text_from_document_xml (GsfInput  *part,
                        GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GArray) outer = g_array_new (FALSE, FALSE, sizeof (DocxOuter));
  DocxWalk walk = { 0 };
  xmlTextReader *reader;
  gboolean ok;

  /* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities stay unexpanded,
   * nothing is fetched, and libxml2's own limits on depth and names hold */
  reader = xmlReaderForIO (read_part_cb, close_part_cb, part, "document.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      set_not_xml (error);
      return NULL;
    }

  walk.out = out;
  walk.line = line;
  walk.outer = outer;
  walk.row_depth = walk.cell_depth = walk.props_depth = walk.text_depth = -1;
  ok = docx_stream (&walk, reader, error);
  xmlFreeTextReader (reader);
  if (ok)
    {
      docx_finish_row (&walk);
      docx_flush_line (&walk);
    }
  if (walk.cell != NULL)
    g_string_free (walk.cell, TRUE);
  if (walk.row != NULL)
    g_ptr_array_unref (walk.row);
  if (!ok)
    return NULL;

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* word/document.xml of the zip, checked for its size, or NULL */
static GsfInput *
open_document_xml (GsfInfile  *zip,
                   GError    **error)
{
  GsfInput *part;
  gsf_off_t size;

  part = gsf_infile_child_by_vname (zip, "word", "document.xml", NULL);
  if (part == NULL)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The file is a zip archive but not a Word document: it holds no "
                             "word/document.xml"));
      return NULL;
    }

  size = gsf_input_size (part);
  if (size < 0 || size > MAX_DOCUMENT_XML)
    {
      g_object_unref (part);
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The Word document’s text is too large (more than %d MB unpacked)"),
                   MAX_DOCUMENT_XML / (1024 * 1024));
      return NULL;
    }
  if (size == 0)
    {
      g_object_unref (part);
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The Word document is damaged: word/document.xml is empty"));
      return NULL;
    }
  return part;
}

char *
nb_reader_docx_extract (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *input;
  GsfInput *part;
  GsfInfile *zip;
  char *text;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_EMPTY, _("The Word document is empty"));
      return NULL;
    }

  input = gsf_input_memory_new (data, len, FALSE);
  zip = gsf_infile_zip_new (input, &local_error);
  g_object_unref (input);
  if (zip == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The file is not a Word document, or it is damaged: %s"),
                   local_error != NULL ? local_error->message : _("not a zip archive"));
      return NULL;
    }

  part = open_document_xml (zip, error);
  g_object_unref (zip);
  if (part == NULL)
    return NULL;

  text = text_from_document_xml (part, error);
  g_object_unref (part);
  return text;
}
