#!/usr/bin/env bash
# Throughput and whole-process latency of `casttools rec` next to script(1), on the same ~100 MiB of output.
# Usage: tools/rec-bench.sh [runs]      (prints the median of each; the machine's load average first)
# Data: 78,643,200 random bytes as base64 in 76-column lines = 106,237,306 bytes of text (1,379,706 lines), as in
# the reference PTY notes; through the PTY ONLCR adds a '\r' per line.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=${TMPDIR:-/tmp}/casttools-rec-bench
mkdir -p "$work"
dotnet build src/CastTools.Cli -c Release -o "$work/bin" >/dev/null
data="$work/100mib.txt"
[ -s "$data" ] || head -c 78643200 /dev/urandom | base64 -w 76 > "$data"
casttools=(dotnet "$work/bin/casttools.dll")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, command...
  local label=$1; shift
  for _ in $(seq "$runs"); do
    rm -f "$work"/out.*
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 </dev/null; end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median | xargs printf '%-58s %6.2f s\n' "$label"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(wc -c < "$data") bytes of input"
measure "script -q -c 'cat DATA' /dev/null"                 script -q -c "cat $data" /dev/null
measure "script -q -c 'cat DATA' typescript"                script -q -c "cat $data" "$work/out.typescript"
measure "casttools rec --headless -f raw -c 'cat DATA'"     "${casttools[@]}" rec -q --headless -f raw -c "cat $data" "$work/out.raw"
measure "casttools rec --headless (asciicast v3) -c 'cat DATA'" "${casttools[@]}" rec -q --headless -c "cat $data" "$work/out.cast"
measure "casttools rec --headless -f asciicast-v2 -c 'cat DATA'" "${casttools[@]}" rec -q --headless -f asciicast-v2 -c "cat $data" "$work/out.cast"
if command -v asciinema >/dev/null; then
  measure "asciinema rec --headless -c 'cat DATA'"          asciinema rec -q --headless -c "cat $data" "$work/out.cast"
fi
echo "whole process, trivial command:"
measure "script -q -c true /dev/null"                       script -q -c true /dev/null
measure "casttools rec --headless -c true"                  "${casttools[@]}" rec -q --headless -c true "$work/out.cast"
"${casttools[@]}" rec -q --headless -f raw -c "cat $data" "$work/out.raw"
expected=$(( $(wc -c < "$data") + $(wc -l < "$data") ))
echo "raw output: $(wc -c < "$work/out.raw") bytes (input + one ONLCR '\r' per line = $expected)"
rm -f "$work"/out.*
