#!/usr/bin/env python3
"""Real reports as they are found (issue 11): every sample, fixture and shared PDF is
rewritten, at test time, into the rough shapes real reports come in (flattened web text,
markdown, page furniture, HTML in a .txt or inside a JavaScript string, titles as printed,
label typos, merged rows). Each variant goes through `nianbao-check --json` and every cell
is compared with the clean report's:

- WRONG: a value the clean report does not have (a different number, or a number where it
  has none). The hard rule: never a wrong number, so wrong must be 0 for every kind.
- MISSING: a value the clean report has and the variant lost.

The agency and the year are compared too (a different one is wrong; none is missing, and
then the report must say so with meta.agency or meta.year).

TAP output; per kind, one test that nothing is wrong and one that nothing is missing. Kinds
not yet read completely are marked TODO in COMPLETE below (meson counts a TODO that passes
as a failure, so the table must be kept true). `--table` prints the counts as a markdown
table for the README.

usage: test-realreports.py NIANBAO_CHECK NB_DUMP_TEXT [--table] [--keep DIR]
"""
import os
import random
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reportcells  # noqa: E402
from reportcells import flatten, heading_number, is_heading, nfkc, read_inputs, table_range  # noqa: E402

cli, dump = sys.argv[1], sys.argv[2]
want_table = "--table" in sys.argv
keep_dir = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
here = os.path.dirname(os.path.abspath(__file__))
samples_dir = os.environ.get("NB_SAMPLES_DIR", os.path.join(here, "..", "data", "samples"))
shared = os.environ.get("NB_SHARED_DIR", os.path.join(here, "..", "..", "shared"))

# The kinds, in the README's order, with whether Nianbao already reads them as their clean
# sample does (nothing missing). Wrong must be 0 for every kind; WRONG_TODO lists the kinds
# where it is not yet (each entry is a defect, to be fixed, never a licence).
KINDS = [
    ("flat-spaced", "whole report on one line, cells separated by spaces"),
    ("flat-glued", "title line + one line, cells run together, ordinals glued to digits"),
    ("rows-spaced", "a web page's tables copied one line a row, cells separated by spaces, blank cells lost"),
    ("markdown", "pipe tables, # headings, ### 第二十条第（一）项"),
    ("markdown-numbered", "pipe tables under | | 数据1 | 数据2 | and | 1 | 2 | 3 | header rows"),
    ("markdown-shredded", "labels out of order, fragments in first cells, bare number rows, lost heading"),
    ("footer-emdash", "page footers — 5 — between lines"),
    ("footer-hyphen", "page footers -3-"),
    ("footer-pageof", "page footers 第 3 页 共 7 页"),
    ("running-header", "the title repeated at each page break"),
    ("html-txt", "a web page saved as .txt"),
    ("html-js", "a web page inside a JavaScript string, escaped quotes, &nbsp;, one line"),
    ("title-wrapped", "title wrapped …政府信息公开 / 工作年度报告 (and at other places)"),
    ("title-zhengwen", "a stray 正文 line above the title"),
    ("title-agency-above", "the agency on the line above the title"),
    ("title-site-header", "标题: / 发布时间: / 原文链接: before the text"),
    ("title-opening", "an opening 根据《…条例》 sentence before the title"),
    ("label-typo", "2.其他法律行政止公开"),
    ("merged-six", "（六）其他处理 as one row without its three sub-rows"),
    ("no-tables", "the sections' prose without any table"),
    ("renumbered", "section 四 left out, 五 and 六 renumbered 四 and 五"),
    ("heading-worded", "五、政府信息公开工作存在的主要问题及改进情况 for the template's heading"),
    ("label-wrapped", "long row labels wrapped in their cell, the numbers beside the first line"),
    ("label-wrapped-bare", "section 三's labels without their 1. 2. ordinals, wrapped, the numbers beside the head"),
]
COMPLETE = {"markdown", "markdown-numbered", "markdown-shredded", "label-wrapped", "label-wrapped-bare",
            "footer-emdash", "footer-hyphen", "footer-pageof",
            "running-header", "html-txt", "html-js", "title-wrapped", "title-zhengwen", "title-agency-above",
            "title-site-header", "title-opening", "label-typo", "merged-six", "no-tables", "renumbered",
            "heading-worded"}
WRONG_TODO = set()

# What the findings must say, beyond the values: (rule that must be there, rule that must not
# be added to the clean report's). And the kinds whose missing cells must each be reported
# once per row or table (table.unread, cell.ambiguous for run-together digits, a row's
# template.missing_row or merged_rows), not cell by cell. FINDINGS_DONE lists the kinds where
# this already holds.
FINDINGS = {
    "label-typo": ("template.label", "template.missing_row"),
    "merged-six": ("template.merged_rows", "template.missing_row"),
    "no-tables": ("table.unread", "template.missing_row"),
    "renumbered": ("template.heading_number", "template.missing_row"),
    "heading-worded": ("template.label", "template.missing_section"),
}
UNREAD_SAID = {"flat-spaced", "flat-glued", "rows-spaced", "markdown-shredded"}
FINDINGS_DONE = {"label-typo", "merged-six", "renumbered", "heading-worded", "no-tables", "flat-spaced", "flat-glued",
                 "rows-spaced", "markdown-shredded"}

results = []


# the format readers this build has (tests/meson.build); unset: all of them
READERS = os.environ.get("NB_READERS", "pdf word html").split()


def ok(cond, name, todo=False):
    results.append((bool(cond), name, todo))


# ------------------------------------------------------------------------------------------
# Inputs: the clean text of every sample, fixture and shared PDF

def inputs():
    return read_inputs(dump, (samples_dir, os.path.join(here, "data")), os.path.join(shared, "samples"))


def run_cli(paths):
    return reportcells.run_cli(cli, paths)


# ------------------------------------------------------------------------------------------
# The report's structure, found from its text

NUM = re.compile(r"-?\d+(?:\.\d+)?")


def title_index(lines):
    """The line holding 年度报告 near the top, or None"""
    seen = 0
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        seen += 1
        if "年度报告" in nfkc(l) and len(l.strip()) < 60:
            return i
        if seen > 6:
            break
    return None


def fields(line):
    return [f for f in re.split(r"[\t ]+", line.strip()) if f]


def cells_of(line):
    """A table line's cells: its tab fields (empty ones too) where it has tabs, else its
    space-separated fields"""
    if "\t" in line.strip(" \n"):
        return [c.strip() for c in line.strip(" \n").split("\t")]
    return fields(line)


# ------------------------------------------------------------------------------------------
# Variants: text → (file content, suffix, cells expected absent) or None when not applicable

def v_flat_spaced(text, ref):
    return " ".join(" ".join(fields(l)) for l in text.split("\n") if l.strip()), ".txt", set()


def v_rows_spaced(text, ref):
    return "\n".join(" ".join(fields(l)) for l in text.split("\n")), ".txt", set()


def v_flat_glued(text, ref):
    lines = [l for l in text.split("\n") if l.strip()]
    rng = table_range(lines)
    body = []
    for i, l in enumerate(lines[1:], 1):
        inside = rng is not None and rng[0] <= i < rng[1]
        body.append("".join(fields(l)) if inside else l.strip())
    return lines[0].strip() + "\n" + "".join(body), ".txt", set()


def to_markdown(text, numbered=False):
    lines = text.split("\n")
    rng = table_range(lines)
    if rng is None:
        return None
    t = title_index(lines)
    out = []
    for i, l in enumerate(lines[:rng[0]]):
        out.append("# " + l.strip() if i == t else "## " + l.strip() if is_heading(l) else l)
    block = []
    section = None

    def close():
        if not block:
            return
        width = max(len(r) for r in block)
        if numbered:
            n = max(len(r) for r in block)
            if section == "二":
                head = [""] + [f"数据{k}" for k in range(1, n)]
            else:
                head = [str(k) for k in range(1, n + 1)]
            rows = [head] + block
        else:
            rows = block
        out.append("| " + " | ".join(rows[0]) + " |")
        out.append("|" + "|".join(["---"] * max(width, len(rows[0]))) + "|")
        for r in rows[1:]:
            out.append("| " + " | ".join(r) + " |")
        out.append("")
        block.clear()

    for l in lines[rng[0]:rng[1]]:
        t = nfkc(l).strip()
        if not t:
            continue
        if is_heading(l):
            close()
            section = heading_number(l)
            out.append("## " + l.strip())
            out.append("")
        elif re.fullmatch(r"第二十条第\([一二三四五六七八九十]+\)项", t):
            close()
            out.append("### " + l.strip())
            out.append("")
        else:
            block.append(cells_of(l))
    close()
    for l in lines[rng[1]:]:
        out.append("## " + l.strip() if is_heading(l) else l)
    return "\n".join(out)


def v_markdown(text, ref):
    md = to_markdown(text)
    return None if md is None else (md, ".md", set())


def v_markdown_numbered(text, ref):
    md = to_markdown(text, numbered=True)
    return None if md is None else (md, ".md", set())


ROW_LABELS = {
    "requests.withheld.process_info": "6.属于四类过程性信息",
    "requests.other.no_fee": "2.申请人逾期未按收费通知要求缴纳费用",
}


def v_markdown_shredded(text, ref):
    """The markdown as a PDF-to-markdown tool shreds it: the 三、本年度办理结果 heading lost,
    a long label cut into fragments (the first with the numbers, the rest a row of their
    own), one row's label lost (a bare row of numbers) and a group label printed after its
    first sub-row. The cells of the bare row cannot be placed with certainty: they are
    expected missing, never wrong."""
    md = to_markdown(text)
    if md is None:
        return None
    lines = md.split("\n")
    out = []
    bare = False
    moved = None
    for l in lines:
        t = nfkc(l)
        if l.startswith("|") and re.search(r"本年度办理|^\|\s*结果\s*\|", t) and not re.search(r"\|\s*\d", t):
            continue  # the lost heading (its cells only: the row's numbers stay)
        cells = [c.strip() for c in l.strip().strip("|").split("|")] if l.startswith("|") else None
        if cells and "属于四类过程性信息" in t and re.search(r"\|\s*\d", t):
            out.append("| | " + " | ".join(cells[1:]) + " |")
            bare = True
            continue
        if cells and "逾期未按收费通知要求缴纳费用" in t and re.search(r"\|\s*\d", t):
            nums = [c for c in cells if NUM.fullmatch(c)]
            label = "".join(c for c in cells if not NUM.fullmatch(c))
            k = label.find("缴纳费用")
            if k > 0:
                out.append("| " + label[:k] + " | " + " | ".join(nums) + " |")
                rest = label[k:]
                out.append("| " + rest[:5] + " | " + rest[5:15] + " |")
                if rest[15:]:
                    out.append("| " + rest[15:] + " |")
                continue
        if cells and re.fullmatch(r"\(三\)不予公开", nfkc(cells[0]).replace(" ", "")) and len(cells) > 1:
            moved = cells[0]
            out.append("| " + " | ".join(cells[1:]) + " |")
            continue
        out.append(l)
        if moved and cells:
            out.append("| " + moved + " |")
            moved = None
    absent = set()
    if bare:
        absent = {k for k in ref if k.startswith("requests.withheld.process_info.")}
    # the bare row's cells may be left missing: they are not counted as wrong when absent
    return "\n".join(out), ".md", {"may_miss": absent}


def with_breaks(text, furniture, every=9):
    lines = text.split("\n")
    out, page, n = [], 1, 0
    pages = (sum(1 for l in lines if l.strip()) + every - 1) // every + 1
    for l in lines:
        out.append(l)
        if l.strip():
            n += 1
            if n % every == 0:
                out.extend(furniture(page, pages))
                page += 1
    return "\n".join(out)


def v_footer_emdash(text, ref):
    return with_breaks(text, lambda p, n: ["", f"— {p} —", ""]), ".txt", set()


def v_footer_hyphen(text, ref):
    return with_breaks(text, lambda p, n: [f"-{p}-"]), ".txt", set()


def v_footer_pageof(text, ref):
    return with_breaks(text, lambda p, n: [f"第 {p} 页 共 {n} 页"]), ".txt", set()


def v_running_header(text, ref):
    lines = text.split("\n")
    t = title_index(lines)
    if t is None:
        return None
    title = lines[t].strip()
    return with_breaks(text, lambda p, n: ["", title, ""], every=11), ".txt", set()


def html_page(text):
    """The text as a web page: the lines of the tables' region with several fields (or a
    tab) as table rows, one cell per field, the rest as paragraphs."""
    out, in_table = [], False
    lines = text.split("\n")
    rng = table_range(lines) or (0, 0)
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        row = rng[0] <= i < rng[1] and not is_heading(l) and len(cells_of(l)) > 1
        if row != in_table:
            out.append('<table border="1" cellspacing="0">' if row else "</table>")
            in_table = row
        if row:
            cells = cells_of(l)
            out.append("<tr>" + "".join(f'<td align="center">{esc(c) if c else "&nbsp;"}</td>'
                                        for c in cells) + "</tr>")
        else:
            out.append(f'<p style="text-indent:2em">{esc(l.strip())}</p>')
    if in_table:
        out.append("</table>")
    return '<div class="TRS_Editor">' + "\n".join(out) + "</div>"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def v_html_txt(text, ref):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n"
            + html_page(text) + "\n</body></html>\n"), ".txt", set()


def v_html_js(text, ref):
    page = html_page(text).replace("\n", "")
    page = page.replace('style="text-indent:2em">', 'style="text-indent:2em">&nbsp;&nbsp;')
    esc = page.replace("\\", "\\\\").replace('"', '\\"').replace("/", "\\/")
    return ('var pageData = {id: 20220120, channel: "zfxxgk", content: "' + esc + '"};\n'
            'document.getElementById("zoom").innerHTML = pageData.content;\n'), ".txt", set()


def title_variant(fn):
    """fn(title lines, ref) → the lines to print in their place; the title lines are the
    first non-empty line to the one with 年度报告 (the agency may be on a line above)"""
    def variant(text, ref):
        lines = text.split("\n")
        t = title_index(lines)
        if t is None:
            return None
        first = t  # the agency may be printed on the line above
        above = [i for i in range(t) if lines[i].strip()]
        if above and not is_heading(lines[above[-1]]) and len(lines[above[-1]].strip()) < 30:
            first = above[-1]
        new = fn([l for l in lines[first:t + 1] if l.strip()], ref)
        if new is None:
            return None
        return "\n".join(lines[:first] + new + lines[t + 1:]), ".txt", set()
    return variant


def wrap_title(title, ref):
    """wrapped after 政府信息公开, 政府信息公开工作 or 政府信息 (by the title's length), with a
    blank line between for every other report"""
    line = title[-1]
    at = ("政府信息公开", "政府信息公开工作", "政府信息")[len(line) % 3]
    k = line.find(at)
    if k < 0:
        return None
    k += len(at)
    return title[:-1] + [line[:k]] + [""] * (len(line) % 2) + [line[k:]]


def agency_above(title, ref):
    agency = ref.get("agency")
    s = title[-1].strip()
    if len(title) > 1 or not agency or not s.startswith(agency) or len(s) <= len(agency) + 4:
        return None
    return [agency, s[len(agency):].strip()]


def site_header(title, ref):
    year = ref.get("year") or 2021
    return [f"标题:{''.join(l.strip() for l in title)}", f"发布时间:{year + 1}-01-20 09:30", "浏览次数:1024",
            f"原文链接:http://www.example.gov.cn/zwgk/{year + 1}0120/art_20220120_1.html", ""] + title


def opening(title, ref):
    return ["根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，现公布本年度报告。"] + title


def v_label_typo(text, ref):
    out, done = [], False
    for l in text.split("\n"):
        n = nfkc(l)
        if not done and "其他法律行政法规禁止公开" in n:
            l = n.replace("其他法律行政法规禁止公开", "其他法律行政止公开")
            done = True
        out.append(l)
    return ("\n".join(out), ".txt", set()) if done else None


def v_merged_six(text, ref):
    if not any(k.startswith("requests.other.no_correction") for k in ref):
        return None  # the 2019 edition prints （六） as one row already
    n = nfkc(text)
    if len(n) != len(text):
        text = n
    a = re.search(r"[(（]\s*六\s*[)）]\s*其他处理", text)
    b = re.search(r"[(（]\s*七\s*[)）]\s*总计", text[a.end():] if a else "")
    if not a or not b:
        return None
    region = text[a.start():a.end() + b.start()]
    nums = [int(f) for f in re.split(r"\s+", region) if re.fullmatch(r"\d+", f)]
    if len(nums) not in (18, 21):
        return None
    k = len(nums) // 3
    sums = [nums[c] + nums[k + c] + nums[2 * k + c] for c in range(k)]
    sep = "\t" if "\t" in region else " "
    row = "（六）其他处理" + sep + sep.join(str(s) for s in sums) + "\n"
    # the sub-rows' cells are not printed: missing, or inferred where the equations leave one
    # value (a merged row of zeros makes each of its parts 0), never another number
    merged = {c for c in ref if c.startswith("requests.other.")}
    return text[:a.start()] + row + text[a.end() + b.start():], ".txt", {"may_miss": merged}


def v_no_tables(text, ref):
    """Sections 二 to 四 keep their headings and lose their tables: every cell is absent, and
    the report should say so once for each table, not row by row"""
    lines = text.split("\n")
    rng = table_range(lines)
    if rng is None:
        return None
    kept = lines[:rng[0]] + [l for l in lines[rng[0]:rng[1]] if is_heading(l)] + lines[rng[1]:]
    return "\n".join(kept), ".txt", {"absent": set(ref) - {"agency", "year"}}


def v_renumbered(text, ref):
    """Section 四 (heading and table) left out, the sections after it renumbered: the
    appeals are absent, and the report should say which headings are numbered otherwise"""
    lines = text.split("\n")
    out, skip, done = [], False, False
    for l in lines:
        t = nfkc(l).strip()
        if is_heading(l) and heading_number(l) == "四":
            skip = done = True
            continue
        if is_heading(l) and heading_number(l) in "五六":
            skip = False
            k = l.index(t[0]) if t[0] in l else l.index(nfkc(l).lstrip()[0])
            l = l[:k] + {"五": "四", "六": "五"}[heading_number(l)] + l[k + 1:]
        if not skip:
            out.append(l)
    if not done:
        return None
    return "\n".join(out), ".txt", {"absent": {c for c in ref if c.startswith("appeals.")}}


def v_heading_worded(text, ref):
    """Section 五's heading worded as many 2019 reports word it: the report should say
    what differs from the template's heading (it adds 政府信息公开工作)"""
    lines = text.split("\n")
    done = False
    for i, l in enumerate(lines):
        if is_heading(l) and heading_number(l) == "五" and "存在的主要问题" in l and "政府信息公开工作" not in l:
            lines[i] = l.replace("存在的主要问题", "政府信息公开工作存在的主要问题", 1)
            done = True
    return ("\n".join(lines), ".txt", set()) if done else None


def v_label_wrapped(text, ref):
    """Each table row whose label is longer than 8 characters printed as a PDF or a copied
    page prints a label wrapped in a narrow cell: its first 6 characters beside the numbers,
    the rest on the next line (5.属于三类 / 内部事务信息). Read as one label, the rest
    glued to the next row's head names the row above: a wrong number if taken so."""
    lines = text.split("\n")
    rng = table_range(lines)
    if rng is None:
        return None
    out, done = [], False
    for i, l in enumerate(lines):
        head, tab, rest = l.strip(" ").partition("\t")
        label = head.strip()
        if (rng[0] <= i < rng[1] and tab and not is_heading(l) and len(label) > 8 and NUM.search(rest)
                and not NUM.fullmatch(label)):
            out += [label[:6] + "\t" + rest, label[6:]]
            done = True
        else:
            out.append(l)
    return ("\n".join(out), ".txt", set()) if done else None


def v_label_wrapped_bare(text, ref):
    """Section 三's row labels printed without their 1. 2. … ordinals, wrapped after 4
    characters with the numbers beside the head (属于三类 / 内部事务信息): no ordinal tells
    where a row's label starts, only the template's labels"""
    lines = text.split("\n")
    rng = table_range(lines)
    if rng is None:
        return None
    out, done, in_requests = [], False, False
    for i, l in enumerate(lines):
        if is_heading(l):
            in_requests = heading_number(l) == "三"
        head, tab, rest = l.strip(" ").partition("\t")
        label = re.sub(r"^\d+[.．、]", "", head.strip())
        if (in_requests and rng[0] <= i < rng[1] and tab and len(label) > 6 and NUM.search(rest)
                and not NUM.fullmatch(label) and label != head.strip()):
            out += [label[:4] + "\t" + rest, label[4:]]
            done = True
        else:
            out.append(l)
    return ("\n".join(out), ".txt", set()) if done else None


VARIANTS = {
    "flat-spaced": v_flat_spaced,
    "flat-glued": v_flat_glued,
    "rows-spaced": v_rows_spaced,
    "markdown": v_markdown,
    "markdown-numbered": v_markdown_numbered,
    "markdown-shredded": v_markdown_shredded,
    "footer-emdash": v_footer_emdash,
    "footer-hyphen": v_footer_hyphen,
    "footer-pageof": v_footer_pageof,
    "running-header": v_running_header,
    "html-txt": v_html_txt,
    "html-js": v_html_js,
    "title-wrapped": title_variant(wrap_title),
    "title-zhengwen": title_variant(lambda t, r: ["正文"] + t),
    "title-agency-above": title_variant(agency_above),
    "title-site-header": title_variant(site_header),
    "title-opening": title_variant(opening),
    "label-typo": v_label_typo,
    "merged-six": v_merged_six,
    "no-tables": v_no_tables,
    "renumbered": v_renumbered,
    "heading-worded": v_heading_worded,
    "label-wrapped": v_label_wrapped,
    "label-wrapped-bare": v_label_wrapped_bare,
}


# ------------------------------------------------------------------------------------------

def compare(ref_doc, doc, expect):
    """(wrong, missing, compared, notes)"""
    ref = flatten(ref_doc)
    absent = expect.get("absent", set()) if isinstance(expect, dict) else set()
    may_miss = expect.get("may_miss", set()) if isinstance(expect, dict) else set()
    wrong, missing, compared, notes = 0, 0, 0, []
    got = flatten(doc) if doc else {}
    for cell, want in ref.items():
        if cell in absent:
            want = None
        have = got.get(cell)
        compared += 1
        if have is not None and have != want:
            wrong += 1
            notes.append(f"{cell}: {have} where the report has {want}")
        elif want is not None and have is None and cell not in may_miss:
            missing += 1
    meta_wrong, meta_missing = [], []
    if doc:
        rules = {f["rule"] for f in doc["findings"]}
        for key, rule in (("agency", "meta.agency"), ("year", "meta.year")):
            want, have = ref_doc.get(key), doc.get(key)
            if have is not None and want is not None and have != want:
                meta_wrong.append(f"{key} {have!r}, not {want!r}")
            elif want is not None and have is None:
                meta_missing.append(key if rule in rules else f"{key} (without {rule})")
    extra = len(doc["findings"]) - len(ref_doc["findings"]) if doc else 0
    return wrong, missing, compared, notes, meta_wrong, meta_missing, extra


def main():
    sources = inputs()
    ok(len(sources) >= 8, f"{len(sources)} clean reports to vary")
    with tempfile.TemporaryDirectory() as tmp:
        work = keep_dir or tmp
        os.makedirs(work, exist_ok=True)
        clean_paths = []
        for path, text in sources:
            clean = os.path.join(work, "clean-" + os.path.splitext(os.path.basename(path))[0] + ".txt")
            with open(clean, "w", encoding="utf-8") as f:
                f.write(text)
            clean_paths.append(clean)
        refs = run_cli([p for p, _ in sources])
        again = run_cli(clean_paths)
        for (path, _), a, b in zip(sources, refs, again):
            ok(a is not None and b is not None and flatten(a) == flatten(b),
               f"{os.path.basename(path)}: its text as a .txt reads as the file does")

        jobs = []  # (kind, source index, path, expect)
        for kind, _ in KINDS:
            for i, (path, text) in enumerate(sources):
                if refs[i] is None:
                    continue
                made = VARIANTS[kind](text, flatten(refs[i]) | {"agency": refs[i].get("agency"),
                                                               "year": refs[i].get("year")})
                if made is None:
                    continue
                content, suffix, expect = made
                base = os.path.splitext(os.path.basename(path))[0]
                target = os.path.join(work, f"{kind}-{base}{suffix}")
                with open(target, "w", encoding="utf-8") as f:
                    f.write(content)
                jobs.append((kind, i, target, expect))
        docs = run_cli([j[2] for j in jobs])

        table = []
        for kind, what in KINDS:
            W = M = N = n = refused = F = 0
            meta_w, meta_m, notes, lost = [], [], [], []
            for (k, i, target, expect), doc in zip(jobs, docs):
                if k != kind:
                    continue
                n += 1
                refused += doc is None
                w, m, c, wn, mw, mm, x = compare(refs[i], doc, expect)
                F += x
                W, M, N = W + w, M + m, N + c
                name = os.path.basename(target)
                notes += [f"{name}: {x}" for x in wn[:3]]
                if m:
                    lost.append(f"{name}: {m} cells")
                meta_w += [f"{name}: {x}" for x in mw]
                meta_m += [f"{name}: {x}" for x in mm]
            if kind in FINDINGS:
                need, never = FINDINGS[kind]
                good = all(doc is not None and need in {f["rule"] for f in doc["findings"]} and
                           never not in {f["rule"] for f in doc["findings"]} - {f["rule"] for f in refs[i]["findings"]}
                           for (k, i, _, _), doc in zip(jobs, docs) if k == kind)
                ok(good, f"{kind}: reported with {need}, not {never}", todo=kind not in FINDINGS_DONE)
            if kind == "heading-worded":
                said = all(doc is not None and any(
                               f["rule"] == "template.label" and "section 5" in f["message"]["en"] and
                               "adds “政府信息公开工作”" in f["message"]["en"] for f in doc["findings"])
                           for (k, _, _, _), doc in zip(jobs, docs) if k == kind)
                ok(said, f"{kind}: template.label says section 5's heading adds 政府信息公开工作")
            if kind in UNREAD_SAID:
                unsaid = 0
                for (k, i, _, expect), doc in zip(jobs, docs):
                    if k != kind or doc is None:
                        continue
                    said = {c for f in doc["findings"]
                            if f["rule"] in ("table.unread", "cell.ambiguous", "template.missing_row",
                                             "template.merged_rows")
                            for c in f["cells"]}
                    ref, got = flatten(refs[i]), flatten(doc)
                    unsaid += sum(1 for c, v in ref.items() if v is not None and got.get(c) is None and c not in said)
                ok(unsaid == 0, f"{kind}: every missing cell is named by one finding for its table or row "
                   f"(table.unread, cell.ambiguous, template.missing_row or merged_rows; {unsaid} not)",
                   todo=kind not in FINDINGS_DONE)
            table.append((kind, what, n, N, W, M, len(meta_w), len(meta_m), refused, F))
            print(f"# {kind}: {n} reports, {N} cells: wrong {W}, missing {M}; agency/year wrong "
                  f"{len(meta_w)}, missing {len(meta_m)}; refused {refused}; findings {F:+d}")
            for x in (notes + meta_w)[:6]:
                print(f"#   wrong: {x}")
            for x in (meta_m + lost)[:12]:
                print(f"#   missing: {x}")
            ok(n > 0, f"{kind}: made from {n} reports")
            ok(W == 0 and not meta_w, f"{kind}: no wrong value ({W} cells, {len(meta_w)} agency/year)",
               todo=kind in WRONG_TODO)
            if kind.startswith("html-") and "html" not in READERS:
                # a build without the HTML reader (-Dhtml=disabled) refuses web pages, rightly
                ok(refused == n, f"{kind}: refused whole by a build without the HTML reader")
                continue
            ok(M == 0 and not meta_m and refused == 0,
               f"{kind}: nothing missing ({M} cells, {len(meta_m)} agency/year, {refused} refused)",
               todo=kind not in COMPLETE)

    if want_table:
        print("| kind | reports | cells | wrong | missing | agency/year wrong | agency/year missing | "
              "findings more than clean |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for kind, what, n, N, W, M, mw, mm, refused, F in table:
            print(f"| {kind} | {n} | {N} | {W} | {M} | {mw} | {mm} | {F:+d} |")

    print(f"1..{len(results)}")
    for i, (good, name, todo) in enumerate(results, 1):
        # without the HTML reader the sparse web-page fixture is not among the inputs, and
        # a kind that is not done for it may be whole for the rest: no unexpected pass then
        todo = todo and not (good and "html" not in READERS)
        print(f"{'ok' if good else 'not ok'} {i} - {name}{' # TODO not done yet' if todo else ''}")
    sys.exit(0 if all(g or t for g, _, t in results) else 1)


main()
