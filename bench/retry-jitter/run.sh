#!/usr/bin/env bash
# Brooker's "Exponential Backoff And Jitter" experiment with platform-resilience's strategies (R8):
# N clients each write one row once with optimistic concurrency, retrying conflicts with each
# backoff strategy; prints calls and completion time per strategy and client count.
#
#   bench/retry-jitter/run.sh [simulation|postgres|both] [clients...] [options]
#
# Defaults: both modes, 10 50 100 clients. Options (see RetryJitterBench): --seed N, --sim-runs N,
# --pg-runs N, --pg-base-ms N, --pg-cap-ms N, --pg-think-ms N, --strategies a,b|all, and
# --jdbc-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres to use this machine's server
# instead of an embedded one (a table of its own, dropped afterwards).
#
# Builds platform-resilience into ~/.m2 first if it is not there (MERCADO_BENCH_REBUILD=1 forces
# it), then this project, then runs it. Every run is bounded (attempts per client and a deadline).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

jar="$HOME/.m2/repository/dev/mercado/platform-resilience/0.1.0-SNAPSHOT/platform-resilience-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || "${MERCADO_BENCH_REBUILD:-0}" == 1 ]]; then
  (cd "$root" && mvn -B -q -pl platform/platform-resilience -am install -DskipTests)
fi

cd "$here"
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat target/classpath.txt)" \
  dev.mercado.bench.retry.RetryJitterBench "$@"
