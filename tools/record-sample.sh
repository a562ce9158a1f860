#!/usr/bin/env bash
# Records a command for real with util-linux script(1) inside a fixed-size tmux pane, then converts the output and
# timing logs into asciicast v3 with tools/script2cast.py.
#   usage: tools/record-sample.sh OUT.cast COLS ROWS TITLE COMMAND...
set -euo pipefail
out=$1 cols=$2 rows=$3 title=$4
shift 4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; tmux kill-session -t "rec$$" 2>/dev/null || true' EXIT
printf '%q ' "$@" > "$tmp/cmd"
tmux new-session -d -s "rec$$" -x "$cols" -y "$rows" \
    "stty cols $cols rows $rows; TERM=xterm-256color LANG=C.UTF-8 script -q -e --log-out '$tmp/out' --log-timing '$tmp/timing' -m advanced -c \"\$(cat '$tmp/cmd')\"; echo \$? > '$tmp/status'"
while [ ! -e "$tmp/status" ]; do sleep 0.2; done
python3 "$(dirname "$0")/script2cast.py" --cols "$cols" --rows "$rows" --title "$title" --command "$*" \
    --status "$(cat "$tmp/status")" "$tmp/out" "$tmp/timing" "$out"
