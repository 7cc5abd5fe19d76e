#!/usr/bin/env bash
# Start-up benchmark of the whole system (issue 2 targets: all healthy and the catalogue served
# within 90 s of `./mercado up` with jars built; total RSS of all processes <= 2.5 GiB).
#
#   bench/startup.sh warm [up options]   jars already built (builds them first if missing)
#   bench/startup.sh cold [up options]   `mvn clean` first: the time includes building the jars
#
# Prints: seconds from `./mercado up` to "all healthy", seconds until the gateway served the
# catalogue, and the memory of every process (launcher, infrastructure, services, PostgreSQL
# backends) summed, read from /proc after the first catalogue request: RSS, and PSS, which counts a
# page shared by several processes (PostgreSQL's shared buffers, the JDK's mapped files) once. Runs on its own home under
# bench/target, on free ports, so it never touches a running system's data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=${1:-warm}
shift || true
home=bench/target/home
out=bench/target/up.out
mkdir -p bench/target

case "$mode" in
  cold) mvn -B -q clean ;;
  warm) ./mercado build >/dev/null ;;
  *) echo "usage: bench/startup.sh warm|cold [up options]" >&2; exit 2 ;;
esac
mkdir -p bench/target

start=$(date +%s.%N)
./mercado up --home "$home" --free-ports --clean "$@" >"$out" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true' EXIT

# bounded wait: 10 minutes (a cold run builds first)
for _ in $(seq 1 3000); do
  grep -q "all healthy" "$out" && break
  kill -0 $launcher 2>/dev/null || { cat "$out"; echo "up failed" >&2; exit 1; }
  sleep 0.2
done
healthy=$(date +%s.%N)
gateway=$(grep '^gateway ' "$out" | awk '{print $3}')
code=$(curl -s -o /dev/null -w '%{http_code}' "$gateway/api/v1/catalog/products")
served=$(date +%s.%N)

pids=$(grep -E '^component\..*\.pid=' "$home/run/state.properties" | cut -d= -f2 | grep -v '^0$')
all=""
for pid in $launcher $pids; do
  all="$all $pid $( (pgrep -P "$pid" 2>/dev/null || true) | tr '\n' ' ')"
done
total=0
total_pss=0
printf '%-8s %8s %8s  %s\n' PID RSS_MB PSS_MB COMMAND
for pid in $(echo "$all" | tr ' ' '\n' | sort -u); do
  [ -r "/proc/$pid/status" ] || continue
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  total=$((total + ${kb:-0}))
  total_pss=$((total_pss + ${pss:-0}))
  printf '%-8s %8.0f %8.0f  %s\n' "$pid" "$(echo "${kb:-0}/1024" | bc -l)" "$(echo "${pss:-0}/1024" | bc -l)" "$(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-80)"
done

./mercado down --home "$home" >/dev/null
trap - EXIT

echo
echo "mode: $mode   java: $(java -version 2>&1 | head -1)"
printf 'up -> all healthy:      %6.1f s\n' "$(echo "$healthy - $start" | bc -l)"
printf 'up -> catalogue served: %6.1f s (HTTP %s)\n' "$(echo "$served - $start" | bc -l)" "$code"
printf 'total RSS:              %6.0f MB\n' "$(echo "$total/1024" | bc -l)"
printf 'total PSS:              %6.0f MB\n' "$(echo "$total_pss/1024" | bc -l)"
