/* nb-parse-private.h — what the files of the parser share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-message-private.h"
#include "nb-report-private.h"
#include "nb-schema.h"
#include "parse/nb-placement.h"
#include "template/nb-template.h"

G_BEGIN_DECLS

#define MAX_COMBINATIONS 20000  /* placements of section 四's values weighed at most */
#define MAX_SEARCH_NODES 20000  /* partial placements of ambiguous rows weighed by their bounds */
#define MAX_SEARCH_LEAVES 2000  /* whole placements propagated */
#define MAX_EXTRA_SPANS 64      /* spans a cell.extra finding lists */

typedef enum
{
  TOK_LABEL,
  TOK_NUMBER,
  TOK_PLACEHOLDER,  /* "/", "—", "无": a cell that holds no number */
} TokKind;

typedef struct
{
  TokKind kind;
  guint   start;   /* normalised positions */
  guint   end;
  double  value;
  guint   is_integer : 1;
  guint   negative : 1;
  guint   unit : 2;  /* 0 none, 1 元, 2 万元 */
  guint   plain : 1;      /* digits only: no sign, separator, decimals or unit */
  guint   lead_zero : 1;  /* plain, more than one digit, starting with 0 */
  guint   too_long : 1;   /* plain but too long to be one number: only cells run together */
  guint   empty_field : 1;  /* PLACEHOLDER: an empty field between tabs; no text, no span */
  guint   lead : 1;         /* empty_field between a row's label and its first value */
  guint   trail : 1;        /* empty_field after a line's last value */
  guint8  n_digits;
} Token;

#define MAX_DIGITS 15      /* the longest number a cell holds */
#define MAX_RUN_DIGITS 96  /* the longest run of digits read as cells written together */

typedef struct
{
  NbReport       *report;
  const gunichar *norm;
  guint           n_norm;
  guint           heading[NB_N_SECTIONS];  /* normalised position of each heading, or G_MAXUINT */
  guint           heading_end[NB_N_SECTIONS];
  guint           had_numbers;  /* bit 1 << NbTableKind: the table printed numbers, placed or not */
} Parser;

#define N_COLS NB_N_REQUEST_COLUMNS
#define MAX_ROWS NB_TEMPLATE_MAX_REQUEST_ROWS

typedef struct
{
  gboolean found;
  GArray  *vals;      /* Token; after n_written of them, the splits of a run-together row */
  gboolean run;       /* the values were written without separators */
  guint    n_written;
  guint    n_splits;  /* splits that fit the row sum, MAX_SPLITS + 1 for too many */
  guint    chosen;    /* the vals index of the first cell of the split taken */
  GArray  *gaps;      /* NbPlaceCandidate: a run that fits only with blank cells, its readings */
  gboolean bare;      /* a bare row of numbers and blank fields, taken by its place if the table holds */
  guint    bare_start;
  guint    bare_end;
} RowValues;

typedef NbPlaceCandidate Candidate;
typedef NbSumEquation Equation;  /* cells numbered from the table's first */

#define MAX_TABLE_EQUATIONS NB_TEMPLATE_MAX_TABLE_EQUATIONS

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_cjk (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

#define MAX_SPLITS 64           /* splits kept; more make a row ambiguous anyway */
#define MAX_SPLIT_STEPS 50000   /* bound on the search, whatever the input */
#define MAX_CELL_DIGITS 7       /* no count in these tables has more digits */
#define MAX_SPLIT_CELLS 15

/* A parse finding saying @m (its wording: the rule table's messages) */
static inline NbFinding *
nb_parse_add_message (Parser          *p,
                      const NbMessage *m,
                      NbSeverity       severity)
{
  NbFinding *f = nb_message_to_finding (m, severity);

  g_ptr_array_add (p->report->parse_findings, f);
  return f;
}

/* nb-parse-departures.c */
NbMessage  *nb_parse_label_message_new       (const char     *key);

/* nb-tokens.c */
GArray     *nb_parse_tokenize                (Parser         *p,
                                              guint           start,
                                              guint           end,
                                              gboolean        with_placeholders);
void        nb_parse_drop_loose_empty_fields (GArray         *vals,
                                              guint           n_cells,
                                              gboolean        edges);
gboolean    nb_parse_row_is_padded           (GArray         *vals,
                                              guint           n_cells);
void        nb_parse_append_norm             (GString        *out,
                                              const gunichar *s,
                                              guint           start,
                                              guint           end);
const char *nb_parse_last_occurrence         (const char     *haystack,
                                              const char     *needle);

/* nb-sections.c */
void        nb_parse_find_sections           (Parser         *p);
guint       nb_parse_section_end             (Parser         *p,
                                              guint           k);
guint       nb_parse_find_text               (Parser         *p,
                                              const char     *needle,
                                              guint           from,
                                              guint           to);
guint       nb_parse_line_start              (Parser         *p,
                                              guint           pos);
guint       nb_parse_table_start             (Parser         *p,
                                              NbTableKind     table,
                                              guint           from,
                                              guint           to);

/* nb-cells.c */
void        nb_parse_set_source              (Parser         *p,
                                              int             cell,
                                              const Token    *tok);
void        nb_parse_mark_present_missing    (NbCell         *c);
void        nb_parse_note_extra              (Parser         *p,
                                              int             first_cell,
                                              const char     *what_zh,
                                              const char     *what_en,
                                              guint           n_values,
                                              guint           n_columns,
                                              const Token    *extra,
                                              guint           n_extra);
NbMessage  *nb_parse_missing_row_message_new (const char     *key);
void        nb_parse_note_missing_row        (Parser         *p,
                                              const char     *label_zh,
                                              const char     *label_en,
                                              int             first_cell,
                                              guint           n_cells);

/* nb-splitter.c */
gboolean    nb_parse_split_runs              (Parser         *p,
                                              const Token    *vals,
                                              guint           n_vals,
                                              guint           min_run,
                                              guint           n_cells,
                                              guint           group,
                                              GArray         *out,
                                              guint          *n_splits);
NbMessage  *nb_parse_split_message_new       (gboolean        split,
                                              const char     *key);
NbFinding  *nb_parse_add_split_finding       (Parser         *p,
                                              gboolean        split,
                                              const NbMessage *m);
gboolean    nb_parse_split_zeros             (Parser         *p,
                                              const Token    *vals,
                                              guint           n_vals,
                                              guint           n_cells,
                                              GArray         *parts,
                                              GArray         *extra);
char       *nb_parse_runs_text               (Parser         *p,
                                              const Token    *vals,
                                              guint           n_vals);
void        nb_parse_note_split              (Parser         *p,
                                              const char     *what_zh,
                                              const char     *what_en,
                                              const Token    *vals,
                                              guint           n_vals,
                                              const Token    *split,
                                              guint           n_cells,
                                              guint           n_splits,
                                              int             first_cell);

void        nb_parse_note_split_agreed       (Parser         *p,
                                              const char     *what_zh,
                                              const char     *what_en,
                                              const Token    *vals,
                                              guint           n_vals,
                                              guint           n_splits,
                                              int             first_cell,
                                              guint           n_cells,
                                              const gboolean *agreed,
                                              guint           n_agreed);

/* nb-sparse-totals.c */
void        nb_parse_sparse_totals           (Parser         *p,
                                              const RowValues *rows,
                                              guint           n_rows,
                                              const Equation *eqs,
                                              guint           n_eqs);

/* nb-wrapped-labels.c */
guint       nb_parse_label_starts            (const char     *label,
                                              gsize          *starts,
                                              guint           max);
int         nb_parse_row_by_label_head       (NbEdition       edition,
                                              const char     *head,
                                              const gboolean *found);
int         nb_parse_row_by_bare_head        (NbEdition       edition,
                                              const char     *label,
                                              int             named,
                                              const gboolean *found);
gboolean    nb_parse_label_begins_row        (NbEdition       edition,
                                              const char     *label,
                                              guint           r);
int         nb_parse_item_by_label_head      (NbEdition       edition,
                                              const char     *label,
                                              const gboolean *found);

/* nb-table-equations.c */
guint       nb_parse_table_equations         (NbEdition       edition,
                                              guint           first,
                                              guint           n_cells,
                                              Equation       *eqs);
guint       nb_parse_group_size              (const Equation *eqs,
                                              guint           n_eqs);
gboolean    nb_parse_equations_hold          (const Equation *eqs,
                                              guint           n_eqs,
                                              const Token    *t);
guint       nb_parse_first_window_that_holds (const Token    *vals,
                                              guint           n,
                                              guint           n_cells,
                                              const Equation *eqs,
                                              guint           n_eqs);
void        nb_parse_enumerate_placements    (const GArray   *vals,
                                              guint           n_cols,
                                              GArray         *out);

/* nb-parse-departures.c */
int nb_parse_merged_group (NbEdition edition, const char *label, const gboolean *found, guint *n_group);
void nb_parse_note_merged_rows (Parser *p, guint first, guint n, guint label_start, guint label_end);
gboolean nb_parse_label_like_row (NbEdition edition, const char *label, guint row);
void nb_parse_note_label (Parser *p, guint row, const char *printed, guint label_start, guint label_end);
void nb_parse_note_bare_row (Parser *p, guint row, guint start, guint end);
gboolean nb_parse_printed_like_row (Parser *p, const char *labels, guint row);

/* nb-parse-requests.c */
void        nb_parse_requests                (Parser         *p,
                                              guint           start,
                                              guint           end);

/* nb-parse-appeals.c */
void        nb_parse_appeals                 (Parser         *p,
                                              guint           start,
                                              guint           end);

/* nb-parse-active.c */
void        nb_parse_active                  (Parser         *p,
                                              guint           start,
                                              guint           end);

/* nb-title.c */
NbEdition   nb_parse_detect_edition          (Parser         *p);
void        nb_parse_find_title              (Parser         *p);

G_END_DECLS
