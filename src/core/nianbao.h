/* nianbao.h — the Nianbao core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define NIANBAO_INSIDE
# include "nb-error.h"
# include "nb-types.h"
# include "nb-number.h"
# include "nb-schema.h"
# include "template/nb-equations.h"
# include "check/nb-rules.h"
# include "nb-text.h"
# include "nb-finding.h"
# include "nb-report.h"
# include "nb-loader.h"
# include "nb-export.h"
# include "check/nb-suggest.h"
# include "nb-review-types.h"
# include "nb-review-set.h"
# ifdef NB_HAVE_REVIEW_STORE
#  include "nb-review-store.h"
# endif
#undef NIANBAO_INSIDE
