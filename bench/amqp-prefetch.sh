#!/usr/bin/env bash
# Work-queue delivery benchmark over AMQP 0-9-1 (bench/AmqpPrefetch.java): drain rate of persistent
# messages with manual ack at prefetch 1, 10, 250 versus auto-ack, 1 and 4 consumers, plus the
# publish rate with publisher confirms.
#
#   bench/amqp-prefetch.sh [embedded|rabbitmq|both] [MESSAGES] [AmqpPrefetch options]
#
#   embedded  the launcher's Qpid Broker-J (launcher/launcher-amqp, built by `./mercado build`),
#             started here on a free port with the launcher's JVM flags and a fresh store under
#             bench/target/amqp-prefetch, and always stopped on exit
#   rabbitmq  the RabbitMQ already listening on 127.0.0.1:5672 (guest/guest); only queues named
#             bench.amqp-prefetch.<uuid> are declared there, and each is deleted after its run
#   both      (default) embedded, then rabbitmq
#
# MESSAGES defaults to 20000. Further options go to the program, e.g. `--work-millis 1` for a
# simulated 1 ms task per message or `--runs 3`. Prints one table per broker on stdout, progress
# on stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target=${1:-both}
messages=${2:-20000}
shift $(($# < 2 ? $# : 2))
case "$target" in
  embedded | rabbitmq | both) ;;
  *)
    echo "usage: bench/amqp-prefetch.sh [embedded|rabbitmq|both] [MESSAGES] [options]" >&2
    exit 2
    ;;
esac
out=bench/target/amqp-prefetch
mkdir -p "$out/client"

# The client's runtime class path (amqp-client 5.2x needs Netty besides SLF4J), resolved by Maven
# from ~/.m2 through a one-dependency POM (online only if something is missing there). The
# slf4j-simple binding at WARN makes errors logged inside the client visible.
version=$( (ls "$HOME/.m2/repository/com/rabbitmq/amqp-client" 2>/dev/null || true) \
  | sort -V | tail -1)
version=${version:-5.27.1}
classpath=$PWD/$out/classpath-$version.txt
if [ ! -s "$classpath" ]; then
  cat >"$out/client/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>amqp-prefetch-client</artifactId>
  <version>0</version>
  <dependencies>
    <dependency>
      <groupId>com.rabbitmq</groupId>
      <artifactId>amqp-client</artifactId>
      <version>$version</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-simple</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
POM
  resolve() {
    mvn -B -q "$@" -f "$out/client/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$classpath"
  }
  resolve -o >/dev/null 2>&1 || resolve
fi

bench() {
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$classpath")" \
    bench/AmqpPrefetch.java --messages "$messages" "$@"
}

broker=""
stop_broker() {
  [ -n "$broker" ] || return 0
  kill -TERM "$broker" 2>/dev/null || return 0
  # bounded: 30 s for a clean shutdown, then SIGKILL
  for _ in $(seq 1 150); do
    kill -0 "$broker" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$broker" 2>/dev/null || true
}

embedded() {
  [ -f launcher/launcher-amqp/target/launcher-amqp.jar ] || {
    echo "launcher/launcher-amqp/target/launcher-amqp.jar is missing: run ./mercado build" >&2
    exit 1
  }
  local port="" candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if [ -z "$(ss -Htln "sport = :$candidate")" ]; then
      port=$candidate
      break
    fi
  done
  [ -n "$port" ] || { echo "no free port found" >&2; exit 1; }
  rm -rf "$out/work"
  mkdir -p "$out/work"
  trap stop_broker EXIT
  # the JVM flags of launcher/launcher-app's AmqpBroker
  java -Xms32m -Xmx128m -XX:+UseSerialGC -Djava.io.tmpdir="$out/work" \
    -cp "launcher/launcher-amqp/target/launcher-amqp.jar:launcher/launcher-amqp/target/lib/*" \
    dev.mercado.launcher.amqp.QpidBroker --port "$port" --work-dir "$out/work" \
    >"$out/broker.log" 2>&1 &
  broker=$!
  # bounded: 60 s for the TCP port; AmqpPrefetch then retries the login while the vhost starts
  for _ in $(seq 1 300); do
    kill -0 "$broker" 2>/dev/null || { cat "$out/broker.log"; echo "broker exited" >&2; exit 1; }
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.2
  done
  bench --broker embedded --port "$port" --wait-seconds 60 "$@"
  stop_broker
  broker=""
  trap - EXIT
}

echo "java: $(java -version 2>&1 | head -1); cpus: $(nproc); client: amqp-client $version"
case "$target" in
  embedded) embedded "$@" ;;
  rabbitmq) bench --broker rabbitmq --port 5672 --wait-seconds 5 "$@" ;;
  both)
    embedded "$@"
    bench --broker rabbitmq --port 5672 --wait-seconds 5 "$@"
    ;;
esac
