/* readers-common.h — sample texts as fixture models, and row assertions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line of a sample text. A table row holds tab-separated cells. */
typedef struct
{
  char     *text;       /* the line without its end */
  gboolean  is_row;     /* part of a table (it holds a tab) */
  guint     table;      /* for rows: which table of the sample, from 1 */
  GStrv     cells;      /* for rows: the cells, trailing empty ones removed */
  guint     first_value;/* for rows: index of the first number cell, or n_cells */
} SampleLine;

typedef struct
{
  char      *name;
  GPtrArray *lines;     /* SampleLine */
  guint      n_tables;
} Sample;

/* A row label and the numbers after it, to look for in extracted text */
typedef struct
{
  char  *label;
  GStrv  numbers;
} ExpectedRow;

Sample    *sample_load            (const char  *name);
void       sample_free            (Sample      *sample);
GPtrArray *sample_dup_rows        (Sample      *sample);   /* ExpectedRow */
GStrv      sample_list            (void);
void       add_sample_tests       (const char  *format,
                                   GTestDataFunc func);
char      *sample_dir             (void);
char      *sample_path            (const char  *name);      /* its .txt file */
gboolean   cell_is_number         (const char  *cell);
char      *cell_normalize         (const char  *cell);
char      *line_normalize         (const char  *line);
void       expected_row_free      (gpointer     data);

/* Whether some line of @text holds @label and then exactly @numbers (the numbers in the
 * rest of that line, in order). Spaces in labels and text are ignored. */
gboolean   text_has_row           (const char  *text,
                                   const char  *label,
                                   const char * const *numbers);
void       assert_text_has_row    (const char  *text,
                                   const char  *label,
                                   const char * const *numbers);
void       assert_sample_rows     (Sample      *sample,
                                   const char  *text);
/* Every cell of the report read from the sample's text is read the same
 * from @doc (the sample in another format), with the same number of errors */
void       assert_same_values     (const char  *name,
                                   GBytes      *doc,
                                   const char  *doc_name);
/* Every table row of @sample is a line of @text, cell for cell (spaces normalised): one
 * field a cell, or with @padded (a table that does not say which cells are merged) one a
 * column, what a merge covers an empty field */
void       assert_sample_table_lines (Sample   *sample,
                                   const char  *text,
                                   gboolean     padded);

/* Random and hostile inputs shared by the bad-file tests */
typedef char *(*ReaderFunc)      (const guint8  *data,
                                   gsize          len,
                                   GError       **error);

guint8    *random_bytes           (gsize        len,
                                   guint32      seed);
/* @read gives text or an error for every prefix of @data (@n_cuts of them) */
void       assert_reads_truncated (ReaderFunc   read,
                                   const guint8 *data,
                                   gsize        len,
                                   guint        n_cuts);
/* @read refuses random bytes after @magic with @code */
void       assert_refuses_random  (ReaderFunc   read,
                                   const char  *magic,
                                   gsize        magic_len,
                                   gint         code);

/* The parts of a DOCX besides word/document.xml */
extern const char docx_content_types[];
extern const char docx_rels[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sample, sample_free)

G_END_DECLS

G_BEGIN_DECLS

/* A sample table with merged cells made up: an empty cell under a filled one continues it
 * downwards (rowspan, w:vMerge); an empty cell after a filled one widens it (colspan,
 * w:gridSpan). Read back, the merged table must give the sample's rows again. */
typedef struct
{
  const char *text;
  guint       colspan;    /* 1, or more for the first cell of a horizontal merge */
  guint       rowspan;    /* 1, or more for the first cell of a vertical merge */
  gboolean    absorbed;   /* covered by the cell before it: not written */
  gboolean    continued;  /* covered by the cell above it */
} PlanCell;

GPtrArray *sample_table_plan      (Sample      *sample,
                                   guint        table);   /* GArray of PlanCell per row */
guint      table_plan_columns     (GPtrArray   *plan);    /* the longest row's cells */

/* Walks a sample as the fixture writers do: @paragraph for each line outside tables that
 * is not blank (with its index in sample->lines), @table once for each table, with its
 * plan */
typedef void (*SampleParagraphFunc) (const char *text,
                                     guint       index,
                                     gpointer    user_data);
typedef void (*SampleTableFunc)     (GPtrArray  *plan,
                                     gpointer    user_data);

void       sample_foreach         (Sample              *sample,
                                   SampleParagraphFunc  paragraph,
                                   SampleTableFunc      table,
                                   gpointer             user_data);
char      *row_line_trimmed       (const char  *line);

G_END_DECLS
