#!/usr/bin/env bash
# The side-by-side run of BENCHMARKS.md: peers (peer_bench.py) then indstat's example on the
# same data in the same run. In-process figures: both sides parse and compute N times in one
# process and report medians; cold-*.jsonl holds first repetitions, whole-*.txt wall s / KiB.
# Needs the peer data (../shared/perf/gen_data.py, also --size large) and a release build of
# the example (cargo build --release --example panel). Run from the repository root.
export INDSTAT_PEER_DATA=${INDSTAT_PEER_DATA:-/tmp/indstat-peer}
P=${P:-./target/release/examples/panel}
D=$INDSTAT_PEER_DATA
PB=${PB:-../shared/perf/peer_bench.py}
R=${1:?usage: benches/side_by_side.sh OUTDIR}; mkdir -p "$R"
date -u > $R/start
git rev-parse --short HEAD > $R/commit
uptime >> $R/start
for s in small medium; do
  if [ $s = small ]; then N=15; PR="--reps 50 --parse-reps 15"; else N=5; PR="--reps 5 --parse-reps 5"; fi
  python3 $PB --size $s $PR --no-checksum > $R/peer-$s.jsonl 2>$R/peer-$s.err
  python3 $PB --size $s --peers polars --polars-threads 1 $PR --no-checksum > $R/peer1t-$s.jsonl 2>>$R/peer-$s.err
  : > $R/ours-$s.jsonl; : > $R/cold-$s.jsonl
  for i in 1 2 3; do
    for w in rank growth cagr target; do $P $w $D/$s.csv --reps $N >> $R/ours-$s.jsonl; done; $P rank $D/$s.csv --ties min --reps $N >> $R/ours-$s.jsonl
  done
  for i in 1 2 3 4 5; do
    for w in rank growth cagr target; do $P $w $D/$s.csv >> $R/cold-$s.jsonl; done; $P rank $D/$s.csv --ties min >> $R/cold-$s.jsonl
  done
  : > $R/whole-$s.txt
  for w in rank growth cagr target; do
    $P $w $D/$s.csv > /dev/null
    for i in 1 2 3 4 5; do /usr/bin/time -f "$w %e %M" $P $w $D/$s.csv >/dev/null 2>>$R/whole-$s.txt; done
  done
done
: > $R/whole-peers-medium.txt
for peer in polars pandas; do
  for w in w1_rank_avg w2_growth w3_cagr w4_target; do
    for i in 1 2 3; do /usr/bin/time -f "$peer $w %e %M" python3 $PB --size medium --peers $peer --workloads $w --reps 1 --parse-reps 1 --no-checksum >>$R/coldpeer-medium.jsonl 2>>$R/whole-peers-medium.txt; done
  done
done
python3 $PB --size large --reps 3 --parse-reps 3 --no-checksum > $R/peer-large.jsonl 2>$R/peer-large.err
: > $R/ours-large.jsonl; : > $R/cold-large.jsonl
for w in rank growth cagr target; do $P $w $D/large.csv --reps 3 >> $R/ours-large.jsonl; done; $P rank $D/large.csv --ties min --reps 3 >> $R/ours-large.jsonl
for w in rank growth cagr target; do $P $w $D/large.csv >> $R/cold-large.jsonl; done; $P rank $D/large.csv --ties min >> $R/cold-large.jsonl
: > $R/whole-large.txt
for w in rank growth cagr target; do
  for i in 1 2 3; do /usr/bin/time -f "$w %e %M" $P $w $D/large.csv >/dev/null 2>>$R/whole-large.txt; done
done
date -u > $R/end
