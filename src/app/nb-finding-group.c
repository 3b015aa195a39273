/* nb-finding-group.c — findings of one rule about one row, shown as one entry
 *
 * A report whose zeros are printed blank has a hundred "empty cell" notes; the list
 * shows them as a dozen entries, "18 empty cells in （三）不予公开, inferred as 0", each
 * opening on its findings. Findings group by rule, severity and the place of their
 * first cell: the row, or the row group (（三）不予公开) of the requests table, the item
 * of section 二, the 复议/诉讼 group of section 四. Findings about no cell group by rule.
 *
 * Groups come errors first, then warnings, then notes, each in the order of its first
 * finding in the report; within a group the findings keep the report's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-finding-group.h"
#include "nb-view-logic.h"

struct _NbFindingGroup
{
  GObject     parent_instance;

  char       *key;
  char       *place;     /* nullable */
  NbSeverity  severity;
  guint       first;     /* index of its first finding in the report's list */
  GListStore *findings;  /* NbFinding */
};

G_DEFINE_FINAL_TYPE (NbFindingGroup, nb_finding_group, G_TYPE_OBJECT)

static void
nb_finding_group_finalize (GObject *object)
{
  NbFindingGroup *self = NB_FINDING_GROUP (object);

  g_free (self->key);
  g_free (self->place);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (nb_finding_group_parent_class)->finalize (object);
}

static void
nb_finding_group_class_init (NbFindingGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_finding_group_finalize;
}

static void
nb_finding_group_init (NbFindingGroup *self)
{
  self->findings = g_list_store_new (NB_TYPE_FINDING);
}

/* The first request row of @row's group (withheld.*, …), or @row outside a group. */
static guint
first_row_of_group (NbEdition edition,
                    guint     row)
{
  for (;;)
    {
      NbRowLayout layout;
      gboolean starts;

      nb_request_row_layout (edition, row, &layout);
      starts = layout.depth < 2 || layout.group_label != NULL;
      nb_row_layout_clear (&layout);
      if (starts || row == 0)
        return row;
      row--;
    }
}

/* Where @cell sits, as a reader names it: its row, or its row's group. */
char *
nb_cell_dup_place (NbReport *report,
                   guint     cell)
{
  NbEdition edition = nb_report_get_edition (report);
  const NbCellDef *def;

  if (cell >= nb_report_get_n_cells (report))
    return NULL;
  def = nb_schema_get_cell (edition, cell);
  switch (def->table)
    {
    case NB_TABLE_ACTIVE:
      return g_strdup (nb_schema_get_active_item_label (edition, def->row));
    case NB_TABLE_APPEALS:
      return g_strdup (nb_schema_get_appeal_group_label (def->row));
    case NB_TABLE_REQUESTS:
    default:
      {
        guint first = first_row_of_group (edition, def->row);
        NbRowLayout layout;
        char *place;

        nb_request_row_layout (edition, first, &layout);
        place = g_strdup (layout.group_label ? layout.group_label
                                             : nb_schema_get_request_row_label (edition, def->row));
        nb_row_layout_clear (&layout);
        return place;
      }
    }
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const NbFindingGroup *ga = *(NbFindingGroup **) a, *gb = *(NbFindingGroup **) b;

  if (ga->severity != gb->severity)
    return ga->severity > gb->severity ? -1 : 1;
  return ga->first < gb->first ? -1 : ga->first > gb->first;
}

/**
 * nb_finding_groups_new:
 *
 * Returns: (transfer full): the groups of @findings, a list of NbFindingGroup
 */
GListStore *
nb_finding_groups_new (GListModel *findings,
                       NbReport   *report)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (NB_TYPE_FINDING_GROUP);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *place = NULL;
      g_autofree char *key = NULL;
      NbFindingGroup *group;
      const guint *cells;
      guint n_cells = 0;

      cells = nb_finding_get_cells (finding, &n_cells);
      if (n_cells > 0)
        place = nb_cell_dup_place (report, cells[0]);
      key = g_strdup_printf ("%s\x1f%d\x1f%s", nb_finding_get_rule (finding),
                             nb_finding_get_severity (finding), place ? place : "");
      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_object_new (NB_TYPE_FINDING_GROUP, NULL);
          group->key = g_steal_pointer (&key);
          group->place = g_steal_pointer (&place);
          group->severity = nb_finding_get_severity (finding);
          group->first = i;
          g_hash_table_insert (by_key, group->key, group);
          g_ptr_array_add (groups, group);
        }
      g_list_store_append (group->findings, finding);
    }
  g_ptr_array_sort (groups, compare_groups);
  g_list_store_splice (store, 0, 0, groups->pdata, groups->len);
  return store;
}

const char *
nb_finding_group_get_rule (NbFindingGroup *self)
{
  g_autoptr(NbFinding) first = nb_finding_group_get_first (self);

  return nb_finding_get_rule (first);  /* the group holds it */
}

NbSeverity
nb_finding_group_get_severity (NbFindingGroup *self)
{
  return self->severity;
}

const char *
nb_finding_group_get_place (NbFindingGroup *self)
{
  return self->place;
}

GListModel *
nb_finding_group_get_findings (NbFindingGroup *self)
{
  return G_LIST_MODEL (self->findings);
}

guint
nb_finding_group_get_n_findings (NbFindingGroup *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

/* Returns: (transfer full): the group's first finding */
NbFinding *
nb_finding_group_get_first (NbFindingGroup *self)
{
  return g_list_model_get_item (G_LIST_MODEL (self->findings), 0);
}

/* Empty cells: how many, where, and what the equations made of them. */
static char *
dup_missing_message (NbFindingGroup *self,
                     NbReport       *report,
                     guint           n)
{
  g_autofree char *common = NULL;
  guint inferred = 0;
  gboolean same = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      const guint *cells;
      guint n_cells = 0;

      cells = nb_finding_get_cells (finding, &n_cells);
      for (guint c = 0; c < n_cells; c++)
        {
          g_autofree char *value = NULL;

          if (nb_report_get_origin (report, cells[c]) != NB_ORIGIN_INFERRED)
            continue;
          inferred++;
          value = nb_report_format_value (report, cells[c]);
          if (common == NULL)
            common = g_steal_pointer (&value);
          else if (g_strcmp0 (common, value) != 0)
            same = FALSE;
        }
    }
  if (inferred == n && same && common != NULL)
    /* Translators: a group of findings: how many empty cells, the row, the value the
     * table's equations give them all ("18 empty cells in （三）不予公开, inferred as 0") */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u empty cell in %s, inferred as %s",
                                         "%u empty cells in %s, inferred as %s", n),
                            n, self->place, common);
  if (inferred == n)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u empty cell in %s, inferred from the equations",
                                         "%u empty cells in %s, inferred from the equations", n),
                            n, self->place);
  if (inferred == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u empty cell in %s, not determined by the equations",
                                         "%u empty cells in %s, not determined by the equations", n),
                            n, self->place);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u empty cell in %s",
                                       "%u empty cells in %s", n), n, self->place);
}

/* What the list says of the group: its finding's message, or a summary of its findings. */
char *
nb_finding_group_dup_message (NbFindingGroup *self,
                              NbReport       *report)
{
  guint n = nb_finding_group_get_n_findings (self);
  g_autoptr(NbFinding) first = nb_finding_group_get_first (self);

  if (n == 1)
    return g_strdup (nb_finding_get_message (first, NULL));
  if (report != NULL && self->place != NULL && g_strcmp0 (nb_finding_get_rule (first), "cell.missing") == 0)
    return dup_missing_message (self, report, n);
  if (self->place != NULL)
    /* Translators: a group of findings of one rule: how many, and the row they concern */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding in %s", "%u findings in %s", n),
                            n, self->place);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
}

/* Returns: (transfer full): the cells of all the group's findings, each once */
GArray *
nb_finding_group_dup_cells (NbFindingGroup *self)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < nb_finding_group_get_n_findings (self); i++)
    {
      g_autoptr(NbFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      const guint *c;
      guint n = 0;

      c = nb_finding_get_cells (finding, &n);
      for (guint k = 0; k < n; k++)
        if (g_hash_table_add (seen, GUINT_TO_POINTER (c[k] + 1)))
          g_array_append_val (cells, c[k]);
    }
  return cells;
}
