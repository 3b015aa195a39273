#!/usr/bin/env python3
"""Review sets from the command line (nianbao-check --summary): a set built at test time from
the samples and variants of them. The year-over-year rules fire on a broken carry-over and
nowhere else; copied text fires on two samples with each other's passages planted in them, and
on a report copied from the same office's previous year, nowhere else; meta.agency across the
set; the summary (CSV, JSON, XLSX) agrees with each report's own --json. TAP output."""
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

cli, samples_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
results = []


def ok(cond, name):
    results.append((bool(cond), name))


def run(*args, cwd=None):
    return subprocess.run([cli, *args], capture_output=True, timeout=120, cwd=cwd)


def read(name):
    with open(os.path.join(samples_dir, name), encoding="utf-8") as f:
        return f.read()


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def sentence(text, start):
    """The sentence of text that begins with start, up to its full stop."""
    m = re.search(re.escape(start) + r"[^。]*。", text)
    assert m, start
    return m.group(0)


def plant(text, passage):
    """passage as a paragraph of section 五"""
    return re.sub(r"(五、存在的主要问题及改进情况\n)", lambda m: m.group(1) + "\n" + passage + "\n", text, count=1)


def previous_year(text, carried_over, in_force):
    """last year's report of the same office: the year one less, its 结转下年度 row and its
    行政规范性文件 现行有效 replaced"""
    text = text.replace("2022", "2021")
    text = re.sub(r"^(四、结转下年度继续办理)[\t 0-9]*$", lambda m: m.group(1) + "\t\t" + "\t".join(map(str, carried_over)),
                  text, count=1, flags=re.M)
    return re.sub(r"^(行政规范性文件)\t(\d+)\t(\d+)\t(\d+)", lambda m: f"{m.group(1)}\t{m.group(2)}\t{m.group(3)}\t{in_force}",
                  text, count=1, flags=re.M)


def summary(*paths, cwd=None):
    p = run("--summary", "--json", *paths, cwd=cwd)
    return p.returncode, {os.path.basename(o["file"]): o for o in json.loads(p.stdout)}


def set_rules(obj):
    return collections.Counter(f["rule"] for f in obj["set_findings"])


ruzhou, zhicheng, mianchi = read("ruzhou-2021.txt"), read("zhicheng-2021.txt"), read("mianchi-2022.txt")
from_zhicheng = sentence(zhicheng, "我镇按照上级")
from_ruzhou = sentence(ruzhou, "其中通过政府网站")

with tempfile.TemporaryDirectory() as tmp:
    broken = os.path.join(tmp, "broken")
    good = os.path.join(tmp, "good")
    os.mkdir(broken)
    os.mkdir(good)
    for name in ("office-2021.txt", "ruijin-2021.txt", "mianchi-2022.txt"):
        write(broken, name, read(name))
        write(good, name, read(name))
    # broken: each other's passages planted; last year's 结转下年度 is not this year's 上年结转
    write(broken, "ruzhou-2021.txt", plant(ruzhou, from_zhicheng))
    write(broken, "zhicheng-2021.txt", plant(zhicheng, from_ruzhou))
    write(broken, "mianchi-2021.txt", previous_year(mianchi, [2, 0, 0, 0, 0, 0, 2], 8))
    # good: the samples as they are, and last year's report agreeing with this year's
    write(good, "ruzhou-2021.txt", ruzhou)
    write(good, "zhicheng-2021.txt", zhicheng)
    write(good, "mianchi-2021.txt", previous_year(mianchi, [0] * 7, 4))
    # a town's report calling itself 本中心, and naming another office of the set as itself
    wrong = zhicheng.replace("我镇按照上级", "本中心按照上级", 1).replace("2021 年，轵城镇坚持", "2021 年，瑞金市人民政府办公室坚持", 1)
    write(good, "zhicheng-wrong-2021.txt", wrong)

    status, b = summary(broken)
    ok(status == 1 and len(b) == 6, f"a folder is read whole: {len(b)} reports, exit 1 for the errors")
    ok(set_rules(b["mianchi-2022.txt"])["series.carry_over"] == 2 and
       sorted(c for f in b["mianchi-2022.txt"]["set_findings"] if f["rule"] == "series.carry_over" for c in f["cells"])
       == ["requests.carried_in.natural_person", "requests.carried_in.total"],
       "series.carry_over: this year's 上年结转 against last year's 结转下年度, in the two columns that differ")
    ok(set_rules(b["mianchi-2022.txt"])["series.in_force"] == 1, "series.in_force: 8 + 4 − 0 is not 8")
    ok(all(set_rules(o)["series.carry_over"] == 0 and set_rules(o)["series.in_force"] == 0
           for name, o in b.items() if name != "mianchi-2022.txt"),
       "the year-over-year rules fire on no other report (last year's own report has no year before)")
    copied = {name for name, o in b.items() if set_rules(o)["series.copied_text"]}
    ok(copied == {"ruzhou-2021.txt", "zhicheng-2021.txt", "mianchi-2022.txt"},
       f"copied text in the two planted reports and in the copy of last year's, nowhere else: {sorted(copied)}")
    rz = [f for f in b["ruzhou-2021.txt"]["set_findings"] if f["rule"] == "series.copied_text"]
    ok(len(rz) == 1 and "zhicheng-2021.txt" in rz[0]["message"]["zh_CN"] and len(rz[0]["spans"]) == 2,
       "ruzhou: one finding naming zhicheng, with both passages (its own copied out, and the one copied in)")
    text = plant(ruzhou, from_zhicheng)
    spans = sorted(rz[0]["spans"]) if rz else []
    ok(spans and any(from_zhicheng[6:20] in text[s:e] for s, e in spans)
       and any(from_ruzhou[6:20] in text[s:e] for s, e in spans), "ruzhou: the spans are the two passages")
    mc = [f for f in b["mianchi-2022.txt"]["set_findings"] if f["rule"] == "series.copied_text"]
    ok(len(mc) == 1 and "mianchi-2021.txt" in mc[0]["message"]["zh_CN"],
       "the same office's earlier report: flagged in the later one only")

    status, g = summary(good)
    ok(all(set_rules(o)["series.carry_over"] == 0 and set_rules(o)["series.in_force"] == 0 for o in g.values()),
       "year-over-year rules silent when last year's report agrees")
    copied = {name for name, o in g.items() if set_rules(o)["series.copied_text"]}
    ok(copied == {"mianchi-2022.txt"}, f"the samples as they are copy from no one: {sorted(copied)}")
    agency = [f["message"]["zh_CN"] for f in g["zhicheng-wrong-2021.txt"]["set_findings"] if f["rule"] == "meta.agency"]
    ok(len(agency) == 2 and any("本中心" in m for m in agency) and any("瑞金市人民政府办公室" in m for m in agency),
       f"meta.agency: 本中心 in a town's report, and another office's name as its own: {agency}")
    ok(all(set_rules(o)["meta.agency"] == 0 for n, o in g.items() if n != "zhicheng-wrong-2021.txt"),
       "meta.agency across the set fires nowhere else")

    # the summary agrees with each report's own JSON, plus the set's findings
    agree = True
    for folder, objs in ((broken, b), (good, g)):
        for name, o in objs.items():
            doc = json.loads(run("--json", os.path.join(folder, name)).stdout)
            rules = collections.Counter(f["rule"] for f in doc["findings"]) + set_rules(o)
            sev = collections.Counter(f["severity"] for f in doc["findings"] + o["set_findings"])
            rows = doc["requests"]["rows"]
            figures = {"new": rows["new"][6], "public": rows["public"][6], "carried_over": rows["carried_over"][6],
                       "review": doc["appeals"]["review"]["total"],
                       "litigation": doc["appeals"]["litigation_direct"]["total"]
                       + doc["appeals"]["litigation_after_review"]["total"],
                       "normative_issued": doc["active"]["normative_documents"]["issued"],
                       "normative_in_force": doc["active"]["normative_documents"]["in_force"]}
            same = (o["agency"] == doc["agency"] and o["year"] == doc["year"] and o["rules"] == dict(rules)
                    and o["errors"] == sev["error"] and o["warnings"] == sev["warning"] and o["infos"] == sev["info"]
                    and all(o["figures"][k] == v for k, v in figures.items()) and o["status"] == "new")
            if not same:
                print(f"# {name}: summary {o} differs from its JSON", file=sys.stderr)
            agree = agree and same
    ok(agree, "every summary line holds its report's agency, year, figures and findings (and the set's)")

    # CSV: BOM, CRLF, Chinese headers, the same counts; formula-safe text
    write(good, "=cmd.txt", ruzhou)
    p = run("--summary", *sorted(os.listdir(good)), cwd=good)
    out = p.stdout
    ok(out.startswith(b"\xef\xbb\xbf") and b"\r\n" in out and b"\n" not in out.replace(b"\r\n", b""),
       "CSV: UTF-8 with a BOM, CRLF line ends")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    head = rows[0]
    ok(head[:3] == ["文件", "机关", "年度"] and "本年新收" in head and "行政复议" in head and len(rows) == 1 + 8,
       "CSV: Chinese headers, one line per report")
    by_file = {os.path.basename(r[0].lstrip("'")): dict(zip(head, r)) for r in rows[1:]}
    ok(any(r[0] == "'=cmd.txt" for r in rows[1:]), "CSV: text a spreadsheet would run as a formula is quoted")
    # =cmd.txt is ruzhou's report sent again: the later file (in name order) says so, once
    status, g = summary(*sorted(os.listdir(good)), cwd=good)
    dup = [f["message"]["en"] for n, o in g.items() for f in o["set_findings"] if f["rule"] == "series.copied_text"
           and "sent twice" in f["message"]["en"]]
    ok(dup == ["the same report as =cmd.txt: the office's report for this year was sent twice"],
       f"a file sent twice: one finding, in the later file, naming the other: {dup}")
    ok(all(int(by_file[n]["错误"]) == o["errors"] and int(by_file[n]["警告"]) == o["warnings"]
           and by_file[n]["本年新收"] == str(o["figures"]["new"]) for n, o in g.items()),
       "CSV: the same counts and figures as the JSON")

    # XLSX
    xlsx = os.path.join(tmp, "summary.xlsx")
    p = run("--summary", "--xlsx", xlsx, good)
    try:
        with zipfile.ZipFile(xlsx) as z:
            strings = z.read("xl/sharedStrings.xml").decode()
        ok(p.returncode == 1 and "汝州市人民政府办公室" in strings and "本年新收" in strings,
           "XLSX: a workbook with the summary")
    except (OSError, KeyError, zipfile.BadZipFile) as e:
        ok(False, f"XLSX: a workbook with the summary ({e})")

    p = run("--summary", "--json", "--csv", good)
    ok(p.returncode == 2, "--summary with --csv is refused")

print(f"1..{len(results)}")
for i, (good_, name) in enumerate(results, 1):
    print(f"{'ok' if good_ else 'not ok'} {i} - {name}")
sys.exit(0 if all(g_ for g_, _ in results) else 1)
