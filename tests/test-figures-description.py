#!/usr/bin/env python3
# test-figures-description.py — the generator refuses a grammar of figures that does not hold
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-figures-description.py GEN_TEMPLATE TEMPLATE_DIR     (TAP)
#
# Each case copies the descriptions, breaks one figure, claim or word list and runs
# gen-template.py on them: it must fail and say which figure. The descriptions as they
# are must pass.
import json
import os
import shutil
import subprocess
import sys
import tempfile

gen, src = sys.argv[1], sys.argv[2]


def first_figure(d, **change):
    f = dict(d['figures'][0])
    f.update(change)
    d['figures'][0] = f


CASES = [
    ('as it is', None, None),
    ('a cell no edition has', 'common', lambda d: first_figure(d, cells=[['requests.new.nonsense']])),
    ('an appeal field that is none', 'common',
     lambda d: [f.update(cells=[['nonsense']]) for f in d['figures'] if 'appeal' in f.get('flags', [])][:1]),
    ('a unit that is none', 'common', lambda d: first_figure(d, unit='dozens')),
    ('a percentage without its denominators', 'common',
     lambda d: [f.pop('per') for f in d['figures'] if f['unit'] == 'percent'][:1]),
    ('a count with denominators', 'common', lambda d: first_figure(d, per=[['requests.new.total']])),
    ('a word with a bar', 'common', lambda d: first_figure(d, keys=['收到|受理'])),
    ('a claim of a cell that is none', 'common', lambda d: d['claims'][0].update(cells=[['requests.none.total']])),
    ('no scope words', 'common', lambda d: d['figure_words'].update(scope=[])),
    ('a 2019 cell in the 2021 edition', '2021', lambda d: d['figures'][0].update(cells=[['active.licensing.decisions']])),
]

n = 0
for name, which, breaks in CASES:
    with tempfile.TemporaryDirectory() as tmp:
        for f in ('template-common.json', 'template-2021.json', 'template-2019.json'):
            shutil.copy(os.path.join(src, f), tmp)
        if breaks:
            path = os.path.join(tmp, 'template-%s.json' % which)
            d = json.load(open(path, encoding='utf-8'))
            breaks(d)
            json.dump(d, open(path, 'w', encoding='utf-8'), ensure_ascii=False)
        p = subprocess.run([sys.executable, gen, '--rules', os.path.join(src, '..', 'check', 'nb-rules.c'),
                            os.path.join(tmp, 'out.c'), os.path.join(tmp, 'template-2021.json'),
                            os.path.join(tmp, 'template-2019.json')], capture_output=True, text=True)
    n += 1
    good = p.returncode == 0 if breaks is None else (p.returncode != 0 and ('figure' in p.stderr or 'claim' in p.stderr))
    print('%s %d - %s%s' % ('ok' if good else 'not ok', n, name, '' if good else ' # ' + p.stderr.strip()))
print('1..%d' % n)
