package dev.mercado.launcher;

import dev.mercado.launcher.OsProcess.Preparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code ./mercado up} runs, in order, like a deployment diagram read top to bottom:
 * infrastructure (and the simulators of the external payment provider and mail server) first, then
 * the services that own data, then the edge. Each stage starts only when every component of the
 * previous one is ready; components of one stage start together. The services are data ({@link
 * Services}, {@code services.properties}); this class wires each to what it uses.
 */
final class Topology {

  /**
   * Service names in start order (services.properties); the name is also the folder, database, role
   * and route id (docs/style.md).
   */
  static final List<String> SERVICE_NAMES = Services.DECLARED.names();

  /**
   * The services that run Chaos Monkey for Spring Boot (platform-chaos): loaded, no assault active,
   * until {@code ./mercado chaos SERVICE ...} switches one on (F8, R6).
   */
  static final List<String> CHAOS_SERVICES = Services.DECLARED.using(Services.Use.CHAOS);

  /** The profile that loads Chaos Monkey in a service (platform-chaos's ChaosDefaults.PROFILE). */
  static final String CHAOS_PROFILE = "chaos-monkey";

  /** The services that own a database (the gateway owns none). */
  static final List<String> DATABASE_OWNERS = Services.DECLARED.databaseOwners();

  /**
   * The services {@code --scale} may run more instances of: those that start after the
   * infrastructure.
   */
  static final List<String> SCALABLE =
      Services.DECLARED.in(Services.Stage.SERVICES).stream().map(Services.Service::name).toList();

  /** This machine's Redis, which keeps the gateway's rate limits with {@code --infra local}. */
  private static final String LOCAL_REDIS = "redis://127.0.0.1:6379";

  /** This machine's PostgreSQL, used with {@code --infra local}. */
  static final PostgresAdmin LOCAL_POSTGRES = new PostgresAdmin("127.0.0.1", 5432, "postgres");

  /**
   * Modest heaps and a single-threaded collector: ten JVMs share two cores and must fit the RSS
   * budget (docs/adr/0002-launcher.md). C1 only unless {@code --jit full} (docs/adr/0011).
   */
  static List<String> serviceJvmOptions(Settings settings) {
    List<String> options =
        new ArrayList<>(List.of("-Xms48m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC"));
    if (!settings.fullJit()) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    return List.copyOf(options);
  }

  /**
   * @param startTogether how many of the components at least start at once, whatever {@code
   *     --parallel} says: the nodes of a Kafka cluster are not ready before a majority of them runs
   */
  record Stage(String name, List<Component> components, int startTogether) {

    Stage(String name, List<Component> components) {
      this(name, components, 1);
    }
  }

  private final List<Stage> stages;

  private Topology(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  List<Stage> stages() {
    return stages;
  }

  List<Component> components() {
    return stages.stream().flatMap(stage -> stage.components().stream()).toList();
  }

  /**
   * @param healthToken the run's operators' token: services show their health details to it
   */
  static Topology of(Settings settings, String healthToken) throws IOException {
    Path home = settings.home();
    Path logs = home.resolve("logs");
    Path data = home.resolve("data");
    Ports ports = new Ports(home);

    // infrastructure
    PostgresAdmin postgres;
    List<Component> infrastructure = new ArrayList<>();
    String amqpPort;
    if (settings.localInfra()) {
      postgres = LOCAL_POSTGRES;
      infrastructure.add(
          new ExternalServer("postgres", "postgresql://127.0.0.1:5432", "tcp://127.0.0.1:5432"));
      infrastructure.add(
          new ExternalServer("rabbitmq", "amqp://127.0.0.1:5672", "amqp://127.0.0.1:5672"));
      infrastructure.add(new ExternalServer("redis", LOCAL_REDIS, "tcp://127.0.0.1:6379"));
      amqpPort = "5672";
    } else {
      PostgresServer server = new PostgresServer(home, ports.embedded("postgres"));
      postgres = server.admin();
      infrastructure.add(server);
      AmqpBroker amqp =
          new AmqpBroker(
              settings.repository(),
              data.resolve("amqp"),
              logs.resolve("amqp.log"),
              ports.embedded("amqp"));
      infrastructure.add(amqp);
      amqpPort = Integer.toString(amqp.port());
    }
    PaymentProviderSimulator paymentProvider =
        new PaymentProviderSimulator(
            settings.repository(),
            "payment-provider",
            logs.resolve("payment-provider.log"),
            ports.embedded("payment-provider"),
            ports.embedded("payment-provider-admin"));
    infrastructure.add(paymentProvider);
    // the alternative provider payments authorizes with while the primary's breaker is open (R12)
    PaymentProviderSimulator alternativeProvider =
        new PaymentProviderSimulator(
            settings.repository(),
            "payment-provider-2",
            logs.resolve("payment-provider-2.log"),
            ports.embedded("payment-provider-2"),
            ports.embedded("payment-provider-2-admin"));
    infrastructure.add(alternativeProvider);
    MailServerSimulator mail =
        new MailServerSimulator(
            settings.repository(),
            logs.resolve("mail.log"),
            ports.embedded("mail-smtp"),
            ports.embedded("mail-api"));
    infrastructure.add(mail);
    // payments and notifications reach the provider and the SMTP server through the fault proxy,
    // so ./mercado chaos can break those connections on purpose (R6)
    int providerThroughProxy = ports.embedded("chaos-payment-provider");
    int smtpThroughProxy = ports.embedded("chaos-mail");
    ChaosProxy chaos =
        new ChaosProxy(
            settings.repository(),
            logs.resolve("chaos-proxy.log"),
            ports.embedded("chaos-proxy-admin"),
            List.of(
                new ChaosProxy.Route(
                    "payment-provider", providerThroughProxy, paymentProvider.port()),
                new ChaosProxy.Route("mail", smtpThroughProxy, mail.smtpPort())));
    infrastructure.add(chaos);
    TraceServer traces =
        new TraceServer(
            settings.repository(),
            home.resolve("tmp"),
            logs.resolve("zipkin.log"),
            ports.embedded("zipkin"));
    infrastructure.add(traces);
    String kafka;
    int kafkaNodes = 1;
    if (settings.externalKafka().isPresent()) {
      kafka = settings.externalKafka().get();
      infrastructure.add(new ExternalServer("kafka", kafka, "kafka://" + kafka));
    } else if (settings.kafkaBrokers() == 1) {
      KafkaBroker broker =
          new KafkaBroker(
              settings.repository(),
              data.resolve("kafka"),
              logs.resolve("kafka.log"),
              ports.embedded("kafka"),
              ports.embedded("kafka-controller"));
      kafka = broker.bootstrapServers();
      infrastructure.add(broker);
    } else {
      kafkaNodes = settings.kafkaBrokers();
      List<KafkaBroker.Node> nodes = new ArrayList<>();
      for (int id = 1; id <= kafkaNodes; id++) {
        String name = id == 1 ? "kafka" : "kafka-" + id;
        nodes.add(new KafkaBroker.Node(ports.embedded(name), ports.embedded(name + "-controller")));
      }
      // a cluster's data apart from a single broker's: a node formatted alone cannot join one
      List<KafkaBroker> brokers =
          KafkaBroker.cluster(
              settings.repository(), data.resolve("kafka-cluster-" + kafkaNodes), logs, nodes);
      kafka = KafkaBroker.bootstrapServers(brokers);
      infrastructure.addAll(brokers);
    }

    // the services, as services.properties declares them: first those that own data, each with its
    // own database and role provisioned before it starts, then the edge
    Map<String, Integer> servicePorts = new LinkedHashMap<>();
    for (Services.Service service : Services.DECLARED.all()) {
      servicePorts.put(service.name(), servicePort(settings, service));
    }
    // R3: with this machine's Redis, rate limits are kept there, so that the instances of a scaled
    // gateway or payments share one count per client; the run's own key prefix keeps one run's
    // counts from another's
    Map<String, String> sharedLimits =
        settings.localInfra()
            ? Map.of(
                "MERCADO_RATELIMIT_BACKEND",
                "redis",
                "MERCADO_RATELIMIT_REDIS_URI",
                LOCAL_REDIS,
                "MERCADO_RATELIMIT_REDIS_KEY_PREFIX",
                "mercado:rl:" + UUID.randomUUID() + ":")
            : Map.of();
    Map<String, String> values = new LinkedHashMap<>();
    servicePorts.forEach(
        (name, port) -> {
          values.put(name + ".url", "http://127.0.0.1:" + port);
          values.put(name + ".instances", Integer.toString(settings.instancesOf(name)));
        });
    values.put("amqp.port", amqpPort);
    values.put("payment-provider.url", "http://127.0.0.1:" + providerThroughProxy);
    values.put("payment-provider-2.url", alternativeProvider.baseUrl());
    values.put("mail.smtp-port", Integer.toString(smtpThroughProxy));
    Map<String, String> observability = observability(settings, traces);
    Map<String, List<String>> instances = new LinkedHashMap<>();
    Map<Services.Stage, List<Component>> staged = new LinkedHashMap<>();
    for (Services.Stage stage : Services.Stage.values()) {
      List<Component> components = new ArrayList<>();
      for (Services.Service service : Services.DECLARED.in(stage)) {
        String name = service.name();
        Map<String, String> environment = new LinkedHashMap<>(observability);
        if (service.uses(Services.Use.HEALTH)) {
          environment.put(HealthChecks.TOKEN_VARIABLE, healthToken);
        }
        if (service.uses(Services.Use.KAFKA)) {
          environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
          if (kafkaNodes > 1) {
            // every declared topic on three brokers, acks=all answered once two have a record (R9)
            environment.put(
                "MERCADO_KAFKA_REPLICATION_FACTOR", Integer.toString(Math.min(3, kafkaNodes)));
            environment.put(
                "MERCADO_KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(Math.min(3, kafkaNodes) - 1));
          }
        }
        if (service.uses(Services.Use.CHAOS)) {
          environment.put("SPRING_PROFILES_ACTIVE", CHAOS_PROFILE);
        }
        if (service.uses(Services.Use.RATE_LIMITS)) {
          environment.putAll(sharedLimits);
        }
        if (service.uses(Services.Use.IDENTITY)) {
          // every service checks tokens itself against identity's keys and issuer, so a request
          // that bypasses the gateway is no less checked (docs/adr/0009); keys are fetched on the
          // first token, so identity starting alongside is enough
          environment.put("MERCADO_SECURITY_IDENTITY_URL", values.get("identity.url"));
        }
        if (service.uses(Services.Use.DISCOVERY)) {
          // routes /api/v1/<service>/** to the ready instances of each service
          environment.put("SPRING_APPLICATION_JSON", discoveryJson(instances));
        }
        service
            .environment()
            .forEach((key, value) -> environment.put(key, Services.resolve(value, values::get)));
        PostgresAdmin database = service.database() ? postgres : null;
        List<String> urls = new ArrayList<>();
        for (int instance = 1; instance <= settings.instancesOf(name); instance++) {
          // later instances take free ports, remembered like the infrastructure's
          int port = instance == 1 ? servicePorts.get(name) : ports.embedded(name + "-" + instance);
          String process = instance == 1 ? name : name + "-" + instance;
          components.add(service(settings, process, name, port, environment, database));
          urls.add("http://127.0.0.1:" + port);
        }
        instances.put(name, urls);
      }
      staged.put(stage, components);
    }

    return new Topology(
        List.of(
            new Stage("infrastructure", infrastructure, kafkaNodes),
            new Stage("services", staged.get(Services.Stage.SERVICES)),
            new Stage("edge", staged.get(Services.Stage.EDGE))));
  }

  /**
   * Every service exports its spans to the run's trace server and samples the share {@code
   * --trace-sampling} asks for, at most {@code --trace-limit} new traces a second
   * (platform-observability leaves export off otherwise).
   */
  private static Map<String, String> observability(Settings settings, TraceServer traces) {
    return Map.of(
        "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true",
        "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", traces.spansEndpoint(),
        "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", Double.toString(settings.traceSampling()),
        "MERCADO_TRACING_MAX_TRACES_PER_SECOND", Integer.toString(settings.traceLimit()));
  }

  private static int servicePort(Settings settings, Services.Service service) throws IOException {
    Integer explicit = settings.servicePorts().get(service.name());
    if (explicit != null) {
      return explicit;
    }
    return settings.freePorts() ? Ports.free() : service.port();
  }

  /**
   * The gateway's list of instances per service, as Spring Cloud's simple discovery client reads
   * it: {@code spring.cloud.discovery.client.simple.instances.<service>[i].uri}.
   */
  static String discoveryJson(Map<String, List<String>> instances) {
    StringBuilder json =
        new StringBuilder(
            "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{");
    String separator = "";
    for (Map.Entry<String, List<String>> service : instances.entrySet()) {
      json.append(separator).append('"').append(service.getKey()).append("\":[");
      json.append(
          String.join(
              ",", service.getValue().stream().map(url -> "{\"uri\":\"" + url + "\"}").toList()));
      json.append(']');
      separator = ",";
    }
    return json.append("}}}}}}}").toString();
  }

  /**
   * A service's process: {@code java -jar services/<name>/<name>-service/target/<name>-service.jar}
   * with its port, and, when it owns data, its own database provisioned just before it starts
   * (every instance of a service shares the service's database).
   *
   * @param process the process's name: the service's, or {@code <service>-<n>} for later instances
   */
  private static Component service(
      Settings settings,
      String process,
      String name,
      int port,
      Map<String, String> environment,
      PostgresAdmin postgres)
      throws IOException {
    Path jar =
        settings
            .repository()
            .resolve("services/" + name + "/" + name + "-service/target/" + name + "-service.jar");
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("SERVER_PORT", Integer.toString(port));
    String url = "http://127.0.0.1:" + port;
    Preparation database = () -> checkPortAndProvision(name, port, postgres);
    if (settings.images()) {
      // --set: arguments after the image's entrypoint, the highest-ranked Spring properties
      return new ContainerProcess(
          process,
          url,
          url + "/actuator/health/readiness",
          settings
              .repository()
              .resolve("services/" + name + "/" + name + "-service/target/image.tar"),
          serviceJvmOptions(settings),
          settings.propertiesOf(name).stream().map(property -> "--" + property).toList(),
          env,
          settings.home(),
          port,
          database);
    }
    Path tmp = settings.home().resolve("tmp");
    // the first instance records the archive; later ones map it once it exists
    ClassDataSharing sharing =
        ClassDataSharing.of(settings.home(), name, jar, process.equals(name));
    List<String> command = new ArrayList<>();
    command.add(Java.executable());
    command.addAll(serviceJvmOptions(settings));
    command.addAll(sharing.jvmOptions());
    command.add("-Djava.io.tmpdir=" + tmp);
    command.addAll(List.of("-jar", sharing.extractedJar().toString()));
    // --set: command-line arguments are the highest-ranked source of Spring properties
    settings.propertiesOf(name).forEach(property -> command.add("--" + property));
    return new OsProcess(
        process,
        "service",
        url,
        url + "/actuator/health/readiness",
        command,
        env,
        settings.home().resolve("logs/" + process + ".log"),
        () -> {
          if (!Files.exists(jar)) {
            throw new IOException("missing " + jar + ": build with 'mvn -DskipTests package'");
          }
          Files.createDirectories(tmp);
          sharing.prepare();
          return database.run();
        },
        sharing::exitedCleanly);
  }

  /**
   * Before a service starts: its port is free, and, when it owns data, its database is provisioned
   * (every instance of a service shares the service's database); returns the database's settings.
   */
  private static Map<String, String> checkPortAndProvision(
      String name, int port, PostgresAdmin postgres) throws Exception {
    if (!Ports.isFree(port)) {
      throw new IOException(
          "port "
              + port
              + " for "
              + name
              + " is taken; pass --port "
              + name
              + "=N or --free-ports");
    }
    if (postgres == null) {
      return Map.of();
    }
    PostgresAdmin.ServiceDatabase database = postgres.provision(name);
    return Map.of(
        "SPRING_DATASOURCE_URL", database.jdbcUrl(),
        "SPRING_DATASOURCE_USERNAME", database.username(),
        "SPRING_DATASOURCE_PASSWORD", database.password());
  }
}
