#!/usr/bin/env bash
# Benchmark of platform-ratelimit (R3): the cost of one decision per algorithm in memory (one hot
# key and 10 000 keys, 1 and 2 threads) and on Redis (p50/p99 of a decision against a no-op
# EVALSHA measured the same way). Issue targets: in memory < 1 µs per decision; on Redis p99 <= 2x
# the no-op EVALSHA.
#
#   bench/ratelimit/run.sh            build the module, run everything (about 4 minutes)
#   bench/ratelimit/run.sh memory     in-memory part only
#   bench/ratelimit/run.sh redis      Redis part only (needs Redis at 127.0.0.1:6379, or REDIS_URI)
#   bench/ratelimit/run.sh table      print the tables of the last run again
#
# Short iterations: figures move by 10-20% between runs on a shared 2-core machine; compare
# within one run. Raw JMH results stay in bench/ratelimit/target/results.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

part=${1:-all}
redis_uri=${REDIS_URI:-redis://127.0.0.1:6379}
out=target/results
mkdir -p "$out"

if [[ $part != table ]]; then
  # the module as the benchmark uses it: installed in the local repository
  mvn -B -q -f ../../pom.xml -pl platform/platform-ratelimit -am install -DskipTests
  mvn -B -q package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
classpath="target/classes:$(cat target/classpath.txt 2>/dev/null || true)"

jmh() {
  java -cp "$classpath" org.openjdk.jmh.Main -f 1 -jvmArgs "-Xmx512m -Dredis.uri=$redis_uri" "$@" \
    >"$out/last-run.log" 2>&1 || { tail -40 "$out/last-run.log"; exit 1; }
}

if [[ $part == all || $part == memory ]]; then
  for threads in 1 2; do
    echo "in memory, $threads thread(s)..." >&2
    jmh MemoryDecision -t "$threads" -wi 2 -w 1s -i 3 -r 1s -rf csv -rff "$out/memory-$threads.csv"
  done
fi

redis_up() {
  local host port
  host=$(sed -E 's#^redis://([^:/]+).*#\1#' <<<"$redis_uri")
  port=$(sed -E 's#^redis://[^:/]+:?([0-9]*).*#\1#' <<<"$redis_uri")
  (exec 3<>"/dev/tcp/$host/${port:-6379}") 2>/dev/null
}

if [[ $part == all || $part == redis ]]; then
  if redis_up; then
    echo "on Redis ($redis_uri)..." >&2
    jmh RedisDecision -t 1 -wi 2 -w 2s -i 3 -r 2s -rf csv -rff "$out/redis.csv"
  else
    echo "no Redis at $redis_uri: Redis part skipped" >&2
  fi
fi

# (JMH writes its CSV with CRLF line ends)
# name of an algorithm as configured: TOKEN_BUCKET -> token-bucket
name() { tr 'A-Z_' 'a-z-' <<<"$1"; }

if [[ -f $out/memory-1.csv && -f $out/memory-2.csv ]]; then
  echo
  echo "In memory: ns per decision (share admitted)"
  printf '%-16s %18s %18s %18s %18s\n' algorithm "1 key, 1 thread" "1 key, 2 threads" \
    "10k keys, 1 thread" "10k keys, 2 threads"
  for algorithm in TOKEN_BUCKET LEAKY_BUCKET FIXED_WINDOW SLIDING_LOG SLIDING_WINDOW; do
    row=$(printf '%-16s' "$(name $algorithm)")
    for keys in 1 10000; do
      for threads in 1 2; do
        cell=$(awk -F, -v a="$algorithm" -v k="$keys" '
          $8 == a && $9 == k && $1 ~ /decide"$/ { score = $5 }
          $8 == a && $9 == k && $1 ~ /decide:admitted"$/ { admitted = $5 }
          END { a = admitted + 0; printf "%.0f (%.0f%%)", score, (a > 0 ? 100 * score / a : 0) }
        ' < <(tr -d '\r' <"$out/memory-$threads.csv"))
        row+=$(printf ' %18s' "$cell")
      done
    done
    echo "$row"
  done
fi

if [[ -f $out/redis.csv ]]; then
  echo
  echo "On Redis: µs per decision, one thread, awaited (ratio to the no-op EVALSHA)"
  awk -F, '
    { gsub(/"/, "", $1); target = $8 }
    $1 ~ /decide:p0.50$/ { p50[target] = $5 }
    $1 ~ /decide:p0.99$/ { p99[target] = $5 }
    $1 ~ /decide$/ { mean[target] = $5; order[++n] = target }
    END {
      base50 = p50["NOOP_EVALSHA"]; base99 = p99["NOOP_EVALSHA"]
      printf "%-16s %8s %8s %8s %12s %12s\n", "target", "mean", "p50", "p99", "p50 ratio", "p99 ratio"
      for (i = 1; i <= n; i++) {
        t = order[i]; label = tolower(t); gsub(/_/, "-", label)
        printf "%-16s %8.1f %8.1f %8.1f %11.2fx %11.2fx\n", label, mean[t], p50[t], p99[t], p50[t] / base50, p99[t] / base99
      }
    }
  ' < <(tr -d '\r' <"$out/redis.csv")
fi
