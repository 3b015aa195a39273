#!/usr/bin/env python3
"""nianbao-check stopped while a reader helper reads leaves no helper running (issue 13).

A slow PDF (hostile/make_hostile.py: 500 pages of 8,000 lines, tens of seconds for poppler)
is checked, and nianbao-check is stopped by SIGTERM, SIGINT sent to it alone (not to its
process group, as Ctrl+C in a terminal would), or SIGKILL, while its helpers read: every
helper must be gone within a few seconds, not at its 20-second time limit. TAP output.

  test-cli-cancel.py NIANBAO_CHECK"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile"))
import make_hostile as make  # noqa: E402

cli = sys.argv[1]
results = []
BOUND = 5  # seconds: a hang check, far below the helper's 20-second limit


def ok(cond, name):
    results.append((bool(cond), name))


def stat(pid):
    """(state, parent) of a process, or None when it does not exist"""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def helpers_of(parent):
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        st = stat(name)
        if st and st[1] == parent and comm.startswith("nianbao-reader"):
            found.append(int(name))
    return found


def running(pid):
    """A zombie (dead, its new parent not reaping it yet) is not running"""
    st = stat(pid)
    return st is not None and st[0] != "Z"


tmp = tempfile.mkdtemp(prefix="nb-cli-cancel-")
pdfs = [make.pdf_many_lines(os.path.join(tmp, f"slow-{i}.pdf")) for i in (1, 2)]

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGKILL):
    p = subprocess.Popen([cli, "-j", "2", *pdfs], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + BOUND
    helpers = []
    while len(helpers) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
        helpers = helpers_of(p.pid)
    time.sleep(0.2)
    p.send_signal(sig)
    p.wait(timeout=BOUND)
    deadline = time.monotonic() + BOUND
    while any(running(h) for h in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [h for h in helpers if running(h)]
    ok(len(helpers) == 2 and not left,
       f"{signal.Signals(sig).name} to nianbao-check -j 2 reading two slow PDFs: "
       f"its helpers {helpers} are gone (left running: {left})")
    for h in left:
        os.kill(h, signal.SIGKILL)

shutil.rmtree(tmp)
print(f"1..{len(results)}")
for i, (good, name) in enumerate(results, 1):
    print(f"{'ok' if good else 'not ok'} {i} - {name}")
sys.exit(0 if all(good for good, _ in results) else 1)
