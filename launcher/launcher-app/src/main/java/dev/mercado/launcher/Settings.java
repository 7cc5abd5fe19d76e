package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The options of {@code ./mercado up}, parsed from the command line.
 *
 * @param repository the repository root (jars are found under it)
 * @param home where data, logs and run state live (default {@code <repository>/.mercado})
 * @param localInfra use this machine's PostgreSQL, RabbitMQ and Redis instead of embedded servers
 * @param externalKafka bootstrap servers of a Kafka to use instead of starting one
 * @param kafkaBrokers how many Kafka brokers to start: 1 (default) or a cluster of 3
 * @param clean start from empty data
 * @param freePorts pick free ports for the services too, instead of their defaults
 * @param servicePorts explicit service ports ({@code --port catalog=9001})
 * @param parallelism how many processes of one stage start at once
 * @param scale instances per service ({@code --scale catalog=2}; 1 when absent): the first is named
 *     after the service, the others {@code <service>-2}, {@code <service>-3}, on free ports
 * @param traceSampling the share of requests traced, 0 to 1 (default 1: every request)
 * @param traceLimit the most new traces a process starts a second (default 10; 0: no limit), so
 *     that a person watching sees every request while a benchmark pays the tracing of ten a second
 * @param fullJit the services compile hot code with C2 too ({@code --jit full}), as a production
 *     JVM does, instead of C1 only (the default, {@code --jit quick}: quicker start, less memory)
 * @param images the services run from their images under podman ({@code --images}, after {@code
 *     ./mercado images}) instead of from their jars
 * @param properties Spring properties given to one service on its command line ({@code --set
 *     gateway:key=value}), which win over its own configuration: every instance of it gets them
 */
record Settings(
    Path repository,
    Path home,
    boolean localInfra,
    Optional<String> externalKafka,
    int kafkaBrokers,
    boolean clean,
    boolean freePorts,
    Map<String, Integer> servicePorts,
    int parallelism,
    Map<String, Integer> scale,
    double traceSampling,
    int traceLimit,
    boolean fullJit,
    boolean images,
    Map<String, List<String>> properties) {

  /** New traces a second per process unless {@code --trace-limit} says otherwise. */
  static final int DEFAULT_TRACE_LIMIT = 10;

  /** The highest {@code --scale} a service may get: every instance is a JVM on two cores. */
  static final int MAX_INSTANCES = 4;

  /** The {@code key=value} properties {@code --set} gives {@code service}, in order. */
  List<String> propertiesOf(String service) {
    return properties.getOrDefault(service, List.of());
  }

  /** How many instances of {@code service} run. */
  int instancesOf(String service) {
    return scale.getOrDefault(service, 1);
  }

  static final String USAGE =
      """
      Usage: ./mercado <command> [options]

      Commands:
        build    build the jars (./mercado builds them anyway when they are missing or stale)
        images   build one OCI image per service and simulator (target/image.tar, no Docker
                 daemon) and list their sizes; 'up --images' runs the services from them
        up       start infrastructure and every service; stays in the foreground (Ctrl-C stops all)
        down     stop a running 'up' (from another terminal) and every process it started
        status   readiness of every process of a running 'up'
        stop X   stop one process of a running 'up' (e.g. 'stop postgres' to watch readiness fail)
        start X  start it again
        chaos ROUTE FAULT [ARGS] | chaos SERVICE ASSAULT [ARGS] | chaos status | chaos reset
                 slow, throttle, reset or blackhole payments -> provider or notifications -> SMTP,
                 or make a service's use cases throw or lag (Chaos Monkey), for a bounded time
                 ('./mercado chaos' on a running system lists the faults)
        load [--rate N] [--for SECONDS]
                 shoppers through the gateway: N visits a second (default 5) browse, search,
                 view and order (some cards declined) for SECONDS (default 60), one live line
        deadletters SERVICE NAME [--redrive]
                 list what a service parked on a dead-letter topic (<topic>.dlt) or queue
                 (notifications.email-tasks.dlq), or re-drive it

      Options of 'up':
        --infra embedded|local   embedded servers (default) or this machine's PostgreSQL,
                                 RabbitMQ and Redis on their standard ports
        --kafka HOST:PORT        use this Kafka instead of starting one
        --kafka-brokers 1|3      start one Kafka broker (default) or a cluster of three
                                 (kafka, kafka-2, kafka-3): topics with three replicas,
                                 acks=all answered once two have a record
        --clean                  delete the data of earlier runs first
        --free-ports             pick free ports for the services instead of the defaults
        --port NAME=PORT         port of one service (repeatable), e.g. --port gateway=9080
        --scale NAME=N           run N instances of a service (repeatable, at most 4); the gateway
                                 balances over the ready ones, e.g. --scale catalog=2
        --parallel N             processes of one stage started at once (default: CPU count)
        --trace-sampling P       share of requests traced and sent to Zipkin, 0 to 1 (default 1)
        --trace-limit N          at most N new traces a second in each process (default 10;
                                 0: no limit)
        --jit quick|full         services compile with C1 only (default: quicker start, less
                                 memory) or with C1 then C2 as in production (faster under
                                 sustained load; bench/gateway-throughput.sh uses it)
        --images                 run the services from their images under podman (build them
                                 with './mercado images'; needs podman: apt-get install
                                 podman runc)
        --set NAME:KEY=VALUE     a Spring property for one service (repeatable), winning over
                                 its configuration, e.g. --set catalog:logging.level.root=debug
        --home DIR               data, logs and run state (default: .mercado)
      """;

  static Settings parse(Path repository, List<String> args) {
    Path home = repository.resolve(".mercado");
    boolean localInfra = false;
    Optional<String> kafka = Optional.empty();
    int kafkaBrokers = 1;
    boolean clean = false;
    boolean freePorts = false;
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, Integer> scale = new LinkedHashMap<>();
    double traceSampling = 1.0;
    int traceLimit = DEFAULT_TRACE_LIMIT;
    boolean fullJit = false;
    boolean images = false;
    Map<String, List<String>> properties = new LinkedHashMap<>();
    int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--infra" -> {
          String mode = value(args, ++i, arg);
          if (!mode.equals("embedded") && !mode.equals("local")) {
            throw new IllegalArgumentException("--infra takes 'embedded' or 'local', not " + mode);
          }
          localInfra = mode.equals("local");
        }
        case "--kafka" -> kafka = Optional.of(value(args, ++i, arg));
        case "--kafka-brokers" -> {
          kafkaBrokers = positive(value(args, ++i, arg), arg);
          if (kafkaBrokers != 1 && kafkaBrokers != 3) {
            throw new IllegalArgumentException(
                "--kafka-brokers takes 1 or 3: a quorum of two stops when either stops");
          }
        }
        case "--clean" -> clean = true;
        case "--free-ports" -> freePorts = true;
        case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--parallel" -> parallelism = positive(value(args, ++i, arg), arg);
        case "--port" -> {
          String[] pair = value(args, ++i, arg).split("=", 2);
          if (pair.length != 2 || !Topology.SERVICE_NAMES.contains(pair[0])) {
            throw new IllegalArgumentException(
                "--port takes NAME=PORT with NAME one of " + Topology.SERVICE_NAMES);
          }
          ports.put(pair[0], positive(pair[1], arg));
        }
        case "--scale" -> {
          String[] pair = value(args, ++i, arg).split("=", 2);
          if (pair.length != 2 || !Topology.SCALABLE.contains(pair[0])) {
            throw new IllegalArgumentException(
                "--scale takes NAME=N with NAME one of " + Topology.SCALABLE);
          }
          int instances = positive(pair[1], arg);
          if (instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                "--scale allows at most " + MAX_INSTANCES + " instances of a service");
          }
          scale.put(pair[0], instances);
        }
        case "--trace-sampling" -> traceSampling = share(value(args, ++i, arg), arg);
        case "--trace-limit" -> traceLimit = nonNegative(value(args, ++i, arg), arg);
        case "--jit" -> {
          String mode = value(args, ++i, arg);
          if (!mode.equals("quick") && !mode.equals("full")) {
            throw new IllegalArgumentException("--jit takes 'quick' or 'full', not " + mode);
          }
          fullJit = mode.equals("full");
        }
        case "--images" -> images = true;
        case "--set" -> {
          String setting = value(args, ++i, arg);
          int colon = setting.indexOf(':');
          int equals = setting.indexOf('=');
          if (colon < 1
              || equals < colon + 2
              || !Topology.SERVICE_NAMES.contains(setting.substring(0, colon))) {
            throw new IllegalArgumentException(
                "--set takes NAME:KEY=VALUE with NAME one of " + Topology.SERVICE_NAMES);
          }
          properties
              .computeIfAbsent(setting.substring(0, colon), service -> new ArrayList<>())
              .add(setting.substring(colon + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (kafka.isPresent() && kafkaBrokers != 1) {
      throw new IllegalArgumentException("--kafka-brokers starts brokers; --kafka uses yours");
    }
    return new Settings(
        repository,
        home,
        localInfra,
        kafka,
        kafkaBrokers,
        clean,
        freePorts,
        Map.copyOf(ports),
        parallelism,
        Map.copyOf(scale),
        traceSampling,
        traceLimit,
        fullJit,
        images,
        properties.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }

  private static double share(String text, String option) {
    try {
      double value = Double.parseDouble(text);
      if (value >= 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a number from 0 to 1, not " + text);
  }

  private static int nonNegative(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a number from 0 up, not " + text);
  }

  private static int positive(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive number, not " + text);
  }
}
