# Shared by the wrk benchmarks (gateway-throughput.sh, gateway-flavours.sh); sourced, not run.
# A caller sets `target[NAME]=URL` (a declared associative array), `path` and `seconds`, and calls
# start_system (unless it reuses a running one), then compare_rounds.

bench_launcher=
bench_home=
bench_cleanups=()
bench_cleanup() {
  local step
  for step in "${bench_cleanups[@]}"; do eval "$step"; done
  if [ -n "$bench_launcher" ]; then
    ./mercado down --home "$bench_home" >/dev/null 2>&1 || true
    wait "$bench_launcher" 2>/dev/null || true
  fi
}
trap bench_cleanup EXIT

# start_system HOME [UP_OPTION...]: builds if needed, starts `./mercado up` on free ports from empty
# data, waits (at most 300 s) for "all healthy"; stopped again when the script exits.
start_system() {
  bench_home=$1
  shift
  local out=$bench_home-up.out
  mkdir -p "$(dirname "$bench_home")"
  ./mercado build >/dev/null
  ./mercado up --home "$bench_home" --free-ports --clean "$@" >"$out" 2>&1 &
  bench_launcher=$!
  for _ in $(seq 1 300); do
    grep -q "all healthy" "$out" 2>/dev/null && break
    kill -0 "$bench_launcher" 2>/dev/null || { cat "$out"; exit 1; }
    sleep 1
  done
  grep -q "all healthy" "$out" || { cat "$out"; exit 1; }
}

# url NAME: the URL of a component of the system start_system started
url() { grep "^component\.$1\.url=" "$bench_home/run/state.properties" | cut -d= -f2 | tr -d '\\'; }

# premium_token: a fresh access token of the premium demo client (tokens live 5 minutes)
premium_token() {
  curl -s --max-time 10 -u partner-premium:partner-premium-demo-secret -d grant_type=client_credentials \
    "$IDENTITY/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# run NAME [SECONDS] -> "requests/s non-2xx-answers": wrk -t2 -c32 with a fresh token
run() {
  wrk -t2 -c32 -d"${2:-$seconds}s" -H "Authorization: Bearer $(premium_token)" "${target[$1]}$path" \
    | awk '/Non-2xx/ {bad = $NF} /Requests\/sec/ {rps = $2} END {print rps, bad + 0}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# compare_rounds WARMUP ROUNDS BASELINE OTHER...: warms each target up, then runs every target once
# per round, the order rotating each round so that none always runs right after the same other;
# prints each run (VOID when it had non-2xx answers), then the medians and each one's ratio to the
# baseline's
compare_rounds() {
  local warmup=$1 rounds=$2
  shift 2
  local names=("$@") name round i rps bad line
  declare -A results=()
  for name in "${names[@]}"; do run "$name" "$warmup" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    line="round $round:"
    for i in $(seq 0 $((${#names[@]} - 1))); do
      name=${names[$(((round - 1 + i) % ${#names[@]}))]}
      read -r rps bad < <(run "$name")
      results[$name]+="$rps "
      line+=" $name $rps req/s"
      [ "$bad" -eq 0 ] || line+=" (VOID: $bad non-2xx answers)"
      line+=","
    done
    echo "${line%,}"
  done
  local base
  base=$(printf '%s\n' ${results[${names[0]}]} | median)
  line="median: ${names[0]} $base req/s"
  for name in "${names[@]:1}"; do
    local m
    m=$(printf '%s\n' ${results[$name]} | median)
    line+=", $name $m req/s (ratio $(echo "$m / $base" | bc -l | cut -c1-5))"
  done
  echo "$line"
}
