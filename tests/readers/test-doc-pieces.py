#!/usr/bin/env python3
"""Word 97-2003 documents as Word saves them (tests/docpieces.py), made from each sample's
text: 8-bit and UTF-16 pieces mixed, fast-saved pieces out of order with stale text, fields
in cells and prose, footnote and header stories after the main text, hidden text. Each is read through
`nianbao-check --json` and compared cell by cell with the sample text's reading (no wrong
value, none missing), and its text (nb-dump-text) with that of the one-piece document.
TAP output.

usage: test-doc-pieces.py NIANBAO_CHECK NB_DUMP_TEXT SAMPLES_DIR TESTS_DIR [--keep DIR]"""
import os
import subprocess
import sys
import tempfile

cli, dump, samples_dir, tests_dir = sys.argv[1:5]
keep = sys.argv[6] if len(sys.argv) > 6 and sys.argv[5] == "--keep" else None
sys.path.insert(0, tests_dir)
from docpieces import CP1252_LINE, LATIN_LINE, latin, write_doc_pieces  # noqa: E402
from reportcells import flatten, run_cli  # noqa: E402

KINDS = ["utf16", "mixed", "fast", "fields", "hidden", "gbk", "latin"]
results = []


def ok(cond, name):
    results.append((bool(cond), name))


def text_of(path):
    p = subprocess.run([dump, path], capture_output=True, timeout=60)
    return p.stdout.decode("utf-8", "replace") if p.returncode == 0 else None


def compare(want, got):
    """(wrong, missing, notes)"""
    wrong, missing, notes = 0, 0, []
    for cell in sorted(set(want) | set(got)):
        w, g = want.get(cell), got.get(cell)
        if g is not None and g != w:
            wrong += 1
            notes.append(f"{cell}: {g} where it is {w}")
        elif w is not None and g is None:
            missing += 1
    return wrong, missing, notes


samples = sorted(os.path.join(samples_dir, f) for f in os.listdir(samples_dir) if f.endswith(".txt"))
with tempfile.TemporaryDirectory() as tmp:
    work = keep or tmp
    os.makedirs(work, exist_ok=True)
    jobs = []
    for seed, path in enumerate(samples):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        base = os.path.basename(path)[:-4]
        for kind in KINDS:
            target = os.path.join(work, f"{kind}-{base}.doc")
            write_doc_pieces(target, text, kind, seed)
            jobs.append((path, kind, target))
    refs = dict(zip(samples, run_cli(cli, samples)))
    docs = run_cli(cli, [t for _, _, t in jobs])
    plain = {}
    print("# kind sample: wrong, missing cells (of the text's)")
    for (path, kind, target), doc in zip(jobs, docs):
        name = f"{kind} {os.path.basename(path)}"
        ref = refs[path]
        want = flatten(ref)
        got = flatten(doc) if doc else {}
        wrong, missing, notes = compare(want, got)
        n = sum(v is not None for v in want.values())
        print(f"# {name}: wrong {wrong}, missing {missing} (of {n})")
        for x in notes[:6]:
            print(f"#   {x}")
        ok(doc is not None and doc.get("encoding") == "DOC", f"{name}: read as a DOC")
        ok(wrong == 0, f"{name}: no wrong value ({wrong})")
        ok(missing == 0, f"{name}: no value missing ({missing})")
        ok(doc is not None and all(doc.get(k) == ref.get(k) for k in ("agency", "year", "template")),
           f"{name}: the agency, year and template of the text")
        text = text_of(target)
        if kind == "utf16":
            plain[path] = text
        if kind == "latin":
            ok(text is not None and text == latin(plain[path].replace(CP1252_LINE, LATIN_LINE)),
               f"{name}: cp1252 read as cp1252, not GBK, where Chinese is in UTF-16 pieces")
            continue
        ok(text is not None and CP1252_LINE + "\n" in text, f"{name}: the cp1252 characters read")
        if kind != "utf16":
            ok(text is not None and text == plain[path], f"{name}: the same text as from one UTF-16 piece")

print(f"1..{len(results)}")
for i, (passed, name) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {i} - {name}")
sys.exit(0 if all(p for p, _ in results) else 1)
