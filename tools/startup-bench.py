#!/usr/bin/env python3
"""CPU cost of whole casttools processes (startup included) on the sample casts, built as users install it.

usage: tools/startup-bench.py [--runs N] [--casttools CMD]

Publishes the ReadyToRun build (`dotnet publish src/CastTools.Cli -c Release`, the same build `dotnet pack` puts in
the RID-specific tool package) to a temporary folder, runs each command N times (default 15) and prints the median
and minimum CPU time (user + system of the child, from getrusage: microsecond resolution, and unlike wall time still
meaningful on a loaded machine) plus the median wall time. --casttools CMD measures another build instead, e.g.
--casttools "dotnet src/CastTools.Cli/bin/Release/net10.0/casttools.dll" for the JIT-compiled development build.
"""
import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--casttools")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as work:
        if args.casttools:
            casttools = shlex.split(args.casttools)
        else:
            publish = os.path.join(work, "casttools")
            subprocess.run(["dotnet", "publish", os.path.join(root, "src", "CastTools.Cli"), "-c", "Release", "-o", publish],
                           check=True, stdout=subprocess.DEVNULL)
            casttools = [os.path.join(publish, "casttools")]
        samples = os.path.join(root, "samples")
        commands = [
            ("--version", ["--version"]),
            ("vim -> txt", ["render", f"{samples}/vim.cast", "-o", f"{work}/vim.txt"]),
            ("vim -> svg", ["render", f"{samples}/vim.cast", "-o", f"{work}/vim.svg"]),
            ("demo -> svg", ["render", f"{samples}/demo.cast", "-o", f"{work}/demo.svg"]),
            ("colors -> svg", ["render", f"{samples}/colors.cast", "-o", f"{work}/colors.svg"]),
            ("vim -> png", ["render", f"{samples}/vim.cast", "-o", f"{work}/vim.png"]),
            ("demo -> gif", ["render", f"{samples}/demo.cast", "-o", f"{work}/demo.gif"]),
        ]
        print(f"{' '.join(casttools)}  ({args.runs} runs each)")
        print(f"{'command':16} {'cpu median':>10} {'cpu min':>8} {'wall median':>11}")
        for name, command in commands:
            cpu, wall = [], []
            for _ in range(args.runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(casttools + command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wall.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            print(f"{name:16} {statistics.median(cpu):9.3f}s {min(cpu):7.3f}s {statistics.median(wall):10.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
