#!/bin/bash
# Throughput of parse+check against merely reading the same bytes.
#
#   bench/parse.sh [BUILD_DIR] [N_REPORTS]
#
# Makes a corpus of N_REPORTS (default 10000) by repeating the samples in
# data/samples, then times, each three times (the median is printed):
#   read   cat of every file to /dev/null (the raw read speed)
#   check  nianbao-check --json of every file to /dev/null (all processors)
#   check1 the same with one worker thread (-j 1)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-10000}
cli="$build/src/cli/nianbao-check"
[ -x "$cli" ] || { echo "build first: meson setup $build && ninja -C $build" >&2; exit 1; }

. bench/corpus.sh

. bench/median3.sh

cat "$corpus"/*.txt >/dev/null  # warm the page cache
t_read=$(median sh -c "cat '$corpus'/*.txt")
t_check=$(median sh -c "'$cli' --json '$corpus'/*.txt; true")
t_check1=$(median sh -c "'$cli' -j 1 --json '$corpus'/*.txt; true")

python3 - "$n" "$mb" "$t_read" "$t_check" "$t_check1" "$(nproc)" <<'PY'
import sys
n, mb, tr, tc, tc1, cpus = int(sys.argv[1]), float(sys.argv[2]), *map(float, sys.argv[3:6]), sys.argv[6]
print(f"corpus: {n} reports, {mb:.1f} MB, {cpus} processors")
print(f"read          {tr:8.3f} s  {mb / tr:9.1f} MB/s")
print(f"parse+check   {tc:8.3f} s  {mb / tc:9.1f} MB/s  {n / tc:8.0f} reports/s  (all processors)")
print(f"parse+check   {tc1:8.3f} s  {mb / tc1:9.1f} MB/s  {n / tc1:8.0f} reports/s  (one thread)")
print(f"ratio parse+check / read speed: {tr / tc:.3f} (goal >= 0.1)")
print(f"{n} reports through nianbao-check: {tc:.2f} s (goal < 2 s for 10000)")
PY
