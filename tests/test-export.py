#!/usr/bin/env python3
# test-export.py — nianbao-check --csv and --xlsx on every sample and fixture, read back and
# compared cell by cell with --json (exportcheck.py); formula injection; failures
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exportcheck  # noqa: E402

cli, root = sys.argv[1], sys.argv[2]
xlsx_built = os.environ.get("NB_XLSX") == "1"
reports = sorted(glob.glob(os.path.join(root, "data", "samples", "*.txt")) +
                 glob.glob(os.path.join(root, "tests", "data", "*.*")))
results = []
tmp = tempfile.mkdtemp(prefix="nb-test-export-")


def ok(good, name):
    results.append((bool(good), name))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, timeout=60)


def check(path):
    first = run("--json", path)
    if first.returncode == 2 and b"cannot read" in first.stderr:
        # a build without this format's reader (-Dhtml=disabled): nothing to compare
        return None, None
    doc = json.loads(first.stdout)
    csv = run("--csv", "--lang", "zh_CN", path).stdout
    problems = exportcheck.check_csv(csv, doc)
    if xlsx_built:
        out = os.path.join(tmp, os.path.basename(path) + ".xlsx")
        p = run("--xlsx", out, path)
        if p.returncode not in (0, 1):
            problems.append(f"--xlsx: exit {p.returncode}: {p.stderr.decode()}")
        else:
            problems += exportcheck.check_xlsx(out, doc)
    return doc, problems


editions = set()
for path in reports:
    doc, problems = check(path)
    if doc is None:
        continue
    editions.add(doc["template"])
    ok(not problems, f"{os.path.basename(path)}: every cell of the exports as in the JSON {problems[:3]}")
ok(editions == {"2019", "2021"}, "samples of both editions")

# An agency's name is the report's text: one that a spreadsheet would run as a formula
# stays text (CSV: a leading apostrophe; XLSX: a string cell, no formula anywhere)
with open(os.path.join(root, "data", "samples", "ruzhou-2021.txt"), encoding="utf-8") as f:
    text = f.read()
hostile = os.path.join(tmp, "hostile.txt")
with open(hostile, "w", encoding="utf-8") as f:
    f.write(text.replace("汝州市人民政府办公室", '=HYPERLINK("x.cn","y")人民政府'))
doc, problems = check(hostile)
ok(doc["agency"].startswith("=HYPERLINK"), "the hostile report's agency begins with =")
ok(not problems, f"the hostile report's exports read back as its JSON {problems[:3]}")
csv = run("--csv", hostile).stdout.decode("utf-8-sig")
ok('\r\n机关,"\'=HYPERLINK(""x.cn"",""y"")人民政府"\r\n' in csv, "CSV: the agency begins with an apostrophe")
ok("\n=" not in csv and ",=" not in csv and '"=' not in csv, "CSV: no field begins with =")
if xlsx_built:
    out = os.path.join(tmp, "hostile.txt.xlsx")
    sheet = exportcheck.read_xlsx(out)[0]
    r, c = sheet.find("机关")
    ok(sheet.value(r, c + 2) == doc["agency"] and (r, c + 2) in sheet.text_types and not sheet.formulas,
       "XLSX: the agency is a string cell, and no cell holds a formula")

# --xlsx takes one report; a file it cannot write is a clear error and exit 2
samples = reports[:2]
p = run("--xlsx", os.path.join(tmp, "two.xlsx"), *samples)
ok(p.returncode == 2 and not os.path.exists(os.path.join(tmp, "two.xlsx")), "--xlsx with two reports: exit 2")
p = run("--xlsx", os.path.join(tmp, "missing", "r.xlsx"), samples[0])
ok(p.returncode == 2 and b"r.xlsx" in p.stderr, "--xlsx into a missing folder: exit 2 and the file named")
if xlsx_built:
    target = os.path.join(tmp, "missing", "r.xlsx")
    ok(("“" + target + "”").encode() in p.stderr and b"r.xlsx." not in p.stderr,
       f"--xlsx into a missing folder: the error names the file, not its temporary file {p.stderr!r}")
if not xlsx_built:
    ok(b"XLSX" in p.stderr, "without libxlsxwriter: --xlsx says spreadsheets cannot be written")

shutil.rmtree(tmp, ignore_errors=True)
print(f"1..{len(results)}")
for i, (good, name) in enumerate(results, 1):
    print(f"{'ok' if good else 'not ok'} {i} - {name}")
sys.exit(0 if all(g for g, _ in results) else 1)
