#!/bin/bash
# Peak memory of nianbao-check on ordinary and hostile input (issue 13).
#
#   bench/memory.sh [BUILD_DIR]
#
# Runs nianbao-check --json on each input under /usr/bin/time -v and prints its "Maximum
# resident set size": the larger of nianbao-check's own peak and that of the reader helper
# it started (the kernel reports the biggest of a process and its waited-for children).
# The inputs are made in a temporary folder by tests/hostile/make_hostile.py: the samples,
# the shared PDFs, a DOCX holding a 60 MB document.xml, a 63 MB page of <tr>, a 63 MB text
# report, and four of those at -j 4.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/src/cli/nianbao-check"
[ -x "$cli" ] || { echo "build first: meson setup $build && ninja -C $build" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian: time)" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import os, sys
sys.path.insert(0, "tests/hostile")
import make_hostile as make
d = sys.argv[1]
lines = open("data/samples/mianchi-2022.txt", encoding="utf-8").read().splitlines()
make.docx_large(os.path.join(d, "document-60mb.docx"), lines, mb=60)
make.html_many_rows(os.path.join(d, "rows-63mb.html"), mb=63)
text = "\n".join(lines) + "\n"
pad = "（本报告附注，重复以加大文件。）\n"
with open(os.path.join(d, "report-63mb.txt"), "w", encoding="utf-8") as f:
    f.write(text + pad * ((63 * 1024 * 1024 - len(text.encode())) // len(pad.encode())))
PY
for i in 1 2 3; do ln -s report-63mb.txt "$dir/report-63mb-$i.txt"; done

peak () {
  local label=$1; shift
  /usr/bin/time -v "$cli" --json "$@" >/dev/null 2>"$dir/time" || true
  printf '%-40s %8d KB  %5.1f s\n' "$label" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")" \
    "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time" | awk -F: '{print $NF + 60 * $(NF-1)}')"
}

for f in data/samples/mianchi-2022.txt ../shared/samples/*.pdf; do
  [ -f "$f" ] && peak "$(basename "$f")" "$f"
done
peak "DOCX, 60 MB document.xml ($(( $(stat -c %s "$dir/document-60mb.docx") / 1024 )) KB)" "$dir/document-60mb.docx"
peak "HTML, 63 MB of <tr> (refused)" "$dir/rows-63mb.html"
peak "text report, 63 MB" "$dir/report-63mb.txt"
peak "four 63 MB text reports, -j 4" -j 4 "$dir"/report-63mb*.txt
