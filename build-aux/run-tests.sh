#!/bin/bash
# Installs the dependencies, builds Nianbao and runs every test: the core and
# command line, the data files, the window under Xvfb, the core again under
# AddressSanitizer and UndefinedBehaviorSanitizer, a bounded fuzzing run, and
# a build without GTK. Ends with a line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

if [ "${NB_SKIP_DEPS:-0}" != 1 ]; then
  sh build-aux/install-deps.sh || { echo "installing the dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
fi

export GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
failed_steps=0
extra_passed=0
logs=()

step () {
  echo "=== $*"
  if ! "$@"; then
    echo "=== FAILED: $*"
    failed_steps=$((failed_steps + 1))
    return 1
  fi
}

# 1. the normal build: core, command line, data files, window
rm -rf _ci/build
step meson setup _ci/build --buildtype=debugoptimized -Dwerror=false >/dev/null &&
step ninja -C _ci/build &&
{
  step meson test -C _ci/build --suite core --suite cli --suite data --print-errorlogs --logbase main
  # one window test at a time: they share one X display, and windows of tests run side by
  # side take the keyboard focus from each other (a cell editor then closes on its own)
  step env G_DEBUG=fatal-criticals xvfb-run -a -s "-screen 0 1400x900x24" meson test -C _ci/build --suite gui --num-processes 1 --print-errorlogs --logbase gui
}
# each run writes its own log, so that the count has them all
logs+=(_ci/build/meson-logs/main.json _ci/build/meson-logs/gui.json)

# 2. the core and command line under ASan and UBSan
rm -rf _ci/asan
step meson setup _ci/asan -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false >/dev/null &&
step ninja -C _ci/asan &&
step env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$PWD/build-aux/lsan.supp" \
  meson test -C _ci/asan --suite core --suite cli --print-errorlogs --logbase asan
logs+=(_ci/asan/meson-logs/asan.json)

# 3. a bounded fuzzing run of the reader and parser (clang's libFuzzer)
if command -v clang >/dev/null; then
  rm -rf _ci/fuzz
  if CC=clang CXX=clang++ step meson setup _ci/fuzz -Dgui=false -Dtests=true -Db_sanitize=address,undefined \
       -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link -Dcpp_args=-fsanitize=fuzzer-no-link >/dev/null && step ninja -C _ci/fuzz; then
    mkdir -p _ci/fuzz/corpus
    cp data/samples/*.txt tests/data/*.txt tests/fuzz/corpus/* _ci/fuzz/corpus/
    for target in _ci/fuzz/tests/fuzz/fuzz-* _ci/fuzz/tests/readers/fuzz-*; do
      [ -f "$target" ] && [ -x "$target" ] || continue
      if step "$target" -max_total_time="${NB_FUZZ_SECONDS:-45}" -rss_limit_mb=2048 -timeout=10 \
           -print_final_stats=1 _ci/fuzz/corpus >"_ci/fuzz/$(basename "$target").log" 2>&1; then
        extra_passed=$((extra_passed + 1))
        tail -n 3 "_ci/fuzz/$(basename "$target").log"
      else
        tail -n 40 "_ci/fuzz/$(basename "$target").log"
      fi
    done
  fi
fi

# 4. core and command line without GTK
rm -rf _ci/nogui
step meson setup _ci/nogui -Dgui=false -Dpdf=disabled -Ddocx=disabled -Dhtml=disabled >/dev/null &&
step ninja -C _ci/nogui &&
step meson test -C _ci/nogui --suite core --suite cli --print-errorlogs --logbase nogui
logs+=(_ci/nogui/meson-logs/nogui.json)

python3 - "$failed_steps" "$extra_passed" "${logs[@]}" <<'PY'
import json, sys
failed_steps, extra = int(sys.argv[1]), int(sys.argv[2])
passed = failed = skipped = 0
for path in sys.argv[3:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
passed += extra
# a step that failed outside meson test (setup, build, fuzzing) counts as a failure too
if failed == 0 and failed_steps:
    failed = failed_steps
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or failed_steps else 0)
PY
