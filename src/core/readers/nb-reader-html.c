/* nb-reader-html.c — web pages to text, tables laid out on their grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is decoded to UTF-8 first (the charset of <meta charset=…> or
 * <meta http-equiv="Content-Type" content="…; charset=gbk">; without one UTF-8, or GB18030
 * when the page is not UTF-8; bad bytes become U+FFFD) and streamed twice through libxml2's forgiving HTML parser, SAX events
 * only, no tree: the first pass finds the tables that hold tables, the second writes the
 * text. Block elements end lines. A table holding no other table is laid out
 * on its grid, honouring rowspan and colspan, and written one line a row, each cell one
 * field, separated by tabs: an empty field is an empty cell, never a position a span
 * covers (the parser reads empty fields as blank cells).
 * Tables that hold tables are page layout: their cells are plain blocks. A div styled as a
 * table's part (display: table, table-row, table-cell) or given its ARIA role (table,
 * row, cell) is read as that part.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#include <errno.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

/* Bounds against hostile input */
#define MAX_COLSPAN      1000
#define MAX_ROWSPAN      1000
#define MAX_GRID_MARKS   (8 * 1024 * 1024)   /* grid positions filled by spans, per page */
#define CHARSET_WINDOW   8192
/* A page with more elements than this is refused before it is parsed: a real report has
 * a few thousand */
#define MAX_ELEMENTS     (512 * 1024)
#define MAX_DEPTH        257                 /* elements open at once (xmlParserMaxDepth + 1) */

typedef struct
{
  char  *text;
  guint  colspan;
  guint  rowspan;
} Cell;

typedef struct
{
  GPtrArray *rows;      /* GPtrArray of Cell */
  GPtrArray *row;       /* the current row, or NULL */
  GString   *cell;      /* the current cell, or NULL */
  guint      colspan;
  guint      rowspan;
} Table;

typedef struct
{
  GString    *out;
  GString    *line;
  GPtrArray  *tables;        /* Table, innermost last: data tables only */
  gsize       grid_budget;
} Walk;

/* The state of a pass of SAX events */
typedef struct
{
  Walk       *walk;         /* NULL in the first pass, which only finds layout tables */
  GHashTable *layout;       /* tables that hold tables, by their number */
  guint       n_tables;     /* tables started so far */
  GArray     *open_tables;  /* guint: the number of each open table, innermost last */
  GArray     *open;         /* OpenElement: the elements open, innermost last */
  guint       real_tables;  /* <table> elements among them: inside one no div is a cell */
  guint       skip_depth;   /* > 0 inside a skipped element */
  guint       n_elements;   /* elements started */
  guint       depth;        /* elements open: text outside any is dropped, as libxml2's tree does */
} Pass;

/* An open element: its name, and the table part it stands for (a div styled as a cell) */
typedef struct
{
  const char *name;    /* interned by the parser's dictionary */
  const char *part;    /* "table", "tr", "td", or name */
} OpenElement;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_ptr_array_unref (table->rows);
  if (table->row != NULL)
    g_ptr_array_unref (table->row);
  if (table->cell != NULL)
    g_string_free (table->cell, TRUE);
  g_free (table);
}

static gboolean
name_is (const char *node,
         const char *name)
{
  return g_ascii_strcasecmp (node, name) == 0;
}

static gboolean
name_in (const char         *node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char * const skipped_elements[] = {
  "script", "style", "nav", "head", "title", "noscript", "template", "iframe", "object",
  "embed", "svg", "math", "select", "button", "textarea", NULL
};

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "section", "article",
  "header", "footer", "main", "aside", "blockquote", "pre", "center", "address", "hr",
  "form", "fieldset", "figure", "figcaption", "body", "html", NULL
};

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || c == 0x200B || c == 0xFEFF;
}

static gboolean
ends_with_space (GString *s)
{
  return s->len == 0 || s->str[s->len - 1] == ' ';
}

/* Append text, white space collapsed to one space */
static void
append_collapsed (GString    *s,
                  const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          if (!ends_with_space (s))
            g_string_append_c (s, ' ');
        }
      else if (c < 0x20 || c == 0x7F)
        continue;
      else
        g_string_append_unichar (s, c);
    }
}

static char *
strip_dup (GString *s)
{
  return g_strstrip (g_strndup (s->str, s->len));
}

static void
flush_line (Walk *walk)
{
  g_autofree char *text = strip_dup (walk->line);

  g_string_truncate (walk->line, 0);
  if (*text == '\0')
    return;
  g_string_append (walk->out, text);
  g_string_append_c (walk->out, '\n');
}

static Table *
current_table (Walk *walk)
{
  if (walk->tables->len == 0)
    return NULL;
  return g_ptr_array_index (walk->tables, walk->tables->len - 1);
}

/* A line break: a space inside a table cell */
static void
line_break (Walk *walk)
{
  Table *table = current_table (walk);

  if (table != NULL && table->cell != NULL)
    {
      if (!ends_with_space (table->cell))
        g_string_append_c (table->cell, ' ');
      return;
    }
  flush_line (walk);
}

static void
add_text (Walk       *walk,
          const char *text)
{
  Table *table = current_table (walk);

  if (table != NULL && table->cell != NULL)
    append_collapsed (table->cell, text);
  else
    append_collapsed (walk->line, text);
}

static guint
get_span (const xmlChar **attrs,
          const char     *attr,
          guint           max)
{
  g_autofree char *value = NULL;
  guint64 n;

  for (guint i = 0; attrs != NULL && attrs[i] != NULL; i += 2)
    if (g_ascii_strcasecmp ((const char *) attrs[i], attr) == 0)
      {
        value = g_strdup (attrs[i + 1] != NULL ? (const char *) attrs[i + 1] : "");
        break;
      }
  if (value == NULL)
    return 1;
  g_strstrip (value);
  if (!g_ascii_isdigit (value[0]))
    return 1;
  n = g_ascii_strtoull (value, NULL, 10);
  if (n == 0)
    return 0;  /* rowspan="0": to the end of the table */
  return (guint) MIN (n, (guint64) max);
}

static void
finish_cell (Table *table)
{
  Cell *cell;

  if (table->cell == NULL)
    return;
  if (table->row == NULL)
    table->row = g_ptr_array_new_with_free_func (cell_free);
  cell = g_new0 (Cell, 1);
  cell->text = strip_dup (table->cell);
  cell->colspan = MAX (table->colspan, 1);
  cell->rowspan = table->rowspan;
  g_ptr_array_add (table->row, cell);
  g_string_free (table->cell, TRUE);
  table->cell = NULL;
}

static void
finish_row (Table *table)
{
  finish_cell (table);
  if (table->row != NULL)
    g_ptr_array_add (table->rows, g_steal_pointer (&table->row));
}

#define SPANNED ((char *) &grid_spanned_marker)
static const char grid_spanned_marker = 0;

/* Lay the rows of a table out on its grid and write one line a row */
static void
write_table (Walk  *walk,
             Table *table)
{
  guint n_rows = table->rows->len;
  g_autofree GPtrArray **grid = g_new0 (GPtrArray *, MAX (n_rows, 1));

  for (guint r = 0; r < n_rows; r++)
    grid[r] = g_ptr_array_new ();

  for (guint r = 0; r < n_rows; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      guint col = 0;

      for (guint i = 0; i < row->len; i++)
        {
          Cell *cell = g_ptr_array_index (row, i);
          guint rowspan = cell->rowspan == 0 ? n_rows - r : MIN (cell->rowspan, n_rows - r);
          guint colspan = cell->colspan;

          while (col < grid[r]->len && g_ptr_array_index (grid[r], col) != NULL)
            col++;
          if ((gsize) rowspan * colspan > walk->grid_budget)
            rowspan = colspan = 1;
          walk->grid_budget -= MIN (walk->grid_budget, (gsize) rowspan * colspan);

          for (guint dr = 0; dr < rowspan; dr++)
            {
              GPtrArray *target = grid[r + dr];

              if (target->len < col + colspan)
                g_ptr_array_set_size (target, col + colspan);
              for (guint dc = 0; dc < colspan; dc++)
                g_ptr_array_index (target, col + dc) = SPANNED;
            }
          g_ptr_array_index (grid[r], col) = cell->text;
          col += colspan;
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      gboolean any = FALSE, first = TRUE;
      gsize start = walk->out->len;

      for (guint c = 0; c < grid[r]->len; c++)
        {
          const char *text = g_ptr_array_index (grid[r], c);

          /* a field per cell: what a span covers is no blank cell */
          if (text == NULL || text == SPANNED)
            continue;
          if (!first)
            g_string_append_c (walk->out, '\t');
          first = FALSE;
          g_string_append (walk->out, text);
          if (*text != '\0')
            any = TRUE;
        }
      if (any)
        g_string_append_c (walk->out, '\n');
      else
        g_string_truncate (walk->out, start);
      g_ptr_array_unref (grid[r]);
    }
}

static gboolean
attr_is (const char *value,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The table part a block element stands for by its style's display or its ARIA role,
 * or @node itself */
static const char *
table_part (const char     *node,
            const xmlChar **attrs)
{
  static const char * const blocks[] = { "div", "section", "ul", "li", "dl", "dt", "dd", "p", "span", NULL };
  static const char * const cells[] = { "cell", "gridcell", "columnheader", "rowheader", NULL };

  if (!name_in (node, blocks))
    return node;
  for (guint i = 0; attrs != NULL && attrs[i] != NULL; i += 2)
    {
      const char *name = (const char *) attrs[i];
      const char *value = (const char *) attrs[i + 1];

      if (value == NULL)
        continue;
      if (g_ascii_strcasecmp (name, "role") == 0)
        {
          if (attr_is (value, cells))
            return "td";
          if (g_ascii_strcasecmp (value, "row") == 0)
            return "tr";
          if (g_ascii_strcasecmp (value, "table") == 0 || g_ascii_strcasecmp (value, "grid") == 0)
            return "table";
        }
      else if (g_ascii_strcasecmp (name, "style") == 0)
        {
          g_autoptr(GString) squeezed = g_string_new (NULL);
          const char *display;

          for (const char *p = value; *p; p++)
            if (!g_ascii_isspace (*p))
              g_string_append_c (squeezed, g_ascii_tolower (*p));
          display = strstr (squeezed->str, "display:");
          if (display == NULL)
            continue;
          display += strlen ("display:");
          if (g_str_has_prefix (display, "table-row") && !g_str_has_prefix (display, "table-row-group"))
            return "tr";
          if (g_str_has_prefix (display, "table-cell"))
            return "td";
          if (g_str_has_prefix (display, "table") &&
              (display[5] == '\0' || display[5] == ';' || display[5] == '!'))
            return "table";
        }
    }
  return node;
}

/* Called on entering an element (@layout: a table holding tables); returns whether to
 * walk its content */
static gboolean
enter_element (Walk           *walk,
               const char     *node,
               const xmlChar **attrs,
               gboolean        layout)
{
  Table *table = current_table (walk);

  if (name_in (node, skipped_elements))
    return FALSE;

  if (name_is (node, "table") && !layout)
    {
      Table *t = g_new0 (Table, 1);

      flush_line (walk);
      t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (walk->tables, t);
      return TRUE;
    }

  if (table != NULL && name_is (node, "tr"))
    {
      finish_row (table);
      table->row = g_ptr_array_new_with_free_func (cell_free);
      return TRUE;
    }

  if (table != NULL && (name_is (node, "td") || name_is (node, "th")))
    {
      finish_cell (table);
      table->cell = g_string_new (NULL);
      table->colspan = get_span (attrs, "colspan", MAX_COLSPAN);
      table->rowspan = get_span (attrs, "rowspan", MAX_ROWSPAN);
      if (table->colspan == 0)
        table->colspan = 1;
      return TRUE;
    }

  if (name_is (node, "br") || name_in (node, block_elements))
    line_break (walk);

  return TRUE;
}

static void
leave_element (Walk       *walk,
               const char *node,
               gboolean    layout)
{
  Table *table = current_table (walk);

  if (table != NULL && name_is (node, "table") && !layout)
    {
      finish_row (table);
      flush_line (walk);  /* a caption */
      write_table (walk, table);
      g_ptr_array_remove_index (walk->tables, walk->tables->len - 1);
      return;
    }
  if (table != NULL && name_is (node, "tr"))
    {
      finish_row (table);
      return;
    }
  if (table != NULL && (name_is (node, "td") || name_is (node, "th")))
    {
      finish_cell (table);
      return;
    }
  if (name_in (node, block_elements))
    line_break (walk);
}

static void
start_element_cb (void           *data,
                  const xmlChar  *name,
                  const xmlChar **attrs)
{
  Pass *pass = ((htmlParserCtxtPtr) data)->_private;
  const char *node = (const char *) name;
  guint number = 0;
  gboolean layout;

  if (node == NULL)
    return;
  pass->n_elements++;
  /* the nesting libxml2's tree builder allows: deeper, it stopped the parse, and so does
   * this, so that a page reads as it did with the tree */
  if (++pass->depth > MAX_DEPTH)
    {
      xmlStopParser (data);
      return;
    }
  {
    /* inside a real table a div styled as a cell only centres its text */
    OpenElement open = { node, pass->real_tables > 0 ? node : table_part (node, attrs) };

    g_array_append_val (pass->open, open);
    pass->real_tables += name_is (node, "table");
    node = open.part;
  }
  if (name_is (node, "table"))
    number = ++pass->n_tables;

  /* first pass: a table that holds another is page layout, and so are those around it */
  if (pass->walk == NULL)
    {
      for (guint i = pass->open_tables->len; number > 0 && i > 0; i--)
        {
          guint outer = g_array_index (pass->open_tables, guint, i - 1);

          if (!g_hash_table_add (pass->layout, GUINT_TO_POINTER (outer)))
            break;  /* those around it are marked already */
        }
      if (number > 0)
        g_array_append_val (pass->open_tables, number);
      return;
    }

  if (pass->skip_depth > 0)
    {
      pass->skip_depth++;
      return;
    }
  layout = number > 0 && g_hash_table_contains (pass->layout, GUINT_TO_POINTER (number));
  if (!enter_element (pass->walk, node, attrs, layout))
    pass->skip_depth = 1;
  else if (number > 0)
    g_array_append_val (pass->open_tables, number);
}

static void
end_element_cb (void          *data,
                const xmlChar *name)
{
  Pass *pass = ((htmlParserCtxtPtr) data)->_private;
  const char *node = (const char *) name;
  gboolean table;
  guint number = 0;

  if (node == NULL)
    return;
  if (pass->depth > 0)
    pass->depth--;
  /* the part the element stood for: the innermost open one of its name */
  for (guint i = pass->open->len; i > 0; i--)
    {
      OpenElement *open = &g_array_index (pass->open, OpenElement, i - 1);

      if (g_ascii_strcasecmp (open->name, node) == 0)
        {
          node = open->part;
          /* it and the elements closed with it: the real tables among them */
          for (guint k = i - 1; k < pass->open->len; k++)
            pass->real_tables -= name_is (g_array_index (pass->open, OpenElement, k).name, "table");
          g_array_set_size (pass->open, i - 1);
          break;
        }
    }
  if (pass->skip_depth > 0)
    {
      pass->skip_depth--;  /* a skipped element is not left either */
      return;
    }
  table = name_is (node, "table");
  if (table && pass->open_tables->len > 0)
    {
      number = g_array_index (pass->open_tables, guint, pass->open_tables->len - 1);
      g_array_set_size (pass->open_tables, pass->open_tables->len - 1);
    }
  if (pass->walk != NULL)
    leave_element (pass->walk, node,
                   table && g_hash_table_contains (pass->layout, GUINT_TO_POINTER (number)));
}

static void
characters_cb (void          *data,
               const xmlChar *text,
               int            len)
{
  Pass *pass = ((htmlParserCtxtPtr) data)->_private;
  g_autofree char *copy = NULL;

  if (pass->walk == NULL || pass->skip_depth > 0 || pass->depth == 0 || len <= 0)
    return;
  copy = g_strndup ((const char *) text, len);
  add_text (pass->walk, copy);
}

/* One pass of SAX events over the page; no tree is built */
static gboolean
parse_page (const char *utf8,
            gsize       len,
            Pass       *pass)
{
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt (utf8, (int) len);
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;

  if (ctxt == NULL)
    return FALSE;
  /* only these events: without the default handlers no document is built */
  memset (ctxt->sax, 0, sizeof (htmlSAXHandler));
  ctxt->sax->startElement = start_element_cb;
  ctxt->sax->endElement = end_element_cb;
  ctxt->sax->characters = characters_cb;
  ctxt->sax->cdataBlock = characters_cb;
  ctxt->_private = pass;
  /* no HTML_PARSE_NOENT (nor a DTD): entities are never expanded from declarations */
  htmlCtxtUseOptions (ctxt, options);
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument (ctxt);
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  htmlFreeParserCtxt (ctxt);
  g_array_set_size (pass->open_tables, 0);
  g_array_set_size (pass->open, 0);
  pass->real_tables = 0;
  pass->skip_depth = pass->depth = pass->n_tables = 0;
  return TRUE;
}

/* The charset a page declares in its first bytes, or NULL */
static char *
find_meta_charset (const guint8 *data,
                   gsize         len)
{
  g_autofree char *head = g_ascii_strdown ((const char *) data, MIN (len, CHARSET_WINDOW));
  const char *p = head;

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;
      g_autofree char *tag = NULL;

      if (end == NULL)
        break;
      tag = g_strndup (p, end - p);
      p = end;
      cs = strstr (tag, "charset");
      if (cs == NULL)
        continue;
      cs += strlen ("charset");
      while (*cs == ' ')
        cs++;
      if (*cs != '=')
        continue;
      cs++;
      while (*cs == ' ' || *cs == '"' || *cs == '\'')
        cs++;
      {
        gsize n = 0;

        while (cs[n] != '\0' && (g_ascii_isalnum (cs[n]) || cs[n] == '-' || cs[n] == '_' ||
                                 cs[n] == '.' || cs[n] == ':'))
          n++;
        if (n > 0 && n < 40)
          return g_strndup (cs, n);
      }
    }
  return NULL;
}

/* Decode @data from @charset, each undecodable byte becoming U+FFFD */
static char *
decode_to_utf8 (const guint8 *data,
                gsize         len,
                const char   *charset)
{
  GIConv conv;
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[4096];

  if (charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0)
    return g_utf8_make_valid ((const char *) data, len);

  conv = g_iconv_open ("UTF-8", charset);
  if (conv == (GIConv) -1)
    return g_utf8_make_valid ((const char *) data, len);

  out = g_string_sized_new (len + len / 2);
  while (in_left > 0)
    {
      char *outp = buf;
      gsize out_left = sizeof buf;
      gsize r = g_iconv (conv, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buf, outp - buf);
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or EINVAL: skip one byte */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
          g_iconv (conv, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (conv);

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

/* Whether @data is UTF-8 but for a stray byte or a cut-off character */
static gboolean
mostly_utf8 (const guint8 *data,
             gsize         len)
{
  const char *p = (const char *) data;
  const char *end = p + len;
  gsize bad = 0;

  while (p < end && bad <= len / 1000 + 4)
    {
      const char *stop;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      bad++;
      p = stop + 1;
    }
  return bad <= len / 1000 + 4;
}

static char *
decode_page (const guint8 *data,
             gsize         len)
{
  g_autofree char *charset = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return decode_to_utf8 (data + 3, len - 3, "UTF-8");
  if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    return decode_to_utf8 (data + 2, len - 2, "UTF-16LE");
  if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    return decode_to_utf8 (data + 2, len - 2, "UTF-16BE");

  charset = find_meta_charset (data, len);
  if (charset != NULL &&
      (g_ascii_strcasecmp (charset, "gb2312") == 0 || g_ascii_strcasecmp (charset, "gbk") == 0 ||
       g_ascii_strcasecmp (charset, "x-gbk") == 0 || g_ascii_strcasecmp (charset, "cp936") == 0 ||
       g_ascii_strcasecmp (charset, "gb_2312-80") == 0))
    {
      g_free (charset);
      charset = g_strdup ("GB18030");
    }
  /* no charset said (it came in the HTTP header, and saving the page lost it): UTF-8, or
   * failing that GB18030, as Chinese sites serve pages */
  if (charset == NULL && !mostly_utf8 (data, len))
    charset = g_strdup ("GB18030");
  /* a page cannot be UTF-16 without a BOM: its meta was written in ASCII */
  if (charset != NULL && g_ascii_strncasecmp (charset, "utf-16", 6) == 0)
    {
      g_free (charset);
      charset = g_strdup ("UTF-8");
    }

  return decode_to_utf8 (data, len, charset);
}

/* Element tags in the page: each '<' followed by a letter */
static gsize
count_tags (const char *page)
{
  gsize n = 0;

  for (const char *p = strchr (page, '<'); p != NULL; p = strchr (p + 1, '<'))
    n += g_ascii_isalpha (p[1]);
  return n;
}

char *
nb_reader_html_extract (const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autofree char *utf8 = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) line = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GHashTable) layout = NULL;
  g_autoptr(GArray) open_tables = NULL;
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  Walk walk = { 0 };
  Pass pass = { 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_EMPTY, _("The web page is empty"));
      return NULL;
    }
  if (len > G_MAXINT)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("The web page is too large"));
      return NULL;
    }

  utf8 = decode_page (data, len);
  if (strlen (utf8) > G_MAXINT)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("The web page is too large"));
      return NULL;
    }
  if (count_tags (utf8) > MAX_ELEMENTS)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The web page has too many elements (more than %d) to be a report"),
                   MAX_ELEMENTS);
      return NULL;
    }
  layout = g_hash_table_new (NULL, NULL);
  open_tables = g_array_new (FALSE, FALSE, sizeof (guint));
  pass.layout = layout;
  pass.open_tables = open_tables;
  pass.open = open;
  if (!parse_page (utf8, strlen (utf8), &pass) || pass.n_elements == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED,
                           _("The web page could not be read as HTML"));
      return NULL;
    }

  out = g_string_new (NULL);
  line = g_string_new (NULL);
  tables = g_ptr_array_new_with_free_func (table_free);
  walk.out = out;
  walk.line = line;
  walk.tables = tables;
  walk.grid_budget = MAX_GRID_MARKS;
  pass.walk = &walk;
  parse_page (utf8, strlen (utf8), &pass);

  /* tables left open by a truncated page */
  while (tables->len > 0)
    {
      Table *table = current_table (&walk);

      finish_row (table);
      flush_line (&walk);
      write_table (&walk, table);
      g_ptr_array_remove_index (tables, tables->len - 1);
    }
  flush_line (&walk);

  if (out->len > NB_READER_MAX_TEXT)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The document’s text is too large (more than %d MB)"),
                   NB_READER_MAX_TEXT / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
