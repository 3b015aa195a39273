/* nb-rules.c — every rule a finding can name, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keep docs/rules.md in step: `tests/test-rules.py --write` rewrites its table
 * from this one. An equation's rule is raised by the checker's equation loop
 * (src/core/check/nb-check-tables.c) for each equation the template's description lists
 * under that rule (src/core/template/template-*.json).
 */
#include "config.h"

#include <string.h>

#include "nb-rules.h"

static const NbRule rules[] = {
  /* the tables' equations (勾稽关系): template-common.json's "equations" */
  { "requests.row_sum", NB_SEVERITY_ERROR, "行合计不符", "Row total differs",
    "第三部分某行的总计与六类申请人之和不符",
    "a row's 总计 differs from the sum of its six applicant columns", "src/core/check/nb-check-tables.c" },
  { "requests.balance", NB_SEVERITY_ERROR, "收结不平衡", "Requests do not balance",
    "某列第一项加第二项与第三项（七）总计加第四项不等",
    "第一项+第二项 differs from 第三项(七、总计)+第四项 in a column", "src/core/check/nb-check-tables.c" },
  { "requests.result_sum", NB_SEVERITY_ERROR, "办理结果合计不符", "Results total differs",
    "某列（七）总计与（一）至（六）之和不符",
    "（七）总计 differs from the sum of （一）…（六） in a column", "src/core/check/nb-check-tables.c" },
  { "appeals.group_sum", NB_SEVERITY_ERROR, "复议诉讼合计不符", "Appeals total differs",
    "行政复议或行政诉讼某组的总计与四项结果之和不符",
    "a 复议/诉讼 group's 总计 differs from the sum of its four results", "src/core/check/nb-check-tables.c" },
  /* prose */
  { "prose.table_mismatch", NB_SEVERITY_ERROR, "正文与表格不符", "Text contradicts table",
    "正文所述数字与表格不符", "a figure stated in the prose contradicts the tables", "src/core/check/nb-check-figures.c" },
  { "prose.sum", NB_SEVERITY_ERROR, "正文合计不符", "Stated total differs",
    "正文所述合计与其列出的各部分之和不符", "a total stated in the prose differs from the sum of the parts it lists",
    "src/core/check/nb-check-prose.c" },
  /* the report's year, agency and place */
  { "meta.year", NB_SEVERITY_ERROR, "年度不一致", "Year inconsistent",
    "报告的年度前后说法不一", "the report's year is stated inconsistently", "src/core/check/nb-check-meta.c" },
  { "meta.agency", NB_SEVERITY_ERROR, "机关名称不一致", "Agency name inconsistent",
    "机关名称前后写法不一；在审核集中，正文以另一类机关（本中心）或集中另一机关的名称自称（警告）",
    "the agency's name is written inconsistently; in a review set, the prose names another kind of office "
    "(本中心) or another office of the set as itself (warning)",
    "src/core/check/nb-check-meta.c src/core/review/nb-review-series.c" },
  { "meta.place", NB_SEVERITY_WARNING, "地名疑误", "Place name doubtful",
    "地名与某一行政区划名称仅差一字且不与任何区划相符",
    "a place name one character away from a national administrative division and matching none",
    "src/core/check/nb-places.c" },
  /* the template */
  { "template.missing_section", NB_SEVERITY_ERROR, "缺少部分", "Section missing",
    "六个部分之一缺失", "one of the six sections is absent", "src/core/check/nb-check-meta.c" },
  { "template.missing_row", NB_SEVERITY_ERROR, "缺少表格行", "Table row missing",
    "表格的某一行（或整张表格的数字）缺失", "a row of a table is absent", "src/core/parse/nb-cells.c" },
  { "template.edition", NB_SEVERITY_WARNING, "模板版本不符", "Wrong template edition",
    "模板版本与年度不符：2021 年度及以后用了 2019 版，或 2020 年度及以前用了 2021 版",
    "the edition does not fit the year: a report for 2021 or later in the 2019 layout, or one for 2020 or "
    "earlier in the 2021 layout", "src/core/check/nb-check-meta.c" },
  { "template.label", NB_SEVERITY_WARNING, "标签措辞不同", "Label worded differently",
    "按位置和最接近的标签认出的模板行，或按关键词认出的部分标题，措辞与模板不同",
    "a template row recognised by its place and nearest label, or a section heading recognised by its "
    "key words, printed with other wording",
    "src/core/parse/nb-parse-departures.c" },
  { "template.merged_rows", NB_SEVERITY_WARNING, "表格行被合并", "Rows merged",
    "模板分成几行的内容印成了一行（如（六）其他处理没有三个子行）",
    "a row printed in place of the rows the template splits it into", "src/core/parse/nb-parse-departures.c" },
  { "template.heading_number", NB_SEVERITY_WARNING, "标题序号有误", "Heading numbers out of order",
    "部分标题或小标题的序号错乱、跳号或重复", "section headings or sub-headings out of order, skipped or repeated", "src/core/check/nb-check-sections.c" },
  /* tables and cells */
  { "table.unread", NB_SEVERITY_WARNING, "表格未能读取", "Table not read",
    "表格或其一部分无法确定地读出", "a table, or part of one, that could not be read with certainty",
    "src/core/check/nb-check-unread.c" },
  { "cell.missing", NB_SEVERITY_WARNING, "单元格为空", "Cell empty",
    "原文中单元格为空（其值可能已按勾稽关系推算）",
    "a cell is empty in the source (its value may have been inferred)", "src/core/check/nb-check-tables.c" },
  { "cell.invalid", NB_SEVERITY_ERROR, "单元格数值无效", "Cell value invalid",
    "单元格的值不合其种类：计数应为非负整数，增减可为负，金额可有小数",
    "a cell is not a non-negative whole number (or, for fees, an amount)", "src/core/check/nb-check-tables.c" },
  { "cell.extra", NB_SEVERITY_WARNING, "多余数值", "Extra values",
    "一行的数值多于表格的列数", "a row holds more values than the table has columns", "src/core/parse/nb-cells.c" },
  { "cell.unseparated", NB_SEVERITY_INFO, "数字未分隔", "Numbers run together",
    "一行的数字没有分隔，按勾稽关系只有一种拆分，已据此拆分",
    "a row's numbers were written without separators and were split where the table's equations allow one "
    "split only", "src/core/parse/nb-splitter.c" },
  { "cell.ambiguous", NB_SEVERITY_WARNING, "数字无法拆分", "Numbers cannot be split",
    "连写的数字有多种拆分或没有拆分符合勾稽关系，各单元格未定",
    "run-together digits that more than one split satisfies (or none); those cells stay missing",
    "src/core/parse/nb-splitter.c" },
  /* sections 五 and 六, and the text */
  { "section.placeholder", NB_SEVERITY_WARNING, "第五部分空泛", "Section 5 empty",
    "第五部分为空，或只有“无”“暂无”或套话", "section 五 empty, or only 无 / 暂无 / a stock sentence", "src/core/check/nb-check-sections.c" },
  { "section.fee_statement", NB_SEVERITY_WARNING, "未说明收费", "Fee statement missing",
    "第六部分未说明收取信息处理费的情况，或所述与申请表不符",
    "section 六 does not state the 信息处理费 charged, or states one the requests table contradicts", "src/core/check/nb-check-sections.c" },
  { "text.encoding", NB_SEVERITY_WARNING, "编码错误", "Bad encoding",
    "有不合报告编码的字节，已以替换字符解码", "bytes that are not valid in the report's encoding, decoded with a replacement", "src/core/nb-loader.c" },
  /* review sets */
  { "series.carry_over", NB_SEVERITY_ERROR, "结转不衔接", "Carry-over does not match",
    "本年“上年结转”与同一机关上年“结转下年度继续办理”不符",
    "this year's 二、上年结转 differs from the same agency's previous 四、结转下年度继续办理",
    "src/core/review/nb-review-series.c" },
  { "series.in_force", NB_SEVERITY_WARNING, "现行有效件数不衔接", "In-force count does not follow",
    "现行有效件数与上年数加本年制发减废止不符",
    "现行有效件数 disagrees with last year's plus this year's 制发 minus 废止", "src/core/review/nb-review-series.c" },
  { "series.copied_text", NB_SEVERITY_WARNING, "文字雷同", "Copied text",
    "有段落与其他机关的报告或本机关上年报告几乎相同，或同一报告重复报送",
    "passages near-identical to another agency's report or the same agency's previous year, or the same "
    "report sent twice",
    "src/core/review/nb-review-copied.c" },
};

/**
 * nb_rules_get:
 * @n_rules: (out): their number
 *
 * Returns: (transfer none) (array length=n_rules): every rule, grouped by subject
 */
const NbRule *
nb_rules_get (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

/**
 * nb_rules_lookup:
 *
 * Returns: (nullable): the rule with @id
 */
const NbRule *
nb_rules_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

/* What each finding says: for each rule, a template per case (its key), in Chinese
 * and English. {name} stands for a figure (a cell's name, a value, a count) that the
 * code raising the rule supplies; nothing else is composed there. docs/rules.md lists
 * them; tests/test-rules.py checks that each place a message is made supplies every
 * placeholder its templates use. */
static const NbRuleMessage messages[] = {
  /* the tables' equations: a total the report printed ("said") or one inferred from the
   * other equations ("inferred"); "equations" words, in general terms, one the description
   * adds under a rule that has no wording of its own */
  { "requests.row_sum", "said",
    "“{row}”一行：六类申请人合计为 {sum}，总计列却为 {total}，相差 {diff}。",
    "Row “{row}” ({row_en}): the six applicant columns add up to {sum} but its total says {total}." },
  { "requests.row_sum", "inferred",
    "“{row}”一行：六类申请人合计为 {sum}，总计列（报告未填，推算为 {total}）与之相差 {diff}。",
    "Row “{row}” ({row_en}): the six applicant columns add up to {sum} but its total, not printed, was "
    "inferred as {total}." },
  { "requests.result_sum", "said",
    "“{column}”列：（一）至（六）各项办理结果之和为 {sum}，（七）总计却为 {total}。",
    "Column “{column}”: the results (1) to (6) add up to {sum} but (7) total says {total}." },
  { "requests.result_sum", "inferred",
    "“{column}”列：（一）至（六）各项办理结果之和为 {sum}，（七）总计报告未填，推算为 {total}。",
    "Column “{column}”: the results (1) to (6) add up to {sum} but (7) total, not printed, was inferred "
    "as {total}." },
  { "requests.balance", "unbalanced",
    "“{column}”列：第一项加第二项为 {received}（新收 {new} + 上年结转 {carried_in}），第三项（七）总计加"
    "第四项为 {settled}（办理结果总计 {results} + 结转下年度 {carried_out}），二者应当相等。",
    "Column “{column}”: new requests plus those carried over from last year make {received} ({new} + "
    "{carried_in}), but the results total plus those carried over to next year make {settled} ({results} + "
    "{carried_out}); the template requires them to be equal." },
  { "appeals.group_sum", "said",
    "{group}：结果维持、结果纠正、其他结果、尚未审结之和为 {sum}，总计却为 {total}。",
    "{group}: upheld, corrected, other and pending add up to {sum} but the total says {total}." },
  { "appeals.group_sum", "inferred",
    "{group}：结果维持、结果纠正、其他结果、尚未审结之和为 {sum}，总计报告未填，推算为 {total}。",
    "{group}: upheld, corrected, other and pending add up to {sum} but the total, not printed, was "
    "inferred as {total}." },
  { "equations", "said",
    "{cell}：按表格的勾稽关系应为 {n_parts} 项之和 {sum}，实为 {total}。",
    "{cell}: the table’s equations make it the sum of {n_parts} cells, {sum}, but it says {total}." },
  { "equations", "inferred",
    "{cell}：按表格的勾稽关系应为 {n_parts} 项之和 {sum}，报告未填，推算为 {total}。",
    "{cell}: the table’s equations make it the sum of {n_parts} cells, {sum}, but it was not printed and "
    "was inferred as {total}." },
  /* prose against the tables: {said} is the sentence's words, {figure} what the description calls the
   * figure; a count, one of section 四's groups (行政复议, 行政诉讼), an amount, a percentage; a claim
   * that every request was settled, or disclosed */
  { "prose.table_mismatch", "count",
    "正文说“{said}”，表格中{figure}为 {value}。",
    "The text says “{said}”, but the tables give {figure} as {value}." },
  { "prose.table_mismatch", "review",
    "正文说“{said}”，表格中行政复议{figure}为 {value}。",
    "The text says “{said}”, but the tables give administrative reviews {figure} as {value}." },
  { "prose.table_mismatch", "lawsuit",
    "正文说“{said}”，表格中行政诉讼{figure}为 {value}。",
    "The text says “{said}”, but the tables give lawsuits {figure} as {value}." },
  { "prose.table_mismatch", "amount",
    "正文说“{said}”，表格中{figure}为 {value} 万元。",
    "The text says “{said}”, but the tables give {figure} as {value} (10,000 yuan)." },
  { "prose.table_mismatch", "percent",
    "正文说“{said}”，按表格{figure}应为 {percent}%（{numerator} ÷ {denominator}）。",
    "The text says “{said}”, but by the tables {figure} is {percent}% ({numerator} ÷ {denominator})." },
  { "prose.table_mismatch", "all_settled",
    "正文说申请已全部办结，表格却有 {carried} 件“结转下年度继续办理”。",
    "The text says every request was settled, but the table carries {carried} over to next year." },
  { "prose.table_mismatch", "all_disclosed",
    "正文说申请全部予以公开，表格中予以公开为 {disclosed}，办理结果总计为 {handled}。",
    "The text says every request was disclosed in full, but the table has {disclosed} disclosed of {handled} "
    "handled." },
  /* prose: {parts} is the sum written out, "3 + 4 + 5" */
  { "prose.sum", "parts",
    "正文给出的合计为 {total}，但其中列出的各项之和为 {sum}（{parts}）。",
    "The text gives a total of {total}, but the parts it lists add up to {sum} ({parts})." },
  /* the report's year and agency */
  { "meta.year", "title_text",
    "报告标题的年度为 {year} 年，正文中却写作 {text_year} 年。",
    "The title says the report is for {year}, but the text says {text_year}." },
  { "meta.agency", "title_text",
    "机关名称写法不一致：标题为“{agency}”，正文中写作“{variant}”。",
    "The agency’s name is written inconsistently: the title says “{agency}” but the text says “{variant}”." },
  /* a place the report names as its own, one character away from a division's name */
  { "meta.place", "near_miss",
    "地名“{written}”与全国行政区划中的任何名称都不符，疑为“{division}”之误。",
    "The place name “{written}” matches no national administrative division; “{division}” differs from it in one character." },
  /* the template: a section not found; the 2019 layout in a report for 2021 or later ("old"),
   * the 2021 layout in one for 2020 or before ("new") */
  { "template.missing_section", "absent",
    "报告缺少第{numeral}部分“{section}”（或其标题与模板不符）。",
    "The report lacks section “{section}” ({section_en}), or its heading differs from the template’s." },
  { "template.edition", "old",
    "这是 {year} 年度的报告，却使用了 2019 版的表格模板（2021 年度起应使用国办公开办函〔2021〕30号的新模板）。",
    "This is a report for {year} but it uses the 2019 edition of the template (reports for 2021 on use the "
    "2021 edition)." },
  { "template.edition", "new",
    "这是 {year} 年度的报告，却使用了 2021 版的表格模板（2020 年度及以前应使用国办公开办函〔2019〕60号的模板）。",
    "This is a report for {year} but it uses the 2021 edition of the template (reports for 2020 and before "
    "use the 2019 edition)." },
  /* a section heading worded otherwise (nb-check-sections.c, through nb-parse-departures.c): it adds
   * words, leaves some out, or puts others in their place ({section}: 一… in Chinese, 1… in English) */
  { "template.label", "heading_adds",
    "第{section}部分的标题多出“{printed}”（模板为“{template}”）。",
    "The heading of section {section} adds “{printed}”; the template’s reads “{template}”." },
  { "template.label", "heading_leaves_out",
    "第{section}部分的标题少了“{wanted}”（模板为“{template}”）。",
    "The heading of section {section} leaves out “{wanted}”; the template’s reads “{template}”." },
  { "template.label", "heading_replaces",
    "第{section}部分的标题把“{wanted}”写作“{printed}”（模板为“{template}”）。",
    "The heading of section {section} has “{printed}” for “{wanted}”; the template’s reads “{template}”." },
  /* headings numbered out of order: a heading whose number is not its section's, one after a
   * later section's, a sub-heading （一）（二）… that does not count up */
  { "template.heading_number", "number",
    "标题“{heading}”编号为“{number}、”，按模板这一部分应为“{expected}、”。",
    "The heading “{heading}” is numbered {number}; in the template this section is number {expected}." },
  { "template.heading_number", "order",
    "标题“{heading}”出现在第{after}部分之后：各部分应按一至六的顺序各出现一次。",
    "The heading “{heading}” comes after section {after}: the sections should come once each, in order "
    "from 1 to 6." },
  { "template.heading_number", "sub_heading",
    "第{section}部分的小标题“{heading}”编号为（{number}），按顺序应为（{expected}）。",
    "In section {section} the sub-heading “{heading}” is numbered ({number}); in order it should be "
    "({expected})." },
  /* sections 五 and 六: empty, or only 无 or a stock sentence; no word of the 信息处理费, or
   * none charged while the requests table closes requests for unpaid fee notices */
  { "section.placeholder", "empty",
    "第五部分“存在的主要问题及改进情况”为空，应说明本年度工作存在的主要问题和改进措施。",
    "Section 5 (main problems and improvements) is empty; it should describe this year’s problems and what "
    "is being done about them." },
  { "section.placeholder", "stock",
    "第五部分“存在的主要问题及改进情况”只有“无”“暂无”或一句套话，应具体说明存在的问题和改进措施。",
    "Section 5 (main problems and improvements) says only “none” or one stock sentence; it should describe "
    "the actual problems and improvements." },
  { "section.fee_statement", "empty",
    "第六部分“其他需要报告的事项”为空或只写“无”，应说明本年度收取信息处理费的情况（国办函〔2020〕109号）。",
    "Section 6 (other matters) is empty or says only “none”; it should state the information processing "
    "fees charged this year (State Council General Office letter 〔2020〕109)." },
  { "section.fee_statement", "unstated",
    "第六部分“其他需要报告的事项”没有说明本年度收取信息处理费的情况（国办函〔2020〕109号）；第二部分的行政事业性收费是另一种费用。",
    "Section 6 (other matters) does not state the information processing fees charged this year (State "
    "Council General Office letter 〔2020〕109); the administrative fees of section 2 are a different fee." },
  { "section.fee_statement", "unpaid_notices",
    "第六部分说本年度未收取信息处理费，但第三部分表格“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”有 {n} 件："
    "发出过收费通知，请核实第六部分的说明。",
    "Section 6 says no information processing fee was charged, but the requests table closes {n} "
    "request(s) because a fee notice went unpaid: fee notices were sent; check what section 6 says." },
  /* the parser (src/core/parse/): a template row not found; a table printed without numbers */
  { "template.missing_row", "row",
    "模板中的“{row}”一行在报告中没有找到。",
    "The template row “{row}” ({row_en}) was not found in the report." },
  { "template.missing_row", "no_numbers",
    "{table}的表格在报告中没有填写任何数字。",
    "{table}: the table is printed but holds no numbers." },
  /* a row label worded otherwise, read by its place and nearest label; a row printed without
   * its label; a row group printed as one row ({rows}: the template's rows, listed) */
  { "template.label", "row",
    "“{row}”一行印作“{printed}”，与模板的措辞不同；按其位置和最接近的模板行标签读作该行。",
    "The row “{row}” ({row_en}) is printed as “{printed}”, worded differently from the template; it was read "
    "as that row by its place and its nearest label." },
  { "template.label", "bare_row",
    "“{row}”一行没有印出标签，只有一行数字；按其位置（前后两行之间只缺这一行）读作该行。",
    "The row “{row}” ({row_en}) is printed without its label, as a bare row of numbers; it was read as "
    "that row by its place (the one row missing between its neighbours)." },
  { "template.merged_rows", "merged",
    "“{heading}”印成一行，没有分成模板中的 {n_rows} 行（{rows}）；这几行的单元格除按勾稽关系能确定的以外无法确定。",
    "“{heading}” is printed as one row instead of the template’s {n_rows} rows ({rows}); their cells are "
    "left empty unless the table’s equations determine them." },
  /* more values than columns ({what}: the row or table) */
  { "cell.extra", "values",
    "{what}有 {n_values} 个数值，但表格只有 {n_columns} 列；多出的数值未采用。",
    "{what} holds {n_values} values but the table has {n_columns} columns; the extra values were not used." },
  /* digits run together ({runs}: as printed; {cells}: as split): split by the equations, one row
   * or many; section 二's rows, one digit a cell; none or several splits fit */
  { "cell.unseparated", "one_split",
    "{what}的数字没有分隔（{runs}），按表格的勾稽关系只有一种拆分：{cells}。",
    "{what} has its numbers run together ({runs}); the table’s equations allow one split only: {cells}." },
  { "cell.unseparated", "row_blanks",
    "{what}的数字没有分隔（{runs}），且有空白单元格；按表格的勾稽关系只有一种读法：{cells}。",
    "{what} has its numbers run together ({runs}) and blank cells; the table’s equations allow one reading "
    "only: {cells}." },
  { "cell.unseparated", "rows",
    "第三部分表格有 {n_rows} 行的数字没有分隔（如“{runs}”），按表格的勾稽关系每行只有一种拆分，已据此拆分（如 {cells}）。",
    "{n_rows} rows of the requests table (section 3) have their numbers run together (e.g. “{runs}”); the "
    "table’s equations allow one split for each, and they were split so (e.g. {cells})." },
  { "cell.unseparated", "rows_blanks",
    "第三部分表格有 {n_rows} 行的数字没有分隔（如“{runs}”），按表格的勾稽关系每行只有一种拆分，已据此拆分（如 {cells}）。"
    "其中有的行有空白单元格，空白处按勾稽关系为 0。",
    "{n_rows} rows of the requests table (section 3) have their numbers run together (e.g. “{runs}”); the "
    "table’s equations allow one split for each, and they were split so (e.g. {cells}). Some have blank "
    "cells, which the equations make 0." },
  { "cell.unseparated", "active_one_each",
    "“{row}”一行的数字没有分隔（{runs}），位数与单元格数相同，每格一位。",
    "The row “{row}” (active.{id}) has its numbers run together ({runs}); it has one digit for each cell, so "
    "each cell takes one." },
  { "cell.ambiguous", "no_split",
    "{what}的数字没有分隔（{runs}），没有一种拆分符合表格的勾稽关系，各单元格无法确定。",
    "{what} has its numbers run together ({runs}) and no split fits the table’s equations; its cells are "
    "left empty." },
  { "cell.ambiguous", "splits",
    "{what}的数字没有分隔（{runs}），有 {n_splits} 种拆分都符合表格的勾稽关系，各单元格无法确定。",
    "{what} has its numbers run together ({runs}) and {n_splits} splits fit the table’s equations; its cells "
    "are left empty." },
  { "cell.ambiguous", "splits_agree",
    "{what}的数字没有分隔（{runs}），有 {n_splits} 种拆分都符合表格的勾稽关系；"
    "各种拆分一致的 {n_agreed} 个单元格已读出，其余 {n_left} 个无法确定。",
    "{what} has its numbers run together ({runs}) and {n_splits} splits fit the table’s equations; the "
    "{n_agreed} cells on which they all agree are read, the other {n_left} are left empty." },
  { "cell.ambiguous", "active_no_equations",
    "“{row}”一行的数字没有分隔（{runs}），这部分表格没有勾稽关系可据以拆分，各单元格无法确定。",
    "The row “{row}” (active.{id}) has its numbers run together ({runs}), and this table has no equations "
    "to split them by; its cells are left empty." },
  /* tables not read: no table of the template at all ({tables}: their names, listed); some
   * tables none of whose rows was found; many cells of a table, or several of a row, left empty */
  { "table.unread", "no_tables",
    "报告中找不到模板的任何表格（{tables}），{n_cells} 个单元格均为空：它可能不是按模板编写的年度报告，或表格是图片。",
    "None of the template’s tables ({tables}) was found in the report: its {n_cells} cells are all empty. It "
    "may not follow the template, or its tables may be images." },
  { "table.unread", "absent",
    "未能读出{tables}的表格：报告中找不到它的任何一行，{n_cells} 个单元格均为空。",
    "The table of {tables} could not be read: none of its rows was found in the report, so its {n_cells} "
    "cells are empty." },
  { "table.unread", "cells",
    "{table}的表格有 {n_cells} 个单元格未能确定地读出（数字无法确定所在的行和列，勾稽关系也不能确定），已留空。",
    "{n_cells} cells of the table of {table} could not be read with certainty (their numbers could not be "
    "placed in rows and columns, and the equations do not determine them); they are left empty." },
  { "table.unread", "row",
    "“{row}”一行有 {n_cells} 个单元格未能确定地读出（勾稽关系也不能确定），已留空。",
    "{n_cells} cells of the row “{row}” could not be read with certainty (and the equations do not "
    "determine them); they are left empty." },
  /* the text: bytes not valid in its encoding, read as U+FFFD */
  { "text.encoding", "replaced",
    "文件中有 {n_bytes} 个字节不是有效的 {encoding} 编码，已按替换字符“\xEF\xBF\xBD”读入；请核对这些位置的文字。",
    "{n_bytes} byte(s) of the file are not valid {encoding}; they were read as the replacement character "
    "“\xEF\xBF\xBD”. Check the text there." },
  /* across a review set (src/core/review/): the prose calls the report's office 本中心 or the like
   * when another kind of office made it, or names another office of the set as itself; this
   * year's carried-in or in-force figures against last year's report ({file}: its file); a
   * passage near-identical to another report's */
  { "meta.agency", "self_word",
    "报告以“本{word}”自称，而报告机关为{agency}",
    "the report calls itself “本{word}”, but its agency is {agency}" },
  { "meta.agency", "other_office",
    "报告中以另一机关“{other}”（{file}）自称，而报告机关为{agency}",
    "the report names another office of the set, “{other}” ({file}), as itself; its agency is {agency}" },
  { "series.carry_over", "differs",
    "二、上年结转（{column}）为 {now}，而 {year} 年报告（{file}）四、结转下年度继续办理为 {was}",
    "carried in from last year ({column}) is {now}, but the {year} report ({file}) carried over {was}" },
  { "series.in_force", "differs",
    "行政规范性文件现行有效件数为 {now}，而 {year} 年报告（{file}）的 {was} 件加本年制发 {issued} 件、减本年废止 "
    "{repealed} 件为 {expected} 件",
    "{now} normative documents in force, but the {year} report ({file}) had {was}, plus {issued} issued and "
    "minus {repealed} repealed makes {expected}" },
  { "series.copied_text", "agency_year",
    "内容与 {file}（{agency} {year}年）雷同：“{quote}”",
    "passage near-identical to {file} ({agency}, {year}): “{quote}”" },
  { "series.copied_text", "year",
    "内容与 {file}（{year}年）雷同：“{quote}”",
    "passage near-identical to {file} ({year}): “{quote}”" },
  /* the whole text: another office's report (or the same office's of an earlier year) copied
   * whole; another file of the same office and year, the same throughout or with other figures */
  { "series.copied_text", "whole_agency_year",
    "全文与 {file}（{agency} {year}年）相同，整份报告疑为照搬",
    "the whole text is that of {file} ({agency}, {year}): the report looks copied whole" },
  { "series.copied_text", "whole_year",
    "全文与 {file}（{year}年）相同，整份报告疑为照搬",
    "the whole text is that of {file} ({year}): the report looks copied whole" },
  { "series.copied_text", "duplicate",
    "与 {file} 是同一份报告：同一机关同一年度的报告重复报送",
    "the same report as {file}: the office's report for this year was sent twice" },
  { "series.copied_text", "versions",
    "与 {file} 是同一机关同一年度的报告，文字相同而数字不同：请确认以哪一份为准",
    "the same office's report for the same year as {file}, with the same text but other figures: "
    "ask which one stands" },
  /* cells: a value its kind does not allow (a count, a change 本年增/减, an amount), text where a
   * number should be; an empty cell the equations determine, or do not */
  { "cell.invalid", "count",
    "{cell} 为 {value}，应为非负整数。",
    "{cell} is {value}; it must be a non-negative whole number." },
  { "cell.invalid", "signed",
    "{cell} 为 {value}，应为整数（可以为负）。",
    "{cell} is {value}; it must be a whole number (it may be negative)." },
  { "cell.invalid", "amount",
    "{cell} 为 {value}，应为非负数（可以有小数）。",
    "{cell} is {value}; it must not be negative (it may have decimals)." },
  { "cell.invalid", "not_number",
    "{cell} 处填写的不是数字。",
    "{cell} does not hold a number." },
  { "cell.missing", "inferred",
    "{cell} 在报告中为空，按表格的勾稽关系只能是 {value}，已据此推算。",
    "{cell} is empty in the report; the table’s equations determine it as {value}." },
  { "cell.missing", "undetermined",
    "{cell} 在报告中为空，表格的勾稽关系也不能确定它的值。",
    "{cell} is empty in the report and the table’s equations do not determine it." },
};

/**
 * nb_rules_get_messages:
 * @n_messages: (out): their number
 *
 * Returns: (transfer none) (array length=n_messages): every message template, by rule
 */
const NbRuleMessage *
nb_rules_get_messages (guint *n_messages)
{
  *n_messages = G_N_ELEMENTS (messages);
  return messages;
}

/**
 * nb_rules_lookup_message:
 *
 * Returns: (nullable): the template of @rule's message for the case @key
 */
const NbRuleMessage *
nb_rules_lookup_message (const char *rule,
                         const char *key)
{
  static GHashTable *by_rule;  /* rule → GPtrArray of its messages; made once, never freed */
  GPtrArray *of_rule;

  if (g_once_init_enter (&by_rule))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
        {
          GPtrArray *list = g_hash_table_lookup (table, messages[i].rule);

          if (list == NULL)
            g_hash_table_insert (table, (gpointer) messages[i].rule, list = g_ptr_array_new ());
          g_ptr_array_add (list, (gpointer) &messages[i]);
        }
      g_once_init_leave (&by_rule, table);
    }
  of_rule = g_hash_table_lookup (by_rule, rule);
  for (guint i = 0; of_rule && i < of_rule->len; i++)
    if (strcmp (((const NbRuleMessage *) of_rule->pdata[i])->key, key) == 0)
      return of_rule->pdata[i];
  return NULL;
}
