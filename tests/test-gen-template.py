#!/usr/bin/env python3
# test-gen-template.py — the generator refuses a description whose references do not hold
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-gen-template.py SOURCE_ROOT
#
# Each case copies the description, breaks one reference, runs gen-template.py
# on the copy and expects it to fail naming what is wrong; the stock description
# must pass.
import json
import os
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
tdir = os.path.join(root, 'src/core/template')
gen = os.path.join(tdir, 'gen-template.py')
rules = os.path.join(root, 'src/core/check/nb-rules.c')


def run(edit):
    with tempfile.TemporaryDirectory() as d:
        for f in ('template-common.json', 'template-2021.json', 'template-2019.json'):
            shutil.copy(os.path.join(tdir, f), d)
        if edit:
            name, change = edit
            path = os.path.join(d, name)
            with open(path, encoding='utf-8') as f:
                data = json.load(f)
            change(data)
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(data, f, ensure_ascii=False)
        r = subprocess.run([sys.executable, gen, '--rules', rules, os.path.join(d, 'out.c'),
                            os.path.join(d, 'template-2021.json'), os.path.join(d, 'template-2019.json')],
                           capture_output=True, text=True)
        return r.returncode, r.stderr


def rows(d):
    return d['request_rows']


with open(os.path.join(tdir, 'template-common.json'), encoding='utf-8') as f:
    common_sections = json.load(f)['sections']


cases = [
    ('an equation naming no cell', ('template-common.json',
     lambda d: d['equations'][0]['parts'].append('requests.{row}.nobody')), 'requests.new.nobody'),
    ('an equation range naming no row', ('template-common.json',
     lambda d: d['equations'][1].__setitem__('parts', ['requests.[public,nowhere).{col}'])), 'names no row'),
    ('an equation whose rule is not in the rule table', ('template-common.json',
     lambda d: d['equations'][0].__setitem__('rule', 'requests.nothing')), 'not in the rule table'),
    ('an equation with a cell twice', ('template-common.json',
     lambda d: d['equations'][0]['totals'].append('requests.{row}.natural_person')), 'distinct'),
    ('a severity that is none', ('template-common.json',
     lambda d: d['equations'][0].__setitem__('severity', 'fatal')), 'severity'),
    ('a row without keys', ('template-2021.json', lambda d: rows(d)[3].__setitem__('keys', [])), 'has no keys'),
    ('two rows with one id', ('template-2019.json', lambda d: rows(d)[4].__setitem__('id', rows(d)[3]['id'])),
     'twice'),
    ('a header group over no column', ('template-common.json',
     lambda d: d['request_header']['column_groups'][0].__setitem__('last', 'nobody')), 'names no column'),
    ('a row group over no equation', ('template-common.json',
     lambda d: d['request_header']['row_groups'][0].__setitem__('equation', 'requests.nothing')), 'no equation'),
    ('a cell kind that is none', ('template-2019.json',
     lambda d: d['active'][0]['fields'][0].__setitem__('kind', 'colour')), 'kind'),
    ('editions whose sections differ', ('template-2019.json',
     lambda d: d.__setitem__('sections', [dict(sec, keys=['总体']) for sec in common_sections])),
     'sections differ'),
]

checks = [('the stock description generates', run(None)[0] == 0, '')]
for name, edit, says in cases:
    code, err = run(edit)
    checks.append(('refused: ' + name, code != 0 and says in err, err.strip()))

print('1..%d' % len(checks))
ok = True
for i, (name, passed, detail) in enumerate(checks, 1):
    print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name, '' if passed else ' # ' + detail))
    ok &= passed
sys.exit(0 if ok else 1)
