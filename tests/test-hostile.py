#!/usr/bin/env python3
"""Hostile files and streams (issue 13), made at test time by hostile/make_hostile.py: each
is checked under a memory limit (RLIMIT_AS, left out under ASan) and a time limit, and
must end in a clear message or a correct reading. A batch with a crashing and a hanging
file among good ones must lose nothing else. TAP output.

  test-hostile.py NIANBAO_CHECK READER_DIR SAMPLES_DIR"""
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile"))
import make_hostile as make  # noqa: E402

cli, reader_dir, samples_dir = sys.argv[1], sys.argv[2], sys.argv[3]
readers = os.environ.get("NB_READERS", "").split()
sanitized = os.environ.get("NB_SANITIZED") == "1"
samples = sorted(os.path.join(samples_dir, f) for f in os.listdir(samples_dir) if f.endswith(".txt"))
results = []
MEMORY = 1536 * 1024 * 1024   # nianbao-check and its reader helper, each
TIME = 90                     # seconds, far above what any case takes


def ok(cond, name):
    results.append((bool(cond), name))


def skip(name, why):
    results.append((None, f"{name} # SKIP {why}"))


def limits():
    if not sanitized:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(*args, env=None, stdin=None, data=None, timeout=TIME):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([cli, *args], capture_output=True, timeout=timeout, env=e, input=data,
                          stdin=stdin, preexec_fn=limits)


def clear_error(p, path, *words):
    """Exit 2 and one line on stderr naming the file, holding the words"""
    err = p.stderr.decode("utf-8", "replace").strip()
    return (p.returncode == 2 and len(err.splitlines()) == 1 and os.path.basename(path) in err and
            all(w in err for w in words)), err


def report_of(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


tmp = tempfile.mkdtemp(prefix="nb-hostile-")

# 1. DOCX: one entity used 20,000 times, refused for its DOCTYPE; a 60 MB document.xml
if "word" in readers:
    path = make.docx_entities(os.path.join(tmp, "entities.docx"))
    good, err = clear_error(run(path), path, "document type")
    ok(good and os.path.getsize(path) < 16384, f"DOCX with an entity in 20,000 runs: refused ({err})")
    path = make.docx_large(os.path.join(tmp, "large.docx"), report_of(samples[0]), mb=60)
    p = run("--json", path, samples[0])
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    ok(p.returncode in (0, 1) and len(docs) == 2 and docs[0]["encoding"] == "DOCX" and
       docs[0]["agency"] == docs[1]["agency"] and docs[0]["year"] == docs[1]["year"],
       f"DOCX of {os.path.getsize(path) // 1024} KB holding a 60 MB document.xml: read within "
       f"{MEMORY >> 20} MB, as its text is")
else:
    skip("DOCX", "no Word reader in this build")

# 2. .doc whose OLE2 directory is a 60,000-entry sibling chain
if "word" in readers:
    path = make.ole2_sibling_chain(os.path.join(tmp, "sibling-chain.doc"))
    good, err = clear_error(run(path), path, "directory")
    ok(good, f".doc with a 60,000-entry sibling chain: refused, no stack overflow ({err})")
else:
    skip(".doc sibling chain", "no Word reader in this build")

# 4. PDF: 500 pages of 8,000 one-digit lines; a deflate bomb shared by 50 pages
if "pdf" in readers:
    path = make.pdf_many_lines(os.path.join(tmp, "many-lines.pdf"))
    t0 = time.monotonic()
    p = run(path, env={"NIANBAO_READ_TIMEOUT": "5"})
    good, err = clear_error(p, path)
    ok(good and ("5 seconds" in err or "No annual report" in err) and time.monotonic() - t0 < 30,
       f"PDF of 500 pages of 8,000 lines: stopped at the time limit or read ({err})")
    path = make.pdf_deflate_bomb(os.path.join(tmp, "deflate-bomb.pdf"))
    good, err = clear_error(run(path, env={"NIANBAO_READ_TIMEOUT": "3"}), path, "3 seconds")
    ok(good, f"PDF deflate bomb shared by 50 pages: stopped after 3 s, saying so ({err})")
else:
    skip("PDF limits", "no PDF reader in this build")

# 5. Streams: a report read from a pipe, slowly and beyond 64 KB, as from the file
big = os.path.join(tmp, "big.txt")
with open(samples[0], encoding="utf-8") as f:
    text = f.read()
with open(big, "w", encoding="utf-8") as f:
    f.write(text + "\n" + "（本报告附注。）\n" * 16000)
ok(os.path.getsize(big) > 4 * 65536, "the padded report is larger than a pipe's buffer")
direct = run("--json", big)
for how in ("-", "/dev/stdin"):
    with open(big, "rb") as f:
        piped = run("--json", how, stdin=f)
    a, b = json.loads(direct.stdout), json.loads(piped.stdout or b"{}")
    b["file"] = a["file"]
    ok(piped.returncode == direct.returncode and a == b, f"a report of {os.path.getsize(big)} bytes "
       f"through a pipe to '{how}' reads as the file does")
slow = subprocess.Popen([cli, "--json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, preexec_fn=limits)
raw = open(big, "rb").read()
for i in range(0, len(raw), 50000):
    slow.stdin.write(raw[i:i + 50000])
    slow.stdin.flush()
    time.sleep(0.05)
slow.stdin.close()
slow.stdin = None
out, err = slow.communicate(timeout=TIME)
b = json.loads(out or b"{}")
b["file"] = a["file"]
ok(slow.returncode == direct.returncode and a == b, "a report piped slowly, in pieces, reads whole")
if "pdf" in readers:
    pdf = os.path.join(os.environ.get("NB_SHARED_DIR", ""), "samples", "huaian_2024.pdf")
    if not os.path.exists(pdf):
        pdf = make.pdf(os.path.join(tmp, "lines.pdf"), [make.pdf_text_lines(report_of(samples[0])[:40])])
    with open(pdf, "rb") as f:
        piped = run("--json", "/dev/stdin", stdin=f)
    direct = run("--json", pdf)
    ok(piped.stdout.replace(b"/dev/stdin", b"") == direct.stdout.replace(pdf.encode(), b"") and
       piped.stderr.replace(b"/dev/stdin", b"") == direct.stderr.replace(pdf.encode(), b""),
       "cat report.pdf | nianbao-check /dev/stdin reads the PDF")

# 6. A 64 MB web page of <tr>
if "html" in readers:
    path = make.html_many_rows(os.path.join(tmp, "rows.html"), mb=63)
    good, err = clear_error(run(path), path, "too many elements")
    ok(good, f"a 63 MB page of <tr>: refused within {MEMORY >> 20} MB ({err})")
    os.unlink(path)
else:
    skip("HTML rows", "no HTML reader in this build")

# 7. Turned PDF pages read as upright ones (the reader helper on its own)
helper = os.path.join(reader_dir, "nianbao-reader-pdf")
if "pdf" in readers and os.path.exists(helper):
    lines = ["Report of the year 2023", "Requests\t12\t3\t4", "Answered 19 of them"]

    def read_pdf(page):
        path = make.pdf(os.path.join(tmp, "turned.pdf"), [page])
        with open(path, "rb") as f:
            return subprocess.run([helper, "pdf", "1024", "20"], stdin=f, capture_output=True,
                                  timeout=TIME).stdout.decode()

    upright = read_pdf(make.pdf_text_lines(lines))
    ok("Requests" in upright and "Answered 19" in upright, "an upright page reads")
    for rotate, sideways, what in ((90, False, "/Rotate 90"), (180, False, "/Rotate 180"),
                                   (270, False, "/Rotate 270"), (0, True, "text set sideways")):
        ok(read_pdf(make.pdf_text_lines(lines, rotate, sideways)) == upright, f"a page with {what} reads as upright")
else:
    skip("turned PDF", "no PDF reader helper")

# 8. File names: not UTF-8, with escape sequences
name = os.path.join(tmp.encode(), b"r\xb1\xa8\x1b[31m.txt")
with open(name, "wb") as f:
    f.write(open(samples[0], "rb").read())
p = subprocess.run([cli.encode(), b"--json", name], capture_output=True, timeout=TIME)
try:
    doc = json.loads(p.stdout.decode("utf-8"))
    good = doc["file"].endswith("[31m.txt")
except (ValueError, UnicodeDecodeError):
    good = False
ok(good, "a GBK file name with an escape sequence: the JSON line is valid UTF-8 JSON")
p = subprocess.run([cli.encode(), name, b"/nonexistent/\x1b[2J.txt"], capture_output=True, timeout=TIME)
ok(b"\x1b" not in p.stdout and b"\x1b" not in p.stderr and b"\\x1B[31m" in p.stdout,
   "text mode shows a name's control characters as \\x1B, never raw")
os.unlink(name)

# 9. A stray byte, and a cut-off last character, in UTF-8 without BOM
raw = open(samples[0], "rb").read()
cut = raw.index(b"\n", len(raw) // 2)
for what, data, spans in (("a stray byte", raw[:cut] + b"\xff" + raw[cut:], 1),
                          ("a cut-off last character", raw + "政".encode()[:2], 1)):
    path = os.path.join(tmp, "stray.txt")
    with open(path, "wb") as f:
        f.write(data)
    p = run("--json", path)
    doc = json.loads(p.stdout or b"{}")
    found = [f for f in doc.get("findings", []) if f["rule"] == "text.encoding"]
    text = data.decode("utf-8", "replace")
    ok(p.returncode in (0, 1) and doc.get("encoding") == "UTF-8" and len(found) == 1 and
       found[0]["severity"] == "warning" and len(found[0]["spans"]) == spans,
       f"UTF-8 with {what}: read, text.encoding with its span ({found and found[0]['spans']})")

# 3 and isolation. A batch: good, crashing, hanging, good; every good report whole
if readers:
    crash = os.path.join(tmp, "crash.html")
    hang = os.path.join(tmp, "hang.html")
    with open(crash, "w") as f:
        f.write("<html><body><table><tr><td>NB-CRASH-HERE</td></tr></table></body></html>")
    with open(hang, "w") as f:
        f.write("<html><body><table><tr><td>NB-HANG-HERE</td></tr></table></body></html>")
    env = {"NIANBAO_READER_NAME": "nianbao-reader-test", "NIANBAO_READER_TEST_CRASH": "NB-CRASH-HERE",
           "NIANBAO_READER_TEST_HANG": "NB-HANG-HERE", "NIANBAO_READ_TIMEOUT": "2"}
    if "html" in readers:
        for jobs in ("1", "4"):
            p = run("--json", "-j", jobs, samples[0], crash, samples[1], hang, samples[2], env=env)
            lines = p.stdout.decode().splitlines()
            docs = [json.loads(line) for line in lines]
            err = p.stderr.decode()
            ok(p.returncode == 2 and [d["file"] for d in docs] == [samples[0], samples[1], samples[2]],
               f"-j {jobs}: a crashing and a hanging file between good ones: the three good reports whole")
            ok("crash.html: The HTML file could not be read: its reader crashed" in err and
               "hang.html: The HTML file could not be read: reading it took longer than 2 seconds" in err,
               f"-j {jobs}: the crash and the hang are named ({err.strip()})")
        # a page the reader finds no text in: a clean refusal (the fuzzer's "<meta")
        path = os.path.join(tmp, "meta.html")
        with open(path, "w") as f:
            f.write("<meta")
        good, err = clear_error(run(path), path, "No annual report")
        ok(good, f"a page of nothing but '<meta': refused cleanly ({err})")
    else:
        skip("batch", "no HTML reader in this build")

# A report printed before a file that stalls the process itself is out whole: a FIFO no
# one writes blocks the reading; the process is then killed
fifo = os.path.join(tmp, "stalls.txt")
os.mkfifo(fifo)
p = subprocess.Popen([cli, "--json", "-j", "1", samples[0], fifo], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, preexec_fn=limits)
time.sleep(3)
p.send_signal(signal.SIGKILL)
out, _ = p.communicate(timeout=TIME)
lines = out.decode().splitlines()
try:
    good = len(lines) == 1 and json.loads(lines[0])["file"] == samples[0]
except ValueError:
    good = False
ok(good, "a report done before the process is killed is out whole (flushed)")

for root, dirs, files in os.walk(tmp, topdown=False):
    for f in files:
        os.unlink(os.path.join(root, f))
    os.rmdir(root)

print(f"1..{len(results)}")
for i, (good, name) in enumerate(results, 1):
    name = name.replace("\n", " | ")
    print(f"{'ok' if good or good is None else 'not ok'} {i} {name}")
sys.exit(0)
