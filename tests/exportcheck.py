# exportcheck.py — reads Nianbao's CSV and XLSX exports back (python3's zipfile and
# xml.etree only) and compares every cell with the report's JSON (SCHEMA.md)
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

HEADINGS = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况"]
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def parse_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def col_name(col):
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}     # (row, col) -> value: float, str or None (blank)
        self.style = {}     # (row, col) -> (italic, filled)
        self.formulas = []  # refs of cells holding a formula
        self.merges = []    # (row, col, last_row, last_col)
        self.comments = {}  # (row, col) -> text
        self.text_types = set()

    def value(self, row, col):
        return self.cells.get((row, col))

    def merge_at(self, row, col):
        for m in self.merges:
            if m[0] == row and m[1] == col:
                return m
        return None

    def find(self, text):
        for (r, c), v in sorted(self.cells.items()):
            if v == text:
                return r, c
        raise AssertionError(f"{self.name}: no cell holds {text!r}")

    def rows(self):
        n = max((r for r, _ in self.cells), default=-1) + 1
        out = [[] for _ in range(n)]
        for (r, c), v in sorted(self.cells.items()):
            while len(out[r]) < c:
                out[r].append(None)
            out[r].append(v)
        return out


def _text(el):
    return "".join(t.text or "" for t in el.iter(M + "t"))


def read_xlsx(path):
    """The workbook's sheets, in order, as Sheet objects."""
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    shared = []
    if "xl/sharedStrings.xml" in names:
        shared = [_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si")]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    fonts = [f.find(M + "i") is not None for f in styles.find(M + "fonts")]
    fills = [(f.find(M + "patternFill") is not None and
              f.find(M + "patternFill").get("patternType") == "solid") for f in styles.find(M + "fills")]
    xfs = [(fonts[int(x.get("fontId", 0))], fills[int(x.get("fillId", 0))])
           for x in styles.find(M + "cellXfs")]

    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target")
            for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(PR + "Relationship")}
    sheets = []
    for s in book.iter(M + "sheet"):
        sheet = Sheet(s.get("name"))
        target = posixpath.normpath(posixpath.join("xl", rels[s.get(R + "id")]))
        root = ET.fromstring(z.read(target))
        for c in root.iter(M + "c"):
            pos = parse_ref(c.get("r"))
            if c.find(M + "f") is not None:
                sheet.formulas.append(c.get("r"))
            v = c.find(M + "v")
            t = c.get("t")
            if t == "s":
                sheet.cells[pos] = shared[int(v.text)]
                sheet.text_types.add(pos)
            elif t == "inlineStr":
                sheet.cells[pos] = _text(c)
                sheet.text_types.add(pos)
            elif t == "str":
                sheet.cells[pos] = v.text if v is not None else ""
            elif v is not None:
                sheet.cells[pos] = float(v.text)
            else:
                sheet.cells[pos] = None
            sheet.style[pos] = xfs[int(c.get("s", 0))]
        mc = root.find(M + "mergeCells")
        for m in (mc if mc is not None else []):
            a, b = m.get("ref").split(":")
            sheet.merges.append(parse_ref(a) + parse_ref(b))
        rels_path = posixpath.join(posixpath.dirname(target), "_rels", posixpath.basename(target) + ".rels")
        if rels_path in names:
            for r in ET.fromstring(z.read(rels_path)).iter(PR + "Relationship"):
                if r.get("Type").endswith("/comments"):
                    cpath = posixpath.normpath(posixpath.join(posixpath.dirname(target), r.get("Target")))
                    for cm in ET.fromstring(z.read(cpath)).iter(M + "comment"):
                        sheet.comments[parse_ref(cm.get("ref"))] = _text(cm.find(M + "text"))
        sheets.append(sheet)
    return sheets


def fmt(v):
    """A number as the exports write it (whole numbers without a point)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if float(v) == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v)) if len(repr(float(v))) <= 17 else "%.15g" % v


def json_cells(doc):
    """The report's values in the template's order: per active item and per request row a
    list of (cell id, value), and the appeals' fifteen."""
    active = []
    for item, val in doc["active"].items():
        if isinstance(val, dict):
            active.append([(f"active.{item}.{f}", v) for f, v in val.items()])
        else:
            active.append([(f"active.{item}", val)])
    cols = doc["requests"]["columns"]
    requests = [[(f"requests.{row}.{c}", v) for c, v in zip(cols, vals)]
                for row, vals in doc["requests"]["rows"].items()]
    appeals = [(f"appeals.{g}.{f}", v) for g, fields in doc["appeals"].items() for f, v in fields.items()]
    return active, requests, appeals


def _check_value(problems, where, cid, expected, got, doc, style=None, comment=None):
    if expected is None:
        if got not in (None, ""):
            problems.append(f"{where} {cid}: expected empty, found {got!r}")
    elif isinstance(expected, str):
        if got != expected:
            problems.append(f"{where} {cid}: expected {expected!r}, found {got!r}")
    elif style is not None and not isinstance(got, float):
        problems.append(f"{where} {cid}: {got!r} is not a number cell")
    elif not isinstance(got, float) and not (isinstance(got, str) and got == fmt(expected)):
        problems.append(f"{where} {cid}: expected {expected!r}, found {got!r}")
    elif isinstance(got, float) and abs(got - expected) > 1e-9:
        problems.append(f"{where} {cid}: expected {expected!r}, found {got!r}")
    info = doc["cells"].get(cid)
    if style is None or info is None:
        return
    italic, filled = style
    if info.get("corrected"):
        if not filled:
            problems.append(f"{where} {cid}: a corrected cell is not filled")
        original = info.get("original")
        if comment is None or (original is not None and fmt(original) not in comment):
            problems.append(f"{where} {cid}: the comment {comment!r} does not give the value before, {original!r}")
    else:
        if filled or comment:
            problems.append(f"{where} {cid}: filled or commented but not corrected")
        if italic != (info["origin"] == "inferred"):
            problems.append(f"{where} {cid}: italic is {italic} for origin {info['origin']}")


def check_xlsx(path, doc):
    """Every value, mark and finding of @path against the JSON document; returns problems."""
    problems = []
    sheets = read_xlsx(path)
    names = [s.name for s in sheets]
    if names[:2] != ["表格", "审校发现"]:
        return [f"sheets are {names}"]
    tables, findings = sheets[0], sheets[1]
    for s in sheets:
        if s.formulas:
            problems.append(f"{s.name}: formulas in {s.formulas}")

    # facts
    for key, want in (("机关", doc["agency"] or ""), ("年度", str(doc["year"] or ""))):
        r, c = tables.find(key)
        got = tables.value(r, c + 2) or ""
        if got != want:
            problems.append(f"fact {key}: {got!r} != {want!r}")
    r, c = tables.find("模板")
    if not (tables.value(r, c + 2) or "").startswith(doc["template"]):
        problems.append("fact 模板 does not name the edition")

    active, requests, appeals = json_cells(doc)

    def mark(pos):
        return tables.style.get(pos, (False, False)), tables.comments.get(pos)

    # 二: every row whose first cell is a label (not a 第二十条 heading, not 信息内容) holds
    # the next item's fields, from the fourth column on
    r0, _ = tables.find(HEADINGS[0])
    r1, _ = tables.find(HEADINGS[1])
    queue = list(active)
    for r in range(r0 + 1, r1):
        label = tables.value(r, 0)
        if not label or label == "信息内容" or label.startswith("第二十条"):
            continue
        if not queue:
            problems.append(f"二: a row {label} more than the JSON's items")
            break
        for k, (cid, want) in enumerate(queue.pop(0)):
            style, comment = mark((r, 3 + k))
            _check_value(problems, "二", cid, want, tables.value(r, 3 + k), doc, style, comment)
    if queue:
        problems.append(f"二: {len(queue)} items not found, first {queue[0][0][0]}")

    # 三: three header rows, then one row per JSON row, values in columns D to J
    if tables.value(r1 + 1, 3) != "申请人情况" or tables.merge_at(r1 + 1, 3) != (r1 + 1, 3, r1 + 1, 9):
        problems.append("三: 申请人情况 is not merged over the seven columns")
    if tables.merge_at(r1 + 2, 4) != (r1 + 2, 4, r1 + 2, 8) or tables.value(r1 + 2, 4) != "法人或其他组织":
        problems.append("三: 法人或其他组织 is not merged over five columns")
    if tables.merge_at(r1 + 1, 0) is None:
        problems.append("三: the 勾稽关系 note is not merged")
    vr, vc = tables.find("三、本年度办理结果")
    m = tables.merge_at(vr, vc)
    rows = list(doc["requests"]["rows"])
    if m is None or m[2] - m[0] + 1 != rows.index("result_total") - rows.index("public") + 1:
        problems.append("三: 三、本年度办理结果 does not span the results")
    for i, row in enumerate(requests):
        r = r1 + 4 + i
        if not any(tables.value(r, c) for c in range(3)) and not any(
                m[0] < r <= m[2] and m[1] < 3 for m in tables.merges):
            problems.append(f"三: row {row[0][0]} has no label")
        for k, (cid, want) in enumerate(row):
            style, comment = mark((r, 3 + k))
            _check_value(problems, "三", cid, want, tables.value(r, 3 + k), doc, style, comment)

    # 四: three header rows, then fifteen values from column D
    r2, _ = tables.find(HEADINGS[2])
    if tables.value(r2 + 1, 3) != "行政复议" or tables.merge_at(r2 + 1, 3) != (r2 + 1, 3, r2 + 1, 7):
        problems.append("四: 行政复议 is not merged over its five columns")
    if tables.value(r2 + 1, 8) != "行政诉讼" or tables.merge_at(r2 + 1, 8) != (r2 + 1, 8, r2 + 1, 17):
        problems.append("四: 行政诉讼 is not merged over its ten columns")
    for k, (cid, want) in enumerate(appeals):
        style, comment = mark((r2 + 4, 3 + k))
        _check_value(problems, "四", cid, want, tables.value(r2 + 4, 3 + k), doc, style, comment)

    # findings: rule, severity, message, names, ids, where
    frows = findings.rows()
    if frows[0][:5] != ["规则", "严重程度", "说明", "单元格", "编号"]:
        problems.append(f"findings header {frows[0]}")
    if len(frows) - 1 != len(doc["findings"]):
        problems.append(f"{len(frows) - 1} findings written, {len(doc['findings'])} in the JSON")
    for row, f in zip(frows[1:], doc["findings"]):
        row = row + [None] * (6 - len(row))
        want = [f["rule"], SEVERITY[f["severity"]], f["message"]["zh_CN"], " ".join(f["cells"])]
        got = [row[0], row[1], row[2], row[4] or ""]
        if got != want:
            problems.append(f"finding {want[0]}: {got} != {want}")
        for ref in (row[5] or "").split():
            rr, cc = parse_ref(ref)
            if not isinstance(tables.value(rr, cc), (float, str)) and tables.value(rr, cc) is not None:
                problems.append(f"finding {want[0]}: {ref} is not a value")
    return problems


def read_csv_blocks(data):
    """The CSV's blocks: heading -> list of rows."""
    if not data.startswith(b"\xef\xbb\xbf"):
        raise AssertionError("no BOM")
    text = data[3:].decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        raise AssertionError("a line end that is not CRLF")
    blocks, current = {}, None
    for row in csv.reader(io.StringIO(text, newline="")):
        if not row:
            current = None
        elif current is None:
            current = row[0]
            blocks[current] = []
        else:
            blocks[current].append(row)
    return blocks


def check_csv(data, doc):
    problems = []
    blocks = read_csv_blocks(data)
    want = ["报告信息"] + HEADINGS + ["审校发现", "更正记录"]
    if list(blocks) != want:
        return [f"CSV blocks {list(blocks)}"]
    facts = dict((r[0], r[1]) for r in blocks["报告信息"])
    if facts.get("机关") != (doc["agency"] or "") and facts.get("机关") != "'" + (doc["agency"] or ""):
        problems.append(f"CSV 机关 {facts.get('机关')!r}")
    if facts.get("年度") != str(doc["year"] or ""):
        problems.append("CSV 年度")
    if not facts.get("模板", "").startswith(doc["template"]):
        problems.append("CSV 模板")

    active, requests, appeals = json_cells(doc)
    queue = list(active)
    for row in blocks[HEADINGS[0]]:
        if row[0] == "信息内容" or row[0].startswith("第二十条"):
            continue
        if not queue:
            problems.append(f"CSV 二: a row {row[0]} more than the JSON's items")
            break
        for k, (cid, v) in enumerate(queue.pop(0)):
            _check_value(problems, "CSV 二", cid, v, row[1 + k], doc)
    if queue:
        problems.append(f"CSV 二: {len(queue)} values not found")

    rows = blocks[HEADINGS[1]]
    if rows[0][3] != "申请人情况" or rows[1][4] != "法人或其他组织" or rows[2][4] != "商业企业":
        problems.append("CSV 三: the header rows")
    if len(rows) - 3 != len(requests):
        problems.append(f"CSV 三: {len(rows) - 3} rows for {len(requests)}")
    for row, cells in zip(rows[3:], requests):
        if not any(row[:3]):
            problems.append(f"CSV 三: {cells[0][0]} has no label")
        for k, (cid, v) in enumerate(cells):
            _check_value(problems, "CSV 三", cid, v, row[3 + k], doc)

    rows = blocks[HEADINGS[2]]
    if rows[0][0] != "行政复议" or rows[0][5] != "行政诉讼" or rows[1][5] != "未经复议直接起诉":
        problems.append("CSV 四: the header rows")
    for k, (cid, v) in enumerate(appeals):
        _check_value(problems, "CSV 四", cid, v, rows[3][k], doc)

    frows = blocks["审校发现"]
    if len(frows) - 1 != len(doc["findings"]):
        problems.append("CSV: findings count")
    for row, f in zip(frows[1:], doc["findings"]):
        if [row[0], row[1], row[4]] != [f["rule"], SEVERITY[f["severity"]], " ".join(f["cells"])]:
            problems.append(f"CSV finding {row}")
        if row[2].lstrip("'") != f["message"]["zh_CN"]:
            problems.append(f"CSV finding message {row[2]!r}")

    corrected = {cid: c for cid, c in doc["cells"].items() if c.get("corrected")}
    crow = {r[1]: r for r in blocks["更正记录"][1:]}
    if set(crow) != set(corrected):
        problems.append(f"CSV 更正记录 lists {sorted(crow)}, the JSON {sorted(corrected)}")
    now = dict(v for item in active + requests for v in item)
    now.update(appeals)
    for cid, c in corrected.items():
        if cid in crow and crow[cid][2] != fmt(c.get("original")):
            problems.append(f"CSV 更正记录 {cid}: before {crow[cid][2]!r}, JSON {c.get('original')!r}")
        if cid in crow and crow[cid][4] != fmt(now[cid]):
            problems.append(f"CSV 更正记录 {cid}: now {crow[cid][4]!r}, JSON {now[cid]!r}")
    return problems


if __name__ == "__main__":
    # exportcheck.py REPORT.json [REPORT.xlsx|-] [REPORT.csv|-]: problems on stdout, exit 1 if any
    import json
    import sys
    with open(sys.argv[1], encoding="utf-8") as f:
        document = json.load(f)
    found = []
    if len(sys.argv) > 2 and sys.argv[2] != "-":
        found += check_xlsx(sys.argv[2], document)
    if len(sys.argv) > 3 and sys.argv[3] != "-":
        with open(sys.argv[3], "rb") as f:
            found += check_csv(f.read(), document)
    for p in found:
        print(p)
    sys.exit(1 if found else 0)
