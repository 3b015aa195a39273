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

/* The figures of every equation's message: the parts' sum and the total */
static void
set_sum_total (const Broken *b,
               NbMessage    *m)
{
  nb_message_set_number (m, "sum", b->sum);
  nb_message_set_number (m, "total", b->total);
}

static void
add_all_terms (const Broken *b,
               NbFinding    *f)
{
  for (guint i = 0; i < b->eq->n_terms; i++)
    add_cell (b->ck, f, b->eq->terms[i].cell);
}

static void
say_row_sum (const Broken *b)
{
  Checker *ck = b->ck;
  g_autoptr (NbMessage) m = nb_message_new ("requests.row_sum", total_inferred (b) ? "inferred" : "said");

  set_sum_total (b, m);
  nb_message_set (m, "row", nb_schema_get_request_row_label (ck->edition, b->total_def->row));
  nb_message_set (m, "row_en", nb_schema_get_request_row_english (ck->edition, b->total_def->row));
  nb_message_set_number (m, "diff", fabs (b->sum - b->total));
  add_all_terms (b, add_message (ck, m, b->eq->severity));
}

static void
say_result_sum (const Broken *b)
{
  Checker *ck = b->ck;
  guint c = b->total_def->col;
  g_autoptr (NbMessage) m = nb_message_new ("requests.result_sum", total_inferred (b) ? "inferred" : "said");
  NbFinding *f;
  double v;

  set_sum_total (b, m);
  nb_message_set_lang (m, "column", nb_schema_get_request_column_label (c),
                       nb_schema_get_request_column_english (c));
  f = add_message (ck, m, b->eq->severity);
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
  g_autoptr (NbMessage) m = NULL;

  g_return_if_fail (b->eq->n_terms == 4 && b->n_parts == 2);
  val (ck, t[0].cell, &vn);
  val (ck, t[1].cell, &vi);
  val (ck, t[2].cell, &vt);
  val (ck, t[3].cell, &vo);
  m = nb_message_new ("requests.balance", "unbalanced");
  nb_message_set_lang (m, "column", nb_schema_get_request_column_label (c),
                       nb_schema_get_request_column_english (c));
  nb_message_set_number (m, "received", vn + vi);
  nb_message_set_number (m, "new", vn);
  nb_message_set_number (m, "carried_in", vi);
  nb_message_set_number (m, "settled", vt + vo);
  nb_message_set_number (m, "results", vt);
  nb_message_set_number (m, "carried_out", vo);
  add_all_terms (b, add_message (ck, m, b->eq->severity));
}

static void
say_group_sum (const Broken *b)
{
  guint g = b->total_def->row;
  g_autoptr (NbMessage) m = nb_message_new ("appeals.group_sum", total_inferred (b) ? "inferred" : "said");

  set_sum_total (b, m);
  nb_message_set_lang (m, "group", nb_schema_get_appeal_group_label (g), nb_schema_get_appeal_group_english (g));
  add_all_terms (b, add_message (b->ck, m, b->eq->severity));
}

/* An equation of the description whose rule has no wording of its own */
static void
say_equation (const Broken *b)
{
  Checker *ck = b->ck;
  int total = b->eq->terms[b->n_parts].cell;
  g_autofree char *zh_total = nb_schema_describe_cell (ck->edition, total, FALSE);
  g_autofree char *en_total = nb_schema_describe_cell (ck->edition, total, TRUE);
  g_autoptr (NbMessage) m = nb_message_new ("equations", total_inferred (b) ? "inferred" : "said");

  nb_message_set_rule (m, b->eq->rule_id);
  set_sum_total (b, m);
  nb_message_set_lang (m, "cell", zh_total, en_total);
  nb_message_set_int (m, "n_parts", b->n_parts);
  add_all_terms (b, add_message (ck, m, b->eq->severity));
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

/* A finding on one cell, named in both languages */
static void
note_cell (Checker    *ck,
           guint       cell,
           NbMessage  *m,
           NbSeverity  severity)
{
  g_autofree char *zh_name = nb_schema_describe_cell (ck->edition, cell, FALSE);
  g_autofree char *en_name = nb_schema_describe_cell (ck->edition, cell, TRUE);

  nb_message_set_lang (m, "cell", zh_name, en_name);
  add_cell (ck, add_message (ck, m, severity), cell);
}

/* What the cell's kind allows: a count, a change (本年增/减) or an amount */
static const char *
kind_key (const NbCellDef *def)
{
  switch ((int) def->kind)
    {
    case NB_CELL_SIGNED:
      return "signed";
    case NB_CELL_AMOUNT:
      return "amount";
    default:
      return "count";
    }
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

      if (said[i])
        continue;  /* its table's table.unread names it */
      if (def->kind == NB_CELL_UNIT || !c->was_present || (c->unsplit && !c->corrected))
        continue;  /* an unsplit cell has its cell.ambiguous finding */
      /* a value read, typed in or accepted by the reviewer: only its form can be wrong */
      if ((c->corrected || c->accepted || c->origin == NB_ORIGIN_SOURCE) &&
          (!c->has_value || value_fits (def, c->value)))
        continue;

      if (c->corrected || c->accepted || c->origin == NB_ORIGIN_SOURCE)
        {
          g_autoptr (NbMessage) m = nb_message_new ("cell.invalid", kind_key (def));

          nb_message_set_number (m, "value", c->value);
          note_cell (ck, i, m, NB_SEVERITY_ERROR);
        }
      else if (c->origin == NB_ORIGIN_MISSING && nb_span_is_set (c->span))
        {
          g_autoptr (NbMessage) m = nb_message_new ("cell.invalid", "not_number");

          note_cell (ck, i, m, NB_SEVERITY_WARNING);
        }
      else if (c->origin == NB_ORIGIN_INFERRED)
        {
          g_autoptr (NbMessage) m = nb_message_new ("cell.missing", "inferred");

          nb_message_set_number (m, "value", c->value);
          note_cell (ck, i, m, NB_SEVERITY_INFO);
        }
      else
        {
          g_autoptr (NbMessage) m = nb_message_new ("cell.missing", "undetermined");

          note_cell (ck, i, m, NB_SEVERITY_WARNING);
        }
    }
}
