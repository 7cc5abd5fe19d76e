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

# shellcheck source=bench/wrk-lib.sh
source bench/wrk-lib.sh

if [ -z "${GATEWAY:-}" ]; then
  tiers=mercado.ratelimit.policies.api.tiers.premium
  # shellcheck disable=SC2086
  start_system bench/target/gateway-throughput --jit full \
    --set "gateway:$tiers[0]=token-bucket 100000/1s burst 200000" \
    --set "gateway:$tiers[1]=sliding-window 2000000/1h" \
    ${UP_OPTIONS:-}
  GATEWAY=$(url gateway)
  CATALOG=$(url catalog)
  IDENTITY=$(url identity)
fi
IDENTITY=${IDENTITY:-http://127.0.0.1:8085}
path=/api/v1/catalog/products
declare -A target=([direct]=$CATALOG [gateway]=$GATEWAY)
compare_rounds "$warmup" "$rounds" direct gateway
