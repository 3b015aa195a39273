#!/usr/bin/env python3
"""Makes data/t2s.txt: each traditional or variant Han character and the simplified
character OpenCC's t2s conversion gives it.

    python3 build-aux/make-t2s.py > data/t2s.txt

Needs the `opencc` command (Debian: opencc). Each character of the CJK unified
ideographs (the basic block and extensions A to F) and the compatibility ideographs
is converted on its own line, so the phrase dictionary never applies: the table is
OpenCC's character dictionary (TSCharacters) as t2s.json applies it, first choice.
The place-name check (src/core/check/nb-places.c) reads it at build time.
"""
import subprocess
import sys

RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF)]

chars = [chr(c) for first, last in RANGES for c in range(first, last + 1)]
version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "opencc"],
                         capture_output=True, text=True).stdout.strip() or "unknown"
done = subprocess.run(["opencc", "-c", "t2s.json"], input="\n".join(chars) + "\n",
                      capture_output=True, text=True, check=True).stdout.split("\n")
if len(done) < len(chars):
    sys.exit("opencc gave fewer lines than it was given")

print("# Traditional and variant Han characters and their simplified forms, one pair a line:")
print("# from<TAB>to. From OpenCC's t2s.json (character dictionary TSCharacters, licence")
print(f"# Apache-2.0), Debian's opencc {version}, each character converted on its own.")
print("# Made by build-aux/make-t2s.py.")
for c, s in zip(chars, done):
    if s != c and len(s) == 1:
        print(f"{c}\t{s}")
