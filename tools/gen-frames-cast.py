#!/usr/bin/env python3
"""Writes an asciicast v2 with N unique frames for encoder speed measurements.

usage: tools/gen-frames-cast.py COLS ROWS FRAMES > out.cast
Each event (0.1 s apart) rewrites 1-3 rows with coloured text, like a busy build log or a dashboard,
so every frame differs from the previous one (and the fps cap of 30 keeps them all).
"""
import json
import random
import sys

cols, rows, frames = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
words = ["build", "test", "ok", "FAIL", "warning:", "src/main.c", "linking", "done", "42ms", "[####  ]", "│", "─┼─", "λ", "→"]
print(json.dumps({"version": 2, "width": cols, "height": rows}))
t = 0.0
for i in range(frames):
    t += 0.1
    out = []
    for _ in range(rng.randint(1, 3)):
        row = rng.randint(1, rows)
        line = ""
        while len(line) < cols - 12:
            line += "\x1b[%dm%s\x1b[0m " % (rng.choice([31, 32, 33, 34, 35, 36, 37, 1, 2]), rng.choice(words))
        out.append("\x1b[%d;1H\x1b[2K%s %05d" % (row, line[: cols * 3], i))
    print(json.dumps([round(t, 6), "o", "".join(out)]))
