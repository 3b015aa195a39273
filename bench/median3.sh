# Sourced by the benchmarks run from the source root.
median () {  # runs "$@" three times, prints the median wall time in seconds
  local times=()
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    times+=("$(python3 -c "print($t1 - $t0)")")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}
