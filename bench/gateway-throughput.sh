#!/usr/bin/env bash
# Gateway throughput (issue 5 target: >= 0.30x of calling the service directly): wrk -t2 -c32 on a
# simple GET, GET /api/v1/catalog/products, straight to catalog and through the gateway with
# authentication and rate limiting on (a premium client's bearer token, whose limits the load stays
# under), alternating direct and gateway runs after a warm-up of each.
#
#   bench/gateway-throughput.sh [SECONDS_PER_RUN] [ROUNDS]
#
# Starts its own system (free ports, its own home under bench/target) unless GATEWAY and CATALOG
# (and IDENTITY) point at a running one; extra `./mercado up` options come from UP_OPTIONS. Needs
# wrk (Debian package wrk). Prints each run's requests/s and the ratio of the medians.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-20}
rounds=${2:-3}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }

if [ -z "${GATEWAY:-}" ]; then
  home=bench/target/gateway-throughput
  mkdir -p bench/target
  ./mercado build >/dev/null
  # shellcheck disable=SC2086
  ./mercado up --home "$home" --free-ports --clean ${UP_OPTIONS:-} >bench/target/gateway-throughput-up.out 2>&1 &
  launcher=$!
  trap './mercado down --home "$home" >/dev/null 2>&1 || true; wait "$launcher" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    grep -q "all healthy" bench/target/gateway-throughput-up.out 2>/dev/null && break
    kill -0 "$launcher" 2>/dev/null || { cat bench/target/gateway-throughput-up.out; exit 1; }
    sleep 1
  done
  url() { grep "^component\.$1\.url=" "$home/run/state.properties" | cut -d= -f2 | tr -d '\\'; }
  GATEWAY=$(url gateway)
  CATALOG=$(url catalog)
  IDENTITY=$(url identity)
fi
IDENTITY=${IDENTITY:-http://127.0.0.1:8085}
token=$(curl -s -u partner-premium:partner-premium-demo-secret -d grant_type=client_credentials \
  "$IDENTITY/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
path=/api/v1/catalog/products

run() { # URL -> requests/s
  wrk -t2 -c32 -d"${2:-$seconds}s" -H "Authorization: Bearer $token" "$1$path" \
    | awk '/Requests\/sec/ {print $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run "$CATALOG" 10 >/dev/null
run "$GATEWAY" 10 >/dev/null
direct=()
gateway=()
for round in $(seq 1 "$rounds"); do
  d=$(run "$CATALOG")
  g=$(run "$GATEWAY")
  direct+=("$d")
  gateway+=("$g")
  echo "round $round: direct $d req/s, gateway $g req/s"
done
d=$(printf '%s\n' "${direct[@]}" | median)
g=$(printf '%s\n' "${gateway[@]}" | median)
echo "median: direct $d req/s, gateway $g req/s, ratio $(echo "$g / $d" | bc -l | cut -c1-5)"
