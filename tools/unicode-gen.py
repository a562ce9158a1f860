#!/usr/bin/env python3
"""Generates src/CastTools.Vt/Unicode/UnicodeTables.g.cs from the Unicode Character Database.

Usage (from the repository root):
    apt-get install unicode-data          # Debian 12: Unicode 15.0.0 in /usr/share/unicode
    python3 tools/unicode-gen.py [UCD_DIR] [OUTPUT]

UCD_DIR defaults to /usr/share/unicode and must hold UnicodeData.txt, EastAsianWidth.txt,
DerivedCoreProperties.txt, auxiliary/GraphemeBreakProperty.txt, emoji/emoji-data.txt and
emoji/emoji-variation-sequences.txt (the layout of Debian's unicode-data package and of
https://www.unicode.org/Public/<version>/ucd/ with emoji/ beside it).

One byte of properties per code point, stored as a two-level table: Stage1[cp >> 8] names a
256-entry block in Stage2; identical blocks are shared, so the table stays small.

    bits 0-1  terminal column width: 0, 1 or 2
    bits 2-5  Grapheme_Cluster_Break (see GraphemeBreak.cs for the numbering)
    bit  6    Extended_Pictographic
    bit  7    narrow base of an emoji variation sequence: U+FE0F after it makes it wide

Width rules (the terminal's, after UAX #11 and what xterm/glibc/kitty agree on):
    0  General_Category Mn or Me; Hangul Jamo medial vowels and final consonants
       (U+1160..U+11FF, U+D7B0..U+D7FF); Default_Ignorable_Code_Point (ZWJ, ZWNJ, variation
       selectors, tags, bidi controls, ...) except VISIBLE_IGNORABLES: U+00AD SOFT HYPHEN, which
       terminals draw, and the Hangul fillers U+115F, U+3164, U+FFA0 (letters that take their East Asian
       width in glibc's wcwidth and in terminals; U+115F starts a syllable as a leading jamo).
    2  East_Asian_Width W or F (unassigned code points in the CJK blocks and planes 2 and 3
       default to W, as EastAsianWidth.txt says), or Emoji_Presentation=Yes.
    1  everything else, including unassigned and private-use code points.
"""

import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "src", "CastTools.Vt", "Unicode", "UnicodeTables.g.cs")

MAX = 0x110000

VISIBLE_IGNORABLES = (0x00AD, 0x115F, 0x3164, 0xFFA0)

# Must match the GraphemeBreak enum in GraphemeBreak.cs.
GCB = ["Other", "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator", "Prepend",
       "SpacingMark", "L", "V", "T", "LV", "LVT"]


def read(path):
    with open(os.path.join(UCD, path), encoding="utf-8") as f:
        return f.read()


def version_of(path):
    first = read(path).splitlines()[0]
    m = re.search(r"(\d+\.\d+\.\d+)", first)
    return m.group(1) if m else "?"


def ranges(path):
    """Yields (first, last, value) for every data line of a UCD property file."""
    for line in read(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = [f.strip() for f in line.split(";")]
        cps = fields[0].split("..")
        first = int(cps[0], 16)
        last = int(cps[-1], 16)
        yield first, last, fields[1]


def general_categories():
    gc = ["Cn"] * MAX
    pending = None
    for line in read("UnicodeData.txt").splitlines():
        f = line.split(";")
        cp = int(f[0], 16)
        if f[1].endswith(", First>"):
            pending = cp
            continue
        if f[1].endswith(", Last>"):
            for c in range(pending, cp + 1):
                gc[c] = f[2]
            pending = None
            continue
        gc[cp] = f[2]
    return gc


def main():
    gc = general_categories()

    eaw = ["N"] * MAX
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)):
        for c in range(lo, hi + 1):
            eaw[c] = "W"
    for first, last, value in ranges("EastAsianWidth.txt"):
        for c in range(first, last + 1):
            eaw[c] = value

    ignorable = [False] * MAX
    for first, last, value in ranges("DerivedCoreProperties.txt"):
        if value == "Default_Ignorable_Code_Point":
            for c in range(first, last + 1):
                ignorable[c] = True

    gcb = [0] * MAX
    for first, last, value in ranges("auxiliary/GraphemeBreakProperty.txt"):
        for c in range(first, last + 1):
            gcb[c] = GCB.index(value)

    pict = [False] * MAX
    emoji_presentation = [False] * MAX
    for first, last, value in ranges("emoji/emoji-data.txt"):
        for c in range(first, last + 1):
            if value == "Extended_Pictographic":
                pict[c] = True
            elif value == "Emoji_Presentation":
                emoji_presentation[c] = True

    emoji_style_base = [False] * MAX
    for line in read("emoji/emoji-variation-sequences.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        seq = line.split(";")[0].split()
        if len(seq) == 2 and seq[1] == "FE0F":
            emoji_style_base[int(seq[0], 16)] = True

    props = bytearray(MAX)
    for c in range(MAX):
        if gc[c] in ("Mn", "Me") or 0x1160 <= c <= 0x11FF or 0xD7B0 <= c <= 0xD7FF:
            width = 0
        elif ignorable[c] and c not in VISIBLE_IGNORABLES:
            width = 0
        elif eaw[c] in ("W", "F") or emoji_presentation[c]:
            width = 2
        else:
            width = 1
        value = width | (gcb[c] << 2)
        if pict[c]:
            value |= 0x40
        if emoji_style_base[c] and width == 1:
            value |= 0x80
        props[c] = value

    blocks = {}
    stage1 = []
    stage2 = bytearray()
    for hi in range(MAX >> 8):
        block = bytes(props[hi << 8:(hi + 1) << 8])
        index = blocks.get(block)
        if index is None:
            index = len(blocks)
            blocks[block] = index
            stage2 += block
        stage1.append(index)
    assert len(blocks) <= 256, "Stage1 entries are bytes"

    versions = {p: version_of(p) for p in ("UnicodeData.txt", "EastAsianWidth.txt", "DerivedCoreProperties.txt",
                                           "auxiliary/GraphemeBreakProperty.txt", "emoji/emoji-data.txt")}
    unicode_version = versions["EastAsianWidth.txt"]

    def rows(data, per_line):
        out = []
        for i in range(0, len(data), per_line):
            out.append("            " + ",".join(str(b) for b in data[i:i + per_line]) + ",")
        return "\n".join(out)

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""// <auto-generated>
// Generated by tools/unicode-gen.py from the Unicode Character Database, version {unicode_version}
// ({', '.join(f'{k} {v}' for k, v in versions.items())}).
// Regenerate: apt-get install unicode-data && python3 tools/unicode-gen.py
// Do not edit by hand. Unicode data © Unicode, Inc., licence in tests/CastTools.Vt.Tests/Unicode/Data/LICENSE.
// </auto-generated>

namespace CastTools.Vt;

internal static class UnicodeTables
{{
    /// <summary>The Unicode version the tables were generated from.</summary>
    public const string UnicodeVersion = "{unicode_version}";

    // Property byte: bits 0-1 width, bits 2-5 GraphemeBreak, bit 6 Extended_Pictographic,
    // bit 7 narrow base that U+FE0F widens.
    public const int WidthMask = 0x03;
    public const int GraphemeBreakShift = 2;
    public const int GraphemeBreakMask = 0x0F;
    public const int ExtendedPictographicBit = 0x40;
    public const int EmojiVariationBaseBit = 0x80;

    /// <summary>Block number (into <see cref="Stage2"/>, 256 entries each) for code point >> 8.</summary>
    public static ReadOnlySpan<byte> Stage1 =>
        [
{rows(stage1, 64)}
        ];

    /// <summary>{len(blocks)} distinct blocks of 256 property bytes.</summary>
    public static ReadOnlySpan<byte> Stage2 =>
        [
{rows(stage2, 64)}
        ];
}}
""")
    print(f"Unicode {unicode_version}: {len(blocks)} blocks, {len(stage1) + len(stage2)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
