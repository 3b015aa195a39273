"""What the variant tests (test-realreports.py, test-formats.py) share: the clean text of
each report to vary, nianbao-check's JSON for many files at once, and a report's cells."""
import json
import os
import re
import subprocess
import unicodedata


def read_inputs(dump, dirs, pdf_dir):
    """(path, text) of each .txt and .html in @dirs and each .pdf in @pdf_dir; a document's
    text is the one its reader gives (nb-dump-text), and one this build cannot read is left
    out"""
    found = []
    for d in dirs:
        if os.path.isdir(d):
            found += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith((".txt", ".html"))]
    if os.path.isdir(pdf_dir):
        found += [os.path.join(pdf_dir, f) for f in sorted(os.listdir(pdf_dir)) if f.endswith(".pdf")]
    out = []
    for path in found:
        if path.endswith(".txt"):
            with open(path, encoding="utf-8") as f:
                text = f.read()
        else:
            p = subprocess.run([dump, path], capture_output=True, timeout=120)
            if p.returncode != 0:  # no reader for it in this build
                continue
            text = p.stdout.decode("utf-8")
        out.append((path, text))
    return out


def run_cli(cli, paths, timeout=600):
    """One JSON document (or None when refused) per path."""
    docs = {}
    for i in range(0, len(paths), 200):
        chunk = paths[i:i + 200]
        p = subprocess.run([cli, "--json", "-j", "2", *chunk], capture_output=True, timeout=timeout)
        for line in p.stdout.decode("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d["file"]] = d
    return [docs.get(p) for p in paths]


def flatten(doc, units=False):
    """cell id → value (None when missing); with @units, the procurement amount's unit too"""
    values = {}

    def walk(prefix, node):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(prefix + "." + k, v)
        else:
            values[prefix] = node

    walk("active", doc["active"])
    walk("appeals", doc["appeals"])
    cols = doc["requests"]["columns"]
    for row, vals in doc["requests"]["rows"].items():
        for c, v in zip(cols, vals):
            values[f"requests.{row}.{c}"] = v
    cells = {k: values.get(k) for k in doc["cells"]}
    if units:
        cells |= {k: v for k, v in values.items() if k.endswith(".unit")}
    return cells


# The report's structure, found from its text

def nfkc(s):
    return unicodedata.normalize("NFKC", s)


SECTION_WORDS = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题",
                 "其他需要报告")
def is_heading(line):
    t = nfkc(line).strip()
    return (re.match(r"^[一二三四五六七八][、.]", t) is not None and any(w in t for w in SECTION_WORDS)
            and not re.search(r"\s\d+$", t) and len(t) < 40)


def heading_number(line):
    return nfkc(line).strip()[0]


def table_range(lines):
    """[start, end) of the lines from heading 二 to heading 五"""
    start = end = None
    for i, l in enumerate(lines):
        if is_heading(l):
            n = heading_number(l)
            if n == "二" and start is None:
                start = i
            elif n == "五" and start is not None:
                end = i
                break
    if start is None:
        return None
    return start, end if end is not None else len(lines)
