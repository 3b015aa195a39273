#!/usr/bin/env python3
"""nianbao-check on the Word 97–2003 fixtures of data/: the same report as from the sample's
text (values, template, agency, findings; not the text positions), and a clear one-line
error for a damaged .doc. TAP output."""
import json, os, subprocess, sys, tempfile

cli, fixtures_dir, samples_dir = sys.argv[1], sys.argv[2], sys.argv[3]
docs = sorted(f for f in os.listdir(fixtures_dir) if f.endswith(".doc"))
results = []


def ok(cond, name):
    results.append((bool(cond), name))


def check(path):
    p = subprocess.run([cli, "--json", path], capture_output=True, timeout=60)
    return p.returncode, json.loads(p.stdout) if p.stdout else None, p.stderr.decode()


def comparable(report):
    cells = {k: {f: v for f, v in c.items() if f != "span"} for k, c in report["cells"].items()}
    findings = sorted((f["rule"], f["severity"], tuple(f["cells"]), json.dumps(f["message"]))
                      for f in report["findings"])
    keep = {k: v for k, v in report.items() if k not in ("file", "encoding", "cells", "findings")}
    return keep, cells, findings


for name in docs:
    status, got, err = check(os.path.join(fixtures_dir, name))
    want_status, want, _ = check(os.path.join(samples_dir, name[:-4] + ".txt"))
    ok(got is not None and got["encoding"] == "DOC", f"{name}: read as a DOC ({err.strip()})")
    ok(status == want_status, f"{name}: exit status {status}, as for the text ({want_status})")
    if got is not None:
        for part, a, b in zip(("report", "cells", "findings"), comparable(got), comparable(want)):
            ok(a == b, f"{name}: the same {part} as from the text")

with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(fixtures_dir, docs[0]), "rb") as f:
        data = f.read()
    cut = os.path.join(tmp, "cut.doc")
    with open(cut, "wb") as f:
        f.write(data[: len(data) // 3])
    p = subprocess.run([cli, cut], capture_output=True, timeout=60)
    err = p.stderr.decode()
    ok(p.returncode == 2 and cut in err and len(err.strip().splitlines()) == 1 and not p.stdout,
       f"a truncated .doc: one line naming the file, exit 2 ({err.strip()})")

print(f"1..{len(results)}")
for i, (passed, name) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {i} {name}")
sys.exit(0 if all(p for p, _ in results) else 1)
