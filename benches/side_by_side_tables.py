# Markdown tables of a benches/side_by_side.sh run: python3 benches/side_by_side_tables.py OUTDIR
import json, statistics as st, collections, sys
R=sys.argv[1]
W=['w1_rank_avg','w1_rank_min','w2_growth','w3_cagr','w4_target']
def peers(path):
    out={}
    try:
        for l in open(path):
            if not l.startswith('{'): continue
            d=json.loads(l)
            out[(d['peer']+('-1t' if d.get('threads')==1 and d['peer']=='polars' else ''), d['workload'])]=d
    except FileNotFoundError: pass
    return out
def ours(path):
    by=collections.defaultdict(list)
    for l in open(path):
        d=json.loads(l); by[d['workload']].append(d)
    return {w:(st.median(x['parse_s'] for x in v), st.median(x['compute_s'] for x in v)) for w,v in by.items()}
def f(x):
    x*=1e3
    return f"{x:,.0f}" if x>=1000 else (f"{x:.1f}" if x>=10 else f"{x:.2f}")
for s in ['small','medium','large']:
    p=peers(f'{R}/peer-{s}.jsonl'); p.update(peers(f'{R}/peer1t-{s}.jsonl'))
    o=ours(f'{R}/ours-{s}.jsonl')
    has1t=any(k[0]=='polars-1t' for k in p)
    cols=['pandas','polars']+(['polars-1t'] if has1t else [])
    print(f'\n#### {s}, ms (parse / compute)\n')
    print('| workload | '+' | '.join({'pandas':'pandas','polars':'polars-2t','polars-1t':'polars-1t'}[c] for c in cols)+' | indstat | parse ratio | compute ratio |')
    print('|---|'+'---|'*len(cols)+'---|---:|---:|')
    for w in W:
        cells=[];bp=[];bc=[]
        for c in cols:
            d=p.get((c,w))
            if d: cells.append(f"{f(d['parse_s'])} / {f(d['compute_s'])}"); bp.append(d['parse_s']); bc.append(d['compute_s'])
            else: cells.append('')
        op,oc=o[w]
        print(f"| {w} | {' | '.join(cells)} | {f(op)} / {f(oc)} | {op/min(bp):.2f}x | {oc/min(bc):.2f}x |")
# cold
try:
    oc=ours(f'{R}/cold-medium.jsonl')
    by=collections.defaultdict(list)
    for l in open(f'{R}/coldpeer-medium.jsonl'):
        if l.startswith('{'):
            d=json.loads(l); by[(d['peer'],d['workload'])].append(d)
    print('\n#### medium, first repetition in a fresh process, ms (parse / compute)\n')
    print('| workload | pandas | polars-2t | indstat | parse ratio | compute ratio |')
    print('|---|---|---|---|---:|---:|')
    for w in ['w1_rank_avg','w2_growth','w3_cagr','w4_target']:
        cells=[];bp=[];bc=[]
        for peer in ['pandas','polars']:
            v=by.get((peer,w),[])
            if v:
                a=st.median(x['parse_s'] for x in v); b=st.median(x['compute_s'] for x in v)
                cells.append(f"{f(a)} / {f(b)}"); bp.append(a); bc.append(b)
        op,ocm=oc[w]
        print(f"| {w} | {' | '.join(cells)} | {f(op)} / {f(ocm)} | {op/min(bp):.2f}x | {ocm/min(bc):.2f}x |")
    oc=ours(f'{R}/cold-large.jsonl')
    print('\nlarge, first repetition (indstat): '+', '.join(f"{w} {f(a)} / {f(b)}" for w,(a,b) in oc.items()))
except FileNotFoundError as e:
    print(e)
for fn in ['whole-small','whole-medium','whole-large','whole-peers-medium']:
    try: lines=[l.split() for l in open(f'{R}/{fn}.txt') if l.strip() and not l.startswith('Command')]
    except FileNotFoundError: continue
    by=collections.defaultdict(list)
    for x in lines:
        try: by[' '.join(x[:-2])].append((float(x[-2]), int(x[-1])/1024))
        except: pass
    print(f'\n{fn}: ' + '; '.join(f"{k} {st.median(a for a,_ in v):.2f} s / {max(b for _,b in v):.0f} MiB" for k,v in by.items()))
