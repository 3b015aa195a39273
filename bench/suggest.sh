#!/bin/bash
# Time to suggest corrections, per report.
#
#   bench/suggest.sh [BUILD_DIR] [N_REPORTS]
#
# Makes a corpus of N_REPORTS (default 2000) from data/samples and tests/data: each
# report gets 1, 2 or 3 figures of its tables (sections 三 and 四) changed in the
# text, at random (a fixed seed). Then times, with one worker thread, each three
# times (the median is printed):
#   check    nianbao-check --json
#   suggest  nianbao-check --json --suggest
# The difference, divided by the reports, is the time to suggest per report. It
# also prints the slowest single report's time to suggest, and how many reports
# got a unique suggestion.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-2000}
cli="$build/src/cli/nianbao-check"
[ -x "$cli" ] || { echo "build first: meson setup $build && ninja -C $build" >&2; exit 1; }

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 - "$cli" "$corpus" "$n" data/samples/*.txt tests/data/*.txt <<'PY'
import json, random, subprocess, sys
cli, out, n, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
rng = random.Random(16)
docs = []
for f in files:
    doc = json.loads(subprocess.run([cli, "--json", f], capture_output=True).stdout)
    text = open(f, encoding="utf-8").read()
    cells = [(v["span"], k) for k, v in doc["cells"].items()
             if v["origin"] == "source" and k.startswith(("requests.", "appeals."))]
    docs.append((f, text, cells))
for i in range(n):
    name, text, cells = docs[i % len(docs)]
    chosen = sorted(rng.sample(cells, 1 + i % 3), reverse=True)
    for (a, b), _ in chosen:
        text = text[:a] + str(int(text[a:b]) + rng.randint(1, 9)) + text[b:]
    with open(f"{out}/r{i:05d}.txt", "w", encoding="utf-8") as fh:
        fh.write(text)
PY

. bench/median3.sh

t_check=$(median sh -c "'$cli' -j 1 --json '$corpus'/*.txt; true")
t_suggest=$(median sh -c "'$cli' -j 1 --json --suggest '$corpus'/*.txt; true")
"$cli" -j 1 --json --suggest "$corpus"/*.txt > "$corpus/out.jsonl" || true

python3 - "$n" "$t_check" "$t_suggest" "$corpus" "$cli" <<'PY'
import json, subprocess, sys, time
n, tc, ts, corpus, cli = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
docs = [json.loads(l) for l in open(f"{corpus}/out.jsonl", encoding="utf-8")]
unique = sum(1 for d in docs if d["suggestions"] and all(s["unique"] for s in d["suggestions"]))
some = sum(1 for d in docs if d["suggestions"])
# the slowest report: each alone, with and without --suggest (best of three)
worst = 0.0
for d in docs[:60]:
    f = d["file"]
    best = []
    for args in (["--json"], ["--json", "--suggest"]):
        t = []
        for _ in range(3):
            t0 = time.perf_counter(); subprocess.run([cli, *args, f], capture_output=True); t.append(time.perf_counter() - t0)
        best.append(min(t))
    worst = max(worst, best[1] - best[0])
print(f"corpus: {n} reports with 1-3 changed figures")
print(f"check             {tc:8.3f} s  ({tc / n * 1e3:.3f} ms/report, one thread)")
print(f"check + suggest   {ts:8.3f} s  ({ts / n * 1e3:.3f} ms/report)")
print(f"time to suggest   {(ts - tc) / n * 1e3:8.3f} ms/report (mean)")
print(f"slowest of 60 reports alone: {worst * 1e3:.2f} ms to suggest")
print(f"reports with a suggestion: {some}, all of them unique: {unique}")
PY
