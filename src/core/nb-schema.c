/* nb-schema.c — the template's tables, rows, columns and cell ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nb-schema.h"

typedef struct
{
  const char *id;
  const char *label;
  const char *english;
} RowDef;

typedef struct
{
  const char       *id;
  const char       *label;
  const char       *group;      /* 第二十条第（x）项 */
  const char *const fields[4];  /* NULL-terminated; empty for a one-value item */
  const char *const field_labels[4];
  const NbCellKind  kinds[4];
  NbCellKind        single_kind;
} ActiveDef;

static const RowDef request_rows_2021[] = {
  { "new", "一、本年新收政府信息公开申请数量", "1. New requests this year" },
  { "carried_in", "二、上年结转政府信息公开申请数量", "2. Carried over from last year" },
  { "public", "（一）予以公开", "(1) Disclosed" },
  { "partial", "（二）部分公开", "(2) Partly disclosed" },
  { "withheld.state_secret", "（三）不予公开 1.属于国家秘密", "(3) Withheld: state secret" },
  { "withheld.law_prohibited", "2.其他法律行政法规禁止公开", "Withheld: prohibited by other laws" },
  { "withheld.three_safety", "3.危及“三安全一稳定”", "Withheld: endangers security or stability" },
  { "withheld.third_party", "4.保护第三方合法权益", "Withheld: third-party rights" },
  { "withheld.internal_affairs", "5.属于三类内部事务信息", "Withheld: internal affairs" },
  { "withheld.process_info", "6.属于四类过程性信息", "Withheld: process information" },
  { "withheld.enforcement_file", "7.属于行政执法案卷", "Withheld: enforcement files" },
  { "withheld.admin_query", "8.属于行政查询事项", "Withheld: administrative queries" },
  { "unavailable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", "(4) Unavailable: not held" },
  { "unavailable.needs_creation", "2.没有现成信息需要另行制作", "Unavailable: would need creating" },
  { "unavailable.unclear", "3.补正后申请内容仍不明确", "Unavailable: still unclear" },
  { "not_processed.complaint", "（五）不予处理 1.信访举报投诉类申请", "(5) Not processed: complaints" },
  { "not_processed.duplicate", "2.重复申请", "Not processed: duplicates" },
  { "not_processed.publication", "3.要求提供公开出版物", "Not processed: publications" },
  { "not_processed.excessive", "4.无正当理由大量反复申请", "Not processed: excessive" },
  { "not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "Not processed: confirmation" },
  { "other.no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正", "(6) Other: not corrected in time" },
  { "other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用", "Other: fee not paid" },
  { "other.other", "3.其他", "Other: other" },
  { "result_total", "（七）总计", "(7) Total results" },
  { "carried_over", "四、结转下年度继续办理", "4. Carried over to next year" },
};

static const RowDef request_rows_2019[] = {
  { "new", "一、本年新收政府信息公开申请数量", "1. New requests this year" },
  { "carried_in", "二、上年结转政府信息公开申请数量", "2. Carried over from last year" },
  { "public", "（一）予以公开", "(1) Disclosed" },
  { "partial", "（二）部分公开", "(2) Partly disclosed" },
  { "withheld.state_secret", "（三）不予公开 1.属于国家秘密", "(3) Withheld: state secret" },
  { "withheld.law_prohibited", "2.其他法律行政法规禁止公开", "Withheld: prohibited by other laws" },
  { "withheld.three_safety", "3.危及“三安全一稳定”", "Withheld: endangers security or stability" },
  { "withheld.third_party", "4.保护第三方合法权益", "Withheld: third-party rights" },
  { "withheld.internal_affairs", "5.属于三类内部事务信息", "Withheld: internal affairs" },
  { "withheld.process_info", "6.属于四类过程性信息", "Withheld: process information" },
  { "withheld.enforcement_file", "7.属于行政执法案卷", "Withheld: enforcement files" },
  { "withheld.admin_query", "8.属于行政查询事项", "Withheld: administrative queries" },
  { "unavailable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", "(4) Unavailable: not held" },
  { "unavailable.needs_creation", "2.没有现成信息需要另行制作", "Unavailable: would need creating" },
  { "unavailable.unclear", "3.补正后申请内容仍不明确", "Unavailable: still unclear" },
  { "not_processed.complaint", "（五）不予处理 1.信访举报投诉类申请", "(5) Not processed: complaints" },
  { "not_processed.duplicate", "2.重复申请", "Not processed: duplicates" },
  { "not_processed.publication", "3.要求提供公开出版物", "Not processed: publications" },
  { "not_processed.excessive", "4.无正当理由大量反复申请", "Not processed: excessive" },
  { "not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "Not processed: confirmation" },
  { "other", "（六）其他处理", "(6) Other handling" },
  { "result_total", "（七）总计", "(7) Total results" },
  { "carried_over", "四、结转下年度继续办理", "4. Carried over to next year" },
};

static const char *const column_ids[NB_N_REQUEST_COLUMNS] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total",
};
static const char *const column_labels[NB_N_REQUEST_COLUMNS] = {
  "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
};
static const char *const column_english[NB_N_REQUEST_COLUMNS] = {
  "natural persons", "businesses", "research institutions", "non-profits",
  "legal services", "other organisations", "total",
};

static const char *const appeal_group_ids[NB_N_APPEAL_GROUPS] = {
  "review", "litigation_direct", "litigation_after_review",
};
static const char *const appeal_group_labels[NB_N_APPEAL_GROUPS] = {
  "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）",
};
static const char *const appeal_group_english[NB_N_APPEAL_GROUPS] = {
  "Administrative reviews", "Lawsuits without review", "Lawsuits after review",
};
static const char *const appeal_field_english[NB_N_APPEAL_FIELDS] = {
  "upheld", "corrected", "other results", "pending", "total",
};
static const char *const appeal_field_ids[NB_N_APPEAL_FIELDS] = {
  "upheld", "corrected", "other", "pending", "total",
};
static const char *const appeal_field_labels[NB_N_APPEAL_FIELDS] = {
  "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
};

#define COUNT3 { NB_CELL_COUNT, NB_CELL_COUNT, NB_CELL_COUNT }
#define PCD3   { NB_CELL_COUNT, NB_CELL_SIGNED, NB_CELL_COUNT }

static const ActiveDef active_2021[] = {
  { "regulations", "规章", "第二十条第（一）项", { "issued", "repealed", "in_force" },
    { "本年制发件数", "本年废止件数", "现行有效件数" }, COUNT3, 0 },
  { "normative_documents", "行政规范性文件", "第二十条第（一）项", { "issued", "repealed", "in_force" },
    { "本年制发件数", "本年废止件数", "现行有效件数" }, COUNT3, 0 },
  { "licensing", "行政许可", "第二十条第（五）项", { NULL }, { "本年处理决定数量" }, { 0 }, NB_CELL_COUNT },
  { "punishment", "行政处罚", "第二十条第（六）项", { NULL }, { "本年处理决定数量" }, { 0 }, NB_CELL_COUNT },
  { "enforcement", "行政强制", "第二十条第（六）项", { NULL }, { "本年处理决定数量" }, { 0 }, NB_CELL_COUNT },
  { "fees", "行政事业性收费", "第二十条第（八）项", { NULL }, { "本年收费金额（万元）" }, { 0 }, NB_CELL_AMOUNT },
};

static const ActiveDef active_2019[] = {
  { "regulations", "规章", "第二十条第（一）项", { "created", "published", "total" },
    { "本年新制作数量", "本年新公开数量", "对外公开总数量" }, COUNT3, 0 },
  { "normative_documents", "规范性文件", "第二十条第（一）项", { "created", "published", "total" },
    { "本年新制作数量", "本年新公开数量", "对外公开总数量" }, COUNT3, 0 },
  { "licensing", "行政许可", "第二十条第（五）项", { "previous", "change", "decisions" },
    { "上一年项目数量", "本年增/减", "处理决定数量" }, PCD3, 0 },
  { "other_services", "其他对外管理服务事项", "第二十条第（五）项", { "previous", "change", "decisions" },
    { "上一年项目数量", "本年增/减", "处理决定数量" }, PCD3, 0 },
  { "punishment", "行政处罚", "第二十条第（六）项", { "previous", "change", "decisions" },
    { "上一年项目数量", "本年增/减", "处理决定数量" }, PCD3, 0 },
  { "enforcement", "行政强制", "第二十条第（六）项", { "previous", "change", "decisions" },
    { "上一年项目数量", "本年增/减", "处理决定数量" }, PCD3, 0 },
  { "fees", "行政事业性收费", "第二十条第（八）项", { "previous", "change" },
    { "上一年项目数量", "本年增/减" }, { NB_CELL_COUNT, NB_CELL_SIGNED }, 0 },
  { "procurement", "政府集中采购", "第二十条第（九）项", { "projects", "amount", "unit" },
    { "采购项目数量", "采购总金额", "单位" }, { NB_CELL_COUNT, NB_CELL_AMOUNT, NB_CELL_UNIT }, 0 },
};

typedef struct
{
  GArray     *cells;      /* NbCellDef */
  GHashTable *by_id;      /* id → index + 1 */
  guint       first_request;
  guint       first_appeal;
  guint      *active_first;  /* first cell of each active item */
} EditionData;

static EditionData editions[NB_N_EDITIONS];

static const RowDef *
get_rows (NbEdition  edition,
          guint     *n_rows)
{
  if (edition == NB_EDITION_2019)
    {
      *n_rows = G_N_ELEMENTS (request_rows_2019);
      return request_rows_2019;
    }
  *n_rows = G_N_ELEMENTS (request_rows_2021);
  return request_rows_2021;
}

static const ActiveDef *
get_active (NbEdition  edition,
            guint     *n_items)
{
  if (edition == NB_EDITION_2019)
    {
      *n_items = G_N_ELEMENTS (active_2019);
      return active_2019;
    }
  *n_items = G_N_ELEMENTS (active_2021);
  return active_2021;
}

static void
add_cell (EditionData *data,
          char        *id,
          NbTableKind  table,
          const char  *item,
          const char  *field,
          guint        row,
          guint        col,
          NbCellKind   kind)
{
  NbCellDef def = { id, table, item, field, row, col, kind };

  g_array_append_val (data->cells, def);
  g_hash_table_insert (data->by_id, id, GUINT_TO_POINTER (data->cells->len));
}

static void
build_edition (NbEdition    edition,
               EditionData *data)
{
  const RowDef *rows;
  const ActiveDef *active;
  guint n_rows, n_items;

  data->cells = g_array_new (FALSE, FALSE, sizeof (NbCellDef));
  data->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  active = get_active (edition, &n_items);
  data->active_first = g_new0 (guint, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      data->active_first[i] = data->cells->len;
      if (active[i].fields[0] == NULL)
        add_cell (data, g_strconcat ("active.", active[i].id, NULL), NB_TABLE_ACTIVE,
                  active[i].id, NULL, i, 0, active[i].single_kind);
      for (guint f = 0; f < G_N_ELEMENTS (active[i].fields) && active[i].fields[f]; f++)
        add_cell (data, g_strconcat ("active.", active[i].id, ".", active[i].fields[f], NULL),
                  NB_TABLE_ACTIVE, active[i].id, active[i].fields[f], i, f, active[i].kinds[f]);
    }

  rows = get_rows (edition, &n_rows);
  data->first_request = data->cells->len;
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < NB_N_REQUEST_COLUMNS; c++)
      add_cell (data, g_strconcat ("requests.", rows[r].id, ".", column_ids[c], NULL),
                NB_TABLE_REQUESTS, rows[r].id, column_ids[c], r, c, NB_CELL_COUNT);

  data->first_appeal = data->cells->len;
  for (guint g = 0; g < NB_N_APPEAL_GROUPS; g++)
    for (guint f = 0; f < NB_N_APPEAL_FIELDS; f++)
      add_cell (data, g_strconcat ("appeals.", appeal_group_ids[g], ".", appeal_field_ids[f], NULL),
                NB_TABLE_APPEALS, appeal_group_ids[g], appeal_field_ids[f], g, f, NB_CELL_COUNT);
}

static EditionData *
get_edition (NbEdition edition)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint e = 0; e < NB_N_EDITIONS; e++)
        build_edition (e, &editions[e]);
      g_once_init_leave (&initialized, 1);
    }

  g_return_val_if_fail (edition < NB_N_EDITIONS, &editions[0]);
  return &editions[edition];
}

guint
nb_schema_get_n_cells (NbEdition edition)
{
  return get_edition (edition)->cells->len;
}

const NbCellDef *
nb_schema_get_cell (NbEdition edition,
                    guint     index)
{
  EditionData *data = get_edition (edition);

  g_return_val_if_fail (index < data->cells->len, NULL);
  return &g_array_index (data->cells, NbCellDef, index);
}

int
nb_schema_lookup (NbEdition   edition,
                  const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (get_edition (edition)->by_id, id)) - 1;
}

guint
nb_schema_get_n_active_items (NbEdition edition)
{
  guint n;

  get_active (edition, &n);
  return n;
}

const char *
nb_schema_get_active_item_id (NbEdition edition,
                              guint     item)
{
  guint n;
  const ActiveDef *active = get_active (edition, &n);

  g_return_val_if_fail (item < n, NULL);
  return active[item].id;
}

const char *
nb_schema_get_active_item_label (NbEdition edition,
                                 guint     item)
{
  guint n;
  const ActiveDef *active = get_active (edition, &n);

  g_return_val_if_fail (item < n, NULL);
  return active[item].label;
}

const char *
nb_schema_get_active_item_group (NbEdition edition,
                                 guint     item)
{
  guint n;
  const ActiveDef *active = get_active (edition, &n);

  g_return_val_if_fail (item < n, NULL);
  return active[item].group;
}

const char *
nb_schema_get_active_field_label (NbEdition edition,
                                  guint     item,
                                  guint     field)
{
  guint n;
  const ActiveDef *active = get_active (edition, &n);

  g_return_val_if_fail (item < n && field < 4, NULL);
  return active[item].field_labels[field];
}

int
nb_schema_active_cell (NbEdition edition,
                       guint     item,
                       guint     field)
{
  EditionData *data = get_edition (edition);
  guint n;
  const ActiveDef *active = get_active (edition, &n);
  guint n_fields = 0;

  if (item >= n)
    return -1;
  while (n_fields < G_N_ELEMENTS (active[item].fields) && active[item].fields[n_fields])
    n_fields++;
  if (field >= MAX (n_fields, 1))
    return -1;
  return data->active_first[item] + field;
}

guint
nb_schema_get_n_request_rows (NbEdition edition)
{
  guint n;

  get_rows (edition, &n);
  return n;
}

const char *
nb_schema_get_request_row_id (NbEdition edition,
                              guint     row)
{
  guint n;
  const RowDef *rows = get_rows (edition, &n);

  g_return_val_if_fail (row < n, NULL);
  return rows[row].id;
}

const char *
nb_schema_get_request_row_label (NbEdition edition,
                                 guint     row)
{
  guint n;
  const RowDef *rows = get_rows (edition, &n);

  g_return_val_if_fail (row < n, NULL);
  return rows[row].label;
}

const char *
nb_schema_get_request_row_english (NbEdition edition,
                                   guint     row)
{
  guint n;
  const RowDef *rows = get_rows (edition, &n);

  g_return_val_if_fail (row < n, NULL);
  return rows[row].english;
}

int
nb_schema_request_row_index (NbEdition   edition,
                             const char *row_id)
{
  guint n;
  const RowDef *rows = get_rows (edition, &n);

  for (guint r = 0; r < n; r++)
    if (strcmp (rows[r].id, row_id) == 0)
      return r;
  return -1;
}

const char *
nb_schema_get_request_column_id (guint col)
{
  g_return_val_if_fail (col < NB_N_REQUEST_COLUMNS, NULL);
  return column_ids[col];
}

const char *
nb_schema_get_request_column_label (guint col)
{
  g_return_val_if_fail (col < NB_N_REQUEST_COLUMNS, NULL);
  return column_labels[col];
}

const char *
nb_schema_get_request_column_english (guint col)
{
  g_return_val_if_fail (col < NB_N_REQUEST_COLUMNS, NULL);
  return column_english[col];
}

int
nb_schema_request_cell (NbEdition edition,
                        guint     row,
                        guint     col)
{
  if (row >= nb_schema_get_n_request_rows (edition) || col >= NB_N_REQUEST_COLUMNS)
    return -1;
  return get_edition (edition)->first_request + row * NB_N_REQUEST_COLUMNS + col;
}

const char *
nb_schema_get_appeal_group_id (guint group)
{
  g_return_val_if_fail (group < NB_N_APPEAL_GROUPS, NULL);
  return appeal_group_ids[group];
}

const char *
nb_schema_get_appeal_group_label (guint group)
{
  g_return_val_if_fail (group < NB_N_APPEAL_GROUPS, NULL);
  return appeal_group_labels[group];
}

const char *
nb_schema_get_appeal_group_english (guint group)
{
  g_return_val_if_fail (group < NB_N_APPEAL_GROUPS, NULL);
  return appeal_group_english[group];
}

const char *
nb_schema_get_appeal_field_id (guint field)
{
  g_return_val_if_fail (field < NB_N_APPEAL_FIELDS, NULL);
  return appeal_field_ids[field];
}

const char *
nb_schema_get_appeal_field_label (guint field)
{
  g_return_val_if_fail (field < NB_N_APPEAL_FIELDS, NULL);
  return appeal_field_labels[field];
}

int
nb_schema_appeal_cell (NbEdition edition,
                       guint     group,
                       guint     field)
{
  if (group >= NB_N_APPEAL_GROUPS || field >= NB_N_APPEAL_FIELDS)
    return -1;
  return get_edition (edition)->first_appeal + group * NB_N_APPEAL_FIELDS + field;
}

/* Section 二's items and fields in English, for messages and tooltips */
static char *
describe_active_english (const char *item,
                         const char *field)
{
  static const char *const names[][2] = {
    { "regulations", "Regulations" },
    { "normative_documents", "Normative documents" },
    { "licensing", "Administrative licensing" },
    { "other_services", "Other external services" },
    { "punishment", "Administrative penalties" },
    { "enforcement", "Administrative enforcement" },
    { "fees", "Administrative fees" },
    { "procurement", "Government procurement" },
    { "issued", "issued this year" },
    { "repealed", "repealed this year" },
    { "in_force", "in force" },
    { "created", "made this year" },
    { "published", "published this year" },
    { "total", "published in all" },
    { "previous", "items last year" },
    { "change", "change this year" },
    { "decisions", "decisions" },
    { "projects", "projects" },
    { "amount", "amount" },
    { "unit", "unit" },
  };
  const char *item_name = item, *field_name = field;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (names[i][0], item) == 0)
        item_name = names[i][1];
      if (g_strcmp0 (names[i][0], field) == 0)
        field_name = names[i][1];
    }
  if (field == NULL)
    return g_strdup (item_name);
  return g_strdup_printf ("%s, %s", item_name, field_name);
}

char *
nb_schema_describe_cell (NbEdition edition,
                         guint     index,
                         gboolean  english)
{
  const NbCellDef *def = nb_schema_get_cell (edition, index);
  guint n;

  g_return_val_if_fail (def != NULL, NULL);

  switch (def->table)
    {
    case NB_TABLE_ACTIVE:
      {
        const ActiveDef *active = get_active (edition, &n);
        const ActiveDef *a = &active[def->row];

        if (english)
          return describe_active_english (def->item, def->field);
        if (def->field)
          return g_strdup_printf ("%s %s", a->label, a->field_labels[def->col]);
        return g_strdup (a->label);
      }
    case NB_TABLE_REQUESTS:
      {
        const RowDef *rows = get_rows (edition, &n);

        if (english)
          return g_strdup_printf ("“%s”, %s", rows[def->row].english, column_english[def->col]);
        return g_strdup_printf ("%s %s", rows[def->row].label, column_labels[def->col]);
      }
    case NB_TABLE_APPEALS:
      if (english)
        return g_strdup_printf ("%s, %s", appeal_group_english[def->row], appeal_field_english[def->col]);
      return g_strdup_printf ("%s %s", appeal_group_labels[def->row], appeal_field_labels[def->col]);
    default:
      g_assert_not_reached ();
    }
}

const char *
nb_severity_to_string (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR: return "error";
    case NB_SEVERITY_WARNING: return "warning";
    case NB_SEVERITY_INFO: return "info";
    default: return "info";
    }
}

const char *
nb_origin_to_string (NbOrigin origin)
{
  switch (origin)
    {
    case NB_ORIGIN_SOURCE: return "source";
    case NB_ORIGIN_INFERRED: return "inferred";
    case NB_ORIGIN_MISSING: return "missing";
    default: return "missing";
    }
}

const char *
nb_edition_to_string (NbEdition edition)
{
  return edition == NB_EDITION_2019 ? "2019" : "2021";
}
