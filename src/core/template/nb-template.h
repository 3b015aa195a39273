/* nb-template.h — one edition of the template, as its description says (internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The description is data: src/core/template/template-EDITION.json, on the
 * base template-common.json. gen-template.py turns it into C tables
 * (nb-template-data.c, in the build directory) at build time, checking every
 * reference in it. nb-schema.c is the public face of these tables; the
 * parser, the checker and the window read the rest from here.
 */
#pragma once

#include "nb-equations.h"
#include "nb-schema.h"

G_BEGIN_DECLS

/* The limits the code sizes its arrays by; gen-template.py checks each description keeps to them */
#define NB_TEMPLATE_MAX_TABLES        3   /* one per NbTableKind */
#define NB_TEMPLATE_MAX_ACTIVE_ITEMS  16
#define NB_TEMPLATE_MAX_REQUEST_ROWS  25
#define NB_TEMPLATE_MAX_EQUATION_PARTS 24
#define NB_TEMPLATE_MAX_EQUATION_TOTALS 2
#define NB_TEMPLATE_MAX_TABLE_EQUATIONS 64  /* of one table */

/* A phrase that recognises a row or an item in the normalised text without
 * blanks; at_end: the label must end with it (its "$" in the description). */
typedef struct
{
  const char *text;
  gboolean    at_end;
} NbTemplateKey;

typedef struct
{
  const char          *id;
  const char          *zh;
  const char          *en;
  const NbTemplateKey *keys;     /* the latest one found in a label wins */
  guint                n_keys;
  const char *const   *printed;  /* also say the row is printed, when its cells are empty */
  guint                n_printed;
} NbTemplateRow;

typedef struct
{
  const char *id;   /* NULL for the one field of a one-value item */
  const char *zh;
  const char *en;
  NbCellKind  kind;
} NbTemplateField;

typedef struct
{
  const char            *id;
  const char            *zh;
  const char            *en;
  const char            *group;     /* 第二十条第（x）项 */
  const char *const     *keys;
  guint                  n_keys;
  const NbTemplateField *fields;
  guint                  n_fields;  /* cells of the item */
  guint                  n_values;  /* numbers the text holds: its cells, but a unit */
  guint                  first_cell;
} NbTemplateActiveItem;

typedef struct
{
  const char *id;
  const char *zh;
  const char *en;
} NbTemplateName;

typedef struct
{
  gunichar           numeral;  /* 一 … 六 */
  const char *const *keys;     /* any one of them */
  guint              n_keys;
  const char        *also;     /* and this one too, when set */
  const char        *zh;
  const char        *en;
} NbTemplateSection;

/* A header cell the window draws over several columns or rows */
typedef struct
{
  const char *zh;
  guint       first;
  guint       last;
} NbTemplateHeaderGroup;

typedef struct
{
  NbTableKind        table;
  guint              section;      /* index into sections */
  const char        *zh;           /* "第三部分（收到和处理政府信息公开申请情况）" */
  const char        *en;
  const char *const *start_keys;   /* where the table starts when its heading is not found */
  guint              n_start_keys;
  const char *const *printed;      /* labels that say the table is printed */
  guint              n_printed;
  const char        *row_zh;       /* the table read as one row, when it is: its name when missing */
  const char        *row_en;
  const char        *values_zh;    /* …and its values, in messages ("第四部分（…）表格") */
  const char        *values_en;
} NbTemplateTable;

/* The grammar of the figures the prose gives (check/nb-check-prose.c): each kind's
 * words, the cells it speaks of, its unit. Cells are written as ids: '+' adds, '|'
 * separates readings any of which may agree; an appeal result's are section 四's
 * fields, of the 复议 or 诉讼 its sentence names. */
typedef enum
{
  NB_FIGURE_COUNT,
  NB_FIGURE_AMOUNT,   /* 万元; 元 is converted */
  NB_FIGURE_PERCENT,
} NbFigureUnit;

enum
{
  NB_FIGURE_AFTER  = 1 << 0,  /* the words may also follow the figure: “3 件结转下年度” */
  NB_FIGURE_APPEAL = 1 << 1,  /* a result of the 复议 or the 诉讼 its sentence speaks of */
  NB_FIGURE_SHARE  = 1 << 2,  /* a share of the figure before it in the sentence: “占比 60%” */
};

typedef struct
{
  const char   *keys;      /* the words, '|' between alternatives */
  const char   *cells;     /* "" for a share */
  const char   *per;       /* a percentage's denominators, or NULL */
  const char   *context;   /* a word its sentence must hold by the end of its clause, or NULL */
  const char   *counters;  /* the counters a count may take, or NULL */
  NbFigureUnit  unit;
  guint         flags;
  const char   *zh;        /* what the cells are, for messages */
  const char   *en;
} NbTemplateFigure;

/* A phrase that states a figure without a number: “已全部办结” */
typedef struct
{
  const char *keys;
  const char *cells;   /* what it speaks of */
  const char *equals;  /* what that must equal, or NULL: it must be 0 */
  const char *unless;  /* words that, in its sentence, make it speak of other requests, or NULL */
} NbTemplateClaim;

/* The words around the figures, each list NULL-ended */
typedef enum
{
  NB_FIGURE_WORDS_GAP,         /* between a figure's words and its number */
  NB_FIGURE_WORDS_SCOPE,       /* before the words, keeping the report's whole scope */
  NB_FIGURE_WORDS_COMPARISON,  /* that make a clause a comparison (同比…) */
  NB_FIGURE_WORDS_NARROWING,   /* that, in an earlier clause, narrow the sentence (通过, 部门…) */
  NB_N_FIGURE_WORDS,
} NbFigureWords;

typedef struct
{
  NbEdition                    edition;
  const char                  *name;   /* "2021" */
  const NbTemplateSection     *sections;  /* NB_N_SECTIONS */
  const NbTemplateTable       *tables;
  guint                        n_tables;
  const NbTemplateActiveItem  *active;
  guint                        n_active;
  const NbTemplateRow         *rows;
  guint                        n_rows;
  const NbTemplateName        *columns;
  guint                        n_columns;
  const NbTemplateName        *appeal_groups;
  guint                        n_appeal_groups;
  const NbTemplateName        *appeal_fields;
  guint                        n_appeal_fields;
  const NbCellDef             *cells;
  guint                        n_cells;
  const guint16               *cells_by_id;  /* cell indices in strcmp order of their ids */
  guint                        first_request;
  guint                        first_appeal;
  const char *const           *markers;      /* labels only this edition prints */
  guint                        n_markers;
  const NbEquation            *equations;
  guint                        n_equations;
  const NbTemplateHeaderGroup *column_groups;  /* over section 三's columns */
  guint                        n_column_groups;
  const NbTemplateHeaderGroup *row_groups;     /* over section 三's rows */
  guint                        n_row_groups;
  const NbTemplateFigure      *figures;
  guint                        n_figures;
  const NbTemplateClaim       *claims;
  guint                        n_claims;
  const char *const           *figure_words[NB_N_FIGURE_WORDS];
} NbTemplate;

const NbTemplate          *nb_template_get       (NbEdition          edition);
const NbTemplateTable     *nb_template_get_table (const NbTemplate  *tpl,
                                                  NbTableKind        table);

G_END_DECLS
