/* nb-check-private.h — the checks kept in src/core/check/, called by nb-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "../nb-report-private.h"

G_BEGIN_DECLS

/* nb-check-prose.c: every figure the prose gives, against its cells (prose.table_mismatch) */
void   nb_check_prose     (NbReport  *report,
                           GPtrArray *out);

/* nb-check-sections.c: sections 五 and 六 (section.placeholder, section.fee_statement)
 * and the numbering of the headings (template.heading_number) */
void   nb_check_sections  (NbReport  *report,
                           GPtrArray *out);

/* The first normalised position whose decoded position is at or after @src */
guint  nb_check_norm_at   (NbReport  *report,
                           int        src);

G_END_DECLS
