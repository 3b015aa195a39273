/* nb-reader-doc.c — legacy Word 97–2003 documents (.doc) to text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .doc is an OLE2 compound file, opened with libgsf. Its WordDocument stream starts with
 * the FIB, which names the table stream (0Table or 1Table, by fWhichTblStm) and where the
 * CLX lies in it. The CLX ends with the piece table: the document's characters, counted by
 * character position (CP), in pieces stored at some offset (fc) of the WordDocument stream,
 * as UTF-16LE or as 8-bit text (fc & 0x40000000: at fc / 2, cp1252-like). Only the main
 * document is read, CPs 0 to ccpText: no footnotes, headers, comments or text boxes.
 * Fast-saved documents (fComplex) are read through their piece table like the others.
 * [MS-DOC] 2.4.1 and 2.5.
 *
 * Word writes only characters of cp1252 in 8-bit pieces, but other programs may write GBK
 * there. A document in Chinese (lid or lidFE zh-CN, zh-SG) whose 8-bit pieces hold GBK is
 * read as GBK, a pair one character: every byte from 0x80 up is the first of a GBK pair
 * in its piece, and the pairs of GB2312's Chinese characters are two or more and outnumber
 * the Chinese characters of the UTF-16 pieces. Word's own 8-bit pieces beside its Chinese
 * in UTF-16 hold few such pairs ("××", "±°") and stay cp1252.
 *
 * Word marks structure with characters: 0x0D ends a paragraph, 0x07 ends a table cell, and
 * each row ends with one more 0x07, the row end, whose paragraph is the row's "table
 * terminating paragraph" (TTP). An empty cell is "\x07\x07" too, so the row ends are found
 * in the paragraph properties: PlcfBtePapx leads to the PAPX FKPs, whose grpprls say
 * whether a paragraph is in a table (sprmPFInTable, sprmPItap) and whether it ends a row
 * (sprmPFTtp, sprmPFInnerTtp); the piece's Prm may change them (fast saves). A row end also
 * gives the edges of its cells (sprmTDefTable): a row starting right of the table's left
 * edge is indented by empty fields, each cell is one field however many columns it spans,
 * and a cell continuing a vertical merge is none, as in the DOCX reader. Nested tables
 * are flattened into their outer cell. [MS-DOC] 2.4.6.
 *
 * Without usable paragraph properties (a damaged bin table), a 0x0D paragraph is taken to
 * be outside tables, and the row ends of a table are guessed: its rows are taken to have n
 * cells each, for the smallest n such that the marks divide into rows of n + 1 and every
 * (n + 1)th mark closes an empty paragraph (a row end holds no text). When no n fits, the
 * table's rows are not told apart.
 *
 * Field codes (0x13 code 0x14 result 0x15) keep only their result; anchors of pictures and
 * drawings (0x01, 0x08) and other control characters are dropped. Text deleted in tracked
 * changes (sprmCFRMarkDel, in the CHPX FKPs that PlcfBteChpx leads to) is left out, as if
 * the changes were accepted, as the DOCX reader leaves out w:del; so is hidden text
 * (sprmCFVanish), which Word neither shows nor prints, but not its paragraph, cell and field
 * marks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-error.h"
#include "nb-readers-private.h"

#include <string.h>

#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>

/* Bounds against hostile input */
#define MAX_TEXT_CHARS   (8 * 1024 * 1024)  /* characters of the main document */
#define MAX_TEXT_BYTES   NB_READER_MAX_TEXT /* the text given, tabs of spanned cells and all */
#define MAX_TABLE_MARKS  16384              /* cells held at once; a longer table is cut */
#define MAX_FIELD_DEPTH  64                 /* nested fields tracked one by one */
#define MAX_ROW_CELLS    63                 /* itcMac of sprmTDefTable */
#define MAX_GRID_COLUMNS 128
#define MAX_GRID_SPAN    64
#define GRID_TOLERANCE   20                 /* twips: cell edges this close are one */

#define FKP_SIZE 512

/* FibBase */
#define FIB_IDENT_WORD97      0xA5EC
#define FIB_NFIB_WORD97       0x00C0
#define FIB_FLAG_ENCRYPTED    0x0100
#define FIB_FLAG_WHICH_TBL    0x0200
#define FIB_BASE_SIZE         32
#define FIB_LID               0x06
#define FIB_RGW_LID_FE        13    /* in FibRgW97 */
#define LID_ZH_CN             0x0804
#define LID_ZH_SG             0x1004
#define GBK_MIN_HANZI         2     /* GB2312 characters that tell GBK from cp1252 */

/* Indices into FibRgLw97 and FibRgFcLcb97 */
#define FIB_LW_CCP_TEXT       3
#define FIB_FCLCB_BTE_CHPX    12
#define FIB_FCLCB_BTE_PAPX    13
#define FIB_FCLCB_CLX         33

#define FC_COMPRESSED         0x40000000
#define FC_MASK               0x3FFFFFFF

/* Sprms read here */
#define SPRM_P_F_IN_TABLE         0x2416
#define SPRM_P_F_TTP              0x2417
#define SPRM_P_F_INNER_TABLE_CELL 0x244B
#define SPRM_P_F_INNER_TTP        0x244C
#define SPRM_P_HUGE_PAPX          0x6646
#define SPRM_P_ITAP               0x6649
#define SPRM_P_DTAP               0x664A
#define SPRM_P_CHG_TABS           0xC615
#define SPRM_T_DEF_TABLE          0xD608

#define SPRM_C_F_RMARK_DEL        0x0800
#define SPRM_C_F_VANISH           0x083C

/* Prm0's isprm values for sprmPFInTable, sprmPFTtp and sprmCFRMarkDel */
#define ISPRM_P_F_IN_TABLE   0x18
#define ISPRM_P_F_TTP        0x19
#define ISPRM_C_F_RMARK_DEL  0x41

typedef struct
{
  guint32  cp;          /* its first character */
  guint32  n_chars;     /* those read: it ends at ccpText at the latest */
  guint32  fc;          /* offset of its first character in the WordDocument stream */
  gboolean compressed;  /* 8-bit characters, else UTF-16LE */
  guint16  prm;
} Piece;

typedef struct
{
  gsize offset;         /* in the table stream */
  gsize len;
} Grpprl;

/* PlcfBtePapx or PlcfBteChpx: FKP pages by stream offset */
typedef struct
{
  gsize offset;         /* in the table stream */
  guint n;              /* its FKPs; 0 when missing or unusable */
} BinTable;

typedef struct
{
  guint32 fc;
  guint32 lcb;
} FcLcb;

/* What the reader takes from the FIB, besides ccpText */
typedef struct
{
  const char *table_name;  /* "0Table" or "1Table" */
  FcLcb       clx;
  FcLcb       bte_papx;
  FcLcb       bte_chpx;
} Fib;

typedef struct
{
  guint8    *word;      /* the WordDocument stream */
  gsize      word_len;
  guint8    *table;     /* the table stream */
  gsize      table_len;
  GsfInput  *data;      /* the Data stream (huge PAPXs), or NULL */
  guint32    ccp_text;
  gboolean   chinese;   /* lid or lidFE: zh-CN or zh-SG */
  GIConv     gbk;       /* 8-bit pieces are GBK, or (GIConv) -1 */
  GArray    *pieces;    /* Piece, by CP */
  GArray    *prcs;      /* Grpprl of each Prc of the CLX */
  BinTable   papx;      /* PlcfBtePapx */
  BinTable   chpx;      /* PlcfBteChpx */
} DocFile;

/* What the reader needs of the properties of a paragraph, or of a run of characters */
typedef struct
{
  gboolean deleted;     /* deleted text of a tracked change */
  gboolean hidden;      /* hidden text (sprmCFVanish): neither shown nor printed */
  gboolean known;       /* read from a PAPX */
  gboolean in_table;
  gboolean ttp;
  gboolean inner_cell;
  gboolean inner_ttp;
  gint     itap;        /* table depth, or -1 when not given */
  guint    n_cells;     /* from sprmTDefTable (a row end), or 0 */
  gint16   edges[MAX_ROW_CELLS + 1];
  gboolean continued[MAX_ROW_CELLS];  /* continues a vertical merge */
} Props;

typedef enum
{
  ITEM_CELL,     /* a cell mark */
  ITEM_ROW_END,  /* a row end mark */
  ITEM_MARK,     /* a 0x07 without properties: one or the other */
} ItemKind;

typedef struct
{
  ItemKind   kind;
  char      *text;      /* the cell's text */
  Props *row;       /* for row ends: the row's properties */
} Item;

typedef struct
{
  DocFile   *doc;
  GString   *out;
  GString   *para;         /* the paragraph being read: "\n" for line breaks, "\t" tabs */
  GString   *cell;         /* earlier paragraphs of the current cell */
  GArray    *items;        /* Item: the marks of the current table */
  guint      field_depth;
  guint64    field_code;   /* bit i: the field at depth i is in its code */
  gunichar2  high;         /* a high surrogate waiting for its pair, or 0 */
  gboolean   too_large;    /* out reached MAX_TEXT_BYTES */
} DocWalk;

/* Bytes 0x80–0x9F of 8-bit pieces; the others are Latin-1 ([MS-DOC] 2.9.73) */
static const gunichar2 compressed_c1[32] = {
  0x0080, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178,
};

static inline guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static inline guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

/* Whether [offset, offset + n) lies within @len bytes */
static inline gboolean
span_fits (gsize   len,
           guint64 offset,
           guint64 n)
{
  return offset <= len && n <= len - offset;
}

static void
doc_file_clear (DocFile *doc)
{
  g_clear_pointer (&doc->word, g_free);
  g_clear_pointer (&doc->table, g_free);
  g_clear_object (&doc->data);
  g_clear_pointer (&doc->pieces, g_array_unref);
  g_clear_pointer (&doc->prcs, g_array_unref);
  if (doc->gbk != (GIConv) -1)
    g_iconv_close (doc->gbk);
  doc->gbk = (GIConv) -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocFile, doc_file_clear)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item->row);
}

static void
set_damaged (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, NB_ERROR, NB_ERROR_DAMAGED, message);
}

/* Streams ------------------------------------------------------------------------- */

/* libgsf meets a damaged OLE2 file (a truncated download, say) with failed
 * g_return_if_fail() checks before returning its error: criticals about the file, not the
 * program. They are dropped (logging from a log handler would abort), and the reader says
 * what is wrong. */
static void
gsf_log_cb (const char     *log_domain,
            GLogLevelFlags  log_level,
            const char     *message,
            gpointer        user_data)
{
}

static void
quiet_gsf_msole (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_handler ("libgsf:msole", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING,
                         gsf_log_cb, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* A stream of the file, or NULL (with @error set when it is there but damaged).
 * gsf_infile_child_by_name() would g_warning() about a damaged one. */
static GsfInput *
open_child (GsfInfile   *ole,
            const char  *name,
            GError     **error)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (ole));

  if (klass->child_by_name == NULL)
    return gsf_infile_child_by_name (ole, name);
  return klass->child_by_name (ole, name, error);
}

/* The whole of a stream, or NULL; never more than @limit bytes */
static guint8 *
read_stream (GsfInfile   *ole,
             const char  *name,
             gsize        limit,
             gsize       *len,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *stream = open_child (ole, name, &local_error);
  g_autofree guint8 *bytes = NULL;
  gsf_off_t size;
  gboolean ok;

  if (stream == NULL && local_error != NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word document is damaged: its %s stream cannot be read"), name);
      return NULL;
    }
  if (stream == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word document is damaged: it has no %s stream"), name);
      return NULL;
    }
  size = gsf_input_size (stream);
  if (size <= 0 || (guint64) size > limit)
    {
      g_object_unref (stream);
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word document is damaged: its %s stream has an impossible size"),
                   name);
      return NULL;
    }
  bytes = g_malloc (size);
  ok = gsf_input_read (stream, size, bytes) != NULL;
  g_object_unref (stream);
  if (!ok)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The Word document is damaged: its %s stream cannot be read"), name);
      return NULL;
    }
  *len = size;
  return g_steal_pointer (&bytes);
}

static gboolean
has_child (GsfInfile  *ole,
           const char *name)
{
  for (int i = 0; i < gsf_infile_num_children (ole); i++)
    if (g_strcmp0 (gsf_infile_name_by_index (ole, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* FIB, CLX and bin table ------------------------------------------------------------ */

static FcLcb
read_fc_lcb (const guint8 *fclcb,
             guint         index)
{
  FcLcb pair = { read_u32 (fclcb + index * 8), read_u32 (fclcb + index * 8 + 4) };

  return pair;
}

static gboolean
read_fib (DocFile  *doc,
          Fib      *fib,
          GError  **error)
{
  const guint8 *w = doc->word;
  gsize pos, csw, cslw, cb_fclcb;
  guint16 ident, nfib, flags;

  if (doc->word_len < FIB_BASE_SIZE + 2)
    {
      set_damaged (error, _("The Word document is damaged: its header (FIB) is truncated"));
      return FALSE;
    }

  ident = read_u16 (w);
  nfib = read_u16 (w + 2);
  flags = read_u16 (w + 0x0A);
  if (ident != FIB_IDENT_WORD97 || nfib < FIB_NFIB_WORD97)
    {
      if ((ident & 0xFF00) == 0xA500 && nfib < FIB_NFIB_WORD97)
        g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED_FORMAT,
                             _("The document was saved by Word 6 or Word 95, which Nianbao "
                               "cannot read; save it again as DOCX or PDF and open that"));
      else
        set_damaged (error, _("The Word document is damaged: its header (FIB) is not that "
                              "of a Word document"));
      return FALSE;
    }
  if (flags & FIB_FLAG_ENCRYPTED)  /* RC4, or XOR obfuscation (fObfuscated) */
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCRYPTED,
                           _("The Word document is encrypted; open it with its password and "
                             "save an unprotected copy"));
      return FALSE;
    }

  /* csw, FibRgW97; cslw, FibRgLw97; cbRgFcLcb, FibRgFcLcb */
  pos = FIB_BASE_SIZE;
  csw = read_u16 (w + pos);
  doc->chinese = read_u16 (w + FIB_LID) == LID_ZH_CN || read_u16 (w + FIB_LID) == LID_ZH_SG;
  if (csw > FIB_RGW_LID_FE && span_fits (doc->word_len, pos + 2, csw * 2))
    {
      guint16 lid_fe = read_u16 (w + pos + 2 + FIB_RGW_LID_FE * 2);

      doc->chinese = doc->chinese || lid_fe == LID_ZH_CN || lid_fe == LID_ZH_SG;
    }
  pos += 2 + csw * 2;
  if (!span_fits (doc->word_len, pos, 2))
    goto truncated;
  cslw = read_u16 (w + pos);
  pos += 2;
  if (cslw <= FIB_LW_CCP_TEXT || !span_fits (doc->word_len, pos, cslw * 4 + 2))
    goto truncated;
  doc->ccp_text = read_u32 (w + pos + FIB_LW_CCP_TEXT * 4);
  pos += cslw * 4;
  cb_fclcb = read_u16 (w + pos);
  pos += 2;
  if (cb_fclcb <= FIB_FCLCB_CLX || !span_fits (doc->word_len, pos, cb_fclcb * 8))
    goto truncated;
  fib->clx = read_fc_lcb (w + pos, FIB_FCLCB_CLX);
  fib->bte_papx = read_fc_lcb (w + pos, FIB_FCLCB_BTE_PAPX);
  fib->bte_chpx = read_fc_lcb (w + pos, FIB_FCLCB_BTE_CHPX);
  fib->table_name = (flags & FIB_FLAG_WHICH_TBL) ? "1Table" : "0Table";

  if (doc->ccp_text > MAX_TEXT_CHARS)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The Word document’s text is too large (more than %d million "
                     "characters)"), MAX_TEXT_CHARS / (1024 * 1024));
      return FALSE;
    }

  return TRUE;

truncated:
  set_damaged (error, _("The Word document is damaged: its header (FIB) is truncated"));
  return FALSE;
}

/* PlcPcd: the pieces of the main document's text */
static gboolean
read_pieces (DocFile       *doc,
             const guint8  *plc,
             gsize          len,
             GError       **error)
{
  gsize n;

  if (len < 16 || (len - 4) % 12 != 0)
    {
      set_damaged (error, _("The Word document is damaged: its piece table cannot be read"));
      return FALSE;
    }
  n = (len - 4) / 12;
  doc->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  for (gsize i = 0; i < n; i++)
    {
      guint32 cp = read_u32 (plc + i * 4);
      guint32 cp_next = read_u32 (plc + (i + 1) * 4);
      const guint8 *pcd = plc + (n + 1) * 4 + i * 8;
      guint32 fc = read_u32 (pcd + 2);
      Piece piece = { 0 };
      guint64 n_bytes;

      if (cp_next <= cp)
        {
          set_damaged (error, _("The Word document is damaged: its piece table is out of "
                                "order"));
          return FALSE;
        }
      if (cp >= doc->ccp_text)
        break;

      piece.cp = cp;
      piece.n_chars = MIN (cp_next, doc->ccp_text) - cp;
      piece.compressed = (fc & FC_COMPRESSED) != 0;
      piece.fc = piece.compressed ? (fc & FC_MASK) / 2 : (fc & FC_MASK);
      piece.prm = read_u16 (pcd + 6);
      n_bytes = (guint64) piece.n_chars * (piece.compressed ? 1 : 2);
      if (!span_fits (doc->word_len, piece.fc, n_bytes))
        {
          set_damaged (error, _("The Word document is damaged: part of its text lies outside "
                                "the WordDocument stream"));
          return FALSE;
        }
      g_array_append_val (doc->pieces, piece);
    }
  return TRUE;
}

/* The CLX: Prcs (grpprls that pieces may apply), then the Pcdt with the piece table */
static gboolean
read_clx (DocFile  *doc,
          FcLcb     where,
          GError  **error)
{
  guint32 fc_clx = where.fc, lcb_clx = where.lcb;
  const guint8 *clx;
  gsize pos = 0;

  if (lcb_clx == 0 || !span_fits (doc->table_len, fc_clx, lcb_clx))
    {
      set_damaged (error, _("The Word document is damaged: its piece table lies outside the "
                            "table stream"));
      return FALSE;
    }
  clx = doc->table + fc_clx;
  doc->prcs = g_array_new (FALSE, FALSE, sizeof (Grpprl));

  while (pos < lcb_clx)
    {
      if (clx[pos] == 0x01 && span_fits (lcb_clx, pos, 3))
        {
          gint16 cb = (gint16) read_u16 (clx + pos + 1);
          Grpprl prc;

          if (cb < 0 || !span_fits (lcb_clx, pos + 3, cb))
            break;
          prc.offset = fc_clx + pos + 3;
          prc.len = cb;
          g_array_append_val (doc->prcs, prc);
          pos += 3 + cb;
        }
      else if (clx[pos] == 0x02 && span_fits (lcb_clx, pos, 5))
        {
          guint32 lcb = read_u32 (clx + pos + 1);

          if (!span_fits (lcb_clx, pos + 5, lcb))
            break;
          return read_pieces (doc, clx + pos + 5, lcb, error);
        }
      else
        break;
    }

  set_damaged (error, _("The Word document is damaged: its piece table cannot be read"));
  return FALSE;
}

/* A bin table, kept when whole: without PlcfBtePapx tables are guessed, without
 * PlcfBteChpx deleted text is not told */
static BinTable
read_bin_table (DocFile *doc,
                FcLcb    where)
{
  BinTable bin = { 0, 0 };

  if (where.lcb >= 12 && (where.lcb - 4) % 8 == 0 &&
      span_fits (doc->table_len, where.fc, where.lcb))
    {
      bin.offset = where.fc;
      bin.n = (where.lcb - 4) / 8;
    }
  return bin;
}

/* The FKP page holding @fc, and the index in it of the run holding @fc. Papx and chpx
 * FKPs alike: rgfc[n + 1], then n entries of @entry_size bytes, n in the last byte. */
static const guint8 *
find_in_fkp (DocFile        *doc,
             const BinTable *bin,
             guint32         fc,
             gsize           entry_size,
             guint          *index)
{
  const guint8 *plc = doc->table + bin->offset;
  const guint8 *page;
  guint lo = 0, hi = bin->n, n;
  guint32 pn;

  if (bin->n == 0 || fc < read_u32 (plc) || fc >= read_u32 (plc + hi * 4))
    return NULL;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (read_u32 (plc + mid * 4) <= fc)
        lo = mid;
      else
        hi = mid;
    }

  pn = read_u32 (plc + (bin->n + 1) * 4 + lo * 4) & 0x3FFFFF;
  if (!span_fits (doc->word_len, (guint64) pn * FKP_SIZE, FKP_SIZE))
    return NULL;
  page = doc->word + (gsize) pn * FKP_SIZE;

  n = page[FKP_SIZE - 1];
  if (n == 0 || (n + 1) * 4 + n * entry_size > FKP_SIZE - 1)
    return NULL;
  for (guint j = 0; j < n; j++)
    if (read_u32 (page + j * 4) <= fc && fc < read_u32 (page + (j + 1) * 4))
      {
        *index = j;
        return page;
      }
  return NULL;
}

/* Paragraph properties ---------------------------------------------------------------- */

static void
props_init (Props *props)
{
  memset (props, 0, sizeof *props);
  props->itap = -1;
}

static guint
props_depth (const Props *props)
{
  guint depth = props->itap > 0 ? (guint) props->itap : 0;

  return MAX (depth, props->in_table ? 1u : 0u);
}

/* sprmTDefTable: the row's cells, their edges and vertical merges */
static void
read_def_table (Props        *props,
                const guint8 *op,
                gsize         len)
{
  guint n_cells;
  gsize tc_offset, n_tc;

  if (len < 3)
    return;
  n_cells = op[2];
  tc_offset = 3 + (n_cells + 1) * 2;
  if (n_cells == 0 || n_cells > MAX_ROW_CELLS || len < tc_offset)
    return;

  props->n_cells = n_cells;
  for (guint i = 0; i <= n_cells; i++)
    props->edges[i] = (gint16) read_u16 (op + 3 + i * 2);
  memset (props->continued, 0, sizeof props->continued);
  n_tc = MIN ((len - tc_offset) / 20, n_cells);
  for (gsize i = 0; i < n_tc; i++)
    {
      guint16 tcgrf = read_u16 (op + tc_offset + i * 20);

      props->continued[i] = ((tcgrf >> 5) & 0x3) == 1;  /* vertMerge: fvmMerge */
    }
}

static void apply_grpprl (DocFile      *doc,
                          Props        *props,
                          const guint8 *grpprl,
                          gsize         len,
                          gboolean      allow_huge);

/* sprmPHugePapx: the PAPX's grpprl in the Data stream */
static void
apply_huge_papx (DocFile *doc,
                 Props   *props,
                 guint32  offset)
{
  guint8 head[2];
  g_autofree guint8 *grpprl = NULL;
  guint16 cb;

  if (doc->data == NULL || gsf_input_seek (doc->data, offset, G_SEEK_SET) ||
      gsf_input_read (doc->data, 2, head) == NULL)
    return;
  cb = read_u16 (head);
  grpprl = g_malloc (MAX (cb, 1));
  if (gsf_input_read (doc->data, cb, grpprl) == NULL)
    return;
  apply_grpprl (doc, props, grpprl, cb, FALSE);
}

static void
apply_prl (DocFile      *doc,
           Props        *props,
           guint16       sprm,
           const guint8 *op,
           gsize         len,
           gboolean      allow_huge)
{
  switch (sprm)
    {
    case SPRM_C_F_RMARK_DEL:
      props->deleted = op[0] == 1 || op[0] == 0x81;  /* on, or the opposite of the style's */
      break;
    case SPRM_C_F_VANISH:
      props->hidden = op[0] == 1 || op[0] == 0x81;
      break;
    case SPRM_P_F_IN_TABLE:
      props->in_table = op[0] != 0;
      break;
    case SPRM_P_F_TTP:
      props->ttp = op[0] != 0;
      break;
    case SPRM_P_F_INNER_TABLE_CELL:
      props->inner_cell = op[0] != 0;
      break;
    case SPRM_P_F_INNER_TTP:
      props->inner_ttp = op[0] != 0;
      break;
    case SPRM_P_ITAP:
      props->itap = CLAMP ((gint32) read_u32 (op), 0, 64);
      break;
    case SPRM_P_DTAP:
      props->itap = CLAMP ((gint64) MAX (props->itap, 0) + (gint32) read_u32 (op), 0, 64);
      break;
    case SPRM_P_HUGE_PAPX:
      if (allow_huge)
        apply_huge_papx (doc, props, read_u32 (op));
      break;
    case SPRM_T_DEF_TABLE:
      read_def_table (props, op, len);
      break;
    default:
      break;
    }
}

/* The size of a Prl's operand at @grpprl[@pos], or 0 when it does not fit in @len */
static gsize
operand_size (guint16       sprm,
              const guint8 *grpprl,
              gsize         pos,
              gsize         len)
{
  guint64 size;

  switch (sprm >> 13)  /* spra */
    {
    case 0:
    case 1:
      size = 1;
      break;
    case 2:
    case 4:
    case 5:
      size = 2;
      break;
    case 3:
      size = 4;
      break;
    case 7:
      size = 3;
      break;
    case 6:
    default:
      if (sprm == SPRM_T_DEF_TABLE)
        {
          /* a 16-bit count of the rest, plus one */
          if (!span_fits (len, pos, 2))
            return 0;
          size = (guint64) read_u16 (grpprl + pos) + 1;
        }
      else if (sprm == SPRM_P_CHG_TABS && pos < len && grpprl[pos] == 255)
        {
          /* cTabs deleted tabs of 4 bytes, then cTabs added tabs of 3 bytes */
          guint64 added_at;

          if (!span_fits (len, pos, 2))
            return 0;
          added_at = pos + 2 + 4 * (guint64) grpprl[pos + 1];
          if (added_at >= len)
            return 0;
          size = added_at - pos + 1 + 3 * (guint64) grpprl[added_at];
        }
      else
        {
          if (pos >= len)
            return 0;
          size = 1 + (guint64) grpprl[pos];
        }
      break;
    }
  return span_fits (len, pos, size) ? size : 0;
}

static void
apply_grpprl (DocFile      *doc,
              Props        *props,
              const guint8 *grpprl,
              gsize         len,
              gboolean      allow_huge)
{
  gsize pos = 0;

  while (span_fits (len, pos, 2))
    {
      guint16 sprm = read_u16 (grpprl + pos);
      gsize size = operand_size (sprm, grpprl, pos + 2, len);

      if (size == 0)
        return;
      apply_prl (doc, props, sprm, grpprl + pos + 2, size, allow_huge);
      pos += 2 + size;
    }
}

/* The PAPX of the paragraph whose last character is at @fc ([MS-DOC] 2.4.6.1) */
static gboolean
read_papx (DocFile *doc,
           guint32  fc,
           Props   *props)
{
  const guint8 *page;
  guint j, cpara;
  gsize papx, start, size;

  /* rgbx: BxPap of 13 bytes, the first the PapxInFkp's offset / 2 */
  page = find_in_fkp (doc, &doc->papx, fc, 13, &j);
  if (page == NULL)
    return FALSE;
  cpara = page[FKP_SIZE - 1];

  props->known = TRUE;
  papx = (gsize) page[(cpara + 1) * 4 + j * 13] * 2;
  if (papx == 0)
    return TRUE;  /* default properties */

  /* PapxInFkp: cb, then 2 cb - 1 bytes; or 0, cb', then 2 cb' bytes */
  if (papx + 2 > FKP_SIZE - 1)
    return FALSE;
  if (page[papx] != 0)
    {
      start = papx + 1;
      size = 2 * (gsize) page[papx] - 1;
    }
  else
    {
      start = papx + 2;
      size = 2 * (gsize) page[papx + 1];
    }
  if (start + size > FKP_SIZE - 1)
    return FALSE;
  if (size > 2)  /* after the style's istd */
    apply_grpprl (doc, props, page + start + 2, size - 2, TRUE);
  return TRUE;
}

/* The properties of the run of characters holding @fc that the reader needs (deleted or
 * hidden text), in @props; @end: where the run ends */
static void
read_chpx (DocFile *doc,
           guint32  fc,
           guint32 *end,
           Props   *props)
{
  const guint8 *page;
  guint j, crun;
  gsize chpx;

  props_init (props);
  *end = fc + 1;
  page = find_in_fkp (doc, &doc->chpx, fc, 1, &j);
  if (page == NULL)
    return;
  crun = page[FKP_SIZE - 1];
  *end = read_u32 (page + (j + 1) * 4);

  /* rgb: the Chpx's offset / 2; a Chpx is cb, then cb bytes of grpprl */
  chpx = (gsize) page[(crun + 1) * 4 + j] * 2;
  if (chpx == 0 || chpx + 1 + page[chpx] > FKP_SIZE - 1)
    return;
  apply_grpprl (doc, props, page + chpx + 1, page[chpx], FALSE);
}

/* A piece's Prm: a grpprl of the CLX, or one sprm (Prm0) */
static void
apply_prm (DocFile *doc,
           Props   *props,
           guint16  prm)
{
  if (prm & 1)
    {
      guint index = prm >> 1;

      if (index < doc->prcs->len)
        {
          Grpprl *g = &g_array_index (doc->prcs, Grpprl, index);

          apply_grpprl (doc, props, doc->table + g->offset, g->len, FALSE);
        }
    }
  else
    {
      guint isprm = (prm >> 1) & 0x7F;
      guint8 val = prm >> 8;

      if (isprm == ISPRM_P_F_IN_TABLE)
        apply_prl (doc, props, SPRM_P_F_IN_TABLE, &val, 1, FALSE);
      else if (isprm == ISPRM_P_F_TTP)
        apply_prl (doc, props, SPRM_P_F_TTP, &val, 1, FALSE);
      else if (isprm == ISPRM_C_F_RMARK_DEL)
        apply_prl (doc, props, SPRM_C_F_RMARK_DEL, &val, 1, FALSE);
    }
}

static void
get_para_props (DocFile     *doc,
                const Piece *piece,
                guint32      fc,
                Props       *props)
{
  props_init (props);
  if (!read_papx (doc, fc, props))
    props_init (props);
  apply_prm (doc, props, piece->prm);
}

/* Tables -------------------------------------------------------------------------------- */

/* Gives each ITEM_MARK a kind: rows of n + 1 marks, the last one empty; see the top */
static void
resolve_marks (GArray *items)
{
  guint n = items->len;
  gboolean any = FALSE;

  for (guint i = 0; i < n && !any; i++)
    any = g_array_index (items, Item, i).kind == ITEM_MARK;
  if (!any)
    return;

  for (guint row_len = 2; row_len <= MIN (n, MAX_ROW_CELLS + 1); row_len++)
    {
      gboolean fits = n % row_len == 0;

      for (guint i = 0; i < n && fits; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          gboolean end = (i + 1) % row_len == 0;

          if (item->kind == ITEM_MARK)
            fits = !end || item->text[0] == '\0';
          else
            fits = end == (item->kind == ITEM_ROW_END);
        }
      if (fits)
        {
          for (guint i = 0; i < n; i++)
            {
              Item *item = &g_array_index (items, Item, i);

              if (item->kind == ITEM_MARK)
                item->kind = (i + 1) % row_len == 0 ? ITEM_ROW_END : ITEM_CELL;
            }
          return;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->kind == ITEM_MARK)
        item->kind = i + 1 == n ? ITEM_ROW_END : ITEM_CELL;
    }
}

/* Index of the grid line at or before @x */
static guint
grid_index (GArray *grid,
            int     x)
{
  guint lo = 0, hi = grid->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (grid, int, mid) <= x)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static gboolean
row_has_def (const Item *row_end,
             guint       n_cells)
{
  return row_end != NULL && row_end->row != NULL && row_end->row->n_cells == n_cells;
}

/* The columns of a table: every cell edge of its rows, edges close together made one */
static GArray *
table_grid (GArray *items)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *grid;
  guint n_cells = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->kind != ITEM_ROW_END)
        {
          n_cells++;
          continue;
        }
      if (row_has_def (item, n_cells))
        for (guint k = 0; k <= n_cells; k++)
          {
            int x = item->row->edges[k];

            g_array_append_val (edges, x);
          }
      n_cells = 0;
    }
  if (edges->len == 0)
    return NULL;

  g_array_sort (edges, compare_int);
  grid = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < edges->len; i++)
    {
      int x = g_array_index (edges, int, i);

      if (i == 0 || x - g_array_index (edges, int, i - 1) > GRID_TOLERANCE)
        g_array_append_val (grid, x);
    }
  if (grid->len > MAX_GRID_COLUMNS + 1)
    g_clear_pointer (&grid, g_array_unref);
  return grid;
}

/* Whether more text may be written; the text stops at MAX_TEXT_BYTES */
static gboolean
walk_has_room (DocWalk *walk)
{
  if (walk->out->len >= MAX_TEXT_BYTES)
    walk->too_large = TRUE;
  return !walk->too_large;
}

/* A row of @n_cells items ending before items[@end] (its row end, or the table's end) */
static void
emit_row (DocWalk *walk,
          GArray  *items,
          guint    end,
          guint    n_cells,
          GArray  *grid)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new ();  /* borrowed strings */
  const Item *row_end = end < items->len ? &g_array_index (items, Item, end) : NULL;
  const Props *def = row_has_def (row_end, n_cells) ? row_end->row : NULL;
  gboolean any = FALSE;

  if (def != NULL && grid != NULL)
    for (guint k = grid_index (grid, def->edges[0]); k > 0 && row->len < MAX_GRID_SPAN; k--)
      g_ptr_array_add (row, (gpointer) "");

  for (guint i = 0; i < n_cells; i++)
    {
      const Item *cell = &g_array_index (items, Item, end - n_cells + i);
      /* a field per cell, however many columns it spans, and none for a cell continuing a
       * vertical merge: an empty field is an empty cell */
      if (def != NULL && def->continued[i])
        continue;
      any = any || cell->text[0] != '\0';
      g_ptr_array_add (row, (gpointer) cell->text);
    }

  if (!any || !walk_has_room (walk))
    return;
  for (guint i = 0; i < row->len; i++)
    {
      if (i > 0)
        g_string_append_c (walk->out, '\t');
      g_string_append (walk->out, g_ptr_array_index (row, i));
    }
  g_string_append_c (walk->out, '\n');
}

/* Cell text: its paragraphs joined by spaces, tabs and line breaks made spaces */
static void
cell_add_paragraph (DocWalk *walk)
{
  for (gsize i = 0; i < walk->para->len; i++)
    if (walk->para->str[i] == '\n' || walk->para->str[i] == '\t')
      walk->para->str[i] = ' ';
  g_strstrip (walk->para->str);
  if (walk->para->str[0] != '\0')
    {
      if (walk->cell->len > 0)
        g_string_append_c (walk->cell, ' ');
      g_string_append (walk->cell, walk->para->str);
    }
  g_string_truncate (walk->para, 0);
}

static void
push_item (DocWalk     *walk,
           ItemKind     kind,
           const Props *props)
{
  Item item = { kind, NULL, NULL };

  cell_add_paragraph (walk);
  item.text = g_strdup (walk->cell->str);
  if (kind == ITEM_ROW_END)
    item.row = g_memdup2 (props, sizeof *props);
  g_array_append_val (walk->items, item);
  g_string_truncate (walk->cell, 0);
}

static void
flush_table (DocWalk *walk)
{
  g_autoptr(GArray) grid = NULL;
  guint n_cells = 0;

  if (walk->cell->len > 0)
    push_item (walk, ITEM_CELL, NULL);  /* a cell left open */
  if (walk->items->len == 0)
    return;

  resolve_marks (walk->items);
  grid = table_grid (walk->items);
  for (guint i = 0; i < walk->items->len; i++)
    {
      if (g_array_index (walk->items, Item, i).kind == ITEM_ROW_END)
        {
          emit_row (walk, walk->items, i, n_cells, grid);
          n_cells = 0;
        }
      else
        n_cells++;
    }
  if (n_cells > 0)
    emit_row (walk, walk->items, walk->items->len, n_cells, grid);
  g_array_set_size (walk->items, 0);
}

/* Text ---------------------------------------------------------------------------------- */

/* A paragraph outside tables: its lines, without trailing space */
static void
flush_paragraph (DocWalk *walk)
{
  g_auto(GStrv) lines = NULL;

  flush_table (walk);
  if (!walk_has_room (walk))
    {
      g_string_truncate (walk->para, 0);
      return;
    }
  lines = g_strsplit (walk->para->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] != '\0')
        {
          g_string_append (walk->out, lines[i]);
          g_string_append_c (walk->out, '\n');
        }
    }
  g_string_truncate (walk->para, 0);
}

static void
end_paragraph (DocWalk     *walk,
               gunichar2    mark,
               const Piece *piece,
               guint32      fc)
{
  Props props;
  guint depth;

  get_para_props (walk->doc, piece, fc, &props);
  depth = props_depth (&props);

  if (mark == 0x07)
    {
      walk->field_depth = 0;  /* no field goes on over a cell's end */
      walk->field_code = 0;
      if (!props.known || depth == 0)
        push_item (walk, ITEM_MARK, &props);
      else if (props.ttp && depth == 1)
        push_item (walk, ITEM_ROW_END, &props);
      else
        push_item (walk, ITEM_CELL, &props);
      /* a table cut after a row, or anywhere when it has no rows */
      if (walk->items->len >= 2 * MAX_TABLE_MARKS ||
          (walk->items->len >= MAX_TABLE_MARKS &&
           g_array_index (walk->items, Item, walk->items->len - 1).kind == ITEM_ROW_END))
        flush_table (walk);
    }
  else if (depth >= 1)
    cell_add_paragraph (walk);  /* a paragraph in a cell, or a nested table's cell or row */
  else
    flush_paragraph (walk);
}

static gboolean
walk_hidden (DocWalk *walk)
{
  guint depth = MIN (walk->field_depth, MAX_FIELD_DEPTH);

  if (walk->field_depth > MAX_FIELD_DEPTH)
    return TRUE;
  return depth > 0 && (walk->field_code & (G_MAXUINT64 >> (64 - depth))) != 0;
}

static void
walk_char (DocWalk     *walk,
           gunichar2    c,
           const Piece *piece,
           guint32      fc)
{
  gunichar u = c;

  if (walk->high != 0)
    {
      gunichar2 high = walk->high;

      walk->high = 0;
      if (c >= 0xDC00 && c <= 0xDFFF)
        {
          if (!walk_hidden (walk))
            g_string_append_unichar (walk->para,
                                     0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00));
          return;
        }
    }

  switch (c)
    {
    case 0x13:  /* field begins, with its code */
      if (walk->field_depth < MAX_FIELD_DEPTH)
        walk->field_code |= G_GUINT64_CONSTANT (1) << walk->field_depth;
      walk->field_depth++;
      return;
    case 0x14:  /* field separator: its result follows */
      if (walk->field_depth > 0 && walk->field_depth <= MAX_FIELD_DEPTH)
        walk->field_code &= ~(G_GUINT64_CONSTANT (1) << (walk->field_depth - 1));
      return;
    case 0x15:  /* field ends */
      if (walk->field_depth > 0)
        {
          walk->field_depth--;
          if (walk->field_depth < MAX_FIELD_DEPTH)
            walk->field_code &= ~(G_GUINT64_CONSTANT (1) << walk->field_depth);
        }
      return;
    case 0x0D:
    case 0x07:
      end_paragraph (walk, c, piece, fc);
      return;
    case 0x0C:  /* page or section break */
      if (walk->items->len == 0 && walk->cell->len == 0)
        flush_paragraph (walk);
      else
        g_string_append_c (walk->para, '\n');
      return;
    case 0x0B:  /* line break */
    case 0x0E:  /* column break */
      if (!walk_hidden (walk))
        g_string_append_c (walk->para, '\n');
      return;
    case 0x09:
      u = '\t';
      break;
    case 0xA0:
      u = ' ';
      break;
    case 0x1E:  /* non-breaking hyphen */
      u = '-';
      break;
    default:
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          walk->high = c;
          return;
        }
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xDC00 && c <= 0xDFFF) ||
          c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
        return;
      break;
    }

  if (!walk_hidden (walk))
    g_string_append_unichar (walk->para, u);
}

static inline gboolean
gbk_lead (guint8 b)
{
  return b >= 0x81 && b <= 0xFE;
}

static inline gboolean
gbk_trail (guint8 b)
{
  return b >= 0x40 && b <= 0xFE && b != 0x7F;
}

/* Whether the 8-bit pieces of a Chinese document hold GBK rather than cp1252: see the top */
static gboolean
pieces_are_gbk (DocFile *doc)
{
  guint hanzi = 0, utf16_hanzi = 0;

  if (!doc->chinese)
    return FALSE;
  for (guint i = 0; i < doc->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (doc->pieces, Piece, i);
      const guint8 *bytes = doc->word + piece->fc;

      if (!piece->compressed)
        {
          for (guint32 k = 0; k < piece->n_chars; k++)
            {
              guint16 c = read_u16 (bytes + 2 * k);

              utf16_hanzi += c >= 0x4E00 && c <= 0x9FFF;
            }
          continue;
        }
      for (guint32 k = 0; k < piece->n_chars; k++)
        {
          if (bytes[k] < 0x80)
            continue;
          if (!gbk_lead (bytes[k]) || k + 1 >= piece->n_chars || !gbk_trail (bytes[k + 1]))
            return FALSE;
          if (bytes[k] >= 0xB0 && bytes[k] <= 0xF7 && bytes[k + 1] >= 0xA1)
            hanzi++;
          k++;
        }
    }
  return hanzi >= GBK_MIN_HANZI && hanzi > utf16_hanzi;
}

/* The character of a GBK pair, or 0 (dropped) */
static gunichar2
gbk_char (DocFile      *doc,
          const guint8 *pair)
{
  char in[2] = { (char) pair[0], (char) pair[1] };
  char out[8];
  gchar *inp = in, *outp = out;
  gsize in_left = 2, out_left = sizeof out;
  gunichar u;

  g_iconv (doc->gbk, NULL, NULL, NULL, NULL);
  if (g_iconv (doc->gbk, &inp, &in_left, &outp, &out_left) == (gsize) -1 || in_left != 0)
    return 0;
  u = g_utf8_get_char_validated (out, sizeof out - out_left);
  return u < 0x10000 ? (gunichar2) u : 0;
}

static char *
read_text (DocFile  *doc,
           GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  DocWalk walk = { 0 };
  gboolean blank = TRUE;

  g_array_set_clear_func (items, item_clear);
  walk.doc = doc;
  walk.out = out;
  walk.para = para;
  walk.cell = cell;
  walk.items = items;

  for (guint i = 0; i < doc->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (doc->pieces, Piece, i);
      const guint8 *bytes = doc->word + piece->fc;
      guint32 run_start = 1, run_end = 0;
      Props props, run;

      /* deleted text of tracked changes is left out, as if the changes were accepted */
      props_init (&props);
      apply_prm (doc, &props, piece->prm);
      if (props.deleted)
        continue;
      run = props;

      for (guint32 k = 0; k < piece->n_chars; k++)
        {
          guint32 fc = piece->fc + (piece->compressed ? k : 2 * k);
          gunichar2 c;

          if (doc->chpx.n > 0 && (fc < run_start || fc >= run_end))
            {
              run_start = fc;
              read_chpx (doc, fc, &run_end, &run);
              apply_prm (doc, &run, piece->prm);
            }
          if (run.deleted)
            continue;

          if (!piece->compressed)
            c = read_u16 (bytes + 2 * k);
          else if (doc->gbk != (GIConv) -1 && bytes[k] >= 0x80)
            {
              /* a pair, one character (pieces_are_gbk() saw each fit in its piece) */
              c = k + 1 < piece->n_chars ? gbk_char (doc, bytes + k) : 0;
              k++;
            }
          else if (bytes[k] >= 0x80 && bytes[k] < 0xA0)
            c = compressed_c1[bytes[k] - 0x80];
          else
            c = bytes[k];
          /* hidden text is left out, as Word neither shows nor prints it; not the marks of
           * paragraphs, cells and fields, which keep the structure */
          if (run.hidden && c >= 0x20)
            continue;
          walk_char (&walk, c, piece, fc);
        }
    }
  flush_paragraph (&walk);

  if (walk.too_large)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The Word document’s text is too large (more than %d MB)"),
                   MAX_TEXT_BYTES / (1024 * 1024));
      return NULL;
    }
  for (gsize i = 0; i < out->len && blank; i++)
    blank = g_ascii_isspace (out->str[i]);
  if (blank)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_NO_TEXT,
                           _("The Word document holds no text; its pages may be pictures (a "
                             "scan). Run text recognition (OCR) on them first, or find the "
                             "report as a web page or PDF"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The text, once the FIB is read and the streams are in @doc */
static char *
read_document (DocFile    *doc,
               const Fib  *fib,
               GError    **error)
{
  if (!read_clx (doc, fib->clx, error))
    return NULL;
  doc->papx = read_bin_table (doc, fib->bte_papx);
  doc->chpx = read_bin_table (doc, fib->bte_chpx);
  if (pieces_are_gbk (doc))
    doc->gbk = g_iconv_open ("UTF-8", "GB18030");
  return read_text (doc, error);
}

static char *
extract_from_ole (GsfInfile  *ole,
                  gsize       len,
                  GError    **error)
{
  g_auto(DocFile) doc = { .gbk = (GIConv) -1 };
  Fib fib = { 0 };

  if (has_child (ole, "EncryptedPackage"))
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCRYPTED,
                           _("The Word document is encrypted; open it with its password and "
                             "save an unprotected copy"));
      return NULL;
    }
  if (!has_child (ole, "WordDocument"))
    {
      set_damaged (error, _("The file is an old Office document but not a Word document: it "
                            "holds no WordDocument stream"));
      return NULL;
    }

  /* no stream is larger than the file that holds it */
  doc.word = read_stream (ole, "WordDocument", len, &doc.word_len, error);
  if (doc.word == NULL || !read_fib (&doc, &fib, error))
    return NULL;
  doc.table = read_stream (ole, fib.table_name, len, &doc.table_len, error);
  if (doc.table == NULL)
    return NULL;
  doc.data = open_child (ole, "Data", NULL);

  return read_document (&doc, &fib, error);
}

char *
nb_reader_doc_extract (const guint8  *data,
                       gsize          len,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *input;
  GsfInfile *ole;
  char *text;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_EMPTY, _("The Word document is empty"));
      return NULL;
    }

  /* libgsf recurses through the directory: one too deep would overflow the stack */
  if (!nb_ole2_check_directory (data, len, error))
    return NULL;

  quiet_gsf_msole ();
  input = gsf_input_memory_new (data, len, FALSE);
  ole = gsf_infile_msole_new (input, &local_error);
  g_object_unref (input);
  if (ole == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_DAMAGED,
                   _("The file is not a Word document, or it is damaged: %s"),
                   local_error != NULL ? local_error->message : _("not an OLE2 file"));
      return NULL;
    }

  text = extract_from_ole (ole, len, error);
  g_object_unref (ole);
  return text;
}
