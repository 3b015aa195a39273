#!/usr/bin/env python3
"""Reports in the formats and layouts real offices publish, made at test time from every
sample, fixture, seed and shared PDF, read through `nianbao-check --json` and compared cell
by cell with the clean report's reading (as test-realreports.py does for text shapes):

- encodings of the text itself: GB18030, UTF-16 LE/BE with and without a BOM (and with
  CRLF, as Notepad saves it), UTF-8 with a BOM, CRLF line ends, full-width digits, Kangxi
  and supplement radicals, cells separated by ideographic or no-break spaces;
- the tables as the national template prints them (merged header cells, the label column
  merged down its group), from the clean reading, in a Word document (real w:tbl with
  w:gridSpan and w:vMerge, cells of several paragraphs, numbers split over runs; headings
  or rows numbered by Word's lists; WPS's table inside a one-cell table and title in a
  text box; tables cut in two with the header repeated; numbers typed over with changes
  tracked), a Word 97-2003 .doc (tests/formatdoc.py), web pages (rowspan/colspan, &nbsp;,
  <p> in <td>, inline styles; UTF-8, GBK with <meta charset=gbk> or without a charset,
  UTF-16; tables cut in two; div elements styled as a table), a page saved by Word (.htm,
  mso- classes, gb2312), and PDFs (ruled and unruled tables, prose in two columns, tables
  on pages turned sideways, as Word prints them, a character at a time in no order,
  digits spaced, page numbers at the foot);
- each of the main formats with its zeros left blank, as many offices print them (read
  blank or 0, both right);
- the 2019 edition made from a 2021 report where the mapping is certain: tables 三 and 四 as
  they are ((六)其他处理 as one row, the sum of its three), table 二 in the 2019 layout with
  numbers of its own.

WRONG: a value the clean reading does not have (never allowed). MISSING: a value the clean
reading has and the variant lost; COMPLETE lists the kinds where none may be missing, and
each other kind says why (MISSING_WHY). TAP output; the counts per kind are printed.

usage: test-formats.py NIANBAO_CHECK NB_DUMP_TEXT [--keep DIR]
"""
import hashlib
import html
import os
import random
import re
import sys
import tempfile
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reportcells  # noqa: E402
from reportcells import is_heading, nfkc, read_inputs, table_range  # noqa: E402
from formatdoc import row_cells, write_doc  # noqa: E402

cli, dump = sys.argv[1], sys.argv[2]
keep_dir = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
here = os.path.dirname(os.path.abspath(__file__))
samples_dir = os.environ.get("NB_SAMPLES_DIR", os.path.join(here, "..", "data", "samples"))
shared = os.environ.get("NB_SHARED_DIR", os.path.join(here, "..", "..", "shared"))
READERS = os.environ.get("NB_READERS", "pdf word html").split()

results = []


def ok(cond, name, todo=False):
    results.append((bool(cond), name, todo))


# ------------------------------------------------------------------------------------------
# Inputs: the clean text of every sample, fixture, seed and shared PDF

def inputs():
    return read_inputs(dump, (samples_dir, os.path.join(here, "data"), os.path.join(shared, "seeds")),
                       os.path.join(shared, "samples"))


def run_cli(paths):
    return reportcells.run_cli(cli, paths, timeout=900)


def flatten(doc):
    return reportcells.flatten(doc, units=True)


# ------------------------------------------------------------------------------------------
# The report's prose, found from its text

def prose(text):
    """(paragraphs before section 二, paragraphs from section 五), or None; headings are
    ('h', text), others ('p', text)"""
    lines = [l.strip() for l in text.split("\n")]
    found = table_range(lines)
    if found is None:
        return None
    start, end = found

    def paras(ls):
        return [("h" if is_heading(l) else "p", l) for l in ls if l]

    return paras(lines[:start]), paras(lines[end:])


# ------------------------------------------------------------------------------------------
# The template's tables, laid out as the national template prints them: a table is a list
# of rows, a row a list of cells (text, colspan, rowspan)

REQ_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total"]
RELATION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
GROUPS = [  # (group label or None, [(row id, label)])
    (None, [("public", "（一）予以公开"), ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
    ("（三）不予公开", [("withheld.state_secret", "1.属于国家秘密"), ("withheld.law_prohibited", "2.其他法律行政法规禁止公开"),
                  ("withheld.three_safety", "3.危及“三安全一稳定”"), ("withheld.third_party", "4.保护第三方合法权益"),
                  ("withheld.internal_affairs", "5.属于三类内部事务信息"), ("withheld.process_info", "6.属于四类过程性信息"),
                  ("withheld.enforcement_file", "7.属于行政执法案卷"), ("withheld.admin_query", "8.属于行政查询事项")]),
    ("（四）无法提供", [("unavailable.not_held", "1.本机关不掌握相关政府信息"),
                  ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
                  ("unavailable.unclear", "3.补正后申请内容仍不明确")]),
    ("（五）不予处理", [("not_processed.complaint", "1.信访举报投诉类申请"), ("not_processed.duplicate", "2.重复申请"),
                  ("not_processed.publication", "3.要求提供公开出版物"), ("not_processed.excessive", "4.无正当理由大量反复申请"),
                  ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息")]),
]
OTHER_2021 = ("（六）其他处理", [("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                          ("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                          ("other.other", "3.其他")])
APPEAL_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"]
APPEAL_WORDS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def num(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return repr(v)
    return str(v)


def C(text, colspan=1, rowspan=1):
    return (text, colspan, rowspan)


def table_active(v, edition):
    def head(item):
        return [C(f"第二十条第（{item}）项", 4)]

    if edition == "2021":
        return [head("一"), [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")],
                [C("规章")] + [C(num(v.get(f"active.regulations.{f}"))) for f in ("issued", "repealed", "in_force")],
                [C("行政规范性文件")] + [C(num(v.get(f"active.normative_documents.{f}")))
                                   for f in ("issued", "repealed", "in_force")],
                head("五"), [C("信息内容"), C("本年处理决定数量", 3)], [C("行政许可"), C(num(v.get("active.licensing")), 3)],
                head("六"), [C("信息内容"), C("本年处理决定数量", 3)], [C("行政处罚"), C(num(v.get("active.punishment")), 3)],
                [C("行政强制"), C(num(v.get("active.enforcement")), 3)],
                head("八"), [C("信息内容"), C("本年收费金额（单位：万元）", 3)], [C("行政事业性收费"), C(num(v.get("active.fees")), 3)]]
    three = ("previous", "change", "decisions")
    amount = num(v.get("active.procurement.amount"))
    if amount and v.get("active.procurement.unit"):
        amount += v["active.procurement.unit"]
    return [head("一"), [C("信息内容"), C("本年新制作数量"), C("本年新公开数量"), C("对外公开总数量")],
            [C("规章")] + [C(num(v.get(f"active.regulations.{f}"))) for f in ("created", "published", "total")],
            [C("规范性文件")] + [C(num(v.get(f"active.normative_documents.{f}"))) for f in ("created", "published", "total")],
            head("五"), [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
            [C("行政许可")] + [C(num(v.get(f"active.licensing.{f}"))) for f in three],
            [C("其他对外管理服务事项")] + [C(num(v.get(f"active.other_services.{f}"))) for f in three],
            head("六"), [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
            [C("行政处罚")] + [C(num(v.get(f"active.punishment.{f}"))) for f in three],
            [C("行政强制")] + [C(num(v.get(f"active.enforcement.{f}"))) for f in three],
            head("八"), [C("信息内容"), C("上一年项目数量"), C("本年增/减", 2)],
            [C("行政事业性收费"), C(num(v.get("active.fees.previous"))), C(num(v.get("active.fees.change")), 2)],
            head("九"), [C("信息内容"), C("采购项目数量"), C("采购总金额", 2)],
            [C("政府集中采购"), C(num(v.get("active.procurement.projects"))), C(amount, 2)]]


def table_requests(v, edition):
    def vals(row):
        return [C(num(v.get(f"requests.{row}.{c}"))) for c in REQ_COLS]

    rows = [[C(RELATION, 3, 3), C("申请人情况", 7)],
            [C("自然人", 1, 2), C("法人或其他组织", 5), C("总计", 1, 2)],
            [C(w) for w in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
            [C("一、本年新收政府信息公开申请数量", 3)] + vals("new"),
            [C("二、上年结转政府信息公开申请数量", 3)] + vals("carried_in")]
    groups = GROUPS + ([OTHER_2021] if edition == "2021" else [(None, [("other", "（六）其他处理")])])
    groups = groups + [(None, [("result_total", "（七）总计")])]
    body = []
    for group, members in groups:
        for k, (row, label) in enumerate(members):
            if group is None:
                body.append([C(label, 2)] + vals(row))
            else:
                body.append(([C(group, 1, len(members))] if k == 0 else []) + [C(label)] + vals(row))
    body[0] = [C("三、本年度办理结果", 1, len(body))] + body[0]
    return rows + body + [[C("四、结转下年度继续办理", 3)] + vals("carried_over")]


def table_appeals(v):
    return [[C("行政复议", 5), C("行政诉讼", 10)],
            [C(w, 1, 2) for w in APPEAL_WORDS] + [C("未经复议直接起诉", 5), C("复议后起诉", 5)],
            [C(w) for w in APPEAL_WORDS * 2],
            [C(num(v.get(f"appeals.{g}.{c}"))) for g in APPEAL_GROUPS for c in APPEAL_COLS]]


HEADINGS = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]


def document(text, values, edition):
    """The report as blocks: ('h', text), ('p', text), ('table', rows); or None"""
    found = prose(text)
    if found is None:
        return None
    before, after = found
    tables = [table_active(values, edition), table_requests(values, edition), table_appeals(values)]
    blocks = list(before)
    for h, t in zip(HEADINGS, tables):
        blocks += [("h", h), ("table", t)]
    return blocks + list(after)


def grid(rows):
    """The table on its grid: rows of entries (text, is_origin, colspan, rows down from the
    origin, columns right of it), None where no cell is"""
    out = [[] for _ in rows]
    for r, row in enumerate(rows):
        col = 0
        for text, cs, rs in row:
            while col < len(out[r]) and out[r][col] is not None:
                col += 1
            for dr in range(rs):
                target = out[r + dr]
                while len(target) < col + cs:
                    target.append(None)
                for dc in range(cs):
                    target[col + dc] = ("", False, cs, dr, dc)
            out[r][col] = (text, True, cs, 0, 0)
            col += cs
    return out


def blocks_to_text(blocks):
    out = []
    for kind, body in blocks:
        if kind == "table":
            for row in body:
                out.append("\t".join(t for t, _, _ in row))
        else:
            out.append(body)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------
# DOCX, written with zipfile

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
RPR = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="24"/></w:rPr>'


def esc(s):
    return html.escape(s, quote=False)


def runs(text, split_numbers=True):
    """A run per piece: a number's digits over several runs, as Word leaves them after edits"""
    pieces = []
    for m in re.finditer(r"\d+|[^\d]+", text):
        s = m.group()
        if split_numbers and s.isdigit() and len(s) > 1:
            pieces += [s[:1], s[1:]]
        else:
            pieces.append(s)
    out = []
    for k, p in enumerate(pieces):
        out.append(f'<w:r>{RPR}<w:t xml:space="preserve">{esc(p)}</w:t></w:r>')
        if k == 0 and len(pieces) > 1:
            out.append('<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
                       '<w:bookmarkEnd w:id="0"/>')
    return "".join(out)


def para(text, numbered=None, center=False):
    ppr = ""
    if numbered is not None:
        ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered}"/></w:numPr>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    return f'<w:p><w:pPr>{ppr}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>{runs(text)}</w:p>'


def cell_paragraphs(text):
    """A long label over two paragraphs, a parenthesis on its own (as typed with Enter)"""
    m = re.match(r"^(.+?)(（[^）]{6,}）)$", text)
    if m and not text.startswith("（本列"):
        return [m.group(1), m.group(2)]
    if len(text) > 24 and not re.fullmatch(r"[-\d.]+", text):
        k = len(text) // 2
        return [text[:k], text[k:]]
    return [text]


NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def header_rows(g):
    """How many rows a table's grid starts with that hold no number: its header"""
    k = 0
    while k < len(g) and not any(e and e[1] and NUMBER.fullmatch(e[0]) for e in g[k]):
        k += 1
    return k


def docx_table(rows, width=9000, split=False, tracked=False):
    """A w:tbl; with @split, a long table as two, the header repeated in the second (a
    PDF converted to Word), a page break between; with @tracked, each number typed over
    another with changes tracked"""
    g = grid(rows)
    if split and len(g) > 12:
        k, h = len(g) // 2 + 1, header_rows(g)
        return (docx_grid_table(g[:k], width, tracked) + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                + docx_grid_table(g[:h] + g[k:], width, tracked))
    return docx_grid_table(g, width, tracked)


def number_para(text):
    """A number as typed over: the old one deleted, the new inserted, in a content control"""
    old = str(int(float(text)) + 1)
    return ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:sdt><w:sdtPr><w:alias w:val="数"/></w:sdtPr><w:sdtContent>'
            f'<w:del w:id="1" w:author="A"><w:r>{RPR}<w:delText>{old}</w:delText></w:r></w:del>'
            f'<w:ins w:id="2" w:author="A"><w:r>{RPR}<w:t>{esc(text)}</w:t></w:r></w:ins>'
            '</w:sdtContent></w:sdt></w:p>')


def docx_grid_table(g, width, tracked):
    n = max(len(r) for r in g)
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>'
           '<w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/>'
           '<w:insideV w:val="single" w:sz="4"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{width // n}"/>' for _ in range(n)]
    out.append("</w:tblGrid>")
    for r, row in enumerate(g):
        out.append('<w:tr><w:trPr><w:trHeight w:val="400"/></w:trPr>')
        for c, entry in row_cells(row):
            text, origin, cs, dr, _ = entry
            tcpr = f'<w:tcW w:w="{cs * width // n}" w:type="dxa"/>'
            if cs > 1:
                tcpr += f'<w:gridSpan w:val="{cs}"/>'
            # the origin of a vertical merge, and each row it continues over
            spans_down = origin and r + 1 < len(g) and c < len(g[r + 1]) and g[r + 1][c] is not None \
                and not g[r + 1][c][1] and g[r + 1][c][3] > 0
            if spans_down:
                tcpr += '<w:vMerge w:val="restart"/>'
            elif not origin:
                tcpr += "<w:vMerge/>"
            tcpr += '<w:vAlign w:val="center"/>'
            if origin and tracked and NUMBER.fullmatch(text):
                body = number_para(text)
            elif origin and text:
                body = "".join(para(p, center=True) for p in cell_paragraphs(text))
            else:
                body = "<w:p/>"
            out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


LIST_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")


def docx_body(blocks, numbered=False, wps=False, split=False, tracked=False):
    out = []
    first = True
    for kind, body in blocks:
        if kind == "table":
            t = docx_table(body, split=split, tracked=tracked)
            if wps:  # WPS: the table inside a one-cell table
                t = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
                     '</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>'
                     + t + '<w:p/></w:tc></w:tr></w:tbl>')
            out.append(t)
            continue
        if first and wps and "年度报告" in body:
            # the title in a text box anchored to an empty paragraph, VML fallback after it
            box = f"<w:txbxContent>{para(body, center=True)}</w:txbxContent>"
            out.append('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
                       '<wp:docPr id="1" name="文本框 1" descr="标题"/><a:graphic><a:graphicData>'
                       f'<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
                       '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
                       f'{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
            first = False
            continue
        first = False
        m = LIST_NUMBER.match(body) if kind == "h" else None
        if numbered and m:
            out.append(para(body[m.end():], numbered=1))
        else:
            out.append(para(body, center=kind == "h" and "年度报告" in body))
    return "".join(out)


NUMBERING_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def write_docx(path, blocks, numbered=False, wps=False, split=False, tracked=False):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document {W_NS}><w:body>{docx_body(blocks, numbered, wps, split, tracked)}'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.numbering+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'numbering" Target="numbering.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", NUMBERING_XML)


# ------------------------------------------------------------------------------------------
# Web pages

def html_cell_text(text, rich):
    if not text:
        return "&nbsp;"
    parts = cell_paragraphs(text)
    if rich:
        return "".join(f'<p style="text-align:center;line-height:1.5"><span style="font-family:宋体;font-size:12px">'
                       f'&nbsp;{esc(p)}&nbsp;</span></p>' for p in parts)
    return "<br>".join(esc(p) for p in parts)


def html_table(rows, rich=True, split=False):
    """A <table>; with @split, a long one as two tables, the header rows repeated (a site
    that pages its tables)"""
    if split and len(rows) > 12:
        g = grid(rows)
        k, h = len(rows) // 2 + 1, header_rows(g)
        # the rows of the second part as cells again: a cell spanning into it from above
        # starts again there, empty
        first, second = [], []
        for r, row in enumerate(g):
            cells = []
            for c, e in enumerate(row):
                if e is None:
                    continue
                text, origin, cs, dr, dc = e
                if dc:
                    continue
                if origin or r == k:
                    down = 1
                    while r + down < len(g) and c < len(g[r + down]) and g[r + down][c] is not None \
                            and g[r + down][c][3] == dr + down and (r < k) == (r + down < k):
                        down += 1
                    cells.append((text if origin else "", cs, down))
            (first if r < k else second).append(cells)
        return html_table(first, rich) + "\n<p>&nbsp;</p>\n" + html_table(first[:h] + second, rich)
    out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" '
           'style="border-collapse:collapse;border:none;margin:0 auto"><tbody>']
    for row in rows:
        out.append('<tr style="height:24px">')
        for text, cs, rs in row:
            attrs = (f' colspan="{cs}"' if cs > 1 else "") + (f' rowspan="{rs}"' if rs > 1 else "")
            out.append(f'<td{attrs} valign="middle" style="border:1px solid #000;padding:0 5px">'
                       f'{html_cell_text(text, rich)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def div_table(rows):
    """A table drawn with div elements styled as one (no <table>), each row a flex box"""
    out = ['<div class="table-wrap" style="display:table;width:100%">']
    for row in grid(rows):
        out.append('<div class="tr" style="display:table-row">')
        for entry in row:
            text = entry[0] if entry is not None and entry[1] else ""
            if entry is not None and not entry[1]:
                continue  # covered by a span: drawn by the cell it spans from
            out.append(f'<div class="td" style="display:table-cell;border:1px solid #ccc">{esc(text) or "&nbsp;"}</div>')
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def web_page(blocks, charset="utf-8", divs=False, split=False):
    title = next((b for k, b in blocks if "年度报告" in b), "")
    out = ["<!DOCTYPE html>", "<html>", "<head>",
           f'<meta charset="{charset}">' if charset == "utf-8" else
           f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
           f"<title>{esc(title)}_政府信息公开</title>",
           "<style>td p{margin:0} .content p{text-indent:2em}</style>",
           '<script>var _hmt = _hmt || []; document.write("<div>统计</div>");</script>',
           "</head>", "<body>",
           '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>',
           '<div class="article"><div class="content" id="zoom">']
    for kind, body in blocks:
        if kind == "table":
            out.append(div_table(body) if divs else html_table(body, split=split))
        elif kind == "h" and "年度报告" in body:
            out.append(f'<h1 style="text-align:center;font-size:22px">{esc(body)}</h1>')
        elif kind == "h":
            out.append(f'<p style="text-indent:2em"><strong><span style="font-family:黑体">{esc(body)}</span></strong></p>')
        else:
            out.append(f'<p style="text-indent:2em;line-height:2"><span style="font-size:16px">{esc(body)}</span></p>')
    out += ["</div></div>", '<div class="footer">主办：政府办公室 备案号：X ICP备00000000号</div>', "</body>", "</html>"]
    return "\n".join(out)


def word_htm(blocks):
    """A page as Word writes it with Save As Web Page: gb2312, unquoted attributes, mso- styles,
    <o:p>, conditional comments, numbers in spans of their own"""
    def p(text, cls="MsoNormal", style="text-indent:32.0pt;mso-char-indent-count:2.0"):
        spans = "".join(f"<span lang=EN-US style='font-family:仿宋_GB2312'>{esc(x)}</span>" if x.isdigit() else
                        f"<span style='font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>{esc(x)}</span>"
                        for x in re.findall(r"\d|[^\d]+", text))
        return f"<p class={cls} style='{style}'>{spans}<span lang=EN-US><o:p></o:p></span></p>"

    out = ["<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
           "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">",
           "<head>", "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">",
           "<meta name=ProgId content=Word.Document>", "<meta name=Generator content=\"Microsoft Word 15\">",
           "<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Print</w:View>\n </w:WordDocument>\n</xml><![endif]-->",
           "<style>\n<!--\n p.MsoNormal, li.MsoNormal {mso-style-parent:\"\"; margin:0cm; font-size:10.5pt;}\n"
           "@page WordSection1 {size:595.3pt 841.9pt;}\ndiv.WordSection1 {page:WordSection1;}\n-->\n</style>",
           "</head>", "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>",
           "<div class=WordSection1 style='layout-grid:15.6pt'>"]
    for kind, body in blocks:
        if kind != "table":
            out.append(p(body, style="text-align:center" if "年度报告" in body else
                         "text-indent:32.0pt;mso-char-indent-count:2.0"))
            continue
        out.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                   "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
                   "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
        for r, row in enumerate(body):
            out.append(f"<tr style='mso-yfti-irow:{r};height:18.0pt'>")
            for text, cs, rs in row:
                attrs = (f" colspan={cs}" if cs > 1 else "") + (f" rowspan={rs}" if rs > 1 else "")
                inner = "".join(p(x, style="text-align:center") for x in cell_paragraphs(text)) if text else \
                    "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
                out.append(f"<td width=60{attrs} valign=top style='border:solid windowtext 1.0pt;"
                           f"mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>{inner}</td>")
            out.append("</tr>")
        out.append("</table>")
        out.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    out += ["</div>", "</body>", "</html>"]
    return "\n".join(out)


# ------------------------------------------------------------------------------------------
# PDF, written here: a CID font (Identity-H, codes = code points) with a ToUnicode map, so
# that poppler reads back exactly the characters drawn; widths: CJK 1em, others ½em

PAGE_W, PAGE_H, MARGIN = 595, 842, 56


def char_w(c, size):
    return size * (0.5 if ord(c) < 0x2E80 else 1.0)


def text_w(s, size):
    return sum(char_w(c, size) for c in s)


class Pdf:
    def __init__(self, turned=False):
        self.pages = []   # (content ops, rotate)
        self.ops = []
        self.turned = turned
        self.used = set()
        self.rotate = 0
        self.height = PAGE_H
        self.scattered = self.spaced = False

    def text(self, x, y, s, size=10.5):
        """s at x, baseline y, from the top left of the page as drawn; with scattered, a
        text object for each character; with spaced, numbers' digits set apart (Tc)"""
        if not s:
            return
        self.used.update(ord(c) for c in s)
        if self.scattered:
            for c in s:
                self.ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {self.height - y:.2f} Tm <{ord(c):04X}> Tj ET")
                x += char_w(c, size)
            return
        codes = "".join(f"{ord(c):04X}" for c in s if ord(c) < 0x10000)
        tc = 1.2 if self.spaced and NUMBER.fullmatch(s) else 0
        if tc:
            x -= tc * (len(s) - 1) / 2
        self.ops.append(f"BT /F1 {size} Tf {tc} Tc 1 0 0 1 {x:.2f} {self.height - y:.2f} Tm <{codes}> Tj ET")

    def rule(self, x1, y1, x2, y2):
        self.ops.append(f"{x1:.2f} {self.height - y1:.2f} m {x2:.2f} {self.height - y2:.2f} l S")

    def footer(self):
        """the page's number at its foot, as offices print it: — 3 — or -3-"""
        n = len(self.pages) + 1
        s = f"— {n} —" if n % 2 else f"-{n}-"
        width = PAGE_H if self.rotate == 90 else PAGE_W
        self.text((width - text_w(s, 9)) / 2, self.height - 24, s, 9)

    def new_page(self, rotate=0):
        if self.ops:
            self.footer()
            self.pages.append(("\n".join(self.ops), self.rotate))
        self.ops = ["0.5 w"]
        self.rotate = rotate
        self.height = PAGE_W if rotate == 90 else PAGE_H
        if rotate == 90:
            # a portrait page shown turned a quarter clockwise (/Rotate 90): the drawing is
            # turned the other way, so that it reads upright in the landscape view
            self.ops.append(f"0 1 -1 0 {PAGE_W} 0 cm")

    def finish(self, path):
        self.footer()
        self.pages.append(("\n".join(self.ops), self.rotate))
        if self.scattered:
            # drawn in no order: the page's operations shuffled, the transformation first
            rng = random.Random(len(self.pages))
            pages = []
            for content, rotate in self.pages:
                ops = content.split("\n")
                head = [o for o in ops if o.endswith(" cm") or o.endswith(" w")]
                rest = [o for o in ops if o not in head]
                rng.shuffle(rest)
                pages.append(("\n".join(head + rest), rotate))
            self.pages = pages
        objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
        n = len(self.pages)
        font = 3 + 2 * n
        kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
        objs[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()
        for i, (content, rotate) in enumerate(self.pages):
            data = zlib.compress(content.encode())
            rot = f" /Rotate {rotate}" if rotate else ""
            objs[3 + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]{rot} /Resources "
                               f"<< /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>").encode()
            objs[4 + 2 * i] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        widths = " ".join(f"{c} [500]" for c in sorted(self.used) if c < 0x2E80)
        objs[font] = (f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                      f"/DescendantFonts [{font + 1} 0 R] /ToUnicode {font + 3} 0 R >>").encode()
        objs[font + 1] = (f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                          f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {font + 2} 0 R "
                          f"/DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>").encode()
        objs[font + 2] = (b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] "
                          b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
        cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
                "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
        used = sorted(c for c in self.used if c < 0x10000)
        for i in range(0, len(used), 100):
            chunk = used[i:i + 100]
            cmap.append(f"{len(chunk)} beginbfchar")
            cmap += [f"<{c:04X}> <{c:04X}>" for c in chunk]
            cmap.append("endbfchar")
        cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        data = "\n".join(cmap).encode()
        objs[font + 3] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        out = bytearray(b"%PDF-1.4\n")
        offsets = {}
        for k in sorted(objs):
            offsets[k] = len(out)
            out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
        xref = len(out)
        top = max(objs)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (top + 1)
        for k in range(1, top + 1):
            out += b"%010d 00000 n \n" % offsets[k]
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (top + 1, xref)
        with open(path, "wb") as f:
            f.write(out)


def wrap(s, width, size):
    lines, cur = [], ""
    for c in s:
        if cur and text_w(cur + c, size) > width:
            lines.append(cur)
            cur = ""
        cur += c
    return lines + ([cur] if cur else [])


def draw_table(pdf, g, top, page_w, page_h, ruled, word, new_page):
    """The table @g drawn from @top down, on new pages as it needs; returns where it ends.
    With @word, as Word prints it: a label merged down its rows written one character a
    line in the middle of them, and the header rows repeated at the top of each page"""
    n = max(len(r) for r in g)
    label_cols = {10: 3, 4: 1}.get(n, 0)  # table 四 has no label column
    total_w = page_w - 2 * MARGIN
    label_w = total_w * {3: 0.45, 1: 0.34, 0: 0}[label_cols]
    widths = {3: [label_w * w for w in (0.18, 0.22, 0.60)], 1: [label_w], 0: []}[label_cols]
    widths += [(total_w - label_w) / (n - label_cols)] * (n - label_cols)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)

    def rows_down(r, c):
        k = 1
        while r + k < len(g) and c < len(g[r + k]) and g[r + k][c] is not None and g[r + k][c][3] == k:
            k += 1
        return k

    # each row's lines of text per cell, and its height over the cells that start in it
    texts, heights = [], []
    for r, row in enumerate(g):
        lines_of = {}
        for c, entry in enumerate(row):
            if entry is not None and entry[1]:
                w = xs[min(c + entry[2], n)] - xs[c] - 6
                down = rows_down(r, c)
                lines_of[c] = (wrap(entry[0], w, 9) if entry[0] else [], down)
        texts.append(lines_of)
        heights.append(max([len(v) for v, d in lines_of.values() if d == 1] + [1]) * 13 + 6)
    header = header_rows(g)

    # where each row goes: (page, y); the header rows again after each page break
    order, page, y = [], 0, top
    for r in range(len(g)):
        if y + heights[r] > page_h - MARGIN and r > 0:
            page, y = page + 1, MARGIN
            if word and 0 < header < r:
                for hr in range(header):
                    order.append((hr, page, y))
                    y += heights[hr]
        order.append((r, page, y))
        y += heights[r]
    where = {}
    for r, pg, yy in order:
        where.setdefault(r, (pg, yy))

    current = 0
    for k, (r, pg, yy) in enumerate(order):
        if pg != current:
            new_page()
            current = pg
        row, h = g[r], heights[r]
        repeated = where[r] != (pg, yy)
        for c, (ls, down) in texts[r].items():
            x1, x2 = xs[c], xs[min(c + row[c][2], n)]
            # the rows it spans on this page
            span_h = h
            for d in range(1, 1 if repeated else down):
                if where[r + d][0] != pg:
                    break
                span_h += heights[r + d]
            if word and down > 1 and c < label_cols and row[c][2] == 1 and len(row[c][0]) * 13 + 6 <= span_h:
                ls = list(row[c][0])  # upright, one character a line
            y0 = yy + (span_h - len(ls) * 13) / 2 if word else yy
            for i, line in enumerate(ls):
                if word and re.fullmatch(r"-?[\d.]+", line):
                    cx = x2 - 4 - text_w(line, 9)  # numbers to the right, as Word aligns them
                elif c < label_cols and len(ls) > 1 and not word:
                    cx = x1 + 3
                else:
                    cx = (x1 + x2 - text_w(line, 9)) / 2
                pdf.text(cx, y0 + 12 + i * 13, line, 9)
        if ruled:
            # a rule above each cell that starts in this row (or at a page's top), left of
            # each cell, and around the table
            first_on_page = k == 0 or order[k - 1][1] != pg
            for c in range(n):
                entry = row[c] if c < len(row) else None
                if entry is None or entry[3] == 0 or first_on_page:
                    pdf.rule(xs[c], yy, xs[c + 1], yy)
                if entry is None or entry[4] == 0:
                    pdf.rule(xs[c], yy, xs[c], yy + h)
            pdf.rule(xs[n], yy, xs[n], yy + h)
            last_on_page = k == len(order) - 1 or order[k + 1][1] != pg
            if last_on_page:
                pdf.rule(xs[0], yy + h, xs[n], yy + h)
    return order[-1][2] + heights[order[-1][0]]


def write_pdf(path, blocks, ruled=True, columns=1, turned=False, word=False, scattered=False, spaced=False):
    """The report drawn on A4 pages: prose wrapped (in two columns when @columns is 2), each
    table on the template's grid (rules drawn when @ruled; on pages turned sideways, /Rotate
    90, when @turned; as Word prints it when @word)"""
    pdf = Pdf()
    pdf.scattered, pdf.spaced = scattered, spaced
    pdf.new_page()
    size, lead = 10.5, 16
    # the prose's columns run from the top of their region (the page's, or below a table or
    # the title) down to the page's foot
    state = {"y": MARGIN + 12, "col": 0, "top": MARGIN + 12, "low": MARGIN + 12}
    col_gap = 20
    col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * col_gap) / columns

    def next_line(h=lead):
        if state["y"] + h > PAGE_H - MARGIN:
            if state["col"] + 1 < columns:
                state["col"] += 1
                state["y"] = state["top"]
            else:
                pdf.new_page()
                state["col"] = 0
                state["y"] = state["top"] = state["low"] = MARGIN + 12
        y = state["y"]
        state["y"] += h
        state["low"] = max(state["low"], state["y"])
        return y

    def full_width():
        """below everything on the page: the next block spans the columns"""
        state["y"] = state["top"] = state["low"]
        state["col"] = 0

    for kind, body in blocks:
        if kind != "table":
            if "年度报告" in body:
                full_width()
                for line in wrap(body, PAGE_W - 2 * MARGIN, 16):
                    y = next_line(26)
                    pdf.text((PAGE_W - text_w(line, 16)) / 2, y, line, 16)
                full_width()
                continue
            x0 = MARGIN + state["col"] * (col_w + col_gap)
            for k, line in enumerate(wrap(("" if kind == "h" else "\u3000\u3000") + body, col_w, size)):
                y = next_line()
                x0 = MARGIN + state["col"] * (col_w + col_gap)
                pdf.text(x0, y, line, size)
            continue
        # a table: full width, on pages of its own when turned
        if turned:
            pdf.new_page(rotate=90)
            y = draw_table(pdf, grid(body), MARGIN, PAGE_H, PAGE_W, ruled, word, lambda: pdf.new_page(rotate=90))
            pdf.new_page()
            state["y"] = state["top"] = state["low"] = MARGIN + 12
            state["col"] = 0
        else:
            full_width()
            y = draw_table(pdf, grid(body), state["y"], PAGE_W, PAGE_H, ruled, word, pdf.new_page)
            state["low"] = state["y"] = y + 10
            full_width()
    pdf.finish(path)


# ------------------------------------------------------------------------------------------
# Text in other encodings

# Kangxi radicals (NFKC folds them) and CJK Radicals Supplement forms (it does not), as
# PDF text extraction gives them for common characters
KANGXI = {"一": "\u2F00", "二": "\u2F06", "人": "\u2F08", "入": "\u2F0A", "十": "\u2F17", "大": "\u2F24",
          "工": "\u2F2F", "日": "\u2F47", "月": "\u2F49", "行": "\u2F8F", "金": "\u2FA6",
          "长": "\u2EC3", "门": "\u2EA8", "见": "\u2EC5", "车": "\u2EC9"}


def kangxi(text):
    return "".join(KANGXI.get(c, c) for c in text)


def fullwidth_digits(text):
    return text.translate({ord(str(d)): 0xFF10 + d for d in range(10)})


ENCODINGS = {
    "enc-gb18030": lambda t: t.encode("gb18030"),
    "enc-utf16le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "enc-utf16le": lambda t: t.encode("utf-16-le"),
    "enc-utf16be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "enc-utf16be": lambda t: t.encode("utf-16-be"),
    "enc-utf8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "enc-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "enc-notepad": lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
    "fullwidth-digits": lambda t: fullwidth_digits(t).encode("utf-8"),
    "sep-ideographic": lambda t: t.replace("\t", "\u3000\u3000").encode("utf-8"),
    "sep-nbsp": lambda t: t.replace("\t", "\u00a0\u00a0").encode("utf-8"),
    "kangxi-radicals": lambda t: kangxi(t).encode("utf-8"),
}


# ------------------------------------------------------------------------------------------
# The 2019 edition from a 2021 report

def made_up(seed, k):
    """Numbers of table 二 for the 2019 layout, fixed by the report's name"""
    h = hashlib.sha256(f"{seed}:{k}".encode()).digest()
    return h[0] % 60


def edition_2019(values, seed):
    v = {k: val for k, val in values.items() if k.startswith(("requests.", "appeals."))
         and not k.startswith("requests.other.")}
    for c in REQ_COLS:
        parts = [values.get(f"requests.other.{s}.{c}") for s in ("no_correction", "no_fee", "other")]
        v[f"requests.other.{c}"] = None if None in parts else sum(parts)
    k = 0
    for item, fields in (("regulations", ("created", "published", "total")),
                         ("normative_documents", ("created", "published", "total")),
                         ("licensing", ("previous", "change", "decisions")),
                         ("other_services", ("previous", "change", "decisions")),
                         ("punishment", ("previous", "change", "decisions")),
                         ("enforcement", ("previous", "change", "decisions")),
                         ("fees", ("previous", "change")), ("procurement", ("projects", "amount"))):
        for f in fields:
            k += 1
            n = made_up(seed, k)
            if f == "change":
                n -= 30
            v[f"active.{item}.{f}"] = n if f != "amount" else n + 0.25
    v["active.procurement.unit"] = "万元"
    return v


# ------------------------------------------------------------------------------------------

KINDS = [
    ("enc-gb18030", "the text in GB18030"),
    ("enc-utf16le-bom", "UTF-16LE with a BOM"),
    ("enc-utf16le", "UTF-16LE without a BOM"),
    ("enc-utf16be-bom", "UTF-16BE with a BOM"),
    ("enc-utf16be", "UTF-16BE without a BOM"),
    ("enc-utf8-bom", "UTF-8 with a BOM"),
    ("enc-crlf", "CRLF line ends"),
    ("enc-notepad", "Notepad's Unicode: UTF-16LE with a BOM and CRLF"),
    ("fullwidth-digits", "every digit full-width"),
    ("sep-ideographic", "cells separated by two ideographic spaces (U+3000) for a tab"),
    ("sep-nbsp", "cells separated by two no-break spaces for a tab (copied from a web page)"),
    ("kangxi-radicals", "Kangxi and supplement radicals for common characters"),
    ("template-txt", "the template's tables as text, a field a grid cell"),
    ("docx-word", "Word: w:tbl, gridSpan, vMerge, cells of several paragraphs, split runs"),
    ("docx-numbered", "Word: the headings' 一、 from a numbering list (numbering.xml)"),
    ("docx-wps", "WPS: each table inside a one-cell table, the title in a text box"),
    ("docx-listed", "Word: the rows' 1. and （一） from numbering lists as well, not in the text"),
    ("docx-split", "a PDF converted to Word: long tables cut in two at a page, the header repeated"),
    ("docx-tracked", "every number typed over with changes tracked, in content controls"),
    ("doc-word", "Word 97-2003 (.doc): cells and row ends marked in the paragraph properties"),
    ("html-gov", "web page: rowspan/colspan, &nbsp;, <p> in <td>, inline styles"),
    ("html-gbk", "the same page in GBK with <meta charset=gbk>"),
    ("html-split", "a page whose long tables are cut in two, the header rows repeated"),
    ("html-gbk-nometa", "the GBK page saved without its charset (it came in the HTTP header)"),
    ("html-utf16", "Word's Unicode web page: UTF-16LE with a BOM, charset=unicode"),
    ("html-div", "web page: tables of div elements styled display:table-row/cell"),
    ("htm-word", "a page saved by Word (.htm, gb2312, mso- classes, <o:p>)"),
    ("pdf-ruled", "PDF: the template's tables with rules"),
    ("pdf-plain", "PDF: the tables without rules"),
    ("pdf-twocol", "PDF: the prose in two columns"),
    ("pdf-turned", "PDF: each table on a page turned sideways (/Rotate 90)"),
    ("pdf-word", "PDF as Word prints: merged labels upright one character a line, header rows repeated, "
                 "numbers to the right"),
    ("pdf-scattered", "PDF: each character a text object of its own, drawn in no order"),
    ("pdf-spaced", "PDF: numbers' digits set apart by character spacing (Tc 1.2)"),
    ("edition-2019-pdf", "a 2021 report in the 2019 layout, as a PDF printed by Word"),
    ("edition-2019-html", "a 2021 report in the 2019 layout, as a web page"),
    ("template-txt-blank-zeros", "the template's tables as text, zeros left blank"),
    ("docx-word-blank-zeros", "Word, zeros left blank"),
    ("doc-word-blank-zeros", "Word 97-2003, zeros left blank"),
    ("html-gov-blank-zeros", "web page, zeros left blank"),
    ("pdf-ruled-blank-zeros", "PDF with rules, zeros left blank"),
    ("pdf-plain-blank-zeros", "PDF without rules, zeros left blank"),
    ("pdf-word-blank-zeros", "PDF as Word prints it, zeros left blank"),
    ("edition-2019-txt", "a 2021 report in the 2019 layout, as text"),
    ("edition-2019-docx", "a 2021 report in the 2019 layout, as a Word document"),
]
NEEDS = {"docx": "word", "doc": "word", "html": "html", "htm": "html", "pdf": "pdf"}
# Zeros left blank: a row of table 四 (no label) whose first cell is blank loses that
# empty field at the line's start (nb-tokens.c), so its cells cannot be placed; in a PDF a
# blank cell has no text at all, and rows with few numbers between rows of blanks give
# too few columns to place them by. table.unread names each such cell.
BLANK_TXT = "table 四's row starting with a blank cell: its leading empty field is dropped: table.unread"
BLANK_PDF = "blank cells have no text in a PDF, runs of rows too short to give the columns: table.unread"
MISSING_WHY = {"template-txt-blank-zeros": BLANK_TXT, "docx-word-blank-zeros": BLANK_TXT,
               "html-gov-blank-zeros": BLANK_TXT, "doc-word-blank-zeros": BLANK_TXT, "pdf-ruled-blank-zeros": BLANK_PDF,
               "pdf-plain-blank-zeros": BLANK_PDF, "pdf-word-blank-zeros": BLANK_PDF}
COMPLETE = {k for k, _ in KINDS} - set(MISSING_WHY)


def make_variant(kind, path, text, ref_doc, work):
    """(target path, expected values) or None"""
    base = os.path.splitext(os.path.basename(path))[0]
    values = flatten(ref_doc)
    edition = ref_doc.get("template")
    target = os.path.join(work, f"{kind}-{base}")
    if kind in ENCODINGS:
        if path.endswith(".html"):
            return None
        with open(target + ".txt", "wb") as f:
            f.write(ENCODINGS[kind](text))
        return target + ".txt", values, set()
    if kind.startswith("edition-2019"):
        if edition != "2021":
            return None
        values = edition_2019(values, base)
        edition = "2019"
    blank = set()
    if kind.endswith("-blank-zeros"):
        # zeros left blank, as many offices print them: read blank or 0, both right
        blank = {k for k, v in values.items() if v == 0 and not k.endswith(".unit")}
        kind = kind[:-len("-blank-zeros")]
        target = os.path.join(work, f"{kind}-blank-zeros-{base}")
    blocks = document(text, {k: None if k in blank else v for k, v in values.items()}, edition)
    if blocks is None:
        return None
    if kind.startswith("edition-2019"):
        # the title's year: the report is for 2020, as the 2019 edition's reports are
        year = ref_doc.get("year")
        if year is None:
            return None
        blocks = [(k, b.replace(str(year), "2020", 1) if "年度报告" in b and len(b) < 60 else b) for k, b in blocks]
        values = dict(values)
    if kind == "docx-listed":
        # Word's list numbering: the row labels' numbers are not in the text either
        listed = re.compile(r"^(（[一二三四五六七]）|[一二三四]、|\d+\.)(?=[^\d\s])")
        blocks = [(k, [[(listed.sub("", t) if not NUMBER.fullmatch(t) else t, cs, rs) for t, cs, rs in row]
                       for row in b]) if k == "table" else (k, b) for k, b in blocks]
    if kind in ("template-txt", "edition-2019-txt"):
        target += ".txt"
        with open(target, "w", encoding="utf-8") as f:
            f.write(blocks_to_text(blocks))
    elif kind.startswith("docx") or kind == "edition-2019-docx":
        target += ".docx"
        write_docx(target, blocks, numbered=kind in ("docx-numbered", "docx-listed"), wps=kind == "docx-wps",
                   split=kind == "docx-split", tracked=kind == "docx-tracked")
    elif kind == "doc-word":
        target += ".doc"
        write_doc(target, blocks, grid)
    elif kind == "html-utf16":
        target += ".htm"
        page = web_page(blocks).replace('<meta charset="utf-8">',
                                        '<meta http-equiv=Content-Type content="text/html; charset=unicode">')
        with open(target, "wb") as f:
            f.write(b"\xff\xfe" + page.replace("\n", "\r\n").encode("utf-16-le"))
    elif kind in ("html-gov", "html-gbk", "html-gbk-nometa", "html-div", "html-split"):
        target += ".html"
        gbk = kind.startswith("html-gbk")
        page = web_page(blocks, charset="gbk" if gbk else "utf-8", divs=kind == "html-div", split=kind == "html-split")
        if kind == "html-gbk-nometa":
            page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "")
        with open(target, "wb") as f:
            f.write(page.encode("gb18030" if gbk else "utf-8"))
    elif kind == "htm-word":
        target += ".htm"
        with open(target, "wb") as f:
            f.write(word_htm(blocks).encode("gb18030"))
    elif kind.startswith("pdf"):
        target += ".pdf"
        write_pdf(target, blocks, ruled=kind != "pdf-plain", columns=2 if kind == "pdf-twocol" else 1,
                  turned=kind == "pdf-turned", word=kind == "pdf-word", scattered=kind == "pdf-scattered",
                  spaced=kind == "pdf-spaced")
    elif kind == "edition-2019-pdf":
        target += ".pdf"
        write_pdf(target, blocks, word=True)
    elif kind == "edition-2019-html":
        target += ".html"
        with open(target, "w", encoding="utf-8") as f:
            f.write(web_page(blocks))
    return target, values, blank


SAYS_MISSING = ("table.unread", "cell.ambiguous", "template.missing_row", "template.merged_rows")


def compare(want_values, want_meta, doc, blank=frozenset()):
    """(wrong, missing, notes, agency/year wrong, agency/year missing, missing cells no
    finding names)"""
    wrong, missing, notes = 0, 0, []
    got = flatten(doc) if doc else {}
    said = {c for f in doc["findings"] if f["rule"] in SAYS_MISSING for c in f["cells"]} if doc else set()
    unsaid = 0
    for cell, want in want_values.items():
        if cell.endswith(".unit"):
            continue
        have = got.get(cell)
        if have is not None and have != want:
            wrong += 1
            notes.append(f"{cell}: {have} where it is {want}")
        elif want is not None and have is None and cell not in blank:
            missing += 1
            unsaid += cell not in said
    for cell, have in got.items():
        if cell not in want_values and have is not None and not cell.endswith(".unit"):
            wrong += 1
            notes.append(f"{cell}: {have} where the report has no such cell")
    meta_wrong = meta_missing = 0
    if doc:
        for key, want in want_meta.items():
            have = doc.get(key)
            if have is not None and want is not None and have != want:
                meta_wrong += 1
                notes.append(f"{key}: {have!r} where it is {want!r}")
            elif want is not None and have is None:
                meta_missing += 1
    return wrong, missing, notes, meta_wrong, meta_missing, unsaid


def main():
    sources = inputs()
    ok(len(sources) >= 10, f"{len(sources)} clean reports to vary")
    with tempfile.TemporaryDirectory() as tmp:
        work = keep_dir or tmp
        os.makedirs(work, exist_ok=True)
        refs = run_cli([p for p, _ in sources])
        jobs = []
        for kind, _ in KINDS:
            need = NEEDS.get(kind.split("-")[0]) or NEEDS.get(kind.rsplit("-", 1)[-1])
            if need is not None and need not in READERS:
                continue
            for (path, text), ref in zip(sources, refs):
                if ref is None:
                    continue
                made = make_variant(kind, path, text, ref, work)
                if made is None:
                    continue
                meta = {"agency": ref.get("agency"), "year": ref.get("year")}
                if kind.startswith("edition-2019"):
                    meta["year"] = 2020
                    meta["template"] = "2019"
                jobs.append((kind, made[0], made[1:], meta))
        docs = run_cli([j[1] for j in jobs])

        print("# kind: files, cells compared: wrong, missing; agency/year wrong, missing; refused")
        for kind, what in KINDS:
            n = N = W = M = MW = MM = U = refused = 0
            notes, lost = [], []
            for (k, target, want, meta), doc in zip(jobs, docs):
                if k != kind:
                    continue
                n += 1
                N += sum(1 for c in want[0] if not c.endswith(".unit"))
                refused += doc is None
                w, m, wn, mw, mm, u = compare(want[0], meta, doc, want[1])
                W, M, MW, MM, U = W + w, M + m, MW + mw, MM + mm, U + u
                notes += [f"{os.path.basename(target)}: {x}" for x in wn[:4]]
                if m or mm:
                    lost.append(f"{os.path.basename(target)}: {m} cells, {mm} agency/year/edition")
            if n == 0:
                continue
            print(f"# {kind}: {n} files, {N} cells: wrong {W}, missing {M} ({U} without a finding); "
                  f"agency/year wrong {MW}, missing {MM}; refused {refused}")
            for x in notes[:8]:
                print(f"#   wrong: {x}")
            for x in lost[:8]:
                print(f"#   missing: {x}")
            ok(W == 0 and MW == 0, f"{kind} ({what}): no wrong value ({W} cells, {MW} agency/year)")
            ok(U == 0, f"{kind}: each missing cell named by a finding for its table or row ({U} not)")
            ok(M == 0 and MM == 0 and refused == 0,
               f"{kind}: nothing missing ({M} cells, {MM} agency/year, {refused} refused)"
               + (f" — {MISSING_WHY[kind]}" if kind in MISSING_WHY else ""),
               todo=kind not in COMPLETE)

    print(f"1..{len(results)}")
    for i, (good, name, todo) in enumerate(results, 1):
        print(f"{'ok' if good else 'not ok'} {i} - {name}{' # TODO not done yet' if todo else ''}")
    sys.exit(0 if all(g or t for g, _, t in results) else 1)


main()
