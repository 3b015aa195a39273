#!/bin/sh
# Start-up time of the application against a bare GTK 4 window, both opening a sample
# report and quitting after their first frame (NIANBAO_QUIT_AFTER_FIRST_FRAME=1).
# Prints median wall times, their ratio (goal: <= 1.3) and peak RSS of both.
#
# The bare window has a GTK header bar, as every GTK 4 window has on Wayland and under a
# compositing window manager; under Xvfb, with no window manager, GTK would draw it
# without one. That undecorated window is measured too, for reference only.
#
# Usage: bench/startup.sh [BUILD_DIR] [REPORT] [RUNS]
#   BUILD_DIR  a meson build directory with -Dgui=true (default: build-app, then build)
#   REPORT     default: data/samples/ruzhou-2021.txt
#   RUNS       default: 15
# Without $DISPLAY or $WAYLAND_DISPLAY it re-runs itself under xvfb-run.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-}
if [ -z "$build" ]; then
  for b in "$here/build-app" "$here/build"; do
    if [ -x "$b/src/app/nianbao" ]; then build=$b; break; fi
  done
fi
report=${2:-$here/data/samples/ruzhou-2021.txt}
runs=${3:-15}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$build" "$report" "$runs"
fi

app=$build/src/app/nianbao
bare=$build/bench/bare-window
for p in "$app" "$bare"; do
  if [ ! -x "$p" ]; then
    echo "missing $p: build with meson (bench/ must be a subdir of the project)" >&2
    exit 2
  fi
done

export GTK_A11Y=none GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export NIANBAO_QUIT_AFTER_FIRST_FRAME=1
# No session bus: GApplication would try to autolaunch one on every start.
export DBUS_SESSION_BUS_ADDRESS=disabled:

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_ms () { date +%s%N | cut -c1-13; }

measure () {  # name program... ; appends "ms rss_kb" lines to $tmp/name
  name=$1; shift
  start=$(now_ms)
  /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" || {
    echo "$name failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  end=$(now_ms)
  echo "$((end - start)) $(cat "$tmp/rss")" >> "$tmp/$name"
}

# warm caches (fonts, icon theme, page cache) once each
measure warm "$bare" "$report"
measure warm "$app" "$report"

i=0
while [ "$i" -lt "$runs" ]; do
  measure bare "$bare" "$report"
  measure app "$app" "$report"
  measure undecorated env NB_BARE_UNDECORATED=1 "$bare" "$report"
  i=$((i + 1))
done

median () {  # column file
  cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

bare_ms=$(median 1 "$tmp/bare"); app_ms=$(median 1 "$tmp/app")
bare_rss=$(median 2 "$tmp/bare"); app_rss=$(median 2 "$tmp/app")
undecorated_ms=$(median 1 "$tmp/undecorated")
ratio=$(awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", a / b }')
rss_ratio=$(awk -v a="$app_rss" -v b="$bare_rss" 'BEGIN { printf "%.2f", a / b }')

echo "report:        $(basename "$report")  ($runs runs each, medians)"
echo "bare window:   ${bare_ms} ms   peak RSS ${bare_rss} KiB"
echo "nianbao:       ${app_ms} ms   peak RSS ${app_rss} KiB"
echo "time ratio:    ${ratio}x   (goal <= 1.3x)"
echo "               $(awk -v a="$app_ms" -v b="$undecorated_ms" 'BEGIN { printf "%.2f", a / b }')x against the bare window without a header bar (${undecorated_ms} ms)"
echo "memory ratio:  ${rss_ratio}x"
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.3) }' && echo "PASS" || { echo "FAIL: slower than 1.3x the bare window"; exit 1; }
