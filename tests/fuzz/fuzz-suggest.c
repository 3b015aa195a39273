/* fuzz-suggest.c — libFuzzer target for the suggested corrections
 *
 * Whatever the tables hold, the search ends within its bounds, and each
 * suggestion names one to four cells it doubts with whole, non-negative values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "nianbao.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(NbReport) report = nb_report_new_from_bytes (data, size, "fuzz.txt", NULL);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *json = NULL;

  if (report == NULL)
    return 0;
  suggestions = nb_report_suggest (report);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const NbSuggestion *s = g_ptr_array_index (suggestions, i);

      g_assert (s->n_doubted >= 1 && s->n_doubted <= 4 && s->n_doubted <= s->n_cells);
      for (guint k = 0; k < s->n_cells; k++)
        g_assert (s->cells[k].suggested >= 0 && s->cells[k].cell < nb_report_get_n_cells (report));
    }
  json = nb_suggestions_to_json (report, suggestions);
  g_assert (json != NULL && json[0] == '[');
  return 0;
}
