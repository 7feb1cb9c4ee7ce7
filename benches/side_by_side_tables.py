# Markdown tables of a benches/side_by_side.sh run: python3 benches/side_by_side_tables.py OUTDIR
# With a second build (P_BEFORE), also the before/after tables: its lines against ours, same run.
import collections
import json
import os
import statistics as st
import sys

R = sys.argv[1]
SIZES = ['small', 'medium', 'large']
W = ['w1_rank_avg', 'w1_rank_min', 'w2_growth', 'w3_cagr', 'w4_target']


def json_lines(path):
    try:
        with open(path) as f:
            return [json.loads(l) for l in f if l.startswith('{')]
    except FileNotFoundError:
        return []


def peers(path):
    out = {}
    for d in json_lines(path):
        if 'peer' in d:
            out[(d['peer'] + ('-1t' if d.get('threads') == 1 and d['peer'] == 'polars' else ''), d['workload'])] = d
    return out


def runs(path):
    """Per workload, the (parse_s, compute_s) of each invocation."""
    by = collections.defaultdict(list)
    for d in json_lines(path):
        by[d['workload']].append((d['parse_s'], d['compute_s']))
    return by


def ours(path):
    return {w: (st.median(p for p, _ in v), st.median(c for _, c in v)) for w, v in runs(path).items()}


def whole(path):
    """Per label, (median wall s, max peak MiB) of /usr/bin/time lines "LABEL %e %M"."""
    by = collections.defaultdict(list)
    try:
        with open(path) as f:
            for l in f:
                x = l.split()
                if len(x) < 3 or l.startswith('Command'):
                    continue
                try:
                    by[' '.join(x[:-2])].append((float(x[-2]), int(x[-1]) / 1024))
                except ValueError:
                    pass
    except FileNotFoundError:
        return None
    return {k: (st.median(a for a, _ in v), max(b for _, b in v)) for k, v in by.items()}


def f(x):
    x *= 1e3
    return f"{x:,.0f}" if x >= 1000 else (f"{x:.1f}" if x >= 10 else f"{x:.2f}")


for s in SIZES:
    o = ours(f'{R}/ours-{s}.jsonl')
    if not o:
        continue
    p = peers(f'{R}/peer-{s}.jsonl')
    p.update(peers(f'{R}/peer1t-{s}.jsonl'))
    has1t = any(k[0] == 'polars-1t' for k in p)
    cols = ['pandas', 'polars'] + (['polars-1t'] if has1t else [])
    print(f'\n#### {s}, ms (parse / compute)\n')
    print('| workload | ' + ' | '.join({'pandas': 'pandas', 'polars': 'polars-2t', 'polars-1t': 'polars-1t'}[c] for c in cols)
          + ' | indstat | parse ratio | compute ratio |')
    print('|---|' + '---|' * len(cols) + '---|---:|---:|')
    for w in W:
        if w not in o:
            continue
        cells, bp, bc = [], [], []
        for c in cols:
            d = p.get((c, w))
            if d:
                cells.append(f"{f(d['parse_s'])} / {f(d['compute_s'])}")
                bp.append(d['parse_s'])
                bc.append(d['compute_s'])
            else:
                cells.append('')
        op, oc = o[w]
        ratios = f"{op / min(bp):.2f}x | {oc / min(bc):.2f}x" if bp else ' | '
        print(f"| {w} | {' | '.join(cells)} | {f(op)} / {f(oc)} | {ratios} |")

# first repetitions in fresh processes, against the peers' (COLD_PEERS sizes)
for s in SIZES:
    oc = ours(f'{R}/cold-{s}.jsonl')
    by = collections.defaultdict(list)
    for d in json_lines(f'{R}/coldpeer-{s}.jsonl'):
        if 'peer' in d:
            by[(d['peer'], d['workload'])].append(d)
    if not oc or not by:
        continue
    print(f'\n#### {s}, first repetition in a fresh process, ms (parse / compute)\n')
    print('| workload | pandas | polars-2t | indstat | parse ratio | compute ratio |')
    print('|---|---|---|---|---:|---:|')
    for w in ['w1_rank_avg', 'w2_growth', 'w3_cagr', 'w4_target']:
        cells, bp, bc = [], [], []
        for peer in ['pandas', 'polars']:
            v = by.get((peer, w), [])
            if v:
                a = st.median(x['parse_s'] for x in v)
                b = st.median(x['compute_s'] for x in v)
                cells.append(f"{f(a)} / {f(b)}")
                bp.append(a)
                bc.append(b)
        if w not in oc or not bp:
            continue
        op, ocm = oc[w]
        print(f"| {w} | {' | '.join(cells)} | {f(op)} / {f(ocm)} | {op / min(bp):.2f}x | {ocm / min(bc):.2f}x |")
oc = ours(f'{R}/cold-large.jsonl')
if oc:
    print('\nlarge, first repetition (indstat): ' + ', '.join(f"{w} {f(a)} / {f(b)}" for w, (a, b) in oc.items()))
for fn in ['whole-small', 'whole-medium', 'whole-large'] + [f'whole-peers-{s}' for s in SIZES]:
    by = whole(f'{R}/{fn}.txt')
    if by:
        print(f'\n{fn}: ' + '; '.join(f"{k} {a:.2f} s / {b:.0f} MiB" for k, (a, b) in by.items()))


# before/after: a second build run alternately with ours (P_BEFORE)
def spread(v):
    return f"{f(min(v))}-{f(max(v))}" if len(v) > 1 else f(v[0])


before_sizes = [s for s in SIZES if os.path.exists(f'{R}/before-{s}.jsonl')]
if before_sizes:
    try:
        with open(f'{R}/binaries') as fh:
            print('\nbinaries (sha256, path):\n\n' + ''.join('    ' + l for l in fh))
    except FileNotFoundError:
        pass
for s in before_sizes:
    for label, stem in [('in-process medians', ''), ('first repetition in a fresh process', 'cold-')]:
        a, b = runs(f'{R}/{stem}{s}.jsonl' if stem else f'{R}/ours-{s}.jsonl'), runs(f'{R}/before-{stem}{s}.jsonl')
        if not a or not b:
            continue
        print(f'\n#### {s}, before / after, {label}, ms (medians over invocations; compute range in brackets)\n')
        print('| workload | before parse / compute | after parse / compute | parse after/before | compute after/before |')
        print('|---|---|---|---:|---:|')
        for w in W:
            if w not in a or w not in b:
                continue
            bp, bc = st.median(x for x, _ in b[w]), st.median(c for _, c in b[w])
            ap, ac = st.median(x for x, _ in a[w]), st.median(c for _, c in a[w])
            print(f"| {w} | {f(bp)} / {f(bc)} ({spread([c for _, c in b[w]])}) | {f(ap)} / {f(ac)} "
                  f"({spread([c for _, c in a[w]])}) | {ap / bp:.2f}x | {ac / bc:.2f}x |")
    a, b = whole(f'{R}/whole-{s}.txt'), whole(f'{R}/before-whole-{s}.txt')
    if a and b:
        print(f'\n{s}, whole process, before -> after (wall s / peak MiB): ' + '; '.join(
            f"{k} {b[k][0]:.2f} / {b[k][1]:.0f} -> {a[k][0]:.2f} / {a[k][1]:.0f}"
            + (f" ({a[k][0] / b[k][0]:.2f}x)" if b[k][0] > 0 else "") for k in a if k in b))
