#!/usr/bin/env python3
"""The command line as a user runs it: JSON per SCHEMA.md (checked with shared/tools/check-json.py
when present), exit codes, several reports at once, and unreadable input. TAP output."""
import json
import re
import os
import subprocess
import sys
import tempfile

cli, samples_dir = sys.argv[1], sys.argv[2]
shared = os.environ.get("NB_SHARED_DIR", "")
samples = sorted(os.path.join(samples_dir, f) for f in os.listdir(samples_dir) if f.endswith(".txt"))
results = []


def ok(cond, name):
    results.append((bool(cond), name))


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, timeout=60)


checker = os.path.join(shared, "tools", "check-json.py")
# check-json.py may lag behind SCHEMA.md's rule tables: it is run knowing the rules they list too
CHECK_JSON = """import re, runpy, sys
rules, inside = set(), False
for line in open(sys.argv[2], encoding="utf-8"):
    inside = line.startswith("| rule |") or (inside and line.startswith("|"))
    rules.update(re.findall(r"^[|] `([a-z_]+[.][a-z_.]+)` [|]", line) if inside else [])
g = runpy.run_path(sys.argv[1])
g["RULES"].update(rules)
sys.argv = sys.argv[:1] + sys.argv[3:]
sys.exit(g["main"]())
"""
check_json = [sys.executable, "-c", CHECK_JSON, checker, os.path.join(shared, "SCHEMA.md")]
if os.path.exists(checker):
    p = subprocess.run([*check_json, cli, *samples], capture_output=True, text=True)
    ok(p.returncode == 0, "check-json.py accepts every sample's JSON: " + p.stdout.strip().replace("\n", "; "))

for path in samples:
    p = run("--json", path)
    doc = json.loads(p.stdout)
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    ok(p.returncode == (1 if errors else 0), f"exit status follows the errors for {os.path.basename(path)}")
    ok(len(doc["requests"]["rows"]) == 25, f"25 request rows for {os.path.basename(path)}")

# The 2019 edition and run-together rows, through check-json.py too
fixtures_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
fixtures = sorted(os.path.join(fixtures_dir, f) for f in os.listdir(fixtures_dir) if f.endswith(".txt"))


def run_together(text):
    """Tables 三 and 四 with each row's numbers written without separators."""
    out, inside = [], False
    for line in text.split("\n"):
        t = line.strip()
        if re.match(r"^三[、.]", t) and "申请" in t:
            inside = True
        elif re.match(r"^五[、.]", t):
            inside = False
        fields = re.split(r"[\t ]+", t)
        numbers = [f for f in fields if re.fullmatch(r"\d+", f)]
        if inside and len(numbers) >= 2 and fields[len(fields) - len(numbers):] == numbers:
            line = "".join(fields[:len(fields) - len(numbers)]) + "".join(numbers)
        out.append(line)
    return "\n".join(out)


with tempfile.TemporaryDirectory() as tmp:
    glued = []
    for path in fixtures + [s for s in samples if "office" in s or "zhicheng" in s]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        together = run_together(text)
        if together == text:
            continue
        target = os.path.join(tmp, "glued-" + os.path.basename(path))
        with open(target, "w", encoding="utf-8") as f:
            f.write(together)
        glued.append((path, target))
    ok(len(glued) >= 3, f"run-together versions made of {len(glued)} reports")
    if os.path.exists(checker):
        p = subprocess.run([*check_json, cli, *fixtures, *[g for _, g in glued]],
                           capture_output=True, text=True)
        ok(p.returncode == 0, "check-json.py accepts the 2019 and run-together JSON: "
           + p.stdout.strip().replace("\n", "; "))
    for path, target in glued:
        a = json.loads(run("--json", path).stdout)
        b = json.loads(run("--json", target).stdout)
        rules = {f["rule"] for f in b["findings"]}
        ok(a["requests"] == b["requests"] and a["appeals"] == b["appeals"] and "cell.unseparated" in rules
           and "cell.ambiguous" not in rules,
           f"run-together {os.path.basename(path)} gives the same values, split (cell.unseparated)")

for path in fixtures:
    doc = json.loads(run("--json", path).stdout)
    ok(doc["template"] == "2019" and len(doc["requests"]["rows"]) == 23 and "other" in doc["requests"]["rows"]
       and "other_services" in doc["active"], f"{os.path.basename(path)}: 2019 edition, 23 rows, its own ids")

p = run("--json", *samples)
lines = [l for l in p.stdout.decode().splitlines() if l.strip()]
ok(len(lines) == len(samples) and all(json.loads(l)["file"] == s for l, s in zip(lines, samples)),
   "several reports: one JSON document per line, in order")

with tempfile.TemporaryDirectory() as tmp:
    empty = os.path.join(tmp, "empty.txt"); open(empty, "w").close()
    binary = os.path.join(tmp, "image.png"); open(binary, "wb").write(bytes(range(256)) * 8)
    prose = os.path.join(tmp, "letter.txt"); open(prose, "w").write("Dear colleague,\nno report here.\n")
    missing = os.path.join(tmp, "nonexistent.txt")
    for bad in (empty, binary, prose, missing, tmp):
        p = run(bad)
        err = p.stderr.decode()
        ok(p.returncode == 2 and bad in err and len(err.strip().splitlines()) == 1 and not p.stdout,
           f"unreadable input {os.path.basename(bad)}: one line naming the file, exit 2 ({err.strip()})")
    p = run("--json", samples[0], missing)
    ok(p.returncode == 2 and len(p.stdout.decode().splitlines()) == 1, "a bad file among good ones: exit 2, the good one still printed")

# The readers run in the helper nianbao-reader, started only for their formats: found in the
# build tree when run from it, and a clear error when absent (NIANBAO_READER_DIR points elsewhere)
readers = os.environ.get("NB_READERS", "").split()
with tempfile.TemporaryDirectory() as tmp:
    page = os.path.join(tmp, "report.html")
    with open(samples[0], encoding="utf-8") as f:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>\n"
                       if "\t" in line else f"<p>{line}</p>\n" for line in f.read().splitlines())
    with open(page, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><table>\n' + body +
                "</table></body></html>\n")
    p = run("--json", page)
    if "html" in readers:
        doc = json.loads(p.stdout or b"{}")
        ok(p.returncode in (0, 1) and doc.get("encoding") == "HTML", "a web page is read by the HTML module")
    else:
        ok(p.returncode == 2 and b"HTML" in p.stderr, "a web page without the HTML reader: exit 2")
    p = subprocess.run([cli, page], capture_output=True, timeout=60,
                       env=dict(os.environ, NIANBAO_READER_DIR=tmp))
    ok(p.returncode == 2 and (b"HTML support is not installed" in p.stderr or "html" not in readers),
       f"a missing reader module: a clear error ({p.stderr.decode().strip()})")
    p = subprocess.run([cli, "--json", samples[0]], capture_output=True, timeout=60,
                       env=dict(os.environ, NIANBAO_READER_DIR=tmp))
    ok(p.returncode in (0, 1) and json.loads(p.stdout)["encoding"] == "UTF-8", "plain text needs no reader module")
pdf = os.path.join(shared, "samples", "huaian_2024.pdf")
if "pdf" in readers and os.path.exists(pdf):
    p = run("--json", pdf)
    doc = json.loads(p.stdout or b"{}")
    ok(p.returncode == 0 and doc.get("encoding") == "PDF" and doc.get("year") == 2024,
       "a PDF is read by the PDF module")

p = run("--csv", samples[0])
ok(p.stdout.startswith(b"\xef\xbb\xbf") and "\r\n\r\n四、政府信息公开行政复议、行政诉讼情况\r\n" in p.stdout.decode("utf-8-sig"),
   "CSV: BOM and a block per table (tests/test-export.py reads every cell)")
p = run("--lang", "zh_CN", samples[0])
ok("个错误" in p.stdout.decode(), "human-readable output in Chinese")

# --suggest: one figure changed in a sample's table; the JSON gives it back, the text names it
with tempfile.TemporaryDirectory() as tmp:
    ruzhou = os.path.join(samples_dir, "ruzhou-2021.txt")
    text = open(ruzhou, encoding="utf-8").read()
    edited = os.path.join(tmp, "ruzhou-edited.txt")
    with open(edited, "w", encoding="utf-8") as f:
        f.write(text.replace("申请数量\t11\t1\t0", "申请数量\t11\t4\t0", 1))
    plain = run("--json", edited)
    p = run("--json", "--suggest", edited)
    doc = json.loads(p.stdout or b"{}")
    sug = doc.get("suggestions", [])
    ok(len(sug) == 1 and sug[0]["cells"] == [{"cell": "requests.new.commercial", "value": 4, "suggested": 1}]
       and sug[0]["unique"] is True and sug[0]["kind"] is None
       and all(doc["findings"][i]["rule"].startswith("requests.") for i in sug[0]["resolves"])
       and len(sug[0]["resolves"]) == 2, "--json --suggest: the changed cell, its value, unique")
    ok(json.loads(plain.stdout) == {k: v for k, v in doc.items() if k != "suggestions"}
       and b"suggestions" not in plain.stdout, "without --suggest the JSON has no suggestions")
    p = run("--lang", "en", "--suggest", edited)
    ok(b"suggest" in p.stdout and b"the only minimal correction" in p.stdout, "--suggest prints the suggestion")
    p = run("--json", "--suggest", ruzhou)
    ok(json.loads(p.stdout)["suggestions"] == [], "a consistent report: no suggestion")

# --lang is the language of an unreadable file's message too, whatever the locale
folder = os.path.dirname(os.path.abspath(__file__))
for env_lang in ("C", "C.UTF-8", "en_US.UTF-8"):
    p = subprocess.run([cli, "--lang", "zh_CN", folder], capture_output=True, text=True,
                       env=dict(os.environ, LANG=env_lang, LC_ALL="", LANGUAGE=""))
    ok(p.returncode == 2 and "这是文件夹，不是文件" in p.stderr,
       f"--lang zh_CN translates a folder's message under LANG={env_lang}: {p.stderr.strip()}")
p = subprocess.run([cli, "--lang=en", folder], capture_output=True, text=True,
                   env=dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="", LANGUAGE=""))
ok(p.returncode == 2 and "It is a folder, not a file" in p.stderr,
   "--lang=en keeps a folder's message in English under LANG=zh_CN.UTF-8: " + p.stderr.strip())

# standard input is named "-" in the text, as in the JSON
with open(samples[0], "rb") as f:
    p = subprocess.run([cli, "-"], stdin=f, capture_output=True)
ok(p.returncode in (0, 1) and p.stdout.decode().startswith("-: "),
   "standard input is named - in the text output: " + p.stdout.decode().split("\n")[0])

# binary data named as a document is "not a PDF", not "not a text report"; unnamed, as before
import tempfile
with tempfile.TemporaryDirectory() as tmp:
    junk = bytes(range(256)) * 12  # control characters and NULs: binary to any reading
    for name, expect in (("damaged.pdf", "named as a PDF document"), ("damaged.DOCX", "named as a DOCX document"),
                         ("damaged.bin", "binary data, not a text report")):
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(junk)
        p = subprocess.run([cli, "--lang", "en", os.path.join(tmp, name)], capture_output=True, text=True)
        ok(p.returncode == 2 and expect in p.stderr, f"{name}: {p.stderr.strip()}")

print(f"1..{len(results)}")
for i, (good, name) in enumerate(results, 1):
    print(f"{'ok' if good else 'not ok'} {i} - {name}")
sys.exit(0 if all(g for g, _ in results) else 1)
