/* nb-reader-docx.c — Word documents (DOCX) to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOCX: word/document.xml is read from the zip with libgsf and parsed with libxml2 (no
 * network, no entity expansion), then walked without recursion. Paragraphs are lines; a
 * table gives one line per row with its cells separated by tabs, each cell one field, so
 * that an empty field is an empty cell (the parser reads it as a blank): a cell merged over
 * several columns (w:gridSpan) is one field, and a cell continuing a vertical merge
 * (w:vMerge without "restart") is none.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#include <string.h>

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

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
} DocxWalk;

static gboolean
local_name_is (const xmlNode *node,
               const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

/* w:val of a child element of @parent named @name, or NULL (as "" when there is no w:val) */
static char *
dup_child_val (xmlNode    *parent,
               const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (local_name_is (child, name))
      {
        for (xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
          if (attr->name != NULL && strcmp ((const char *) attr->name, "val") == 0)
            {
              xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);
              char *ret = g_strdup ((const char *) value);

              xmlFree (value);
              return ret;
            }
        return g_strdup ("");
      }
  return NULL;
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (local_name_is (child, name))
      return child;
  return NULL;
}

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
docx_enter (DocxWalk *walk,
            xmlNode  *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  /* field codes, deleted text, properties, duplicate fallback content */
  if (local_name_is (node, "instrText") || local_name_is (node, "delText") ||
      local_name_is (node, "Fallback") || local_name_is (node, "rPr") ||
      local_name_is (node, "pPr") || local_name_is (node, "tblPr") ||
      local_name_is (node, "tblGrid") || local_name_is (node, "sectPr"))
    return FALSE;

  if (local_name_is (node, "tbl"))
    {
      walk->table_depth++;
      if (walk->table_depth == 1)
        docx_flush_line (walk);
      else
        docx_line_break (walk);
      return TRUE;
    }
  if (walk->table_depth == 1 && local_name_is (node, "tr"))
    {
      xmlNode *trpr = find_child (node, "trPr");

      docx_finish_row (walk);
      walk->row = g_ptr_array_new_with_free_func (g_free);
      if (trpr != NULL)
        {
          g_autofree char *before = dup_child_val (trpr, "gridBefore");

          if (before != NULL)
            for (guint i = parse_span (before); i > 0; i--)
              g_ptr_array_add (walk->row, g_strdup (""));
        }
      return TRUE;
    }
  if (walk->table_depth == 1 && local_name_is (node, "tc"))
    {
      xmlNode *tcpr = find_child (node, "tcPr");

      docx_finish_cell (walk);
      walk->cell = g_string_new (NULL);
      walk->cell_continued = FALSE;
      if (tcpr != NULL)
        {
          g_autofree char *vmerge = dup_child_val (tcpr, "vMerge");

          walk->cell_continued = vmerge != NULL && strcmp (vmerge, "restart") != 0;
        }
      return TRUE;
    }
  if (walk->table_depth > 1 && (local_name_is (node, "tr") || local_name_is (node, "tc")))
    {
      docx_line_break (walk);
      return TRUE;
    }

  if (local_name_is (node, "t"))
    {
      xmlChar *content = xmlNodeGetContent (node);

      if (content != NULL)
        docx_add_text (walk, (const char *) content);
      xmlFree (content);
      return FALSE;
    }
  if (local_name_is (node, "tab") || local_name_is (node, "ptab"))
    {
      docx_add_text (walk, "\t");
      return FALSE;
    }
  if (local_name_is (node, "br") || local_name_is (node, "cr"))
    {
      docx_line_break (walk);
      return FALSE;
    }
  if (local_name_is (node, "noBreakHyphen"))
    {
      docx_add_text (walk, "-");
      return FALSE;
    }

  return TRUE;
}

static void
docx_leave (DocxWalk *walk,
            xmlNode  *node)
{
  if (local_name_is (node, "p"))
    docx_line_break (walk);
  else if (local_name_is (node, "tbl"))
    {
      if (walk->table_depth == 1)
        docx_finish_row (walk);
      if (walk->table_depth > 0)
        walk->table_depth--;
    }
  else if (walk->table_depth == 1 && local_name_is (node, "tr"))
    docx_finish_row (walk);
  else if (walk->table_depth == 1 && local_name_is (node, "tc"))
    docx_finish_cell (walk);
}

static void
docx_walk (DocxWalk *walk,
           xmlNode  *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = docx_enter (walk, node);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (descend)
        docx_leave (walk, node);
      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != NULL)
            docx_leave (walk, node);
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
  docx_finish_row (walk);
  docx_flush_line (walk);
}

static char *
text_from_document_xml (const guint8  *xml,
                        gsize          len,
                        GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  DocxWalk walk = { 0 };
  xmlDoc *doc;
  xmlNode *root;

  doc = xmlReadMemory ((const char *) xml, (int) len, "document.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                       XML_PARSE_NOCDATA);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The Word document is damaged: its text (word/document.xml) "
                             "is not well-formed XML"));
      return NULL;
    }

  walk.out = out;
  walk.line = line;
  docx_walk (&walk, root);
  if (walk.cell != NULL)
    g_string_free (walk.cell, TRUE);
  if (walk.row != NULL)
    g_ptr_array_unref (walk.row);
  xmlFreeDoc (doc);

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The unpacked word/document.xml of the zip, or NULL */
static guint8 *
read_document_xml (GsfInfile  *zip,
                   gsize      *len,
                   GError    **error)
{
  GsfInput *part;
  gsf_off_t size;
  guint8 *xml;

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

  xml = g_malloc (size);
  if (gsf_input_read (part, size, xml) == NULL)
    {
      g_object_unref (part);
      g_free (xml);
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The Word document is damaged: word/document.xml cannot be "
                             "unpacked"));
      return NULL;
    }

  g_object_unref (part);
  *len = size;
  return xml;
}

char *
nb_reader_docx_extract (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *xml = NULL;
  GsfInput *input;
  GsfInfile *zip;
  gsize xml_len = 0;

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

  xml = read_document_xml (zip, &xml_len, error);
  g_object_unref (zip);
  if (xml == NULL)
    return NULL;

  return text_from_document_xml (xml, xml_len, error);
}
