#!/usr/bin/env bash
# Fault isolation (issue 6, F8): catalog's latency through the gateway while orders are placed at a
# steady rate, first with the payment provider healthy, then with every provider call slowed by
# SECONDS_SLOW seconds through the fault proxy. A slow provider should hold only payments' Kafka
# listener threads (bulkhead, breaker, alternative provider), never catalog browsing or order
# acceptance.
#
#   bench/fault-isolation.sh [SECONDS_PER_PHASE] [ORDERS_PER_SECOND] [SECONDS_SLOW]
#
# Starts its own system (free ports, its own home under bench/target) and stops it at the end.
# Prints, per phase, catalog's p50/p99 (CatalogLatency, 4 clients) and the checkout load's 202
# latencies and final states (CheckoutLoad). Bounded: each phase at most 600 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

phase=${1:-40}
rate=${2:-5}
slow=${3:-3}
home=bench/target/fault-isolation
mkdir -p bench/target
./mercado build >/dev/null
./mercado up --home "$home" --free-ports --clean >bench/target/fault-isolation-up.out 2>&1 &
launcher=$!
trap './mercado down --home "$home" >/dev/null 2>&1 || true; wait "$launcher" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "all healthy" bench/target/fault-isolation-up.out 2>/dev/null && break
  sleep 1
done
grep -q "all healthy" bench/target/fault-isolation-up.out || { cat bench/target/fault-isolation-up.out; exit 1; }
url() { grep "^component\.$1\.url=" "$home/run/state.properties" | cut -d= -f2 | tr -d '\\'; }
gateway=$(url gateway)
identity=$(url identity)

run_phase() {
  local label=$1
  java bench/CheckoutLoad.java "$gateway" "$rate" "$phase" "$identity" >"bench/target/$label-orders.out" 2>&1 &
  local orders=$!
  java bench/CatalogLatency.java "$gateway" "$phase" 4 "$label catalog"
  wait "$orders" || true
  sed "s/^/$label orders: /" "bench/target/$label-orders.out"
}

# warm-up, not reported: the JVMs' first minute is slower
java bench/CatalogLatency.java "$gateway" 20 4 "warm-up" >/dev/null
run_phase normal
./mercado chaos payment-provider latency $((slow * 1000)) for $((phase * 3 + 60)) --home "$home" >/dev/null
run_phase degraded
./mercado chaos reset --home "$home" >/dev/null
