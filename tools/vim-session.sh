#!/usr/bin/env bash
# The session behind samples/vim.cast: vim (alternate screen, syntax colours, status line) opening a C# file and
# moving around on its own (timed ex commands, no keyboard needed). Record with tools/record-sample.sh.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here" && exec vim -u NONE -N -i NONE -n \
    -c 'syntax on | set number ruler laststatus=2 background=dark | redraw | sleep 900m' \
    -c 'exe "normal! 12j" | redraw | sleep 600m | exe "normal! 10j" | redraw | sleep 600m' \
    -c 'call search("Math.Round") | redraw | sleep 900m | exe "normal! G" | redraw | sleep 700m' \
    -c 'qa!' src/CastTools.Asciicast/Timeline.cs
