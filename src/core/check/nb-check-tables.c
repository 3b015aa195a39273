/* nb-check-tables.c — the tables: their equations, and what each cell holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nb-check-private.h"

/* What a broken equation says: each rule of the template's equations may
 * have its own wording; any other (an equation added to the description)
 * says it in general terms. */
typedef struct
{
  Checker          *ck;
  const NbEquation *eq;
  guint             n_parts;
  double            sum;     /* of the parts */
  double            total;   /* of the totals */
  const NbCellDef  *total_def;
} Broken;

/* Whether the equation's (first) total was inferred from the equations rather than
 * printed, typed in or accepted by the reviewer: a finding must not say the report
 * "says" it. */
static gboolean
total_inferred (const Broken *b)
{
  NbCell *c = &b->ck->report->cells[b->eq->terms[b->n_parts].cell];

  return c->origin == NB_ORIGIN_INFERRED && !c->corrected && !c->accepted;
}

static void
say_row_sum (const Broken *b)
{
  Checker *ck = b->ck;
  const char *label = nb_schema_get_request_row_label (ck->edition, b->total_def->row);
  const char *english = nb_schema_get_request_row_english (ck->edition, b->total_def->row);
  g_autofree char *s_sum = nb_format_number (b->sum), *s_total = nb_format_number (b->total);
  g_autofree char *s_diff = nb_format_number (fabs (b->sum - b->total));
  gboolean guessed = total_inferred (b);
  g_autofree char *zh = g_strdup_printf (guessed ? "“%s”一行：六类申请人合计为 %s，总计列（报告未填，推算为 %s）与之相差 %s。"
                                                 : "“%s”一行：六类申请人合计为 %s，总计列却为 %s，相差 %s。",
                                         label, s_sum, s_total, s_diff);
  g_autofree char *en = g_strdup_printf (guessed ? "Row “%s” (%s): the six applicant columns add up to %s "
                                                   "but its total, not printed, was inferred as %s."
                                                 : "Row “%s” (%s): the six applicant columns add up to %s "
                                                   "but its total says %s.",
                                         label, english, s_sum, s_total);
  NbFinding *f = add (ck, b->eq->rule_id, b->eq->severity, zh, en);

  for (guint i = 0; i < b->eq->n_terms; i++)
    add_cell (ck, f, b->eq->terms[i].cell);
}

static void
say_result_sum (const Broken *b)
{
  Checker *ck = b->ck;
  guint c = b->total_def->col;
  g_autofree char *s_sum = nb_format_number (b->sum), *s_total = nb_format_number (b->total);
  gboolean guessed = total_inferred (b);
  g_autofree char *zh = g_strdup_printf (guessed ? "“%s”列：（一）至（六）各项办理结果之和为 %s，"
                                                   "（七）总计报告未填，推算为 %s。"
                                                 : "“%s”列：（一）至（六）各项办理结果之和为 %s，"
                                                   "（七）总计却为 %s。",
                                         nb_schema_get_request_column_label (c), s_sum, s_total);
  g_autofree char *en = g_strdup_printf (guessed ? "Column “%s”: the results (1) to (6) add up to %s "
                                                   "but (7) total, not printed, was inferred as %s."
                                                 : "Column “%s”: the results (1) to (6) add up to %s "
                                                   "but (7) total says %s.",
                                         nb_schema_get_request_column_english (c), s_sum, s_total);
  NbFinding *f = add (ck, b->eq->rule_id, b->eq->severity, zh, en);
  double v;

  /* the total, then the parts that hold something */
  for (guint i = b->n_parts; i < b->eq->n_terms; i++)
    add_cell (ck, f, b->eq->terms[i].cell);
  for (guint i = 0; i < b->n_parts; i++)
    if (val (ck, b->eq->terms[i].cell, &v) && v != 0)
      add_cell (ck, f, b->eq->terms[i].cell);
}

static void
say_balance (const Broken *b)
{
  Checker *ck = b->ck;
  const NbEquationTerm *t = b->eq->terms;
  guint c = b->total_def->col;
  double vn, vi, vt, vo;
  g_autofree char *a = NULL, *bb = NULL, *sn = NULL, *si = NULL, *st = NULL, *so = NULL;
  g_autofree char *zh = NULL, *en = NULL;
  NbFinding *f;

  g_return_if_fail (b->eq->n_terms == 4 && b->n_parts == 2);
  val (ck, t[0].cell, &vn);
  val (ck, t[1].cell, &vi);
  val (ck, t[2].cell, &vt);
  val (ck, t[3].cell, &vo);
  a = nb_format_number (vn + vi);
  bb = nb_format_number (vt + vo);
  sn = nb_format_number (vn);
  si = nb_format_number (vi);
  st = nb_format_number (vt);
  so = nb_format_number (vo);
  zh = g_strdup_printf ("“%s”列：第一项加第二项为 %s（新收 %s + 上年结转 %s），第三项（七）总计加第四项为 %s"
                        "（办理结果总计 %s + 结转下年度 %s），二者应当相等。",
                        nb_schema_get_request_column_label (c), a, sn, si, bb, st, so);
  en = g_strdup_printf ("Column “%s”: new requests plus those carried over from last year make %s (%s + %s), "
                        "but the results total plus those carried over to next year make %s (%s + %s); "
                        "the template requires them to be equal.",
                        nb_schema_get_request_column_english (c), a, sn, si, bb, st, so);
  f = add (ck, b->eq->rule_id, b->eq->severity, zh, en);
  for (guint i = 0; i < b->eq->n_terms; i++)
    add_cell (ck, f, t[i].cell);
}

static void
say_group_sum (const Broken *b)
{
  Checker *ck = b->ck;
  guint g = b->total_def->row;
  g_autofree char *s_sum = nb_format_number (b->sum), *s_total = nb_format_number (b->total);
  gboolean guessed = total_inferred (b);
  g_autofree char *zh = g_strdup_printf (guessed ? "%s：结果维持、结果纠正、其他结果、尚未审结之和为 %s，"
                                                   "总计报告未填，推算为 %s。"
                                                 : "%s：结果维持、结果纠正、其他结果、尚未审结之和为 %s，"
                                                   "总计却为 %s。",
                                         nb_schema_get_appeal_group_label (g), s_sum, s_total);
  g_autofree char *en = g_strdup_printf (guessed ? "%s: upheld, corrected, other and pending add "
                                                   "up to %s but the total, not printed, was inferred as %s."
                                                 : "%s: upheld, corrected, other and pending add "
                                                   "up to %s but the total says %s.",
                                         nb_schema_get_appeal_group_english (g), s_sum, s_total);
  NbFinding *f = add (ck, b->eq->rule_id, b->eq->severity, zh, en);

  for (guint i = 0; i < b->eq->n_terms; i++)
    add_cell (ck, f, b->eq->terms[i].cell);
}

/* An equation of the description whose rule has no wording of its own */
static void
say_equation (const Broken *b)
{
  Checker *ck = b->ck;
  g_autofree char *zh_total = nb_schema_describe_cell (ck->edition, b->eq->terms[b->n_parts].cell, FALSE);
  g_autofree char *en_total = nb_schema_describe_cell (ck->edition, b->eq->terms[b->n_parts].cell, TRUE);
  g_autofree char *s_sum = nb_format_number (b->sum), *s_total = nb_format_number (b->total);
  gboolean guessed = total_inferred (b);
  g_autofree char *zh = g_strdup_printf (guessed ? "%s：按表格的勾稽关系应为 %u 项之和 %s，报告未填，推算为 %s。"
                                                 : "%s：按表格的勾稽关系应为 %u 项之和 %s，实为 %s。",
                                         zh_total, b->n_parts, s_sum, s_total);
  g_autofree char *en = g_strdup_printf (guessed ? "%s: the table’s equations make it the sum of %u cells, %s, "
                                                   "but it was not printed and was inferred as %s."
                                                 : "%s: the table’s equations make it the sum of %u cells, %s, "
                                                   "but it says %s.", en_total, b->n_parts, s_sum, s_total);
  NbFinding *f = add (ck, b->eq->rule_id, b->eq->severity, zh, en);

  for (guint i = 0; i < b->eq->n_terms; i++)
    add_cell (ck, f, b->eq->terms[i].cell);
}

static const struct
{
  const char *rule_id;
  void      (*say) (const Broken *b);
} equation_wordings[] = {
  { "requests.row_sum", say_row_sum },
  { "requests.result_sum", say_result_sum },
  { "requests.balance", say_balance },
  { "appeals.group_sum", say_group_sum },
};

/* Every equation of the template, in the description's order. One total: its
 * parts disagree with it (when some are missing, the known ones exceed it).
 * Several: each cell must be known, and the two sums differ. */
void
nb_check_equations (Checker *ck)
{
  guint n_eqs;
  const NbEquation *eqs = nb_template_get_equations (ck->edition, &n_eqs);

  for (guint e = 0; e < n_eqs; e++)
    {
      const NbEquation *eq = &eqs[e];
      Broken b = { ck, eq, nb_equation_get_n_parts (eq), 0, 0, NULL };
      guint n_totals = eq->n_terms - b.n_parts;
      int parts[NB_TEMPLATE_MAX_EQUATION_PARTS], totals[NB_TEMPLATE_MAX_EQUATION_TOTALS];
      gboolean all_parts, all_totals;
      void (*say) (const Broken *) = say_equation;

      g_return_if_fail (b.n_parts <= G_N_ELEMENTS (parts) && n_totals <= G_N_ELEMENTS (totals) && n_totals > 0);
      for (guint i = 0; i < b.n_parts; i++)
        parts[i] = eq->terms[i].cell;
      for (guint i = 0; i < n_totals; i++)
        totals[i] = eq->terms[b.n_parts + i].cell;
      all_totals = sum_cells (ck, totals, n_totals, &b.total);
      if (n_totals == 1 && !all_totals)
        continue;
      all_parts = sum_cells (ck, parts, b.n_parts, &b.sum);
      if (n_totals == 1 ? !parts_disagree (all_parts, b.sum, b.total)
                        : !all_parts || !all_totals || fabs (b.sum - b.total) <= 1e-9)
        continue;

      b.total_def = nb_schema_get_cell (ck->edition, totals[0]);
      for (guint k = 0; k < G_N_ELEMENTS (equation_wordings); k++)
        if (strcmp (equation_wordings[k].rule_id, eq->rule_id) == 0)
          say = equation_wordings[k].say;
      say (&b);
    }
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

/* A non-negative whole number, a signed one for 本年增/减, a decimal for amounts */
static gboolean
value_fits (const NbCellDef *def,
            double           v)
{
  return (def->kind == NB_CELL_SIGNED || v >= 0) && (def->kind == NB_CELL_AMOUNT || v == floor (v));
}

static void
note_cell (Checker    *ck,
           guint       cell,
           const char *rule,
           NbSeverity  severity,
           const char *zh,
           const char *en)
{
  add_cell (ck, add (ck, rule, severity, zh, en), cell);
}

void
nb_check_cells (Checker *ck)
{
  NbReport *report = ck->report;
  g_autofree gboolean *said = nb_check_unread_tables (ck);

  for (guint i = 0; i < report->n_cells; i++)
    {
      NbCell *c = &report->cells[i];
      const NbCellDef *def = nb_schema_get_cell (ck->edition, i);
      g_autofree char *zh_name = NULL, *en_name = NULL, *v = NULL, *zh = NULL, *en = NULL;

      if (said[i])
        continue;  /* its table's table.unread names it */
      if (def->kind == NB_CELL_UNIT || !c->was_present || (c->unsplit && !c->corrected))
        continue;  /* an unsplit cell has its cell.ambiguous finding */
      /* a value read, typed in or accepted by the reviewer: only its form can be wrong */
      if ((c->corrected || c->accepted || c->origin == NB_ORIGIN_SOURCE) &&
          (!c->has_value || value_fits (def, c->value)))
        continue;

      zh_name = nb_schema_describe_cell (ck->edition, i, FALSE);
      en_name = nb_schema_describe_cell (ck->edition, i, TRUE);
      v = nb_format_number (c->value);

      if (c->corrected || c->accepted || c->origin == NB_ORIGIN_SOURCE)
        {
          const char *must_zh, *must_en;

          /* what the cell's kind allows: a count, a change (本年增/减) or an amount */
          switch (def->kind)
            {
            case NB_CELL_SIGNED:
              must_zh = "应为整数（可以为负）";
              must_en = "it must be a whole number (it may be negative)";
              break;
            case NB_CELL_AMOUNT:
              must_zh = "应为非负数（可以有小数）";
              must_en = "it must not be negative (it may have decimals)";
              break;
            default:
              must_zh = "应为非负整数";
              must_en = "it must be a non-negative whole number";
              break;
            }
          zh = g_strdup_printf ("%s 为 %s，%s。", zh_name, v, must_zh);
          en = g_strdup_printf ("%s is %s; %s.", en_name, v, must_en);
          note_cell (ck, i, "cell.invalid", NB_SEVERITY_ERROR, zh, en);
        }
      else if (c->origin == NB_ORIGIN_MISSING && nb_span_is_set (c->span))
        {
          zh = g_strdup_printf ("%s 处填写的不是数字。", zh_name);
          en = g_strdup_printf ("%s does not hold a number.", en_name);
          note_cell (ck, i, "cell.invalid", NB_SEVERITY_WARNING, zh, en);
        }
      else if (c->origin == NB_ORIGIN_INFERRED)
        {
          zh = g_strdup_printf ("%s 在报告中为空，按表格的勾稽关系只能是 %s，已据此推算。", zh_name, v);
          en = g_strdup_printf ("%s is empty in the report; the table’s equations determine it as %s.",
                                en_name, v);
          note_cell (ck, i, "cell.missing", NB_SEVERITY_INFO, zh, en);
        }
      else
        {
          zh = g_strdup_printf ("%s 在报告中为空，表格的勾稽关系也不能确定它的值。", zh_name);
          en = g_strdup_printf ("%s is empty in the report and the table’s equations do not determine it.",
                                en_name);
          note_cell (ck, i, "cell.missing", NB_SEVERITY_WARNING, zh, en);
        }
    }
}
