/* nb-places.h — place names checked against the national administrative divisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-report-private.h"

G_BEGIN_DECLS

gboolean nb_places_available (void);
void     nb_places_check     (NbReport  *report,
                              GPtrArray *findings);

G_END_DECLS
