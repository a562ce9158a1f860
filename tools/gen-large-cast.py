#!/usr/bin/env python3
"""Write a large synthetic asciicast (for memory/throughput measurements; the output is not committed).

usage: tools/gen-large-cast.py OUT.cast SIZE_MB [--version 1|2|3] [--burst]
Events look like real terminal output: coloured text lines with escapes, some non-ASCII, occasional markers/resizes.
--burst: output arrives as a fast build log does (0-2 ms apart, no resizes), so a 40 MB cast is minutes long
instead of days: the realistic case for "render a large recording to GIF".
"""
import json
import random
import sys


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    args = sys.argv[3:]
    version = int(args[args.index("--version") + 1]) if "--version" in args else 3
    burst = "--burst" in args
    target = int(size_mb * 1024 * 1024)
    rnd = random.Random(42)
    words = ["build", "test", "\u001b[32mok\u001b[0m", "\u001b[1;31mFAIL\u001b[0m", "Grüße", "日本語", "🎉", "src/main.rs",
             "warning:", "\u001b[38;5;208mcompiling\u001b[0m", "done", "\t", "--release", "0.123s"]
    written = 0
    t_us = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        if version == 1:
            f.write('{"version": 1, "width": 120, "height": 40, "title": "large", "stdout": [\n')
        elif version == 2:
            f.write('{"version": 2, "width": 120, "height": 40, "title": "large"}\n')
        else:
            f.write('{"version": 3, "term": {"cols": 120, "rows": 40}, "title": "large"}\n')
        first = True
        while written < target:
            if burst:
                delay = rnd.choice([0, 200, 500, 1000, 2000]) + rnd.randint(0, 99)
            else:
                delay = rnd.choice([0, 1000, 1500, 16000, 33000, 250000, 1234567]) + rnd.randint(0, 999)
            t_us += delay
            k = rnd.random()
            if k < 0.001:
                code, data = "m", "marker %d" % written
            elif k < 0.0015 and not burst:
                code, data = "r", "%dx%d" % (rnd.randint(80, 200), rnd.randint(24, 60))
            else:
                code, data = "o", " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 20))) + "\r\n"
            text = json.dumps(data, ensure_ascii=False)
            if version == 1:
                if code != "o":
                    continue
                line = ("" if first else ",\n") + "[%d.%06d, %s]" % (delay // 1000000, delay % 1000000, text)
                first = False
            elif version == 2:
                line = "[%d.%06d, \"%s\", %s]\n" % (t_us // 1000000, t_us % 1000000, code, text)
            else:
                line = "[%d.%06d, \"%s\", %s]\n" % (delay // 1000000, delay % 1000000, code, text)
            f.write(line)
            written += len(line.encode("utf-8"))
        if version == 1:
            f.write("\n]}\n")


if __name__ == "__main__":
    main()
