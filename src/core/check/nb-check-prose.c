/* nb-check-prose.c — what the prose says against itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures the prose gives against the tables are nb-check-figures.c's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

/* 共计 N 条，其中 A 条、B 条、C 条: the parts add up to the total */
void
nb_check_prose_sums (Checker    *ck,
                     const Text *t,
                     guint       from,
                     guint       to)
{
  static const char *const total_words[] = { "共计", "合计", "总计", "累计", "共", "总数", NULL };

  for (guint i = from; i + 2 <= to; i++)
    {
      guint ss, se, lookback;
      Quantity total = { 0 }, q;
      gboolean have_total = FALSE, explicit_total = FALSE;
      double sum = 0;
      guint n_parts = 0;
      GArray *parts;

      if ((i = skip_to_char (t, i, to, 0x5176 /* 其 */)) + 2 > to)
        break;
      if (!t_match (t, i, "其中"))
        continue;

      ss = sentence_start (t, i);
      lookback = ss;
      /* 其中 opening a sentence refers to the sentence before */
      {
        guint k = i;

        while (k > ss && t_space (t->s[k - 1]))
          k--;
        if (k == ss && ss > from && t->s[ss - 1] == 0x3002)
          lookback = sentence_start (t, ss - 1);
      }

      /* the total: the last quantity after 共/计 before 其中, else one just before "，其中" */
      for (guint k = lookback; k < i; k++)
        if (read_quantity (t, k, &q) && !q.approx)
          {
            gboolean expl = FALSE;

            for (guint b = (q.start > lookback + 8 ? q.start - 8 : lookback); b < q.start; b++)
              if (t_match_any (t, b, total_words))
                expl = TRUE;
            if (expl)
              {
                total = q;
                have_total = TRUE;
                explicit_total = TRUE;
              }
            else if (!explicit_total)
              {
                guint a = q.after;

                while (a < i && (t_space (t->s[a]) || t->s[a] == ','))
                  a++;
                if (a == i)
                  {
                    total = q;
                    have_total = TRUE;
                  }
              }
            k = q.after - 1;
          }
      if (!have_total)
        continue;

      se = sentence_end (t, i + 2);
      /* stop at the next 其中 */
      for (guint k = i + 2; k < se; k++)
        if (t_match (t, k, "其中"))
          {
            se = k;
            break;
          }

      parts = g_array_new (FALSE, FALSE, sizeof (Quantity));
      for (guint k = i + 2; k < se; k++)
        if (read_quantity (t, k, &q))
          {
            if (q.counter == total.counter && !q.approx)
              {
                g_array_append_val (parts, q);
                sum += q.value;
                n_parts++;
              }
            k = q.after - 1;
          }

      if (n_parts >= 2 && sum != total.value && (sum > total.value || explicit_total))
        {
          g_autoptr(GString) list = g_string_new (NULL);
          g_autoptr (NbMessage) m = nb_message_new ("prose.sum", "parts");
          NbFinding *f;

          for (guint k = 0; k < parts->len; k++)
            {
              g_autofree char *v = nb_format_number (g_array_index (parts, Quantity, k).value);

              g_string_append_printf (list, "%s%s", k ? " + " : "", v);
            }
          nb_message_set_number (m, "total", total.value);
          nb_message_set_number (m, "sum", sum);
          nb_message_set (m, "parts", list->str);
          f = add_message (ck, m, sum > total.value ? NB_SEVERITY_ERROR : NB_SEVERITY_WARNING);
          nb_finding_add_span (f, span_of (ck, total.start, total.end));
          for (guint k = 0; k < parts->len; k++)
            nb_finding_add_span (f, span_of (ck, g_array_index (parts, Quantity, k).start,
                                             g_array_index (parts, Quantity, k).end));
        }
      g_array_unref (parts);
    }
}
