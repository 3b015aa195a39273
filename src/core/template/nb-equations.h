/* nb-equations.h — the equations of the template's tables (勾稽关系)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each equation is linear over the cells of one edition (nb-schema.h's cell
 * indices): the sum of coef × value over its terms is 0. The parts have
 * coefficient +1, the totals -1, parts first. They come from the template's
 * description (src/core/template/template-*.json), in the order the checker
 * reports them; the placement search, the digit splitter, the checks and the
 * window's grouping all read them from here.
 */
#pragma once

#if !defined (NIANBAO_INSIDE) && !defined (NIANBAO_COMPILATION)
# error "Only <nianbao.h> can be included directly."
#endif

#include "nb-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint cell;  /* index of the cell (nb_schema_get_cell ()) */
  int   coef;  /* +1 for a part, -1 for a total */
} NbEquationTerm;

typedef struct
{
  const char           *rule_id;   /* the rule a broken equation raises: "requests.row_sum" */
  NbSeverity            severity;
  guint                 n_terms;
  const NbEquationTerm *terms;     /* parts (coef > 0) first, then totals (coef < 0) */
} NbEquation;

const NbEquation *nb_template_get_equations (NbEdition         edition,
                                             guint            *n_equations);
guint             nb_equation_get_n_parts   (const NbEquation *equation);
int               nb_equation_find_cell     (const NbEquation *equation,
                                             guint             cell);
gboolean          nb_equation_get_rows      (const NbEquation *equation,
                                             NbEdition         edition,
                                             guint            *first_row,
                                             guint            *last_row);
const NbEquation *nb_template_find_equation (NbEdition         edition,
                                             const char       *rule_id,
                                             guint             cell);

G_END_DECLS
