# Sourced by bench/parse.sh and bench/summary.sh (bash, after $n is set): $corpus, a
# temporary folder of $n reports made by repeating data/samples/*.txt, removed on exit, and
# its size in $bytes and $mb.
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
samples=(data/samples/*.txt)
for ((i = 0; i < n; i++)); do
  s=${samples[i % ${#samples[@]}]}
  cp "$s" "$corpus/$(basename "$s" .txt)-$i.txt"
done
bytes=$(cat "$corpus"/*.txt | wc -c)
mb=$(python3 -c "print($bytes / 1e6)")
