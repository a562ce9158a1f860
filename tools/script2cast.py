#!/usr/bin/env python3
"""Convert a util-linux script(1) recording (--log-out + --log-timing, classic or advanced format) to asciicast v3.

Output bytes are decoded as UTF-8 incrementally, so a character split across two writes stays whole; intervals are
written in milliseconds with the rounding error carried forward (as casttools' own writer does).
"""
import argparse
import codecs
import json
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("log")
    p.add_argument("timing")
    p.add_argument("out")
    p.add_argument("--cols", type=int, required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--title")
    p.add_argument("--command")
    p.add_argument("--status")
    p.add_argument("--term", default="xterm-256color")
    a = p.parse_args()

    data = open(a.log, "rb").read()
    # script(1) may start the log with a "Script started on ..." line; its timing entries cover only the output.
    pos = 0
    if data.startswith(b"Script started on "):
        pos = data.index(b"\n") + 1
    events = []  # (absolute seconds as float from the log, text)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    clock = 0.0
    for line in open(a.timing, encoding="ascii"):
        parts = line.split()
        if not parts:
            continue
        if parts[0] in ("O", "I", "S", "H"):
            kind, delay, rest = parts[0], parts[1], parts[2:]
        else:
            kind, delay, rest = "O", parts[0], parts[1:]
        clock += float(delay)
        if kind == "O":
            n = int(rest[0])
            text = decoder.decode(data[pos:pos + n])
            pos += n
            if text:
                events.append((clock, text))
    tail = decoder.decode(b"", final=True)
    if tail:
        events.append((clock, tail))

    header = {"version": 3, "term": {"cols": a.cols, "rows": a.rows, "type": a.term}, "timestamp": int(time.time())}
    if a.command:
        header["command"] = a.command
    if a.title:
        header["title"] = a.title
    header["env"] = {"SHELL": "/bin/bash"}

    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(header, ensure_ascii=False) + "\n")
        written_ms = 0
        for t, text in events:
            target_ms = round(t * 1000)
            interval = max(0, target_ms - written_ms)
            written_ms += interval
            f.write("[%s, \"o\", %s]\n" % (fmt(interval), json.dumps(text, ensure_ascii=False)))
        if a.status is not None:
            f.write("[0.0, \"x\", %s]\n" % json.dumps(str(a.status)))


def fmt(ms):
    s = "%d.%03d" % divmod(ms, 1000)
    return s.rstrip("0") + ("0" if s.endswith(".000") or s.rstrip("0").endswith(".") else "")


if __name__ == "__main__":
    main()
