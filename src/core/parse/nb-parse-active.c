/* nb-parse-active.c — section 二, proactive disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-parse-private.h"

/* The item whose key ends last in the label, among those not yet seen */
static int
classify_active_item (NbEdition   edition,
                      const char *label,
                      const gboolean *found)
{
  const NbTemplate *tpl = nb_template_get (edition);
  int best = -1;
  gssize best_end = -1;

  for (guint item = 0; item < tpl->n_active; item++)
    for (guint k = 0; k < tpl->active[item].n_keys; k++)
      {
        const char *key = tpl->active[item].keys[k];
        const char *hit = nb_parse_last_occurrence (label, key);
        gssize e;

        if (hit == NULL)
          continue;
        e = hit - label + strlen (key);
        if (!found[item] && e > best_end)
          {
            best = item;
            best_end = e;
          }
      }
  return best;
}

/* 1 for a label that is "元", 2 for "万元", else 0 (the unit field of a Token) */
static guint
unit_of_label (Parser      *p,
               const Token *t)
{
  const gunichar *s = p->norm + t->start;
  guint len = t->end - t->start;

  if (len == 1 && s[0] == 0x5143)
    return 1;
  if (len == 2 && s[0] == 0x4E07 && s[1] == 0x5143)
    return 2;
  return 0;
}

/* Whether the labels of section 二 name the item (printed, maybe with no numbers) */
static gboolean
active_item_printed (NbEdition   edition,
                     guint       item,
                     const char *labels)
{
  const NbTemplateActiveItem *a = &nb_template_get (edition)->active[item];

  for (guint k = 0; k < a->n_keys; k++)
    if (strstr (labels, a->keys[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether an item's @n_vals values were written together: fewer of them than its @n_cells
 * cells, and the first glued to its label ("行政规范性文件5845546", as flattened web text
 * has it) or one glued to the one before ("156-122347"). A number glued to its label in a
 * row of one cell is just that cell. */
static gboolean
written_together (Parser      *p,
                  const Token *vals,
                  guint        n_vals,
                  guint        n_cells)
{
  if (n_vals == 0 || n_vals >= n_cells)
    return FALSE;
  for (guint k = 0; k < n_vals; k++)
    if (vals[k].kind != TOK_NUMBER)
      return FALSE;
  if (vals[0].start > 0 && !is_space (p->norm[vals[0].start - 1]) && !is_digit (p->norm[vals[0].start - 1]))
    return TRUE;
  for (guint k = 0; k + 1 < n_vals; k++)
    if (vals[k].end == vals[k + 1].start)
      return TRUE;
  return FALSE;
}

/* Section 二 has no equations to split run-together digits by: "规章000"
 * is 0 0 0, one digit a cell, and that is all that can be said. A run of
 * more digits than cells ("规范性文件0845") stays missing (cell.ambiguous), and so do
 * numbers glued together that are fewer than the cells ("行政许可156-122347"). */
static gboolean
split_active_run (Parser       *p,
                  guint         item,
                  int           first,
                  guint         n_fields,
                  const GArray *vals)
{
  NbEdition edition = p->report->edition;
  const Token *t = &g_array_index (vals, Token, 0);
  const char *label = nb_schema_get_active_item_label (edition, item);
  const char *id = nb_schema_get_active_item_id (edition, item);
  g_autofree char *run = NULL;
  g_autoptr (NbMessage) m = NULL;
  gboolean one_each;
  NbFinding *f;

  if (n_fields > 8)
    return FALSE;
  if (!(vals->len == 1 && t->plain && (t->lead_zero || t->too_long)) &&
      !written_together (p, t, vals->len, n_fields))
    return FALSE;

  run = nb_parse_runs_text (p, t, vals->len);
  one_each = vals->len == 1 && t->plain && t->end - t->start == n_fields;
  m = nb_parse_split_message_new (one_each, one_each ? "active_one_each" : "active_no_equations");
  nb_message_set (m, "row", label);
  nb_message_set (m, "id", id);
  nb_message_set (m, "runs", run);
  f = nb_parse_add_split_finding (p, one_each, m);
  for (guint k = 0; k < vals->len; k++)
    nb_finding_add_span (f, nb_report_norm_span (p->report, t[k].start, t[k].end));

  for (guint k = 0; k < n_fields; k++)
    {
      nb_finding_add_cell (f, first + k);
      if (one_each)
        {
          Token part = *t;

          part.start = t->start + k;
          part.end = part.start + 1;
          part.value = p->norm[part.start] - '0';
          part.lead_zero = part.too_long = FALSE;
          part.n_digits = 1;
          nb_parse_set_source (p, first + k, &part);
        }
      else
        p->report->cells[first + k].unsplit = TRUE;
    }
  return TRUE;
}

/* What section 二's tokens give each item: its values, whether its label was
 * found, a unit its header gives ("采购总金额(万元)"), and all its labels */
typedef struct
{
  GArray  *vals[NB_TEMPLATE_MAX_ACTIVE_ITEMS];
  gboolean found[NB_TEMPLATE_MAX_ACTIVE_ITEMS];
  guint    header_unit[NB_TEMPLATE_MAX_ACTIVE_ITEMS];
  GString *all_labels;
} ActiveValues;

/* The label text since the last number names the item the numbers after it
 * belong to; numbers under no item (a header's "保留 4 位小数") are dropped */
static void
read_active_values (Parser       *p,
                    const GArray *tokens,
                    ActiveValues *av)
{
  NbEdition edition = p->report->edition;
  g_autoptr(GString) label = g_string_new (NULL);
  int current = -1;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOK_LABEL)
        {
          guint unit = unit_of_label (p, t);

          /* a unit just after an amount: "251000 元" */
          if (unit && i > 0 && g_array_index (tokens, Token, i - 1).kind != TOK_LABEL &&
              current >= 0 && av->vals[current]->len > 0)
            {
              g_array_index (av->vals[current], Token, av->vals[current]->len - 1).unit = unit;
              continue;
            }
          nb_parse_append_norm (label, p->norm, t->start, t->end);
          nb_parse_append_norm (av->all_labels, p->norm, t->start, t->end);
          continue;
        }

      if (label->len > 0)
        {
          int item = classify_active_item (edition, label->str, av->found);

          if (item < 0)  /* a label wrapped in its cell, the numbers beside its head */
            item = nb_parse_item_by_label_head (edition, label->str, av->found);
          if (item >= 0)
            {
              current = item;
              av->found[item] = TRUE;
              if (strstr (label->str, "万元"))
                av->header_unit[item] = 2;
              else if (strstr (label->str, "(元)") || strstr (label->str, "金额元") || strstr (label->str, "单位:元"))
                av->header_unit[item] = 1;
            }
          else
            current = -1;  /* numbers in a header ("保留 4 位小数") belong to no item */
        }
      g_string_truncate (label, 0);
      if (current >= 0)
        g_array_append_val (av->vals[current], *t);
    }
}

/* Fewer values than the item has cells, nothing saying which cells they fill (a blank
 * cell the reader lost: "行政规范性文件 5 8" for 5, blank, 8): section 二 has no
 * equations to place them by, and filling the cells from the left is a guess, so they
 * stay empty, and the checker says the row could not be read (table.unread) */
static gboolean
values_short (const GArray *vals,
              guint         n_cells)
{
  return vals->len > 0 && vals->len < n_cells;
}

/* An item whose values are followed by a unit cell (政府集中采购: projects, amount,
 * and the amount's unit as printed after it or in the header) */
static void
write_item_with_unit (Parser       *p,
                      guint         item,
                      const GArray *vals,
                      guint         header_unit)
{
  NbEdition edition = p->report->edition;
  int first = nb_schema_active_cell (edition, item, 0);
  guint n_fields = nb_schema_get_active_item_n_fields (edition, item);
  guint n_values = nb_schema_get_active_item_n_values (edition, item);

  for (guint k = 0; k < n_fields; k++)
    p->report->cells[first + k].was_present = TRUE;
  if (split_active_run (p, item, first, n_values, vals) || values_short (vals, n_values))
    return;
  for (guint k = 0; k < vals->len && k < n_values; k++)
    {
      const Token *t = &g_array_index (vals, Token, k);
      guint unit = t->unit ? t->unit : header_unit;

      nb_parse_set_source (p, first + k, t);
      if (k == n_values - 1 && unit)
        {
          g_free (p->report->procurement_unit);
          p->report->procurement_unit = g_strdup (unit == 2 ? "万元" : "元");
        }
    }
  if (vals->len > n_values)
    nb_parse_note_extra (p, first, nb_schema_get_active_item_label (edition, item),
                         nb_schema_get_active_item_id (edition, item), vals->len, n_values,
                         &g_array_index (vals, Token, n_values), vals->len - n_values);
}

/* An item found in the text: its values in its cells, in order */
static void
write_item (Parser       *p,
            guint         item,
            const GArray *vals)
{
  NbEdition edition = p->report->edition;
  int first = nb_schema_active_cell (edition, item, 0);
  guint n_fields = nb_schema_get_active_item_n_fields (edition, item);

  for (guint k = 0; k < n_fields; k++)
    p->report->cells[first + k].was_present = TRUE;
  if (n_fields > 1 && split_active_run (p, item, first, n_fields, vals))
    return;
  if (values_short (vals, n_fields))
    return;
  for (guint k = 0; k < vals->len && k < n_fields; k++)
    nb_parse_set_source (p, first + k, &g_array_index (vals, Token, k));
  if (vals->len > n_fields)
    nb_parse_note_extra (p, first, nb_schema_get_active_item_label (edition, item),
                         nb_schema_get_active_item_id (edition, item), vals->len, n_fields,
                         &g_array_index (vals, Token, n_fields), vals->len - n_fields);
}

void
nb_parse_active (Parser *p,
                 guint   start,
                 guint   end)
{
  NbEdition edition = p->report->edition;
  guint n_items = nb_schema_get_n_active_items (edition);
  g_autoptr(GArray) tokens = nb_parse_tokenize (p, start, end, TRUE);
  g_autoptr(GString) all_labels = g_string_new (NULL);
  ActiveValues av = { { NULL }, { 0 }, { 0 }, all_labels };
  gboolean padded = FALSE;

  g_return_if_fail (n_items <= NB_TEMPLATE_MAX_ACTIVE_ITEMS);

  for (guint i = 0; i < n_items; i++)
    av.vals[i] = g_array_new (FALSE, TRUE, sizeof (Token));
  read_active_values (p, tokens, &av);

  for (guint item = 0; item < n_items; item++)
    padded |= nb_parse_row_is_padded (av.vals[item], nb_schema_get_active_item_n_values (edition, item));
  for (guint item = 0; item < n_items; item++)
    {
      g_autoptr(GArray) vals = av.vals[item];
      guint n_fields = nb_schema_get_active_item_n_fields (edition, item);
      guint n_values = nb_schema_get_active_item_n_values (edition, item);
      int first = nb_schema_active_cell (edition, item, 0);

      if (!av.found[item] && active_item_printed (edition, item, all_labels->str))
        {
          /* printed with its cells empty: there, but without values */
          for (guint k = 0; k < n_fields; k++)
            p->report->cells[first + k].was_present = TRUE;
        }
      else if (!av.found[item])
        nb_parse_note_missing_row (p, nb_schema_get_active_item_label (edition, item),
                                   nb_schema_get_active_item_id (edition, item), first, n_fields);
      else
        {
          nb_parse_drop_loose_empty_fields (vals, n_values, !padded);
          if (n_values < n_fields)
            write_item_with_unit (p, item, vals, av.header_unit[item]);
          else
            write_item (p, item, vals);
        }
    }
}
