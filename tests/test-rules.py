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
#
# The messages: nb-rules.c's messages[] holds each rule's wording, a template per case
# (its key) in Chinese and English, with {name} placeholders. docs/rules.md lists them
# too; each template belongs to a rule of the table (or to "equations": any equation
# without a wording of its own); each is made somewhere, with nb_message_new ("rule",
# KEY), where KEY is a literal, a choice between literals (a ? "x" : "y") or a call of a
# function of the same file whose returns are literals; and the values given after it
# (nb_message_set* (m, "name", …), directly or through a function of the same file that
# the message is handed to, up to the next nb_message_new or the function's end) are
# every placeholder its templates use, and none they do not.
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
MBEGIN, MEND = '<!-- messages: generated from src/core/check/nb-rules.c -->', '<!-- /messages -->'
PLACEHOLDER = re.compile(r'\{([a-z0-9_]+)\}')
SEVERITY = {'NB_SEVERITY_ERROR': 'error', 'NB_SEVERITY_WARNING': 'warning', 'NB_SEVERITY_INFO': 'info'}
TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(NB_SEVERITY_[A-Z]+)|([,{}])|(/\*.*?\*/)', re.S)


def parse_table(start, names):
    """the rows of a C table of string literals and severities: a dict of names each"""
    text = open(RULES_C, encoding='utf-8').read()
    block = text[text.index(start):]
    block = block[block.index('{') + 1:block.index('\n};')]
    rows, fields, cur = [], None, None
    for m in TOKEN.finditer(block):
        if m.group(1) is not None:
            cur = (cur or '') + m.group(1).encode().decode('unicode_escape').encode('latin-1').decode('utf-8')
        elif m.group(2):
            cur = SEVERITY[m.group(2)]
        elif m.group(3) == ',' and fields is not None:
            fields.append(cur)
            cur = None
        elif m.group(3) == '{':
            fields, cur = [], None
        elif m.group(3) == '}':
            fields.append(cur)
            rows.append(dict(zip(names, fields)) if len(fields) == len(names) else {'fields': fields})
            fields, cur = None, None
    return rows


def parse_rules():
    return parse_table('static const NbRule rules[] = {',
                       ('id', 'severity', 'name_zh', 'name_en', 'summary_zh', 'summary_en', 'raised_in'))


def parse_messages():
    return parse_table('static const NbRuleMessage messages[] = {', ('rule', 'key', 'zh', 'en'))


def table(rules):
    out = ['| rule | severity | name | what it finds | raised in |', '| --- | --- | --- | --- | --- |']
    for r in rules:
        out.append('| `%s` | %s | %s / %s | %s（%s） | %s |' % (
            r['id'], r['severity'], r['name_zh'], r['name_en'], r['summary_en'], r['summary_zh'],
            '`%s`' % r['raised_in'] if r['raised_in'] else '(not raised yet)'))
    return '\n'.join(out)


def message_table(messages):
    out = ['| rule | case | message |', '| --- | --- | --- |']
    for m in messages:
        out.append('| `%s` | `%s` | %s<br>%s |' % (m['rule'], m['key'], m['zh'].replace('|', '\\|'),
                                                 m['en'].replace('|', '\\|')))
    return '\n'.join(out)


def c_functions(text):
    """name → body of each function defined in a C file (GNU style: the name starts a line)"""
    funcs = {}
    for m in re.finditer(r'^([a-z_][a-z0-9_]*) \([^;{]*?\)\n\{\n(.*?)^\}', text, re.S | re.M):
        funcs[m.group(1)] = m.group(2)
    return funcs


def call_args(text, pos):
    """the text between the parentheses of the call whose '(' is at pos"""
    depth = 0
    for i in range(pos, len(text)):
        depth += {'(': 1, ')': -1}.get(text[i], 0)
        if depth == 0:
            return text[pos + 1:i]
    return text[pos + 1:]


def split_args(args):
    out, depth, cur = [], 0, ''
    for ch in args:
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            continue
        depth += {'(': 1, ')': -1}.get(ch, 0)
        cur += ch
    return out + [cur.strip()]


SET = re.compile(r'nb_message_set(?:_lang|_int|_number)? \((\w+), "([a-z0-9_]+)"')


def names_given(funcs, body, seen=()):
    """the placeholders body gives values to, itself or through the file's functions it calls
    (one handed the message, or a setter of its own: handed the message and the name)"""
    setters = [f for f in funcs if re.search(r'NbMessage\s*\*\w+,\s*const char\s*\*name', f_signature.get(f, ''))]
    names = set(m.group(2) for m in SET.finditer(body))
    for f in setters:
        names |= set(re.findall(r'\b%s \(\w+, "([a-z0-9_]+)"' % f, body))
    for m in re.finditer(r'\b([a-z_][a-z0-9_]*) \(', body):
        f = m.group(1)
        if f in funcs and f not in seen and 'NbMessage' in f_signature.get(f, ''):
            names |= names_given(funcs, funcs[f], seen + (f,))
    return names


f_signature = {}


def c_files():
    """(path relative to the root, text, functions, signatures) of each C file of the core"""
    out = []
    for path in sorted(glob.glob(os.path.join(root, 'src/core/**/*.c'), recursive=True)):
        rel = os.path.relpath(path, root)
        if rel in ('src/core/nb-message.c', 'src/core/check/nb-rules.c'):
            continue
        text = open(path, encoding='utf-8').read()
        sigs = {m.group(1): m.group(2)
                for m in re.finditer(r'^([a-z_][a-z0-9_]*) \(([^;{]*?)\)\n\{', text, re.S | re.M)}
        out.append((rel, text, c_functions(text), sigs))
    return out


def literals(expr):
    return set(re.findall(r'"([^"]*)"', expr))


def message_wrappers(files):
    """functions that make a message of their own rule(s) for the case they are handed:
    name → (the rules, which argument is the case)"""
    wrappers = {}
    for rel, text, funcs, sigs in files:
        for name, body in funcs.items():
            params = [(re.findall(r'(\w+)\W*$', a) or [''])[0] for a in sigs.get(name, '').split(',')]
            for m in re.finditer(r'nb_message_new \(', body):
                args = split_args(call_args(body, body.index('(', m.start())))
                if args[1] in params:
                    wrappers[name] = (literals(args[0]), params.index(args[1]))
    return wrappers


def message_sites():
    """(file, rules, keys, names given, the call) for each message made in the core: by
    nb_message_new or by a wrapper of it, with the values given after it"""
    files = c_files()
    wrappers = message_wrappers(files)
    sites = []
    for rel, text, funcs, sigs in files:
        f_signature.clear()
        f_signature.update(sigs)
        calls = re.compile(r'\b(%s) \(' % '|'.join(['nb_message_new'] + [re.escape(w) for w in wrappers]))
        for name, body in funcs.items():
            found = []
            for m in calls.finditer(body):
                args = split_args(call_args(body, body.index('(', m.start())))
                if m.group(1) == 'nb_message_new':
                    if name in wrappers:
                        continue  # the wrapper itself: its callers are the sites
                    rules, key = literals(args[0]), args[1]
                else:
                    rules, key = wrappers[m.group(1)][0], args[wrappers[m.group(1)][1]]
                call = re.fullmatch(r'([a-z_][a-z0-9_]*) \(.*\)', key, re.S)
                if call and call.group(1) in funcs:
                    keys = set(k for ret in re.findall(r'return ([^;]*);', funcs[call.group(1)]) for k in literals(ret))
                else:
                    keys = literals(key)
                found.append((m.start(), rules, keys, '%s (%s)' % (m.group(1), ', '.join(args))))
            for i, (at, rules, keys, call) in enumerate(found):
                region = body[at:found[i + 1][0] if i + 1 < len(found) else len(body)]
                sites.append((rel, rules, keys, names_given(funcs, region), call))
    return sites


def raised_ids():
    """rule id → the files that write it as a literal where a finding is made"""
    pat = re.compile(r'"([a-z_]+\.[a-z_.]+)",\s*NB_SEVERITY_|add \(ck, "([a-z_]+\.[a-z_.]+)"|'
                     r'add_parse_finding \([^,]+, "([a-z_]+\.[a-z_.]+)"|nb_finding_new \("([a-z_]+\.[a-z_.]+)"|'
                     r'nb_message_new \(([^,]*),')
    found = {}
    for path in glob.glob(os.path.join(root, 'src/core/**/*.c'), recursive=True):
        rel = os.path.relpath(path, root)
        if rel == 'src/core/check/nb-rules.c':
            continue
        for m in pat.finditer(open(path, encoding='utf-8').read()):
            for rid in [g for g in m.groups()[:4] if g] or re.findall(r'"([a-z_]+\.[a-z_.]+)"', m.group(5)):
                found.setdefault(rid, set()).add(rel)
    for path in glob.glob(os.path.join(root, 'src/core/template/template-*.json')):
        for eq in json.load(open(path, encoding='utf-8')).get('equations', []):
            found.setdefault(eq['rule'], set()).add('src/core/check/nb-check-tables.c')
    return found


rules = parse_rules()
messages = parse_messages()
ids = [r['id'] for r in rules]
doc = open(DOC, encoding='utf-8').read()
want = BEGIN + '\n' + table(rules) + '\n' + END
have = doc[doc.index(BEGIN):doc.index(END) + len(END)] if BEGIN in doc and END in doc else None
mwant = MBEGIN + '\n' + message_table(messages) + '\n' + MEND
mhave = doc[doc.index(MBEGIN):doc.index(MEND) + len(MEND)] if MBEGIN in doc and MEND in doc else None
if write:
    doc = doc.replace(have, want) if have else doc + '\n' + want + '\n'
    doc = doc.replace(mhave, mwant) if mhave else doc + '\n## Messages\n\n' + mwant + '\n'
    open(DOC, 'w', encoding='utf-8').write(doc)
    sys.exit(0)

checks = []
checks.append(('the rule table has rules, each once', len(ids) > 0 and len(ids) == len(set(ids)), ''))
checks.append(('every rule has all its fields', all(len(r) == 7 and all(v is not None for v in r.values())
                                                    for r in rules), ''))
checks.append(('docs/rules.md lists the table as it is (tests/test-rules.py --write)', have == want, ''))
checks.append(('docs/rules.md lists the messages as they are (tests/test-rules.py --write)', mhave == mwant, ''))
pairs = [(m.get('rule'), m.get('key')) for m in messages]
checks.append(('every message has its four fields, and each rule and case is there once',
               all(len(m) == 4 and all(m.values()) for m in messages) and len(pairs) == len(set(pairs)),
               ' '.join('%s/%s' % p for p in pairs if pairs.count(p) > 1)))
stray = sorted('%s/%s' % p for p in pairs if p[0] not in ids and p[0] != 'equations')
checks.append(('every message belongs to a rule of the table', not stray, ' '.join(stray)))
bad = []
for m in messages:
    for lang in ('zh', 'en'):
        rest = PLACEHOLDER.sub('', m.get(lang) or '')
        if '{' in rest or '}' in rest or re.search(r'%[-+ #0]*[0-9*]*(\.[0-9*]+)?[hlLqjzt]*[diouxXeEfFgGaAcspn%]', rest):
            bad.append('%s/%s %s' % (m.get('rule'), m.get('key'), lang))
checks.append(('a template has only {name} placeholders, no stray braces and no printf directives',
               not bad, '; '.join(bad)))
templates = {(m.get('rule'), m.get('key')): m for m in messages}
sites = message_sites()
problems, made = [], set()
for rel, site_rules, keys, names, call in sites:
    if not site_rules or not keys:
        problems.append('%s: %s: the rule and the cases must be literals' % (rel, call))
        continue
    used = set()
    for key in keys:
        pairs_made = [(r, key) for r in site_rules if (r, key) in templates]
        if not pairs_made:
            problems.append('%s: no message %s/%s' % (rel, '|'.join(sorted(site_rules)), key))
        for pair in pairs_made:
            made.add(pair)
            for lang in ('zh', 'en'):
                want_names = set(PLACEHOLDER.findall(templates[pair][lang]))
                used |= want_names
                if want_names - names:
                    problems.append('%s: %s/%s (%s) needs {%s}' % (rel, pair[0], key, lang,
                                                                 '}, {'.join(sorted(want_names - names))))
    if names - used:
        problems.append('%s: %s/%s given {%s}, which no template of it uses' % (
            rel, '|'.join(sorted(site_rules)), '|'.join(sorted(keys)), '}, {'.join(sorted(names - used))))
checks.append(('each place a message is made gives every placeholder its templates use, and no other',
               not problems, '; '.join(problems)))
# a finding made with words of its own, not the table's: nb-report.c's nb_report_add_parse_finding () passes its caller's words on (its callers
# are checked)
COMPOSED_OK = {'src/core/nb-report.c'}
composed = sorted('%s: %s' % (rel, m.group(0).strip())
                  for rel, text, funcs, sigs in c_files() if rel not in COMPOSED_OK
                  for m in re.finditer(r'\b(?:nb_finding_new|nb_report_add_parse_finding|add) \((?!const char|NbReport|Checker)[^;]*;', text))
checks.append(('findings say the table\'s messages (nb_message_new), none composed where raised',
               not composed, '; '.join(c.split('\n')[0] for c in composed)))
unmade = sorted('%s/%s' % p for p in pairs if p not in made)
checks.append(('every message of the table is made somewhere', not unmade, ' '.join(unmade)))
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
