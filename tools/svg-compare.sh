#!/bin/sh
# SVG size and render time: casttools against svg-term-cli on the repository's sample casts.
# usage: tools/svg-compare.sh SVG_TERM_DIR [casts...]
#   SVG_TERM_DIR: a folder where `npm install svg-term-cli` was run (e.g. /tmp/svgterm).
# svg-term-cli reads only asciicast v1/v2, so each sample is converted to v2 first with casttools convert.
# Times are the median of 3 wall-clock runs of the whole command (process start included).
set -eu
svgterm="$1/node_modules/.bin/svg-term"
shift
root=$(cd "$(dirname "$0")/.." && pwd)
ct="dotnet $root/src/CastTools.Cli/bin/Release/net10.0/casttools.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | sed -n 2p; }
printf '%-12s %12s %10s %14s %10s %8s %8s\n' cast casttools_B time_s svg-term_B time_s size_x speed_x
for cast in "${@:-$root/samples/demo.cast $root/samples/vim.cast $root/samples/colors.cast}"; do
  for c in $cast; do
    name=$(basename "$c" .cast)
    $ct convert "$c" "$work/$name.v2.cast" -f asciicast-v2
    for i in 1 2 3; do /usr/bin/time -f %e -a -o "$work/$name.ct" $ct render "$c" -o "$work/$name.ct.svg"; done
    for i in 1 2 3; do /usr/bin/time -f %e -a -o "$work/$name.st" "$svgterm" --in "$work/$name.v2.cast" --out "$work/$name.st.svg"; done
    a=$(stat -c %s "$work/$name.ct.svg"); ta=$(median < "$work/$name.ct")
    b=$(stat -c %s "$work/$name.st.svg"); tb=$(median < "$work/$name.st")
    printf '%-12s %12s %10s %14s %10s %8s %8s\n' "$name" "$a" "$ta" "$b" "$tb" \
      "$(echo "scale=2; $b / $a" | bc)" "$(echo "scale=1; $tb / $ta" | bc)"
  done
done
