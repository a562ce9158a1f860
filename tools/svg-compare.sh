#!/bin/sh
# SVG size and render time: casttools against svg-term-cli on the repository's sample casts.
# usage: tools/svg-compare.sh SVG_TERM_DIR [casts...]
#   SVG_TERM_DIR: a folder where `npm install svg-term-cli` was run (e.g. /tmp/svgterm).
# svg-term-cli reads only asciicast v1/v2, so each sample is converted to v2 first with casttools convert.
# Times are the median of 3 runs of the whole command (process start included), as CPU seconds (user+system,
# children included: robust on a shared, loaded machine) and as wall-clock seconds.
# casttools is measured as users install it: the script publishes the ReadyToRun build
# (dotnet publish src/CastTools.Cli -c Release, the build `dotnet pack` puts in the RID-specific tool package) to a
# temporary folder and runs its native launcher. Set CASTTOOLS to measure another build instead, e.g.
# CASTTOOLS="dotnet src/CastTools.Cli/bin/Release/net10.0/casttools.dll" for the JIT-compiled development build.
set -eu
svgterm="$1/node_modules/.bin/svg-term"
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${CASTTOOLS:-}" ]; then
  ct="$CASTTOOLS"
else
  dotnet publish "$root/src/CastTools.Cli" -c Release -o "$work/casttools" >/dev/null
  ct="$work/casttools/casttools"
fi
median() { sort -n | sed -n 2p; }
printf '%-8s %12s %8s %8s %12s %8s %8s %7s %9s\n' cast casttools_B cpu_s wall_s svg-term_B cpu_s wall_s size_x cpu_speed_x
for cast in "${@:-$root/samples/demo.cast $root/samples/vim.cast $root/samples/colors.cast}"; do
  for c in $cast; do
    name=$(basename "$c" .cast)
    $ct convert "$c" "$work/$name.v2.cast" -f asciicast-v2
    for i in 1 2 3; do /usr/bin/time -f '%U %S %e' -a -o "$work/$name.ct" $ct render "$c" -o "$work/$name.ct.svg"; done
    for i in 1 2 3; do /usr/bin/time -f '%U %S %e' -a -o "$work/$name.st" "$svgterm" --in "$work/$name.v2.cast" --out "$work/$name.st.svg"; done
    a=$(stat -c %s "$work/$name.ct.svg"); ca=$(awk '{print $1+$2}' "$work/$name.ct" | median); wa=$(awk '{print $3}' "$work/$name.ct" | median)
    b=$(stat -c %s "$work/$name.st.svg"); cb=$(awk '{print $1+$2}' "$work/$name.st" | median); wb=$(awk '{print $3}' "$work/$name.st" | median)
    printf '%-8s %12s %8s %8s %12s %8s %8s %7s %9s\n' "$name" "$a" "$ca" "$wa" "$b" "$cb" "$wb" \
      "$(echo "scale=2; $b / $a" | bc)" "$(echo "scale=1; $cb / $ca" | bc)"
  done
done
