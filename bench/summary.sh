#!/bin/bash
# A review set's summary: nianbao-check --summary over a folder of reports, with the
# rules across the set (year over year, copied text, agency names).
#
#   bench/summary.sh [BUILD_DIR] [N_REPORTS]
#
# Makes a folder of N_REPORTS (default 10000) by repeating the samples in data/samples,
# as bench/parse.sh does, then times (the median of three runs), and gives the processor
# time of one run of each (which other jobs on the machine change less):
#   check    nianbao-check --json of every file (parse + check only, all processors)
#   summary  nianbao-check --summary of the folder (all processors)
#   summary1 the same with one worker thread (-j 1)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-10000}
cli="$build/src/cli/nianbao-check"
[ -x "$cli" ] || { echo "build first: meson setup $build && ninja -C $build" >&2; exit 1; }

. bench/corpus.sh

. bench/median3.sh  # median: the median wall time of three runs

cat "$corpus"/*.txt >/dev/null  # warm the page cache
t_check=$(median sh -c "'$cli' --json '$corpus'/*.txt; true")
t_summary=$(median sh -c "'$cli' --summary '$corpus'; true")
t_summary1=$(median sh -c "'$cli' -j 1 --summary '$corpus'; true")
lines=$("$cli" --summary "$corpus" | wc -l || true)
cpu () {  # processor time (user + system) of one run, in seconds: the figure a busy machine keeps
  /usr/bin/time -f "%U %S" -o "$corpus.time" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$corpus.time" | awk '{ print $1 + $2 }'
}
c_check=$(cpu sh -c "'$cli' --json '$corpus'/*.txt")
c_summary=$(cpu "$cli" --summary "$corpus")
rm -f "$corpus.time"
load=$(cut -d' ' -f1 /proc/loadavg)

python3 - "$n" "$mb" "$t_check" "$t_summary" "$t_summary1" "$(nproc)" "$lines" "$c_check" "$c_summary" "$load" <<'PY'
import sys
n, mb, tc, ts, ts1, cpus, lines = int(sys.argv[1]), float(sys.argv[2]), *map(float, sys.argv[3:6]), sys.argv[6], int(sys.argv[7])
cc, cs, load = float(sys.argv[8]), float(sys.argv[9]), sys.argv[10]
print(f"corpus: {n} reports, {mb:.1f} MB, {cpus} processors (load {load}); summary of {lines - 1} lines")
print(f"processor time: parse+check (--json) {cc:.2f} s, summary {cs:.2f} s")
print(f"parse+check (--json)   {tc:8.3f} s  {n / tc:8.0f} reports/s  (all processors)")
print(f"summary (--summary)    {ts:8.3f} s  {n / ts:8.0f} reports/s  (all processors)")
print(f"summary (--summary)    {ts1:8.3f} s  {n / ts1:8.0f} reports/s  (one thread)")
print(f"{n} reports through nianbao-check --summary: {ts:.2f} s (goal < 2 s for 10000)")
PY
