/* test-reader-doc.c — legacy Word 97–2003 documents (.doc) to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are written here with libgsf's OLE2 writer: a WordDocument stream with a
 * Word 97 FIB, the text in UTF-16 and 8-bit pieces and the PAPX FKPs, and a table stream
 * with the CLX (piece table) and PlcfBtePapx. Each sample of data/samples must give the
 * same values read from such a .doc as from its text. The .doc files in data/ were written by
 * LibreOffice from DOCX files of the samples (see data/make-doc-fixtures.c).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gsf/gsf.h>

#include "nianbao.h"
#include "readers/nb-readers-private.h"
#include "readers-common.h"

/* FIB offsets of a Word 97 FIB: csw 14, cslw 22, cbRgFcLcb 0x5D, cswNew 0 */
#define FIB_FLAGS          0x0A
#define FIB_CCP_TEXT       (34 + 14 * 2 + 2 + 3 * 4)
#define FIB_FCLCB          (34 + 14 * 2 + 2 + 22 * 4 + 2)
#define FIB_FC_BTE_PAPX    (FIB_FCLCB + 13 * 8)
#define FIB_FC_CLX         (FIB_FCLCB + 33 * 8)
#define FIB_SIZE           (FIB_FCLCB + 0x5D * 8 + 2)
#define TEXT_START         0x400
#define FKP_SIZE           512
#define FKP_MAX_PARAS      0x1D

#define SPRM_P_JC80        0x2403
#define SPRM_P_F_IN_TABLE  0x2416
#define SPRM_P_F_TTP       0x2417
#define SPRM_P_F_INNER_CELL 0x244B
#define SPRM_P_F_INNER_TTP 0x244C
#define SPRM_P_HUGE_PAPX   0x6646
#define SPRM_P_ITAP        0x6649
#define SPRM_P_CHG_TABS    0xC615
#define SPRM_T_DEF_TABLE   0xD608

#define CELL_WIDTH 800

/* A document being written ------------------------------------------------------------ */

typedef struct
{
  guint       end;      /* index in the text after its mark */
  GByteArray *grpprl;   /* istd and sprms, or NULL for the default properties */
} Para;

typedef struct
{
  guint   start;        /* index in the text */
  guint16 prm;
} PieceMark;

typedef struct
{
  GArray    *text;      /* gunichar2 */
  GPtrArray *paras;     /* Para */
  GArray    *prm_marks; /* PieceMark: a new piece starts there with that Prm */
  GPtrArray *prcs;      /* GByteArray: grpprls of the CLX's Prcs */
} DocBuilder;

typedef struct
{
  gboolean table0;      /* the table stream is 0Table (fWhichTblStm = 0) */
  gboolean no_papx;     /* no PlcfBtePapx */
  gboolean all_utf16;   /* no 8-bit pieces */
  guint16  flags;       /* more FibBase flags */
} DocOptions;

typedef struct
{
  GByteArray *word;
  GByteArray *table;
  const char *table_name;
  GByteArray *data;     /* the Data stream, or NULL */
} DocStreams;

static void
para_free (gpointer data)
{
  Para *para = data;

  if (para->grpprl != NULL)
    g_byte_array_unref (para->grpprl);
  g_free (para);
}

static DocBuilder *
doc_builder_new (void)
{
  DocBuilder *b = g_new0 (DocBuilder, 1);

  b->text = g_array_new (FALSE, FALSE, sizeof (gunichar2));
  b->paras = g_ptr_array_new_with_free_func (para_free);
  b->prm_marks = g_array_new (FALSE, FALSE, sizeof (PieceMark));
  b->prcs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  return b;
}

static void
doc_builder_free (DocBuilder *b)
{
  g_array_unref (b->text);
  g_ptr_array_unref (b->paras);
  g_array_unref (b->prm_marks);
  g_ptr_array_unref (b->prcs);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocBuilder, doc_builder_free)

static void
doc_streams_clear (DocStreams *s)
{
  g_clear_pointer (&s->word, g_byte_array_unref);
  g_clear_pointer (&s->table, g_byte_array_unref);
  g_clear_pointer (&s->data, g_byte_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocStreams, doc_streams_clear)

static void
add_text (DocBuilder *b,
          const char *utf8)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);

  g_assert_nonnull (units);
  g_array_append_vals (b->text, units, n);
}

static void
add_unit (DocBuilder *b,
          gunichar2   c)
{
  g_array_append_val (b->text, c);
}

/* Ends a paragraph with @mark (0x0D, or 0x07 in tables); takes @grpprl */
static void
end_para (DocBuilder *b,
          gunichar2   mark,
          GByteArray *grpprl)
{
  Para *para = g_new0 (Para, 1);

  add_unit (b, mark);
  para->end = b->text->len;
  para->grpprl = grpprl;
  g_ptr_array_add (b->paras, para);
}

/* The text from here on is in a new piece with @prm */
static void
set_prm (DocBuilder *b,
         guint16     prm)
{
  PieceMark mark = { b->text->len, prm };

  g_array_append_val (b->prm_marks, mark);
}

static void
put_u16 (GByteArray *a,
         gsize       offset,
         guint16     v)
{
  g_assert_cmpuint (offset + 2, <=, a->len);
  a->data[offset] = v & 0xFF;
  a->data[offset + 1] = v >> 8;
}

static void
put_u32 (GByteArray *a,
         gsize       offset,
         guint32     v)
{
  g_assert_cmpuint (offset + 4, <=, a->len);
  for (guint i = 0; i < 4; i++)
    a->data[offset + i] = (v >> (8 * i)) & 0xFF;
}

static void
append_u8 (GByteArray *a,
           guint8      v)
{
  g_byte_array_append (a, &v, 1);
}

static void
append_u16 (GByteArray *a,
            guint16     v)
{
  append_u8 (a, v & 0xFF);
  append_u8 (a, v >> 8);
}

static void
append_u32 (GByteArray *a,
            guint32     v)
{
  append_u16 (a, v & 0xFFFF);
  append_u16 (a, v >> 16);
}

static void
pad_to (GByteArray *a,
        gsize       multiple)
{
  while (a->len % multiple != 0)
    append_u8 (a, 0);
}

/* Paragraph properties ------------------------------------------------------------------ */

static GByteArray *
grpprl_new (void)
{
  GByteArray *g = g_byte_array_new ();

  append_u16 (g, 0);  /* istd: Normal */
  return g;
}

static void
grpprl_add_byte (GByteArray *g,
                 guint16     sprm,
                 guint8      val)
{
  append_u16 (g, sprm);
  append_u8 (g, val);
}

static void
grpprl_add_long (GByteArray *g,
                 guint16     sprm,
                 guint32     val)
{
  append_u16 (g, sprm);
  append_u32 (g, val);
}

/* A plain paragraph's: alignment, and tab stops (a variable-size operand to skip) */
static GByteArray *
plain_props (void)
{
  GByteArray *g = grpprl_new ();

  grpprl_add_byte (g, SPRM_P_JC80, 0);
  append_u16 (g, SPRM_P_CHG_TABS);
  append_u8 (g, 5);   /* cb */
  append_u8 (g, 0);   /* no tab deleted */
  append_u8 (g, 1);   /* one added: position and kind */
  append_u16 (g, 1440);
  append_u8 (g, 0);
  return g;
}

static GByteArray *
cell_props (guint depth)
{
  GByteArray *g = grpprl_new ();

  grpprl_add_byte (g, SPRM_P_F_IN_TABLE, 1);
  grpprl_add_long (g, SPRM_P_ITAP, depth);
  return g;
}

/* A row end's, with the cells' edges and vertical merges (vmerge: 0, 1 continued, 3 first) */
static GByteArray *
row_end_props (guint         n_cells,
               const int    *edges,
               const guint8 *vmerge)
{
  GByteArray *g = grpprl_new ();
  guint cb = 1 + (n_cells + 1) * 2 + n_cells * 20;

  grpprl_add_byte (g, SPRM_P_F_IN_TABLE, 1);
  grpprl_add_byte (g, SPRM_P_F_TTP, 1);
  grpprl_add_long (g, SPRM_P_ITAP, 1);
  append_u16 (g, SPRM_T_DEF_TABLE);
  append_u16 (g, cb + 1);
  append_u8 (g, n_cells);
  for (guint i = 0; i <= n_cells; i++)
    append_u16 (g, (guint16) edges[i]);
  for (guint i = 0; i < n_cells; i++)
    {
      append_u16 (g, vmerge != NULL ? (vmerge[i] & 3) << 5 : 0);  /* tcgrf */
      append_u16 (g, edges[i + 1] - edges[i]);
      for (guint k = 0; k < 4; k++)
        append_u32 (g, 0);  /* borders */
    }
  return g;
}

/* Streams -------------------------------------------------------------------------------- */

static gboolean
compressible (gunichar2 c,
              guint8   *byte)
{
  static const gunichar2 c1[32] = {
    0x0080, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178,
  };

  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
    {
      *byte = c;
      return TRUE;
    }
  /* Word's own characters for 0x80–0x9F; it writes the C1 controls as UTF-16 */
  for (guint i = 0; i < 32; i++)
    if (c1[i] == c && c != 0x80 + i)
      {
        *byte = 0x80 + i;
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  guint    start, end;  /* in the text */
  gboolean compressed;
  guint32  fc;          /* as in the Pcd */
  guint16  prm;
} BuiltPiece;

/* Pieces: runs of four or more 8-bit characters are compressed, the rest UTF-16 */
static GArray *
split_pieces (DocBuilder       *b,
              const DocOptions *opts)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (BuiltPiece));
  guint n = b->text->len, i = 0, m = 0;
  guint16 prm = 0;

  while (i < n)
    {
      BuiltPiece piece = { i, i, FALSE, 0, 0 };
      guint next_mark = n, run = i;
      guint8 byte = 0;

      while (m < b->prm_marks->len && g_array_index (b->prm_marks, PieceMark, m).start <= i)
        prm = g_array_index (b->prm_marks, PieceMark, m++).prm;
      if (m < b->prm_marks->len)
        next_mark = g_array_index (b->prm_marks, PieceMark, m).start;
      piece.prm = prm;

      while (run < next_mark && compressible (g_array_index (b->text, gunichar2, run), &byte))
        run++;
      if (!opts->all_utf16 && run - i >= 4)
        {
          piece.compressed = TRUE;
          piece.end = run;
        }
      else
        {
          /* UTF-16 up to the next run of four 8-bit characters */
          guint k = MAX (run, i + 1);

          while (k < next_mark)
            {
              guint r = k;

              while (r < next_mark && compressible (g_array_index (b->text, gunichar2, r), &byte))
                r++;
              if (!opts->all_utf16 && r - k >= 4)
                break;
              k = r > k ? r : k + 1;
            }
          piece.end = k;
        }
      g_array_append_val (pieces, piece);
      i = piece.end;
    }
  return pieces;
}

/* The FKP pages of the paragraphs, appended to @word; returns PlcfBtePapx */
static GByteArray *
write_papx_fkps (DocBuilder   *b,
                 GByteArray   *word,
                 const guint32 *fc_after)  /* fc after each character */
{
  GByteArray *bte = g_byte_array_new ();
  g_autoptr(GArray) fcs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) pns = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint p = 0;

  while (p < b->paras->len)
    {
      guint8 page[FKP_SIZE] = { 0 };
      guint32 rgfc[FKP_MAX_PARAS + 1];
      guint8 boffs[FKP_MAX_PARAS];
      guint n = 0, data_start = FKP_SIZE - 1;
      guint32 pn;

      /* the first page starts with the text, the others where the one before ended */
      rgfc[0] = p == 0 ? TEXT_START
                       : fc_after[((Para *) g_ptr_array_index (b->paras, p - 1))->end - 1];
      while (p < b->paras->len && n < FKP_MAX_PARAS)
        {
          Para *para = g_ptr_array_index (b->paras, p);
          guint need = 0, offset = 0;

          if (para->grpprl != NULL)
            {
              need = para->grpprl->len % 2 ? para->grpprl->len + 1 : para->grpprl->len + 2;
              if (need > data_start)
                break;
              offset = (data_start - need) & ~1u;
            }
          if ((n + 2) * 4 + (n + 1) * 13 > (para->grpprl != NULL ? offset : data_start))
            break;
          if (para->grpprl != NULL)
            {
              if (para->grpprl->len % 2)
                page[offset] = (para->grpprl->len + 1) / 2;
              else
                page[offset + 1] = para->grpprl->len / 2;
              memcpy (page + offset + need - para->grpprl->len, para->grpprl->data,
                      para->grpprl->len);
              data_start = offset;
            }
          boffs[n] = offset / 2;
          rgfc[n + 1] = fc_after[para->end - 1];
          n++;
          p++;
        }
      g_assert_cmpuint (n, >, 0);

      for (guint j = 0; j <= n; j++)
        for (guint k = 0; k < 4; k++)
          page[j * 4 + k] = (rgfc[j] >> (8 * k)) & 0xFF;
      for (guint j = 0; j < n; j++)
        page[(n + 1) * 4 + j * 13] = boffs[j];
      page[FKP_SIZE - 1] = n;

      pad_to (word, FKP_SIZE);
      pn = word->len / FKP_SIZE;
      g_byte_array_append (word, page, FKP_SIZE);
      g_array_append_val (fcs, rgfc[0]);
      g_array_append_val (pns, pn);
      if (p == b->paras->len)
        g_array_append_val (fcs, rgfc[n]);
    }

  for (guint i = 0; i < fcs->len; i++)
    append_u32 (bte, g_array_index (fcs, guint32, i));
  for (guint i = 0; i < pns->len; i++)
    append_u32 (bte, g_array_index (pns, guint32, i));
  return bte;
}

static void
build_streams (DocBuilder       *b,
               const DocOptions *opts,
               DocStreams       *out)
{
  g_autoptr(GArray) pieces = split_pieces (b, opts);
  g_autofree guint32 *fc_after = g_new0 (guint32, b->text->len + 1);
  g_autoptr(GByteArray) bte = NULL;
  GByteArray *word = g_byte_array_new ();
  GByteArray *table = g_byte_array_new ();
  GByteArray *plc = g_byte_array_new ();
  guint32 fc_clx, lcb_clx;

  g_assert_true (b->paras->len > 0);
  g_assert_cmpuint (((Para *) g_ptr_array_index (b->paras, b->paras->len - 1))->end, ==,
                    b->text->len);

  /* the text, after the FIB */
  g_byte_array_set_size (word, TEXT_START);
  memset (word->data, 0, TEXT_START);
  for (guint i = 0; i < pieces->len; i++)
    {
      BuiltPiece *piece = &g_array_index (pieces, BuiltPiece, i);

      pad_to (word, 2);
      if (piece->compressed)
        {
          piece->fc = (word->len * 2) | 0x40000000;
          for (guint k = piece->start; k < piece->end; k++)
            {
              guint8 byte = 0;

              g_assert_true (compressible (g_array_index (b->text, gunichar2, k), &byte));
              append_u8 (word, byte);
              fc_after[k] = word->len;
            }
        }
      else
        {
          piece->fc = word->len;
          for (guint k = piece->start; k < piece->end; k++)
            {
              append_u16 (word, g_array_index (b->text, gunichar2, k));
              fc_after[k] = word->len;
            }
        }
    }
  if (!opts->no_papx)
    bte = write_papx_fkps (b, word, fc_after);

  /* the table stream: a little of something else, then the CLX and the bin table */
  for (guint i = 0; i < 37; i++)
    append_u8 (table, 0xEE);
  fc_clx = table->len;
  for (guint i = 0; i < b->prcs->len; i++)
    {
      GByteArray *g = g_ptr_array_index (b->prcs, i);

      append_u8 (table, 0x01);
      append_u16 (table, g->len);
      g_byte_array_append (table, g->data, g->len);
    }
  for (guint i = 0; i < pieces->len; i++)
    append_u32 (plc, g_array_index (pieces, BuiltPiece, i).start);
  append_u32 (plc, b->text->len);
  for (guint i = 0; i < pieces->len; i++)
    {
      BuiltPiece *piece = &g_array_index (pieces, BuiltPiece, i);

      append_u16 (plc, 0x0040);
      append_u32 (plc, piece->fc);
      append_u16 (plc, piece->prm);
    }
  append_u8 (table, 0x02);
  append_u32 (table, plc->len);
  g_byte_array_append (table, plc->data, plc->len);
  g_byte_array_unref (plc);
  lcb_clx = table->len - fc_clx;

  /* the FIB */
  put_u16 (word, 0, 0xA5EC);               /* wIdent */
  put_u16 (word, 2, 0x00C1);               /* nFib */
  put_u16 (word, 6, 0x0804);               /* lid: zh-CN */
  put_u16 (word, FIB_FLAGS, (opts->table0 ? 0 : 0x0200) | 0x1000 | opts->flags);
  put_u16 (word, 0x0C, 0x00BF);            /* nFibBack */
  put_u16 (word, 32, 14);                  /* csw */
  put_u16 (word, 34 + 13 * 2, 0x0804);     /* lidFE */
  put_u16 (word, 34 + 14 * 2, 22);         /* cslw */
  put_u32 (word, 34 + 14 * 2 + 2, word->len);  /* cbMac */
  put_u32 (word, FIB_CCP_TEXT, b->text->len);
  put_u16 (word, FIB_FCLCB - 2, 0x5D);     /* cbRgFcLcb */
  put_u32 (word, FIB_FC_CLX, fc_clx);
  put_u32 (word, FIB_FC_CLX + 4, lcb_clx);
  if (bte != NULL)
    {
      put_u32 (word, FIB_FC_BTE_PAPX, table->len);
      put_u32 (word, FIB_FC_BTE_PAPX + 4, bte->len);
      g_byte_array_append (table, bte->data, bte->len);
    }

  out->word = word;
  out->table = table;
  out->table_name = opts->table0 ? "0Table" : "1Table";
}

typedef struct
{
  const char *name;
  GByteArray *bytes;
} OleEntry;

/* An OLE2 compound file written with libgsf */
static GBytes *
write_ole (const OleEntry *entries,
           guint           n_entries)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *ole = gsf_outfile_msole_new (sink);
  GBytes *bytes;

  g_assert_nonnull (ole);
  for (guint i = 0; i < n_entries; i++)
    {
      GsfOutput *child;

      if (entries[i].bytes == NULL)
        continue;
      child = gsf_outfile_new_child (ole, entries[i].name, FALSE);
      g_assert_true (gsf_output_write (child, entries[i].bytes->len, entries[i].bytes->data));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  g_object_unref (ole);

  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static GBytes *
write_streams (const DocStreams *s)
{
  const OleEntry entries[] = {
    { "WordDocument", s->word },
    { s->table_name, s->table },
    { "Data", s->data },
  };

  return write_ole (entries, G_N_ELEMENTS (entries));
}

static GBytes *
write_doc (DocBuilder       *b,
           const DocOptions *opts)
{
  g_auto(DocStreams) streams = { 0 };

  build_streams (b, opts, &streams);
  return write_streams (&streams);
}

static char *
extract (GBytes  *doc,
         GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (doc, &len);

  return nb_reader_doc_extract (data, len, error);
}

/* Samples -------------------------------------------------------------------------------- */

typedef struct
{
  DocBuilder *b;
  gboolean    regular;
} SampleDoc;

/* A paragraph, with a field whose code must not show and whose result must */
static void
add_sample_paragraph_cb (const char *text,
                         guint       index,
                         gpointer    user_data)
{
  SampleDoc *sd = user_data;
  DocBuilder *b = sd->b;

  if (g_utf8_strlen (text, -1) > 4)
    {
      const char *mid = g_utf8_offset_to_pointer (text, 2);
      g_autofree char *head = g_strndup (text, mid - text);

      add_text (b, head);
      add_unit (b, 0x13);
      add_text (b, " HYPERLINK \"http://www.gov.cn/2021/12/31\" \\o \"3000\" ");
      add_unit (b, 0x14);
      add_text (b, mid);
      add_unit (b, 0x15);
      if (index % 3 == 0)
        {
          /* a picture: an EMBED field around its anchor */
          add_unit (b, 0x13);
          add_text (b, " EMBED Word.Picture.8 ");
          add_unit (b, 0x14);
          add_unit (b, 0x01);
          add_unit (b, 0x15);
          add_unit (b, 0x08);
        }
    }
  else
    add_text (b, text);
  end_para (b, 0x0D, index % 2 ? plain_props () : NULL);
}

static void
add_sample_table_cb (GPtrArray *plan,
                     gpointer   user_data)
{
  SampleDoc *sd = user_data;
  guint n_columns = table_plan_columns (plan);

  for (guint r = 0; r < plan->len; r++)
    {
      GArray *row = g_ptr_array_index (plan, r);
      int edges[128] = { 0 };
      guint8 vmerge[128] = { 0 };
      guint n_cells = 0;

      for (guint c = 0; c < (sd->regular ? n_columns : row->len); c++)
        {
          PlanCell *cell = c < row->len ? &g_array_index (row, PlanCell, c) : NULL;

          if (!sd->regular && cell->absorbed)
            continue;
          g_assert_cmpuint (n_cells, <, 63);
          if (cell != NULL && !cell->absorbed && !cell->continued)
            add_text (sd->b, cell->text);
          edges[n_cells + 1] = edges[n_cells] +
                               (sd->regular || cell == NULL ? 1 : cell->colspan) * CELL_WIDTH;
          vmerge[n_cells] = cell == NULL ? 0 : cell->continued ? 1 : cell->rowspan > 1 ? 3 : 0;
          n_cells++;
          end_para (sd->b, 0x07, cell_props (1));
        }
      end_para (sd->b, 0x07, row_end_props (n_cells, edges, vmerge));
    }
}

/* The sample as a .doc. With @regular, every row of a table has all its columns (merged
 * cells written as empty cells, as Word 97 did) and no row says where its cells are. */
static DocBuilder *
sample_to_doc (Sample   *sample,
               gboolean  regular)
{
  SampleDoc sd = { doc_builder_new (), regular };

  sample_foreach (sample, add_sample_paragraph_cb, add_sample_table_cb, &sd);
  return sd.b;
}

/* Every table row of the sample comes back cell for cell, and every paragraph whole */
static void
assert_sample_lines (Sample     *sample,
                     const char *text,
                     gboolean    regular)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  assert_sample_table_lines (sample, text, regular);
  for (guint i = 0; lines[i] != NULL; i++)
    g_hash_table_add (have, line_normalize (lines[i]));
  for (guint i = 0; i < sample->lines->len; i++)
    {
      SampleLine *line = g_ptr_array_index (sample->lines, i);
      g_autofree char *want = line_normalize (line->text);

      if (!line->is_row && *want != '\0' && !g_hash_table_contains (have, want))
        {
          g_printerr ("---- extracted text ----\n%s\n------------------------\n", text);
          g_error ("%s: paragraph “%s” not found", sample->name, want);
        }
    }
}

static void
check_sample (const char       *name,
              gboolean          regular,
              const DocOptions *opts)
{
  g_autoptr(Sample) sample = sample_load (name);
  g_autoptr(DocBuilder) b = sample_to_doc (sample, regular);
  g_autoptr(GBytes) doc = write_doc (b, opts);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (nb_format_sniff (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc), NULL),
                   ==, NB_FORMAT_DOC);
  text = extract (doc, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "HYPERLINK"));
  g_assert_null (strstr (text, "EMBED"));

  assert_sample_rows (sample, text);
  assert_sample_lines (sample, text, regular);
  assert_same_values (name, doc, "report.doc");
}

static void
test_sample (gconstpointer data)
{
  const DocOptions opts = { 0 };

  check_sample (data, FALSE, &opts);
}

/* Without paragraph properties: the rows are guessed */
static void
test_sample_guessed (gconstpointer data)
{
  const DocOptions opts = { .no_papx = TRUE };

  check_sample (data, TRUE, &opts);
}

/* All in UTF-16, in 0Table */
static void
test_sample_utf16 (gconstpointer data)
{
  const DocOptions opts = { .table0 = TRUE, .all_utf16 = TRUE };

  check_sample (data, FALSE, &opts);
}

/* The .doc files LibreOffice wrote from the samples' DOCX */
static void
test_written_by_libreoffice (void)
{
  const char *names[] = { "ruzhou-2021", "mianchi-2022" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".doc", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
      g_autoptr(Sample) sample = sample_load (names[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GBytes) doc = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      doc = g_bytes_new_take (g_steal_pointer (&contents), len);
      g_assert_cmpint (nb_format_sniff (g_bytes_get_data (doc, NULL), len, file), ==,
                       NB_FORMAT_DOC);
      text = extract (doc, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (text, "删除的字"));  /* a tracked deletion */
      g_assert_null (strstr (text, "HYPERLINK"));
      assert_sample_rows (sample, text);
      assert_sample_lines (sample, text, FALSE);
      assert_same_values (names[i], doc, "report.doc");
    }
}

/* Characters and structures ------------------------------------------------------------ */

static void
add_cell (DocBuilder *b,
          const char *text)
{
  add_text (b, text);
  end_para (b, 0x07, cell_props (1));
}

static void
test_characters (void)
{
  g_autoptr(DocBuilder) b = doc_builder_new ();
  const int edges3[] = { 0, 800, 1600, 2400 };
  const int edges_merged[] = { 0, 1600, 2400 };
  const guint8 vmerge[] = { 1, 0, 0 };
  const DocOptions opts = { 0 };
  g_autoptr(GBytes) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* 8-bit text with Word's mapping of 0x80–0x9F */
  add_text (b, "Word “quoted” – ‘text’ … Œuvre");
  end_para (b, 0x0D, NULL);
  add_text (b, "表头\t说明");
  end_para (b, 0x0D, plain_props ());
  add_text (b, "甲");
  add_unit (b, 0x0B);                   /* line break */
  add_text (b, "乙");
  end_para (b, 0x0D, NULL);
  add_text (b, "丙");
  add_unit (b, 0xA0);                   /* no-break space */
  add_text (b, "丁");
  add_unit (b, 0x1E);                   /* non-breaking hyphen */
  add_text (b, "戊");
  add_unit (b, 0x1F);                   /* optional hyphen */
  add_unit (b, 0x01);
  add_unit (b, 0x08);
  add_text (b, "己");
  end_para (b, 0x0D, NULL);
  /* a field in another field's code, and one without a result */
  add_text (b, "前");
  add_unit (b, 0x13);
  add_text (b, " IF 1 = 1 ");
  add_unit (b, 0x13);
  add_text (b, " PAGE ");
  add_unit (b, 0x14);
  add_text (b, "9");
  add_unit (b, 0x15);
  add_unit (b, 0x14);
  add_text (b, "结果");
  add_unit (b, 0x15);
  add_unit (b, 0x13);
  add_text (b, " TC \"目录项\" ");
  add_unit (b, 0x15);
  add_text (b, "后𠀀");                  /* a character beyond the BMP: a surrogate pair */
  end_para (b, 0x0D, NULL);
  add_text (b, "第一页");
  add_unit (b, 0x0C);                   /* page break */
  add_text (b, "第二页");
  end_para (b, 0x0D, NULL);

  /* a table: a cell of two paragraphs, an empty cell */
  add_text (b, "三、本年度");
  end_para (b, 0x0D, cell_props (1));
  add_cell (b, "办理结果");
  add_cell (b, "");
  add_cell (b, "总计");
  end_para (b, 0x07, row_end_props (3, edges3, NULL));
  /* a nested table in the first cell */
  add_text (b, "外");
  end_para (b, 0x0D, cell_props (1));
  add_text (b, "内1");
  end_para (b, 0x0D, cell_props (2));
  add_text (b, "内2");
  {
    GByteArray *g = cell_props (2);

    grpprl_add_byte (g, SPRM_P_F_INNER_CELL, 1);
    end_para (b, 0x0D, g);
    g = cell_props (2);
    grpprl_add_byte (g, SPRM_P_F_INNER_TTP, 1);
    end_para (b, 0x0D, g);
  }
  add_text (b, "尾\t字");
  add_unit (b, 0x0B);
  add_text (b, "行");
  end_para (b, 0x07, cell_props (1));
  add_cell (b, "5");
  add_cell (b, "6");
  end_para (b, 0x07, row_end_props (3, edges3, NULL));
  /* a cell over two columns */
  add_cell (b, "合并");
  add_cell (b, "7");
  end_para (b, 0x07, row_end_props (2, edges_merged, NULL));
  /* a cell continuing a vertical merge */
  add_cell (b, "不应显示");
  add_cell (b, "8");
  add_cell (b, "");
  end_para (b, 0x07, row_end_props (3, edges3, vmerge));
  add_text (b, "完");
  end_para (b, 0x0D, NULL);

  doc = write_doc (b, &opts);
  text = extract (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Word “quoted” – ‘text’ … Œuvre\n"
                   "表头\t说明\n"
                   "甲\n乙\n"
                   "丙 丁-戊己\n"
                   "前结果后𠀀\n"
                   "第一页\n第二页\n"
                   "三、本年度 办理结果\t\t总计\n"
                   "外 内1 内2 尾 字 行\t5\t6\n"
                   /* a field per cell: one for the merged cell, none for the one
                    * continuing a vertical merge, an empty one for the empty cell */
                   "合并\t7\n"
                   "8\t\n"
                   "完\n");
}

/* Row ends given by the pieces' Prm (as fast saves leave them), not by the PAPX */
static void
test_piece_prm (void)
{
  g_autoptr(DocBuilder) b = doc_builder_new ();
  GByteArray *ttp = g_byte_array_new ();  /* a Prc's grpprl has no istd */
  const DocOptions opts = { .flags = 0x0004 };  /* fComplex */
  g_autoptr(GBytes) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  grpprl_add_byte (ttp, SPRM_P_F_TTP, 1);
  g_ptr_array_add (b->prcs, ttp);

  add_text (b, "表");
  end_para (b, 0x0D, NULL);
  add_cell (b, "甲");
  add_cell (b, "");
  set_prm (b, 0x0001);          /* Prm1: the first Prc's grpprl */
  end_para (b, 0x07, cell_props (1));
  set_prm (b, 0);
  add_cell (b, "乙");
  add_cell (b, "2");
  set_prm (b, (1 << 8) | (0x19 << 1));  /* Prm0: isprm 0x19 (sprmPFTtp), 1 */
  end_para (b, 0x07, cell_props (1));
  set_prm (b, 0);
  add_text (b, "完");
  end_para (b, 0x0D, NULL);

  doc = write_doc (b, &opts);
  text = extract (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "表\n甲\t\n乙\t2\n完\n");
}

/* PAPXs too large for their FKP are in the Data stream (sprmPHugePapx) */
static void
test_huge_papx (void)
{
  g_autoptr(DocBuilder) b = doc_builder_new ();
  const int edges[] = { 0, 800, 1600 };
  const DocOptions opts = { 0 };
  g_auto(DocStreams) streams = { 0 };
  g_autoptr(GByteArray) row_end = row_end_props (2, edges, NULL);
  GByteArray *huge = grpprl_new ();
  g_autoptr(GBytes) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  grpprl_add_long (huge, SPRM_P_HUGE_PAPX, 3);
  add_cell (b, "");
  add_cell (b, "1");
  end_para (b, 0x07, huge);
  add_cell (b, "乙");
  add_cell (b, "");
  end_para (b, 0x07, row_end_props (2, edges, NULL));
  add_text (b, "完");
  end_para (b, 0x0D, NULL);

  build_streams (b, &opts, &streams);
  streams.data = g_byte_array_new ();
  g_byte_array_append (streams.data, (const guint8 *) "xyz", 3);
  append_u16 (streams.data, row_end->len - 2);
  g_byte_array_append (streams.data, row_end->data + 2, row_end->len - 2);
  doc = write_streams (&streams);
  text = extract (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "\t1\n乙\t\n完\n");
}

/* Bad files ------------------------------------------------------------------------------ */

static DocBuilder *
small_doc (void)
{
  DocBuilder *b = doc_builder_new ();
  const int edges[] = { 0, 800, 1600 };

  add_text (b, "2021年政府信息公开工作年度报告 Report");
  end_para (b, 0x0D, NULL);
  add_cell (b, "收到申请");
  add_cell (b, "12");
  end_para (b, 0x07, row_end_props (2, edges, NULL));
  add_text (b, "完");
  end_para (b, 0x0D, NULL);
  return b;
}

static void
assert_fails (GBytes     *doc,
              gint        code,
              const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = extract (doc, &error);

  g_assert_null (text);
  g_assert_error (error, NB_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_not_word (void)
{
  g_autoptr(GByteArray) book = g_byte_array_new ();
  g_autoptr(GBytes) xls = NULL;
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  OleEntry entries[] = { { "Workbook", book }, { "EncryptionInfo", book } };

  g_byte_array_append (book, (const guint8 *) "\x09\x08\x10\x00\x00\x06\x05\x00", 8);
  xls = write_ole (entries, 1);
  assert_fails (xls, NB_ERROR_DAMAGED, "WordDocument");

  /* an encrypted DOCX is an OLE2 file too */
  entries[0].name = "EncryptedPackage";
  encrypted = write_ole (entries, 2);
  assert_fails (encrypted, NB_ERROR_ENCRYPTED, NULL);

  assert_fails (empty, NB_ERROR_EMPTY, NULL);
}

static void
test_encrypted (void)
{
  g_autoptr(DocBuilder) b = small_doc ();
  const DocOptions opts = { .flags = 0x0100 };  /* fEncrypted */
  g_autoptr(GBytes) doc = write_doc (b, &opts);

  assert_fails (doc, NB_ERROR_ENCRYPTED, NULL);
}

static void
test_word95 (void)
{
  g_autoptr(DocBuilder) b = small_doc ();
  const DocOptions opts = { 0 };
  g_auto(DocStreams) streams = { 0 };
  g_autoptr(GBytes) doc = NULL;

  build_streams (b, &opts, &streams);
  put_u16 (streams.word, 0, 0xA5DC);
  put_u16 (streams.word, 2, 0x0065);
  doc = write_streams (&streams);
  assert_fails (doc, NB_ERROR_UNSUPPORTED_FORMAT, "Word 95");
}

static void
test_no_table_stream (void)
{
  g_autoptr(DocBuilder) b = small_doc ();
  const DocOptions opts = { 0 };
  g_auto(DocStreams) streams = { 0 };
  g_autoptr(GBytes) doc = NULL;

  build_streams (b, &opts, &streams);
  streams.table_name = "0Table";  /* the FIB says 1Table */
  doc = write_streams (&streams);
  assert_fails (doc, NB_ERROR_DAMAGED, "1Table");
}

/* Corrupt one field of the streams; the reader must fail cleanly or read text */
typedef enum { IN_WORD, IN_TABLE } Where;

static const struct
{
  const char *what;
  Where       where;
  gsize       offset;     /* G_MAXSIZE - n: n bytes from the end */
  guint       size;       /* 1, 2 or 4 */
  guint32     value;
  gint        code;       /* the error, or -1 when text must come */
} corruptions[] = {
  { "fcClx past the end", IN_WORD, FIB_FC_CLX, 4, 0xFFFFFFF0, NB_ERROR_DAMAGED },
  { "lcbClx huge", IN_WORD, FIB_FC_CLX + 4, 4, 0xFFFFFFFF, NB_ERROR_DAMAGED },
  { "lcbClx zero", IN_WORD, FIB_FC_CLX + 4, 4, 0, NB_ERROR_DAMAGED },
  { "ccpText huge", IN_WORD, FIB_CCP_TEXT, 4, 0x7FFFFFFF, NB_ERROR_TOO_LARGE },
  { "ccpText zero", IN_WORD, FIB_CCP_TEXT, 4, 0, NB_ERROR_NO_TEXT },
  { "cbRgFcLcb too small", IN_WORD, FIB_FCLCB - 2, 2, 3, NB_ERROR_DAMAGED },
  { "cbRgFcLcb huge", IN_WORD, FIB_FCLCB - 2, 2, 0xFFFF, NB_ERROR_DAMAGED },
  { "csw huge", IN_WORD, 32, 2, 0xFFFF, NB_ERROR_DAMAGED },
  { "cslw zero", IN_WORD, 34 + 14 * 2, 2, 0, NB_ERROR_DAMAGED },
  { "fcPlcfBtePapx past the end", IN_WORD, FIB_FC_BTE_PAPX, 4, 0xFFFFFF00, -1 },
  { "lcbPlcfBtePapx huge", IN_WORD, FIB_FC_BTE_PAPX + 4, 4, 0x7FFFFFF4, -1 },
  { "clxt unknown", IN_TABLE, 37, 1, 0x07, NB_ERROR_DAMAGED },
  { "lcb of the PlcPcd huge", IN_TABLE, 38, 4, 0xFFFFFFF0, NB_ERROR_DAMAGED },
  { "lcb of the PlcPcd not 4 + 12n", IN_TABLE, 38, 4, 21, NB_ERROR_DAMAGED },
  { "first piece after the second", IN_TABLE, 42, 4, 0x7FFFFFFF, NB_ERROR_DAMAGED },
  { "last CP huge", IN_TABLE, 46, 4, 0x7FFFFFFF, -1 },
  { "piece fc past the stream", IN_TABLE, 42 + 4 * 2 + 2, 4, 0x3FFFFFF0, NB_ERROR_DAMAGED },
  { "compressed piece fc past the stream", IN_TABLE, 42 + 4 * 2 + 2, 4, 0x7FFFFFF0,
    NB_ERROR_DAMAGED },
  { "FKP page number huge", IN_TABLE, G_MAXSIZE - 4, 4, 0x003FFFFF, -1 },
  { "FKP page number zero (the FIB)", IN_TABLE, G_MAXSIZE - 4, 4, 0, -1 },
};

static void
test_corrupt (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      g_autoptr(DocBuilder) b = small_doc ();
      const DocOptions opts = { .all_utf16 = TRUE };
      g_auto(DocStreams) streams = { 0 };
      g_autoptr(GBytes) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GByteArray *a;
      gsize offset;

      build_streams (b, &opts, &streams);
      a = corruptions[i].where == IN_WORD ? streams.word : streams.table;
      offset = corruptions[i].offset;
      if (offset > G_MAXSIZE / 2)
        offset = a->len - (G_MAXSIZE - offset);
      if (corruptions[i].size == 1)
        a->data[offset] = corruptions[i].value;
      else if (corruptions[i].size == 2)
        put_u16 (a, offset, corruptions[i].value);
      else
        put_u32 (a, offset, corruptions[i].value);
      doc = write_streams (&streams);

      g_test_message ("%s", corruptions[i].what);
      text = extract (doc, &error);
      if (corruptions[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_nonnull (strstr (text, "收到申请"));
        }
      else
        {
          g_assert_null (text);
          g_assert_error (error, NB_ERROR, corruptions[i].code);
        }
    }
}

/* Many pieces over the same bytes: the text is bounded by ccpText, not by the pieces */
static void
test_repeated_pieces (void)
{
  g_auto(DocStreams) streams = { 0 };
  g_autoptr(GBytes) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const guint n = 100000;
  GByteArray *plc = g_byte_array_new ();

  streams.word = g_byte_array_new ();
  g_byte_array_set_size (streams.word, TEXT_START);
  memset (streams.word->data, 0, TEXT_START);
  g_byte_array_append (streams.word, (const guint8 *) "x\r", 2);  /* compressed */
  put_u16 (streams.word, 0, 0xA5EC);
  put_u16 (streams.word, 2, 0x00C1);
  put_u16 (streams.word, FIB_FLAGS, 0x0200);
  put_u16 (streams.word, 32, 14);
  put_u16 (streams.word, 34 + 14 * 2, 22);
  put_u32 (streams.word, FIB_CCP_TEXT, 2 * n);
  put_u16 (streams.word, FIB_FCLCB - 2, 0x5D);

  for (guint i = 0; i <= n; i++)
    append_u32 (plc, 2 * i);
  for (guint i = 0; i < n; i++)
    {
      append_u16 (plc, 0);
      append_u32 (plc, 0x40000000 | (TEXT_START * 2));
      append_u16 (plc, 0);
    }
  streams.table = g_byte_array_new ();
  append_u8 (streams.table, 0x02);
  append_u32 (streams.table, plc->len);
  g_byte_array_append (streams.table, plc->data, plc->len);
  g_byte_array_unref (plc);
  put_u32 (streams.word, FIB_FC_CLX, 0);
  put_u32 (streams.word, FIB_FC_CLX + 4, streams.table->len);
  streams.table_name = "1Table";

  doc = write_streams (&streams);
  text = extract (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, 2 * n);
}

/* Reads a damaged file. libgsf meets some with criticals, which the reader silences but
 * tests make fatal before any handler runs: here they are not. */
static char *
extract_damaged (const guint8  *data,
                 gsize          len,
                 GError       **error)
{
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  char *text = nb_reader_doc_extract (data, len, error);

  g_log_set_always_fatal (fatal);
  return text;
}

/* A table longer than the reader holds at once is read in parts, its rows whole */
static void
test_long_table (void)
{
  g_autoptr(DocBuilder) b = doc_builder_new ();
  const int edges[] = { 0, 800, 1600 };
  const DocOptions opts = { 0 };
  g_autoptr(GBytes) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const guint n_rows = 7000;  /* 21000 marks */

  for (guint r = 0; r < n_rows; r++)
    {
      add_cell (b, "甲");
      add_cell (b, "1");
      end_para (b, 0x07, row_end_props (2, edges, NULL));
    }
  add_text (b, "完");
  end_para (b, 0x0D, NULL);

  doc = write_doc (b, &opts);
  text = extract (doc, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 2);
  for (guint r = 0; r < n_rows; r++)
    g_assert_cmpstr (lines[r], ==, "甲\t1");
  g_assert_cmpstr (lines[n_rows], ==, "完");
}

static void
test_truncated_and_random (void)
{
  g_autoptr(Sample) sample = sample_load ("ruzhou-2021");
  g_autoptr(DocBuilder) b = sample_to_doc (sample, FALSE);
  const DocOptions opts = { 0 };
  g_autoptr(GBytes) doc = write_doc (b, &opts);
  gsize len;
  const guint8 *bytes = g_bytes_get_data (doc, &len);

  assert_reads_truncated (extract_damaged, bytes, len, 97);

  /* bytes changed here and there */
  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree guint8 *copy = g_memdup2 (bytes, len);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (guint k = 0; k < 1 + seed % 8; k++)
        copy[g_rand_int_range (rand, 512, len)] = g_rand_int (rand);
      text = extract_damaged (copy, len, &error);
      if (text == NULL)
        g_assert_nonnull (error);
      else
        g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  assert_refuses_random (extract_damaged, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, NB_ERROR_DAMAGED);
  assert_refuses_random (extract_damaged, "PK\x03\x04", 4, NB_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_sample_tests ("doc", test_sample);
  add_sample_tests ("doc-guessed-rows", test_sample_guessed);
  add_sample_tests ("doc-utf16", test_sample_utf16);
  g_test_add_func ("/core/readers/doc/written-by-libreoffice", test_written_by_libreoffice);
  g_test_add_func ("/core/readers/doc/characters", test_characters);
  g_test_add_func ("/core/readers/doc/piece-prm", test_piece_prm);
  g_test_add_func ("/core/readers/doc/huge-papx", test_huge_papx);
  g_test_add_func ("/core/readers/doc/not-word", test_not_word);
  g_test_add_func ("/core/readers/doc/encrypted", test_encrypted);
  g_test_add_func ("/core/readers/doc/word95", test_word95);
  g_test_add_func ("/core/readers/doc/no-table-stream", test_no_table_stream);
  g_test_add_func ("/core/readers/doc/corrupt", test_corrupt);
  g_test_add_func ("/core/readers/doc/repeated-pieces", test_repeated_pieces);
  g_test_add_func ("/core/readers/doc/long-table", test_long_table);
  g_test_add_func ("/core/readers/doc/truncated-and-random", test_truncated_and_random);

  return g_test_run ();
}
