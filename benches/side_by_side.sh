#!/usr/bin/env bash
# The side-by-side run of BENCHMARKS.md: the peers (benches/peers/peer_bench.py) then indstat's
# example on the same data in the same run. In-process figures: both sides parse and compute N
# times in one process and report medians; cold-*.jsonl holds first repetitions, whole-*.txt
# wall s / KiB. Print the tables with `python3 benches/side_by_side_tables.py OUTDIR`.
#
# Needs the peer data (benches/peers/gen_data.py, also --size large) and a release build of the
# example (cargo build --release --example panel). Run from the repository root. Settings, from
# the environment:
#   INDSTAT_PEER_DATA  the data folder (default /tmp/indstat-peer)
#   P                  the example (default ./target/release/examples/panel)
#   P_BEFORE           optional: a second build of the example (say, of the commit before a
#                      change), run alternately with P on the same data in the same run; its
#                      lines go to before-*.jsonl, before-cold-*.jsonl and before-whole-*.txt
#                      beside ours-*.jsonl, cold-*.jsonl and whole-*.txt
#   PB                 the peer runner (default benches/peers/peer_bench.py)
#   SIZES              the sizes to run (default "small medium large")
#   COLD_PEERS         the sizes at which the peers run once per process, whole process timed
#                      (default medium; empty: none)
#   CHECK              1 (default): at the end, check every line of ours-*.jsonl (and
#                      before-*.jsonl) against the peers' checksums; 0: skip
export INDSTAT_PEER_DATA=${INDSTAT_PEER_DATA:-/tmp/indstat-peer}
P=${P:-./target/release/examples/panel}
P_BEFORE=${P_BEFORE:-}
D=$INDSTAT_PEER_DATA
PB=${PB:-benches/peers/peer_bench.py}
SIZES=${SIZES:-small medium large}
COLD_PEERS=${COLD_PEERS-medium}
CHECK=${CHECK:-1}
R=${1:?usage: benches/side_by_side.sh OUTDIR}; mkdir -p "$R"
has() { case " $1 " in *" $2 "*) return 0 ;; esac; return 1; }
for s in $SIZES; do
  [ -f "$D/$s.csv" ] || { echo "missing $D/$s.csv: python3 benches/peers/gen_data.py --size $s" >&2; exit 2; }
done
for b in "$P" $P_BEFORE; do
  [ -x "$b" ] || { echo "missing $b: cargo build --release --example panel" >&2; exit 2; }
done
date -u > $R/start
git rev-parse --short HEAD > $R/commit
uptime >> $R/start
sha256sum "$P" $P_BEFORE > $R/binaries

# run WHICH KIND ARGS...: one run of P (WHICH=ours) or P_BEFORE (WHICH=before) with ARGS, at
# size $s. KIND ours: the JSON line to ours-$s.jsonl / before-$s.jsonl; cold: to cold-$s.jsonl /
# before-cold-$s.jsonl; whole: wall s and KiB to whole-$s.txt / before-whole-$s.txt.
run() {
  local which=$1 kind=$2 bin=$P pre=; shift 2
  if [ $which = before ]; then bin=$P_BEFORE; pre=before-; fi
  case $kind in
    ours) "$bin" "$@" >> $R/${pre:-ours-}$s.jsonl ;;
    cold) "$bin" "$@" >> $R/${pre}cold-$s.jsonl ;;
    whole) /usr/bin/time -f "$1 %e %M" -a -o $R/${pre}whole-$s.txt "$bin" "$@" > /dev/null ;;
  esac
}
# pair KIND ARGS...: P and, if given, P_BEFORE, the first of the two alternating call by call.
turn=0
pair() {
  turn=$((turn + 1))
  if [ -z "$P_BEFORE" ]; then run ours "$@"
  elif [ $((turn % 2)) = 1 ]; then run ours "$@"; run before "$@"
  else run before "$@"; run ours "$@"; fi
}
# ours SIZE INVOCATIONS REPS COLD WHOLE WARM: indstat at one size: INVOCATIONS processes of
# in-process medians of REPS, COLD first repetitions, WHOLE whole-process runs (after a warm-up
# run if WARM is 1).
ours() {
  local s=$1 n=$3 i w
  : > $R/ours-$s.jsonl; : > $R/cold-$s.jsonl; : > $R/whole-$s.txt
  [ -n "$P_BEFORE" ] && { : > $R/before-$s.jsonl; : > $R/before-cold-$s.jsonl; : > $R/before-whole-$s.txt; }
  for i in $(seq $2); do
    for w in rank growth cagr target; do pair ours $w $D/$s.csv --reps $n; done; pair ours rank $D/$s.csv --ties min --reps $n
  done
  for i in $(seq $4); do
    for w in rank growth cagr target; do pair cold $w $D/$s.csv; done; pair cold rank $D/$s.csv --ties min
  done
  for w in rank growth cagr target; do
    if [ $6 = 1 ]; then "$P" $w $D/$s.csv > /dev/null; [ -n "$P_BEFORE" ] && "$P_BEFORE" $w $D/$s.csv > /dev/null; fi
    for i in $(seq $5); do pair whole $w $D/$s.csv; done
  done
}

for s in small medium; do
  has "$SIZES" $s || continue
  if [ $s = small ]; then N=15; PR="--reps 50 --parse-reps 15"; else N=5; PR="--reps 5 --parse-reps 5"; fi
  python3 $PB --size $s $PR --no-checksum > $R/peer-$s.jsonl 2>$R/peer-$s.err
  python3 $PB --size $s --peers polars --polars-threads 1 $PR --no-checksum > $R/peer1t-$s.jsonl 2>>$R/peer-$s.err
  ours $s 3 $N 5 5 1
done
for s in $COLD_PEERS; do
  has "$SIZES" $s || continue
  : > $R/whole-peers-$s.txt; : > $R/coldpeer-$s.jsonl
  for peer in polars pandas; do
    for w in w1_rank_avg w2_growth w3_cagr w4_target; do
      for i in 1 2 3; do /usr/bin/time -f "$peer $w %e %M" python3 $PB --size $s --peers $peer --workloads $w --first --no-checksum >>$R/coldpeer-$s.jsonl 2>>$R/whole-peers-$s.txt; done
    done
  done
done
if has "$SIZES" large; then
  python3 $PB --size large --reps 3 --parse-reps 3 --no-checksum > $R/peer-large.jsonl 2>$R/peer-large.err
  ours large 1 3 1 3 0
fi
date -u > $R/end

# Checksums, after the timings: the peers' (polars, one repetition) against every line of ours.
if [ "$CHECK" = 1 ]; then
  for s in $SIZES; do
    python3 $PB --size $s --peers polars --first --checksum-out $R/checksums-$s.json > $R/check-$s.jsonl
    for f in ours before; do
      [ -s $R/$f-$s.jsonl ] || continue
      python3 $PB --size $s --check-against $R/$f-$s.jsonl --checksum-out $R/checksums-$s.json >> $R/check-$s.jsonl \
        || echo "$f-$s.jsonl: checksums disagree (see check-$s.jsonl)" >&2
    done
  done
fi
