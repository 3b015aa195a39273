#!/usr/bin/env python3
# gen-template.py — turns the template's description into C tables
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   gen-template.py OUTPUT.c template-2021.json template-2019.json
#
# Each edition's file names its base (template-common.json); the two are merged,
# every reference is checked (row, column, group and field ids, the cells the
# equations and header name, rule ids against src/core/check/nb-rules.c's ids
# when --rules names that file), and the C tables nb-template.h declares are
# written. A description that does not check makes the build fail with the reason.

import json
import os
import re
import sys

EDITIONS = {'2021': 'NB_EDITION_2021', '2019': 'NB_EDITION_2019'}
KINDS = {'count': 'NB_CELL_COUNT', 'amount': 'NB_CELL_AMOUNT', 'signed': 'NB_CELL_SIGNED', 'unit': 'NB_CELL_UNIT'}
SEVERITIES = {'error': 'NB_SEVERITY_ERROR', 'warning': 'NB_SEVERITY_WARNING', 'info': 'NB_SEVERITY_INFO'}
TABLES = {'active': 'NB_TABLE_ACTIVE', 'requests': 'NB_TABLE_REQUESTS', 'appeals': 'NB_TABLE_APPEALS'}
N_SECTIONS = 6
# nb-template.h's limits
MAX_TABLES = 3
MAX_ACTIVE_ITEMS = 16
MAX_REQUEST_ROWS = 25
MAX_EQUATION_PARTS = 24
MAX_EQUATION_TOTALS = 2
MAX_MARKER_CHARS = 12
N_REQUEST_COLUMNS = 7  # nb-schema.h's NB_N_REQUEST_COLUMNS
N_APPEAL_GROUPS = 3
N_APPEAL_FIELDS = 5


FIGURE_UNITS = {'count': 'NB_FIGURE_COUNT', 'amount': 'NB_FIGURE_AMOUNT', 'percent': 'NB_FIGURE_PERCENT'}
FIGURE_FLAGS = {'after': 'NB_FIGURE_AFTER', 'appeal': 'NB_FIGURE_APPEAL', 'share': 'NB_FIGURE_SHARE'}
FIGURE_WORDS = ['gap', 'scope', 'comparison', 'narrowing']  # nb-template.h's NbFigureWords
MAX_FIGURE_READINGS = 3  # nb-check-prose.c's limits
MAX_FIGURE_TERMS = 8


class DescriptionError (Exception):
    pass


def fail(path, msg):
    raise DescriptionError('%s: %s' % (path, msg))


def load(path):
    with open(path, encoding='utf-8') as f:
        d = json.load(f)
    base = d.pop('base', None)
    if base:
        with open(os.path.join(os.path.dirname(path), base), encoding='utf-8') as f:
            common = json.load(f)
        for k, v in common.items():
            if k in ('equations', 'figures'):
                d[k] = v + d.get(k, [])
            else:
                d.setdefault(k, v)
    return d


def c_str(s):
    if s is None:
        return 'NULL'
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += '\\' + ch
        elif ch == '\n':
            out += '\\n'
        else:
            out += ch
    return out + '"'


def unique_ids(path, what, items):
    seen = set()
    for it in items:
        if 'id' not in it:
            fail(path, '%s without an id: %r' % (what, it))
        if it['id'] in seen:
            fail(path, '%s %s twice' % (what, it['id']))
        seen.add(it['id'])


def build_cells(path, d):
    """The cells in the order nb-schema.h indexes them: section 二's, 三's, 四's."""
    cells = []
    active_first = []
    for i, item in enumerate(d['active']):
        active_first.append(len(cells))
        if 'fields' in item:
            for f, field in enumerate(item['fields']):
                if field.get('kind') not in KINDS:
                    fail(path, 'active.%s.%s: kind %r' % (item['id'], field.get('id'), field.get('kind')))
                cells.append(('active.%s.%s' % (item['id'], field['id']), 'active', item['id'], field['id'],
                              i, f, field['kind']))
        else:
            field = item.get('field')
            if not field or field.get('kind') not in KINDS:
                fail(path, 'active.%s has neither fields nor a field with a kind' % item['id'])
            cells.append(('active.%s' % item['id'], 'active', item['id'], None, i, 0, field['kind']))
    first_request = len(cells)
    for r, row in enumerate(d['request_rows']):
        for c, col in enumerate(d['request_columns']):
            cells.append(('requests.%s.%s' % (row['id'], col['id']), 'requests', row['id'], col['id'], r, c, 'count'))
    first_appeal = len(cells)
    for g, group in enumerate(d['appeal_groups']):
        for f, field in enumerate(d['appeal_fields']):
            cells.append(('appeals.%s.%s' % (group['id'], field['id']), 'appeals', group['id'], field['id'], g, f,
                          'count'))
    return cells, active_first, first_request, first_appeal


RANGE = re.compile(r'\[([^,\]]+),([^)\]]+)([)\]])')


def expand_cell(path, d, pattern, subst, by_id):
    """A term's cells: {row}/{col}/{group} substituted; requests.[a,b).col is rows a up to b
    (excluded; ] includes b)."""
    name = pattern
    for k, v in subst.items():
        name = name.replace('{%s}' % k, v)
    m = RANGE.search(name)
    if m:
        rows = [r['id'] for r in d['request_rows']]
        a, b, close = m.group(1), m.group(2), m.group(3)
        if a not in rows or b not in rows:
            fail(path, 'equation range %s names no row' % pattern)
        ia, ib = rows.index(a), rows.index(b) + (1 if close == ']' else 0)
        if ib <= ia:
            fail(path, 'equation range %s is empty' % pattern)
        names = [name[:m.start()] + rows[i] + name[m.end():] for i in range(ia, ib)]
    else:
        names = [name]
    out = []
    for n in names:
        if '{' in n or n not in by_id:
            fail(path, 'equation cell %s (from %s) is no cell of the template' % (n, pattern))
        out.append(by_id[n])
    return out


def build_equations(path, d, by_id, rule_ids):
    eqs = []
    for e in d.get('equations', []):
        rule, sev = e.get('rule'), e.get('severity')
        if sev not in SEVERITIES:
            fail(path, 'equation %s: severity %r' % (rule, sev))
        if rule_ids is not None and rule not in rule_ids:
            fail(path, 'equation rule %s is not in the rule table' % rule)
        each = e.get('each')
        if each == 'request_row':
            substs = [{'row': r['id']} for r in d['request_rows']]
        elif each == 'request_column':
            substs = [{'col': c['id']} for c in d['request_columns']]
        elif each == 'appeal_group':
            substs = [{'group': g['id']} for g in d['appeal_groups']]
        elif each is None:
            substs = [{}]
        else:
            fail(path, 'equation %s: each %r' % (rule, each))
        for s in substs:
            parts = [c for p in e['parts'] for c in expand_cell(path, d, p, s, by_id)]
            totals = [c for p in e['totals'] for c in expand_cell(path, d, p, s, by_id)]
            if not parts or not totals or len(set(parts + totals)) != len(parts + totals):
                fail(path, 'equation %s: parts and totals must be distinct cells' % rule)
            if len(parts) > MAX_EQUATION_PARTS or len(totals) > MAX_EQUATION_TOTALS:
                fail(path, 'equation %s: more parts or totals than nb-template.h allows' % rule)
            eqs.append((rule, sev, parts, totals))
    return eqs


def figure_readings(path, d, by_id, where, readings, appeal=False):
    """[[id, …], …] as the C string "a+b|c", each id checked: a cell of the edition, or
    for an appeal result a field of section 四 (its group is the one its sentence names)."""
    fields = [f['id'] for f in d['appeal_fields']]
    if not isinstance(readings, list) or len(readings) > MAX_FIGURE_READINGS:
        fail(path, '%s: a list of at most %d readings' % (where, MAX_FIGURE_READINGS))
    for r in readings:
        if not r or len(r) * (len(d['appeal_groups']) if appeal else 1) > MAX_FIGURE_TERMS:
            fail(path, '%s: a reading of 1 to %d cells' % (where, MAX_FIGURE_TERMS))
        for c in r:
            if c not in (fields if appeal else by_id):
                fail(path, '%s: %s is no %s of the template' % (where, c, 'appeal field' if appeal else 'cell'))
    return '|'.join('+'.join(r) for r in readings)


def words_of(path, where, words):
    if not words or any(not w or '|' in w or '+' in w for w in words):
        fail(path, '%s: a list of words, without | or +' % where)
    return '|'.join(words)


def build_figures(path, d, by_id):
    """The grammar of the figures the prose gives, its claims and its words (nb-check-prose.c)."""
    figures = []
    for f in d.get('figures', []):
        where = 'figure %s' % '|'.join(f.get('keys') or ['?'])
        flags = f.get('flags', [])
        if f.get('unit') not in FIGURE_UNITS or any(x not in FIGURE_FLAGS for x in flags):
            fail(path, '%s: a unit (%s), flags of %s' % (where, ', '.join(FIGURE_UNITS), ', '.join(FIGURE_FLAGS)))
        if ('share' in flags) == bool(f.get('cells')):
            fail(path, '%s: cells, unless it is a share of the figure before it' % where)
        if (f['unit'] == 'percent') != bool(f.get('per')):
            fail(path, '%s: a percentage has "per" (its denominators), a count or amount none' % where)
        figures.append((words_of(path, where, f.get('keys')),
                        figure_readings(path, d, by_id, where, f.get('cells', []), 'appeal' in flags),
                        figure_readings(path, d, by_id, where, f['per']) if f.get('per') else None,
                        f.get('context'), f.get('counters'), FIGURE_UNITS[f['unit']],
                        ' | '.join(FIGURE_FLAGS[x] for x in flags) or '0', f['zh'], f['en']))
    claims = []
    for c in d.get('claims', []):
        where = 'claim %s' % '|'.join(c.get('keys') or ['?'])
        claims.append((words_of(path, where, c.get('keys')), figure_readings(path, d, by_id, where, c.get('cells')),
                       figure_readings(path, d, by_id, where, c['equals']) if c.get('equals') else None,
                       words_of(path, where, c['unless']) if c.get('unless') else None))
    words = d.get('figure_words', {})
    for k in FIGURE_WORDS:
        words_of(path, 'figure_words.%s' % k, words.get(k))
    return figures, claims, [words[k] for k in FIGURE_WORDS]


def check(path, d):
    for key in ('edition', 'sections', 'tables', 'active', 'request_rows', 'request_columns',
                'appeal_groups', 'appeal_fields', 'markers', 'request_header'):
        if key not in d:
            fail(path, 'no "%s"' % key)
    if d['edition'] not in EDITIONS:
        fail(path, 'edition %r' % d['edition'])
    if len(d['sections']) != N_SECTIONS:
        fail(path, 'the template has %d sections' % N_SECTIONS)
    for what in ('active', 'request_rows', 'request_columns', 'appeal_groups', 'appeal_fields', 'tables'):
        unique_ids(path, what, d[what])
    for t in d['tables']:
        if t['id'] not in TABLES or not 1 <= t['section'] <= N_SECTIONS:
            fail(path, 'table %s in section %s' % (t['id'], t['section']))
        # section 四 is read as one row: the parser names it so in its findings
        if t['id'] == 'appeals' and not ('zh' in t.get('as_row', {}) and 'zh' in t.get('values', {})):
            fail(path, 'table appeals needs "as_row" and "values" names')
    for s in d['sections']:
        if len(s['numeral']) != 1 or not s['keys']:
            fail(path, 'section %s: one numeral and keys' % s.get('zh'))
    for r in d['request_rows']:
        if not r.get('keys'):
            fail(path, 'row %s has no keys' % r['id'])
    for it in d['active']:
        if not it.get('keys'):
            fail(path, 'item %s has no keys' % it['id'])
    if d['request_columns'][-1]['id'] != 'total':
        fail(path, 'section 三\'s last column is its total')
    for what, n, limit in (('tables', len(d['tables']), MAX_TABLES), ('active items', len(d['active']), MAX_ACTIVE_ITEMS),
                           ('request rows', len(d['request_rows']), MAX_REQUEST_ROWS)):
        if n > limit:
            fail(path, '%d %s: nb-template.h allows %d' % (n, what, limit))
    for what, n, want in (('request columns', len(d['request_columns']), N_REQUEST_COLUMNS),
                          ('appeal groups', len(d['appeal_groups']), N_APPEAL_GROUPS),
                          ('appeal fields', len(d['appeal_fields']), N_APPEAL_FIELDS)):
        if n != want:
            fail(path, '%d %s: nb-schema.h says %d' % (n, what, want))
    for m in d['markers']:
        if len(m) > MAX_MARKER_CHARS:
            fail(path, 'marker %s: longer than %d characters' % (m, MAX_MARKER_CHARS))


def gen_edition(out, path, d, rule_ids):
    e = d['edition']
    check(path, d)
    cells, active_first, first_request, first_appeal = build_cells(path, d)
    by_id = {c[0]: i for i, c in enumerate(cells)}
    if len(by_id) != len(cells):
        fail(path, 'two cells with one id')
    eqs = build_equations(path, d, by_id, rule_ids)
    figures, claims, figure_words = build_figures(path, d, by_id)
    p = 'e%s_' % e
    w = out.append

    w('/* ---- edition %s (%s) ---- */\n' % (e, os.path.basename(path)))
    for k, s in enumerate(d['sections']):
        w('static const char *const %ssection%d_keys[] = { %s };\n' % (p, k, ', '.join(c_str(x) for x in s['keys'])))
    w('static const NbTemplateSection %ssections[] = {\n' % p)
    for k, s in enumerate(d['sections']):
        w('  { 0x%04X, %ssection%d_keys, %d, %s, %s, %s },\n' % (ord(s['numeral']), p, k, len(s['keys']),
                                                           c_str(s.get('also')), c_str(s['zh']), c_str(s['en'])))
    w('};\n')

    for t in d['tables']:
        w('static const char *const %stable_%s_start[] = { %s };\n' % (p, t['id'], ', '.join(c_str(x) for x in t['start_keys'])))
        w('static const char *const %stable_%s_printed[] = { %s };\n' % (p, t['id'], ', '.join(c_str(x) for x in t.get('printed', [])) or 'NULL'))
    w('static const NbTemplateTable %stables[] = {\n' % p)
    for t in d['tables']:
        as_row, values = t.get('as_row', {}), t.get('values', {})
        w('  { %s, %d, %s, %s, %stable_%s_start, %d, %stable_%s_printed, %d, %s, %s, %s, %s },\n' % (
            TABLES[t['id']], t['section'] - 1, c_str(t['zh']), c_str(t['en']), p, t['id'], len(t['start_keys']),
            p, t['id'], len(t.get('printed', [])), c_str(as_row.get('zh')), c_str(as_row.get('en')),
            c_str(values.get('zh')), c_str(values.get('en'))))
    w('};\n')

    for i, it in enumerate(d['active']):
        w('static const char *const %sactive%d_keys[] = { %s };\n' % (p, i, ', '.join(c_str(x) for x in it['keys'])))
        fields = it['fields'] if 'fields' in it else [dict(it['field'], id=None, en=None)]
        w('static const NbTemplateField %sactive%d_fields[] = {\n' % (p, i))
        for f in fields:
            w('  { %s, %s, %s, %s },\n' % (c_str(f['id']), c_str(f['zh']), c_str(f.get('en')), KINDS[f['kind']]))
        w('};\n')
    w('static const NbTemplateActiveItem %sactive[] = {\n' % p)
    for i, it in enumerate(d['active']):
        n_fields = len(it['fields']) if 'fields' in it else 1
        n_values = it.get('n_values', n_fields)
        if not 1 <= n_values <= n_fields:
            fail(path, 'active.%s: n_values %d' % (it['id'], n_values))
        w('  { %s, %s, %s, %s, %sactive%d_keys, %d, %sactive%d_fields, %d, %d, %d },\n' % (
            c_str(it['id']), c_str(it['zh']), c_str(it['en']), c_str(it['group']), p, i, len(it['keys']),
            p, i, n_fields, n_values, active_first[i]))
    w('};\n')

    for r, row in enumerate(d['request_rows']):
        w('static const NbTemplateKey %srow%d_keys[] = { %s };\n' % (
            p, r, ', '.join('{ %s, %s }' % (c_str(k[:-1] if k.endswith('$') else k), 'TRUE' if k.endswith('$') else 'FALSE')
                            for k in row['keys'])))
        if row.get('printed'):
            w('static const char *const %srow%d_printed[] = { %s };\n' % (p, r, ', '.join(c_str(x) for x in row['printed'])))
    w('static const NbTemplateRow %srows[] = {\n' % p)
    for r, row in enumerate(d['request_rows']):
        printed = ('%srow%d_printed, %d' % (p, r, len(row['printed']))) if row.get('printed') else 'NULL, 0'
        w('  { %s, %s, %s, %srow%d_keys, %d, %s },\n' % (c_str(row['id']), c_str(row['zh']), c_str(row['en']),
                                                       p, r, len(row['keys']), printed))
    w('};\n')

    for what in ('request_columns', 'appeal_groups', 'appeal_fields'):
        w('static const NbTemplateName %s%s[] = {\n' % (p, what))
        for x in d[what]:
            w('  { %s, %s, %s },\n' % (c_str(x['id']), c_str(x['zh']), c_str(x['en'])))
        w('};\n')

    w('static const NbCellDef %scells[] = {\n' % p)
    for c in cells:
        w('  { %s, %s, %s, %s, %d, %d, %s },\n' % (c_str(c[0]), TABLES[c[1]], c_str(c[2]), c_str(c[3]), c[4], c[5],
                                                KINDS[c[6]]))
    w('};\n')
    order = sorted(range(len(cells)), key=lambda i: cells[i][0].encode())
    w('static const guint16 %scells_by_id[] = {\n' % p)
    for k in range(0, len(order), 16):
        w('  %s,\n' % ', '.join(str(i) for i in order[k:k + 16]))
    w('};\n')

    w('static const char *const %smarkers[] = { %s };\n' % (p, ', '.join(c_str(x) for x in d['markers'])))

    for n, (rule, sev, parts, totals) in enumerate(eqs):
        w('static const NbEquationTerm %seq%d[] = { %s };\n' % (
            p, n, ', '.join(['{ %d, 1 }' % c for c in parts] + ['{ %d, -1 }' % c for c in totals])))
    w('static const NbEquation %sequations[] = {\n' % p)
    for n, (rule, sev, parts, totals) in enumerate(eqs):
        w('  { %s, %s, %d, %seq%d },\n' % (c_str(rule), SEVERITIES[sev], len(parts) + len(totals), p, n))
    w('};\n')

    cols = [c['id'] for c in d['request_columns']]
    rows = [r['id'] for r in d['request_rows']]
    w('static const NbTemplateHeaderGroup %scolumn_groups[] = {\n' % p)
    for g in d['request_header']['column_groups']:
        if g['first'] not in cols or g['last'] not in cols:
            fail(path, 'header group %s names no column' % g['zh'])
        w('  { %s, %d, %d },\n' % (c_str(g['zh']), cols.index(g['first']), cols.index(g['last'])))
    w('};\n')
    w('static const NbTemplateHeaderGroup %srow_groups[] = {\n' % p)
    for g in d['request_header']['row_groups']:
        # the rows one of the equation's instances covers, in section 三
        eq = [x for x in eqs if x[0] == g['equation']]
        if not eq:
            fail(path, 'header group %s: no equation %s' % (g['zh'], g['equation']))
        rs = [cells[c][4] for c in eq[0][2] + eq[0][3]]
        if any(cells[c][1] != 'requests' for c in eq[0][2] + eq[0][3]):
            fail(path, 'header group %s: equation %s is not over section 三' % (g['zh'], g['equation']))
        w('  { %s, %d, %d },\n' % (c_str(g['zh']), min(rs), max(rs)))
    w('};\n')

    w('static const NbTemplateFigure %sfigures[] = {\n' % p)
    for f in figures:
        w('  { %s, %s, %s, %s, %s, %s, %s, %s, %s },\n' % (tuple(c_str(x) for x in f[:5]) + (f[5], f[6]) +
                                                          (c_str(f[7]), c_str(f[8]))))
    w('};\n')
    w('static const NbTemplateClaim %sclaims[] = {\n' % p)
    for c in claims:
        w('  { %s },\n' % ', '.join(c_str(x) for x in c))
    w('};\n')
    for k, words in zip(FIGURE_WORDS, figure_words):
        w('static const char *const %sfigure_%s[] = { %s, NULL };\n' % (p, k, ', '.join(c_str(x) for x in words)))

    w('static const NbTemplate %stemplate = {\n' % p)
    w('  %s, %s, %ssections, %stables, %d,\n' % (EDITIONS[e], c_str(e), p, p, len(d['tables'])))
    w('  %sactive, %d, %srows, %d,\n' % (p, len(d['active']), p, len(rows)))
    w('  %srequest_columns, %d, %sappeal_groups, %d, %sappeal_fields, %d,\n' % (
        p, len(cols), p, len(d['appeal_groups']), p, len(d['appeal_fields'])))
    w('  %scells, %d, %scells_by_id, %d, %d,\n' % (p, len(cells), p, first_request, first_appeal))
    w('  %smarkers, %d, %sequations, %d,\n' % (p, len(d['markers']), p, len(eqs)))
    w('  %scolumn_groups, %d, %srow_groups, %d,\n' % (p, len(d['request_header']['column_groups']),
                                                   p, len(d['request_header']['row_groups'])))
    w('  %sfigures, %d, %sclaims, %d,\n' % (p, len(figures), p, len(claims)))
    w('  { %s },\n' % ', '.join('%sfigure_%s' % (p, k) for k in FIGURE_WORDS))
    w('};\n\n')
    return e


def rule_ids_of(path):
    with open(path, encoding='utf-8') as f:
        return set(re.findall(r'^\s*\{\s*"([a-z_]+\.[a-z_.]+)"', f.read(), re.M))


def main(argv):
    args = argv[1:]
    rule_ids = None
    if len(args) >= 2 and args[0] == '--rules':
        rule_ids = rule_ids_of(args[1])
        args = args[2:]
    output, inputs = args[0], args[1:]
    out = ['/* Generated by gen-template.py from %s: do not edit. */\n'
           '#include "config.h"\n\n#include "nb-template.h"\n\n' % ', '.join(os.path.basename(i) for i in inputs)]
    editions = []
    sections = None
    try:
        for path in inputs:
            d = load(path)
            # the parser finds the sections before it knows the edition
            if sections is not None and d.get('sections') != sections:
                fail(path, 'its sections differ from the other editions\'')
            sections = d.get('sections')
            editions.append(gen_edition(out, path, d, rule_ids))
    except (DescriptionError, KeyError, ValueError) as e:
        sys.stderr.write('gen-template.py: %s\n' % e)
        return 1
    if sorted(editions) != sorted(EDITIONS):
        sys.stderr.write('gen-template.py: need one description per edition: %s\n' % ', '.join(EDITIONS))
        return 1
    out.append('const NbTemplate *\nnb_template_get (NbEdition edition)\n{\n  switch (edition)\n    {\n')
    for e in editions:
        out.append('    case %s: return &e%s_template;\n' % (EDITIONS[e], e))
    out.append('    default: g_return_val_if_reached (&e2021_template);\n    }\n}\n')
    text = ''.join(out)
    if os.path.exists(output) and open(output, encoding='utf-8').read() == text:
        return 0
    with open(output, 'w', encoding='utf-8') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
