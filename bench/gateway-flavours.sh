#!/usr/bin/env bash
# Gateway flavours (data for the WebFlux vs Web MVC decision; issue 5 target: >= 0.30x of calling
# the service directly): wrk -t2 -c32 on GET /api/v1/catalog/products straight to catalog and
# through two minimal gateways, Spring Cloud Gateway's WebFlux and Web MVC flavours
# (bench/gateway-flavours/), each with one route to catalog and a JWT check against identity's JWKS
# and issuer, nothing else. Runs rotate direct / webflux / webmvc each round after a warm-up of
# each; every run gets a fresh premium client token (tokens live 5 minutes).
#
#   bench/gateway-flavours.sh [SECONDS_PER_RUN] [ROUNDS] [JVM_OPTION...]
#
# Both gateways run with the same JVM options: -Xmx192m -XX:+UseSerialGC, then FLAVOUR_JVM_OPTIONS,
# then the JVM_OPTIONs given here. Starts its own system (free ports, its own home under
# bench/target) unless CATALOG (and IDENTITY) point at a running one; extra `./mercado up` options
# come from UP_OPTIONS. WARMUP sets the warm-up seconds per target (default 10). Needs wrk (Debian
# package wrk). Prints each run's requests/s (and any non-2xx answers, which void the run), the
# medians and each flavour's ratio to direct.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-20}
rounds=${2:-3}
warmup=${WARMUP:-10}
shift $(($# < 2 ? $# : 2))
for n in "$seconds" "$rounds" "$warmup"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || { echo "seconds, rounds and WARMUP are whole numbers >= 1" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }
# shellcheck disable=SC2206
jvm_options=(-Xmx192m -XX:+UseSerialGC ${FLAVOUR_JVM_OPTIONS:-} "$@")
flavours=(webflux webmvc)
run_dir=bench/target/flavours-run
mkdir -p "$run_dir/tmp"

# offline first: the shared local repository usually has everything; online only when it has not
mvn -B -o -q -f bench/gateway-flavours/pom.xml package >"$run_dir/build.out" 2>&1 \
  || mvn -B -q -f bench/gateway-flavours/pom.xml package >"$run_dir/build.out" 2>&1 \
  || { cat "$run_dir/build.out"; exit 1; }

# shellcheck source=bench/wrk-lib.sh
source bench/wrk-lib.sh
pids=()
bench_cleanups+=('for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done')

if [ -z "${CATALOG:-}" ]; then
  # shellcheck disable=SC2086
  start_system bench/target/flavours ${UP_OPTIONS:-}
  CATALOG=$(url catalog)
  IDENTITY=$(url identity)
fi
IDENTITY=${IDENTITY:-http://127.0.0.1:8085}
path=/api/v1/catalog/products

# each gateway on a port of its own choosing (server.port=0), read back from its log; ready when a
# request without a token is refused (401): routing, security and the JWKS URI are all in place
declare -A target=([direct]=$CATALOG)
for flavour in "${flavours[@]}"; do
  log=$run_dir/$flavour.log
  java "${jvm_options[@]}" -Djava.io.tmpdir="$run_dir/tmp" \
    -jar "bench/gateway-flavours/$flavour/target/gateway-flavour-$flavour.jar" \
    --server.port=0 --target="$CATALOG" --jwks="$IDENTITY/oauth2/jwks" --issuer="$IDENTITY" \
    >"$log" 2>&1 &
  pids+=($!)
  port=
  for _ in $(seq 1 120); do
    port=$(grep -oE 'started on port [0-9]+' "$log" | head -1 | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
  done
  [ -n "$port" ] || { echo "$flavour did not start in 120 s" >&2; cat "$log"; exit 1; }
  target[$flavour]=http://127.0.0.1:$port
  status=
  for _ in $(seq 1 30); do
    status=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "${target[$flavour]}$path" || true)
    [ "$status" = 401 ] && break
    sleep 1
  done
  [ "$status" = 401 ] || { echo "$flavour answers $status without a token, not 401" >&2; exit 1; }
  status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(premium_token)" \
    "${target[$flavour]}$path")
  [ "$status" = 200 ] || { echo "$flavour answers $status with a token, not 200" >&2; exit 1; }
  echo "$flavour on ${target[$flavour]} (JVM options: ${jvm_options[*]})"
done

compare_rounds "$warmup" "$rounds" direct "${flavours[@]}"
