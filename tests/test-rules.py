#!/usr/bin/env python3
# test-rules.py — keeps docs/rules.md in step with the rule table (src/core/check/nb-rules.c)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-rules.py SOURCE_ROOT            check (TAP)
#   test-rules.py SOURCE_ROOT --write    rewrite docs/rules.md's table from nb-rules.c
#
# Checks: docs/rules.md lists exactly the table's rules, as the table says them;
# every rule id the core raises (a string literal given with a severity or to
# add ()/add_parse_finding (), and every equation's rule in the template's
# description) is in the table; each rule raised is raised in the file the table
# names (a rule raised for one report and across a review set: the two files it
# names), and an id is written as a literal in those files only.
import glob
import json
import os
import re
import sys

root = sys.argv[1]
write = '--write' in sys.argv[2:]
RULES_C = os.path.join(root, 'src/core/check/nb-rules.c')
DOC = os.path.join(root, 'docs/rules.md')
BEGIN, END = '<!-- rules: generated from src/core/check/nb-rules.c -->', '<!-- /rules -->'
SEVERITY = {'NB_SEVERITY_ERROR': 'error', 'NB_SEVERITY_WARNING': 'warning', 'NB_SEVERITY_INFO': 'info'}
TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(NB_SEVERITY_[A-Z]+)|(,)|(/\*.*?\*/)', re.S)


def parse_rules():
    text = open(RULES_C, encoding='utf-8').read()
    block = text[text.index('static const NbRule rules[] = {'):]
    block = block[block.index('{') + 1:block.index('\n};')]
    rules = []
    for entry in re.findall(r'\{(.*?)\},', block, re.S):
        fields, cur = [], None
        for m in TOKEN.finditer(entry):
            if m.group(1) is not None:
                cur = (cur or '') + m.group(1).encode().decode('unicode_escape').encode('latin-1').decode('utf-8')
            elif m.group(2):
                cur = SEVERITY[m.group(2)]
            elif m.group(3):
                fields.append(cur)
                cur = None
        fields.append(cur)
        rules.append(dict(zip(('id', 'severity', 'name_zh', 'name_en', 'summary_zh', 'summary_en', 'raised_in'),
                              fields)))
    return rules


def table(rules):
    out = ['| rule | severity | name | what it finds | raised in |', '| --- | --- | --- | --- | --- |']
    for r in rules:
        out.append('| `%s` | %s | %s / %s | %s（%s） | %s |' % (
            r['id'], r['severity'], r['name_zh'], r['name_en'], r['summary_en'], r['summary_zh'],
            '`%s`' % r['raised_in'] if r['raised_in'] else '(not raised yet)'))
    return '\n'.join(out)


def raised_ids():
    """rule id → the files that write it as a literal where a finding is made"""
    pat = re.compile(r'"([a-z_]+\.[a-z_.]+)",\s*NB_SEVERITY_|add \(ck, "([a-z_]+\.[a-z_.]+)"|'
                     r'add_parse_finding \([^,]+, "([a-z_]+\.[a-z_.]+)"|nb_finding_new \("([a-z_]+\.[a-z_.]+)"')
    found = {}
    for path in glob.glob(os.path.join(root, 'src/core/**/*.c'), recursive=True):
        rel = os.path.relpath(path, root)
        if rel == 'src/core/check/nb-rules.c':
            continue
        for m in pat.finditer(open(path, encoding='utf-8').read()):
            rid = next(g for g in m.groups() if g)
            found.setdefault(rid, set()).add(rel)
    for path in glob.glob(os.path.join(root, 'src/core/template/template-*.json')):
        for eq in json.load(open(path, encoding='utf-8')).get('equations', []):
            found.setdefault(eq['rule'], set()).add('src/core/check/nb-check-tables.c')
    return found


rules = parse_rules()
ids = [r['id'] for r in rules]
doc = open(DOC, encoding='utf-8').read()
want = BEGIN + '\n' + table(rules) + '\n' + END
have = doc[doc.index(BEGIN):doc.index(END) + len(END)] if BEGIN in doc and END in doc else None
if write:
    open(DOC, 'w', encoding='utf-8').write(doc.replace(have, want) if have else doc + '\n' + want + '\n')
    sys.exit(0)

checks = []
checks.append(('the rule table has rules, each once', len(ids) > 0 and len(ids) == len(set(ids)), ''))
checks.append(('every rule has all its fields', all(len(r) == 7 and all(v is not None for v in r.values())
                                                    for r in rules), ''))
checks.append(('docs/rules.md lists the table as it is (tests/test-rules.py --write)', have == want, ''))
raised = raised_ids()
missing = sorted(set(raised) - set(ids))
checks.append(('every rule the core raises is in the table', not missing, ' '.join(missing)))
wrong = sorted('%s: %s, not %s' % (rid, ', '.join(sorted(files)), dict(zip(ids, rules))[rid]['raised_in'])
               for rid, files in raised.items() if rid in ids and
               files != set(next(r for r in rules if r['id'] == rid)['raised_in'].split()))
checks.append(('each rule is raised in the one file the table names', not wrong, '; '.join(wrong)))
unraised = sorted(r['id'] for r in rules if r['raised_in'] and r['id'] not in raised)
checks.append(('each rule the table says is raised is raised there', not unraised, ' '.join(unraised)))
schema = os.path.join(root, '..', 'shared', 'SCHEMA.md')
if os.path.exists(schema):
    listed, in_rules = set(), False
    for line in open(schema, encoding='utf-8'):
        if line.startswith('| rule |'):
            in_rules = True
        elif not line.startswith('|'):
            in_rules = False
        elif in_rules:
            listed.update(re.findall(r'^\| `([a-z_]+\.[a-z_.*]+)` \|', line))
    absent = sorted(listed - set(ids))
    checks.append(('every rule SCHEMA.md lists is in the table', not absent, ' '.join(absent)))

print('1..%d' % len(checks))
ok = True
for i, (name, passed, detail) in enumerate(checks, 1):
    print('%s %d - %s%s' % ('ok' if passed else 'not ok', i, name, (' # ' + detail) if detail and not passed else ''))
    ok &= passed
sys.exit(0 if ok else 1)
