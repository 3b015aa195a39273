#!/bin/bash
# Reading a PDF report: nianbao-check against pdftotext -layout on the same file.
#
#   bench/pdf.sh [BUILD_DIR] [RUNS] [PDF]
#
# Runs `nianbao-check --json PDF` (read, rebuild the table rows, parse, check, JSON) and
# `pdftotext -layout PDF -` (poppler's own layout text, the yardstick) in turn, RUNS times
# each (default 41) after two warm-up runs, output to /dev/null. Prints each command's median
# wall and CPU time and the ratio nianbao-check / pdftotext: the ratio of the medians and the
# median of the ratios of each pair (the machine's speed drifts less within a pair). The goal
# is a ratio of at most 1.5. PDF defaults to ../shared/samples/huaian_2024.pdf. The reader
# helper that nianbao-check starts for the PDF (nianbao-reader-pdf) is also run on its own,
# reading the PDF from standard input: the rest of nianbao-check's time is its own start-up,
# starting the helper, parsing and checking.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-41}
pdf=${3:-../shared/samples/huaian_2024.pdf}
cli="$build/src/cli/nianbao-check"
[ -x "$cli" ] || { echo "build first: meson setup $build && ninja -C $build" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext is missing (Debian: poppler-utils)" >&2; exit 1; }
[ -f "$pdf" ] || { echo "no such PDF: $pdf" >&2; exit 1; }
"$cli" --json "$pdf" >/dev/null || [ $? = 1 ] || { echo "nianbao-check cannot read $pdf" >&2; exit 1; }

helper="$build/src/core/readers/nianbao-reader-pdf"
python3 - "$runs" "$cli" "$pdf" "$helper" <<'PY'
import ctypes, os, statistics, sys, time

runs, cli, pdf, helper = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
commands = {
    "nianbao-check --json": [cli, "--json", pdf],
    "pdftotext -layout": ["pdftotext", "-layout", pdf, "-"],
}
if os.access(helper, os.X_OK):
    commands["nianbao-reader-pdf (alone)"] = [helper, "pdf", "1024", "20"]
devnull = os.open(os.devnull, os.O_WRONLY)
# nianbao-check leaves its helper's teardown to a thread of its own and may end first: as a
# subreaper this script inherits such a helper, and counts its processor time too
PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def run(argv):
    """Wall seconds and CPU (user + system) seconds of one run, start-up included."""
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
    if argv[0] == helper:
        actions.append((os.POSIX_SPAWN_OPEN, 0, pdf, os.O_RDONLY, 0))
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0  # until the command is done, as its user sees it
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed")
    cpu = usage.ru_utime + usage.ru_stime
    while True:  # the orphaned helpers, if any
        try:
            _, _, usage = os.wait4(-1, 0)
        except ChildProcessError:
            break
        cpu += usage.ru_utime + usage.ru_stime
    return wall, cpu


for _ in range(2):
    for argv in commands.values():
        run(argv)
wall = {name: [] for name in commands}
cpu = {name: [] for name in commands}
for _ in range(runs):
    for name, argv in commands.items():  # alternating: A B A B ...
        w, c = run(argv)
        wall[name].append(w)
        cpu[name].append(c)

a, b = list(commands)[:2]
print(f"{os.path.basename(pdf)}, {runs} runs each, alternating, {os.cpu_count()} processors")
for name in commands:
    print(f"{name:28} wall median {statistics.median(wall[name]) * 1000:7.1f} ms "
          f"(min {min(wall[name]) * 1000:6.1f}, max {max(wall[name]) * 1000:6.1f})  "
          f"cpu median {statistics.median(cpu[name]) * 1000:7.1f} ms")
print("(cpu: the command's and its helpers' processor time, user + system)")
ratio = statistics.median(wall[a]) / statistics.median(wall[b])
pairs = statistics.median(x / y for x, y in zip(wall[a], wall[b]))
print(f"ratio nianbao-check / pdftotext -layout: {ratio:.2f} (median of pairs {pairs:.2f}; goal <= 1.5)")
PY
