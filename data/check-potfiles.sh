#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in lists a file that does not exist or is not sorted.
# Usage: check-potfiles.sh SOURCE_ROOT
set -u
root=${1:-.}
cd "$root" || exit 2
potfiles=po/POTFILES.in
status=0

listed=$(grep -v '^#' "$potfiles" | sed '/^[[:space:]]*$/d')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

if [ "$(printf '%s\n' "$listed")" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "POTFILES.in is not sorted (LC_ALL=C sort)"
  status=1
fi

candidates=$( (grep -rlE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_)\(' --include='*.c' src 2>/dev/null;
               grep -rl 'translatable="yes"' --include='*.ui' ui 2>/dev/null;
               ls data/*.desktop.in.in data/*.metainfo.xml.in.in 2>/dev/null) | LC_ALL=C sort -u)

for f in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is not in $potfiles"
    status=1
  fi
done

[ $status -eq 0 ] && echo "POTFILES.in lists every file with translatable strings"
exit $status
