#!/usr/bin/env bash
# Gateway throughput (issue 5 target: >= 0.30x of calling the service directly): wrk -t2 -c32 on a
# simple GET, GET /api/v1/catalog/products, straight to catalog and through the gateway with
# authentication and rate limiting on, alternating direct and gateway runs after a warm-up of each.
# Every run gets a fresh premium client token (tokens live 5 minutes).
#
#   bench/gateway-throughput.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Starts its own system (free ports, its own home under bench/target) with `--jit full`, as a
# production JVM compiles, unless GATEWAY and CATALOG (and IDENTITY) point at a running one; extra
# `./mercado up` options come from UP_OPTIONS (UP_OPTIONS="--jit quick" measures the default JIT).
# The premium tier's two limits are raised above what one machine can send (`--set`), so that every
# request is decided against both and none is refused: a run with any non-2xx answer is VOID.
# WARMUP sets the warm-up seconds per target (default 30: C2 needs it). Needs wrk (Debian package
# wrk). Prints each run's requests/s and the ratio of the medians. docs/adr/0011 has the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-20}
rounds=${2:-3}
warmup=${WARMUP:-30}
for n in "$seconds" "$rounds" "$warmup"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || { echo "seconds, rounds and WARMUP are whole numbers >= 1" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }

launcher=
home=bench/target/gateway-throughput
cleanup() {
  if [ -n "$launcher" ]; then
    ./mercado down --home "$home" >/dev/null 2>&1 || true
    wait "$launcher" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ -z "${GATEWAY:-}" ]; then
  mkdir -p bench/target
  ./mercado build >/dev/null
  tiers=mercado.ratelimit.policies.api.tiers.premium
  # shellcheck disable=SC2086
  ./mercado up --home "$home" --free-ports --clean --jit full \
    --set "gateway:$tiers[0]=token-bucket 100000/1s burst 200000" \
    --set "gateway:$tiers[1]=sliding-window 2000000/1h" \
    ${UP_OPTIONS:-} >bench/target/gateway-throughput-up.out 2>&1 &
  launcher=$!
  for _ in $(seq 1 300); do
    grep -q "all healthy" bench/target/gateway-throughput-up.out 2>/dev/null && break
    kill -0 "$launcher" 2>/dev/null || { cat bench/target/gateway-throughput-up.out; exit 1; }
    sleep 1
  done
  grep -q "all healthy" bench/target/gateway-throughput-up.out \
    || { cat bench/target/gateway-throughput-up.out; exit 1; }
  url() { grep "^component\.$1\.url=" "$home/run/state.properties" | cut -d= -f2 | tr -d '\\'; }
  GATEWAY=$(url gateway)
  CATALOG=$(url catalog)
  IDENTITY=$(url identity)
fi
IDENTITY=${IDENTITY:-http://127.0.0.1:8085}
path=/api/v1/catalog/products
token() {
  curl -s --max-time 10 -u partner-premium:partner-premium-demo-secret -d grant_type=client_credentials \
    "$IDENTITY/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
declare -A target=([direct]=$CATALOG [gateway]=$GATEWAY)

run() { # NAME [SECONDS] -> "requests/s non-2xx-answers"
  wrk -t2 -c32 -d"${2:-$seconds}s" -H "Authorization: Bearer $(token)" "${target[$1]}$path" \
    | awk '/Non-2xx/ {bad = $NF} /Requests\/sec/ {rps = $2} END {print rps, bad + 0}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run direct "$warmup" >/dev/null
run gateway "$warmup" >/dev/null
declare -A results=()
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  for name in direct gateway; do
    read -r rps bad < <(run "$name")
    results[$name]+="$rps "
    line+=" $name $rps req/s"
    [ "$bad" -eq 0 ] || line+=" (VOID: $bad non-2xx answers)"
    line+=","
  done
  echo "${line%,}"
done
d=$(printf '%s\n' ${results[direct]} | median)
g=$(printf '%s\n' ${results[gateway]} | median)
echo "median: direct $d req/s, gateway $g req/s, ratio $(echo "$g / $d" | bc -l | cut -c1-5)"
