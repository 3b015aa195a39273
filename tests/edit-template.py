#!/usr/bin/env python3
# edit-template.py — a copy of the template's description with one synonym and one equation more
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   edit-template.py OUTDIR TEMPLATE_DIR
#
# For tests/test-template-edit.c, which shows that such changes need the
# description only: the row 8.属于行政查询事项 gets the synonym 查档类事项, and the
# 2021 edition an equation (rule test.equation) that 三、(一)予以公开 and (二)部分公开
# make 一、本年新收 in the total column.
import json
import os
import shutil
import sys

out, src = sys.argv[1], sys.argv[2]
shutil.copy(os.path.join(src, 'template-common.json'), os.path.join(out, 'template-common.json'))
for edition in ('2021', '2019'):
    with open(os.path.join(src, 'template-%s.json' % edition), encoding='utf-8') as f:
        d = json.load(f)
    for row in d['request_rows']:
        if row['id'] == 'withheld.admin_query':
            row['keys'].append('查档类事项')
    if edition == '2021':
        d.setdefault('equations', []).append({
            'rule': 'test.equation', 'severity': 'warning',
            'parts': ['requests.public.total', 'requests.partial.total'],
            'totals': ['requests.new.total']})
    with open(os.path.join(out, 'template-%s.json' % edition), 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
