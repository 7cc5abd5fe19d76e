package dev.mercado.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.api.PaymentsTopics;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What would otherwise break only in a cluster, checked offline on the rendered overlays (F7, R1,
 * issue 17; docs/deploy.md): every object read by Kubernetes' or Strimzi's model with no field the
 * model does not know, probes on the health groups and port each service serves, images the build
 * produces, network policies that select real pods and let every real call through (and no other
 * tried), a {@code KafkaTopic} for every topic the {@code -api} modules declare, and no secret in
 * production. Renders with {@code kubectl kustomize}; skipped where kubectl is missing.
 */
class ManifestsTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path REPOSITORY = MODULE.resolve("../..").normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.ofEntries(
          Map.entry("Namespace", Namespace.class),
          Map.entry("ServiceAccount", ServiceAccount.class),
          Map.entry("ConfigMap", ConfigMap.class),
          Map.entry("Secret", Secret.class),
          Map.entry("Deployment", Deployment.class),
          Map.entry("Service", Service.class),
          Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("NetworkPolicy", NetworkPolicy.class),
          Map.entry("Kafka", Kafka.class),
          Map.entry("KafkaNodePool", KafkaNodePool.class),
          Map.entry("KafkaTopic", KafkaTopic.class),
          Map.entry("PeerAuthentication", PeerAuthentication.class),
          Map.entry("AuthorizationPolicy", AuthorizationPolicy.class),
          Map.entry("DestinationRule", DestinationRule.class),
          Map.entry("VirtualService", VirtualService.class),
          Map.entry("ServiceMonitor", ServiceMonitor.class),
          Map.entry("PrometheusRule", PrometheusRule.class));

  /** Operators' resources whose Java models are not published: read as generic objects. */
  private static final Set<String> WITHOUT_MODEL = Set.of("Cluster", "RabbitmqCluster");

  /** The services as the launcher runs them: declared once, in its services.properties. */
  private static final Properties DECLARED =
      declared("launcher/launcher-app/src/main/resources/dev/mercado/launcher/services.properties");

  private static final List<String> SERVICES = List.of(DECLARED.getProperty("services").split(","));

  private static final List<String> DATABASE_OWNERS =
      SERVICES.stream()
          .filter(service -> Boolean.parseBoolean(DECLARED.getProperty(service + ".database")))
          .toList();

  /** The pod label that gives a pod Istio's sidecar (components/mesh). */
  private static final String SIDECAR_LABEL = "sidecar.istio.io/inject";

  private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

  /** The same documents as read, for checks on fields the models type loosely. */
  private static final Map<String, List<JsonNode>> DOCUMENTS = new ConcurrentHashMap<>();

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyObjectIsReadByItsModelWithNoFieldItDoesNotKnow(String overlay) throws Exception {
    List<String> unknown = new ArrayList<>();
    for (HasMetadata object : rendered(overlay)) {
      String name = object.getKind() + "/" + object.getMetadata().getName();
      if (object instanceof GenericKubernetesResource) {
        assertThat(WITHOUT_MODEL).as(name + " has no model here").contains(object.getKind());
        continue;
      }
      unknownFields(object, name, unknown, 0);
    }
    assertThat(unknown).as("fields a model does not know (a typo Kubernetes would drop)").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void probesAskForTheHealthGroupsOnThePortEachServiceServes(String overlay) throws Exception {
    for (String service : SERVICES) {
      JsonNode config = applicationYml(service);
      int port = config.path("server").path("port").asInt();
      assertThat(config.at("/management/endpoint/health/probes/enabled").asBoolean())
          .as(service + " serves the liveness and readiness groups")
          .isTrue();
      Container container = container(overlay, service);
      assertThat(container.getPorts())
          .singleElement()
          .extracting(ContainerPort::getContainerPort)
          .as(service + "'s port")
          .isEqualTo(port);
      for (Probe probe :
          List.of(
              container.getStartupProbe(),
              container.getLivenessProbe(),
              container.getReadinessProbe())) {
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath())
            .as(service)
            .isIn("/actuator/health/liveness", "/actuator/health/readiness");
        assertThat(get.getPort().getStrVal()).as(service).isEqualTo("http");
      }
      assertThat(container.getReadinessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.getLivenessProbe().getHttpGet().getPath())
          .as("liveness is the process alone: a database outage must not restart " + service)
          .isEqualTo("/actuator/health/liveness");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyImageIsOneTheBuildProduces(String overlay) throws Exception {
    Set<String> built = imageModules();
    for (Deployment deployment : of(overlay, Deployment.class)) {
      for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        String image = container.getImage();
        if (!image.contains("mercado/")) {
          assertThat(image).as("third-party images").matches("(redis|openzipkin/zipkin):[0-9.]+");
          continue;
        }
        String module = image.substring(image.lastIndexOf('/') + 1, image.lastIndexOf(':'));
        assertThat(built)
            .as(deployment.getMetadata().getName() + " runs " + image)
            .contains(module);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void networkPoliciesSelectRealPodsAndLetEveryRealCallThroughAndNoOther(String overlay)
      throws Exception {
    Map<String, Map<String, String>> pods = pods(overlay);
    List<NetworkPolicy> policies = of(overlay, NetworkPolicy.class);
    for (NetworkPolicy policy : policies) {
      assertThat(pods.values())
          .as(policy.getMetadata().getName() + " selects a pod that exists")
          .anyMatch(labels -> matches(policy.getSpec().getPodSelector(), labels));
    }
    assertThat(policies)
        .as("deny by default")
        .anyMatch(
            policy ->
                isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                    && isEmpty(policy.getSpec().getPodSelector().getMatchExpressions())
                    && isEmpty(policy.getSpec().getIngress()));

    admitsEveryCallAndRefuses(
        "the policies",
        call -> true,
        call -> allowed(policies, pods.get(call[0]), pods.get(call[1]), Integer.parseInt(call[2])),
        List.of(
            new String[] {"catalog", "orders", "8082"},
            new String[] {"orders", "payments-db", "5432"},
            new String[] {"catalog", "redis", "6379"},
            new String[] {"payments", "mercado-rabbitmq", "5672"}));

    Kafka kafka = of(overlay, Kafka.class).get(0);
    Set<String> kafkaPeers = new TreeSet<>();
    kafka.getSpec().getKafka().getListeners().stream()
        .flatMap(listener -> listener.getNetworkPolicyPeers().stream())
        .flatMap(peer -> peer.getPodSelector().getMatchExpressions().stream())
        .forEach(expression -> kafkaPeers.addAll(expression.getValues()));
    assertThat(kafkaPeers)
        .containsExactlyInAnyOrder("catalog", "orders", "payments", "notifications");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyDeclaredTopicHasAKafkaTopicWithTheClustersReplication(String overlay) throws Exception {
    Map<String, KafkaTopic> topics = new LinkedHashMap<>();
    of(overlay, KafkaTopic.class)
        .forEach(topic -> topics.put(topic.getSpec().getTopicName(), topic));
    int replicas = overlay.equals("local") ? 1 : 3;
    Set<String> declared = new TreeSet<>();
    for (Class<?> constants :
        List.of(CatalogTopics.class, OrdersTopics.class, PaymentsTopics.class)) {
      for (Field field : constants.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          declared.add((String) field.get(null));
        }
      }
    }
    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    for (KafkaTopic topic : topics.values()) {
      assertThat(topic.getSpec().getPartitions()).as(topic.getSpec().getTopicName()).isEqualTo(4);
      assertThat(topic.getSpec().getReplicas())
          .as(topic.getSpec().getTopicName())
          .isEqualTo(replicas);
      assertThat(topic.getSpec().getConfig())
          .containsEntry("min.insync.replicas", Math.max(1, replicas - 1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"production"})
  void productionCarriesNoSecretAndNoDemoValue(String overlay) throws Exception {
    assertThat(of(overlay, Secret.class))
        .as("secrets come from the cluster's secret store")
        .isEmpty();
    for (ConfigMap config : of(overlay, ConfigMap.class)) {
      assertThat(config.getData().values())
          .as(config.getMetadata().getName())
          .noneMatch(value -> value.toLowerCase().contains("demo"));
      assertThat(config.getData())
          .doesNotContainEntry("MERCADO_IDENTITY_DEV_TOKENS_ENABLED", "true");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"production"})
  void theMeshRequiresMutualTlsAndLetsEveryRealCallThroughAndNoOther(String overlay)
      throws Exception {
    assertThat(documents(overlay, "PeerAuthentication"))
        .as("mutual TLS required namespace-wide")
        .anyMatch(
            peer ->
                peer.at("/spec/selector").isMissingNode()
                    && peer.at("/spec/mtls/mode").asText().equals("STRICT"));
    List<JsonNode> policies = documents(overlay, "AuthorizationPolicy");
    assertThat(policies)
        .as("allow-nothing: a call no policy allows is refused")
        .anyMatch(policy -> policy.path("spec").isEmpty());
    assertThat(policies)
        .as("ALLOW policies only")
        .allMatch(policy -> policy.at("/spec/action").asText("ALLOW").equals("ALLOW"));

    Map<String, Map<String, String>> pods = pods(overlay);
    Map<String, String> accounts = new LinkedHashMap<>();
    Set<String> meshed = new TreeSet<>();
    for (Deployment deployment : of(overlay, Deployment.class)) {
      String name = deployment.getMetadata().getName();
      accounts.put(name, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
      if ("true"
          .equals(
              deployment.getSpec().getTemplate().getMetadata().getLabels().get(SIDECAR_LABEL))) {
        meshed.add(name);
      }
    }
    assertThat(meshed).containsAll(SERVICES).contains("redis", "zipkin");

    admitsEveryCallAndRefuses(
        "the mesh",
        call -> meshed.contains(call[1]),
        call ->
            meshAllows(
                policies, accounts.get(call[0]), pods.get(call[1]), Integer.parseInt(call[2])),
        List.of(
            new String[] {"catalog", "orders", "8082"},
            new String[] {"catalog", "payments", "8083"},
            new String[] {"orders", "redis", "6379"},
            new String[] {"identity", "notifications", "8084"}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"production"})
  void theMeshNeverRetriesAndWaitsLongerThanTheCallersOwnBudget(String overlay) throws Exception {
    JsonNode gateway = applicationYml("gateway");
    JsonNode limiter = gateway.at("/resilience4j/timelimiter");
    Map<String, JsonNode> routes = new LinkedHashMap<>();
    for (JsonNode route : documents(overlay, "VirtualService")) {
      routes.put(route.at("/metadata/name").asText(), route);
    }
    Map<String, JsonNode> destinations = new LinkedHashMap<>();
    for (JsonNode rule : documents(overlay, "DestinationRule")) {
      destinations.put(rule.at("/spec/host").asText(), rule);
    }
    List<String> called = List.of("identity", "catalog", "orders", "payments", "notifications");
    assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(called);
    assertThat(destinations.keySet()).containsExactlyInAnyOrderElementsOf(called);
    for (String service : called) {
      JsonNode http = routes.get(service).at("/spec/http/0");
      assertThat(http.at("/route/0/destination/host").asText()).isEqualTo(service);
      assertThat(http.at("/route/0/destination/port/number").asInt())
          .as(service + "'s port")
          .isEqualTo(servicePort(overlay, service));
      assertThat(http.at("/retries/attempts").isInt() && http.at("/retries/attempts").asInt() == 0)
          .as(service + ": no mesh retry (Istio retries twice unless told not to)")
          .isTrue();
      JsonNode own = limiter.at("/instances/" + service + "/timeout-duration");
      Duration budget =
          seconds(own.isMissingNode() ? limiter.at("/configs/default/timeout-duration") : own);
      assertThat(seconds(http.path("timeout")))
          .as(service + ": the mesh waits longer than the gateway's time limiter")
          .isGreaterThan(budget);

      JsonNode policy = destinations.get(service).at("/spec/trafficPolicy");
      assertThat(policy.at("/outlierDetection/consecutive5xxErrors").asInt())
          .as(service + ": the gateway's outlier threshold")
          .isEqualTo(gateway.at("/mercado/gateway/outliers/consecutive-failures").asInt());
      assertThat(seconds(policy.at("/outlierDetection/baseEjectionTime")))
          .isEqualTo(seconds(gateway.at("/mercado/gateway/outliers/ejection")));
      assertThat(policy.at("/connectionPool/tcp/maxConnections").asInt())
          .as(service + ": the gateway's bulkhead")
          .isEqualTo(
              gateway.at("/resilience4j/bulkhead/configs/default/max-concurrent-calls").asInt());
      assertThat(seconds(policy.at("/connectionPool/tcp/connectTimeout")).toMillis())
          .isEqualTo(
              gateway
                  .at("/spring/cloud/gateway/server/webflux/httpclient/connect-timeout")
                  .asLong());
    }

    List<String> unknown = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODULE.resolve("examples/mesh-faults"))) {
      for (Path file : files.sorted().toList()) {
        List<JsonNode> faults = documents(Files.readString(file));
        assertThat(faults).as(file.toString()).hasSize(1);
        JsonNode fault = faults.get(0);
        unknownFields(model(fault), file.getFileName().toString(), unknown, 0);
        JsonNode base = routes.get(fault.at("/metadata/name").asText());
        assertThat(base).as(file + " replaces a VirtualService of the mesh").isNotNull();
        JsonNode http = fault.at("/spec/http/0");
        assertThat(http.path("fault").isObject()).as(file + " injects a fault").isTrue();
        ((ObjectNode) http).remove("fault");
        assertThat(fault.path("spec"))
            .as(file + " is the mesh's route with a fault, nothing else changed")
            .isEqualTo(base.path("spec"));
      }
    }
    assertThat(unknown).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"production"})
  void prometheusScrapesEveryServiceWithTheRulesAndDashboardsOfDeployObservability(String overlay)
      throws Exception {
    for (String service : SERVICES) {
      Service target =
          of(overlay, Service.class).stream()
              .filter(candidate -> candidate.getMetadata().getName().equals(service))
              .findFirst()
              .orElseThrow();
      JsonNode monitor =
          documents(overlay, "ServiceMonitor").stream()
              .filter(
                  candidate ->
                      service.equals(
                          candidate
                              .at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                              .asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no ServiceMonitor selects " + service));
      assertThat(target.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", service);
      assertThat(monitor.at("/spec/endpoints/0/port").asText())
          .as(service + ": a port its Service names")
          .isIn(target.getSpec().getPorts().stream().map(port -> port.getName()).toList());
      assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
    }

    Path observability = REPOSITORY.resolve("deploy/observability");
    assertThat(documents(overlay, "PrometheusRule"))
        .as("rules/mercado.yml, as it is (prometheus-rule.sh writes the PrometheusRule)")
        .singleElement()
        .extracting(rule -> rule.at("/spec/groups"))
        .isEqualTo(
            YAML.readTree(observability.resolve("rules/mercado.yml").toFile()).get("groups"));

    Map<String, String> dashboards = new TreeMap<>();
    for (ConfigMap config : of(overlay, ConfigMap.class)) {
      if ("1".equals(config.getMetadata().getLabels().get("grafana_dashboard"))) {
        dashboards.putAll(config.getData());
      }
    }
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> json = Files.list(observability.resolve("dashboards"))) {
      for (Path file : json.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(dashboards).isEqualTo(files);
  }

  /**
   * Whether an ALLOW policy selecting the target admits a call from the service account on the
   * port, for any path and method (Istio's ALLOW semantics with allow-nothing in place).
   */
  private static boolean meshAllows(
      List<JsonNode> policies, String account, Map<String, String> target, int port) {
    String principal = "cluster.local/ns/mercado/sa/" + account;
    for (JsonNode policy : policies) {
      JsonNode selector = policy.at("/spec/selector/matchLabels");
      if (selector.isMissingNode()) {
        continue;
      }
      boolean selects = true;
      for (Map.Entry<String, JsonNode> label : selector.properties()) {
        selects &= label.getValue().asText().equals(target.get(label.getKey()));
      }
      if (!selects) {
        continue;
      }
      for (JsonNode rule : policy.at("/spec/rules")) {
        boolean from =
            rule.path("from").isMissingNode()
                || stream(rule.path("from"))
                    .anyMatch(
                        peer ->
                            stream(peer.at("/source/principals"))
                                .anyMatch(name -> name.asText().equals(principal)));
        boolean to =
            rule.path("to").isMissingNode()
                || stream(rule.path("to"))
                    .map(operation -> operation.path("operation"))
                    .anyMatch(
                        operation ->
                            operation.path("paths").isMissingNode()
                                && operation.path("methods").isMissingNode()
                                && (operation.path("ports").isMissingNode()
                                    || stream(operation.path("ports"))
                                        .anyMatch(p -> p.asText().equals(String.valueOf(port)))));
        if (from && to) {
          return true;
        }
      }
    }
    return false;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  /** A duration as Istio ("1500ms", "5s") or Spring ("5s", "10s") writes it. */
  private static Duration seconds(JsonNode value) {
    String text = value.asText();
    assertThat(text).as("a duration").matches("[0-9]+(ms|s)");
    return text.endsWith("ms")
        ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
        : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
  }

  private static int servicePort(String overlay, String service) throws Exception {
    return of(overlay, Service.class).stream()
        .filter(candidate -> candidate.getMetadata().getName().equals(service))
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getPorts()
        .get(0)
        .getPort();
  }

  private static Properties declared(String path) {
    Properties declaration = new Properties();
    try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve(path))) {
      declaration.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return declaration;
  }

  private static JsonNode applicationYml(String service) throws IOException {
    return YAML.readTree(
        REPOSITORY
            .resolve(
                "services/"
                    + service
                    + "/"
                    + service
                    + "-service/src/main/resources/application.yml")
            .toFile());
  }

  /**
   * One layer of access rules (network policies, the mesh's authorization) against the system's
   * calls: every call of {@link #calls()} the layer governs is admitted, and none of the calls the
   * system never makes is.
   */
  private static void admitsEveryCallAndRefuses(
      String layer, Predicate<String[]> governs, Predicate<String[]> admits, List<String[]> never) {
    List<String> refused = new ArrayList<>();
    for (String[] call : calls()) {
      if (governs.test(call) && !admits.test(call)) {
        refused.add(String.join(" -> ", call));
      }
    }
    assertThat(refused).as("real calls " + layer + " refuse").isEmpty();
    for (String[] call : never) {
      assertThat(admits.test(call))
          .as(String.join(" -> ", call) + " is no call of the system; " + layer + " admit it")
          .isFalse();
    }
  }

  /** Every call the system makes inside the cluster: source app, target pod, port. */
  private static List<String[]> calls() {
    List<String[]> calls = new ArrayList<>();
    Map<String, Integer> ports =
        Map.of("catalog", 8081, "orders", 8082, "payments", 8083, "notifications", 8084);
    ports.forEach((service, port) -> calls.add(new String[] {"gateway", service, port.toString()}));
    for (String service : SERVICES) {
      if (!service.equals("identity")) {
        calls.add(new String[] {service, "identity", "8085"});
      }
      calls.add(new String[] {service, "zipkin", "9411"});
    }
    for (String owner : DATABASE_OWNERS) {
      calls.add(new String[] {owner, owner + "-db", "5432"});
    }
    calls.add(new String[] {"notifications", "mercado-rabbitmq", "5672"});
    calls.add(new String[] {"gateway", "redis", "6379"});
    calls.add(new String[] {"payments", "redis", "6379"});
    return calls;
  }

  /**
   * Pods by name with their labels: the Deployments' templates, and the pods the operators create
   * for the resources rendered (CloudNativePG labels its pods {@code cnpg.io/cluster}, the RabbitMQ
   * operator {@code app.kubernetes.io/name}).
   */
  private static Map<String, Map<String, String>> pods(String overlay) throws Exception {
    Map<String, Map<String, String>> pods = new LinkedHashMap<>();
    for (Deployment deployment : of(overlay, Deployment.class)) {
      pods.put(
          deployment.getMetadata().getName(),
          deployment.getSpec().getTemplate().getMetadata().getLabels());
    }
    for (HasMetadata object : rendered(overlay)) {
      String name = object.getMetadata().getName();
      if (object.getKind().equals("Cluster")) {
        pods.put(name, Map.of("cnpg.io/cluster", name));
      } else if (object.getKind().equals("RabbitmqCluster")) {
        pods.put(name, Map.of("app.kubernetes.io/name", name));
      }
    }
    return pods;
  }

  /** Whether some policy selecting the target admits the source on the port (same namespace). */
  private static boolean allowed(
      List<NetworkPolicy> policies,
      Map<String, String> source,
      Map<String, String> target,
      int port) {
    assertThat(source).as("a source pod").isNotNull();
    assertThat(target).as("a target pod").isNotNull();
    for (NetworkPolicy policy : policies) {
      if (!matches(policy.getSpec().getPodSelector(), target)) {
        continue;
      }
      for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
        boolean portMatches =
            rule.getPorts().isEmpty()
                || rule.getPorts().stream()
                    .anyMatch(p -> p.getPort() == null || p.getPort().getIntVal() == port);
        if (portMatches && rule.getFrom().stream().anyMatch(peer -> admits(peer, source))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean admits(NetworkPolicyPeer peer, Map<String, String> source) {
    if (peer.getIpBlock() != null) {
      return peer.getIpBlock().getCidr().equals("0.0.0.0/0");
    }
    if (peer.getNamespaceSelector() != null) {
      // another namespace (monitoring, an operator's): never a pod of the system's own
      return false;
    }
    return peer.getPodSelector() != null && matches(peer.getPodSelector(), source);
  }

  private static boolean isEmpty(Object mapOrList) {
    return mapOrList == null
        || (mapOrList instanceof Map<?, ?> map && map.isEmpty())
        || (mapOrList instanceof Collection<?> list && list.isEmpty());
  }

  private static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null
        && !selector.getMatchLabels().entrySet().stream()
            .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))) {
      return false;
    }
    return selector.getMatchExpressions() == null
        || selector.getMatchExpressions().stream()
            .allMatch(
                expression ->
                    expression.getOperator().equals("In")
                        && expression.getValues().contains(labels.get(expression.getKey())));
  }

  private static Container container(String overlay, String service) throws Exception {
    return of(overlay, Deployment.class).stream()
        .filter(deployment -> deployment.getMetadata().getName().equals(service))
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .stream()
        .filter(container -> container.getName().equals(service))
        .findFirst()
        .orElseThrow();
  }

  /** The artifact ids of the modules the images profile builds an image of. */
  private static Set<String> imageModules() throws IOException {
    Set<String> modules = new TreeSet<>();
    try (Stream<Path> poms =
        Stream.concat(
            Files.list(REPOSITORY.resolve("services")).flatMap(ManifestsTest::children),
            Files.list(REPOSITORY.resolve("simulators")))) {
      for (Path pom : poms.map(dir -> dir.resolve("pom.xml")).filter(Files::exists).toList()) {
        String text = Files.readString(pom);
        if (text.contains("<mercado.image.skip>false</mercado.image.skip>")) {
          modules.add(pom.getParent().getFileName().toString());
        }
      }
    }
    return modules;
  }

  private static Stream<Path> children(Path folder) {
    try {
      return Files.isDirectory(folder) ? Files.list(folder).toList().stream() : Stream.empty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T extends HasMetadata> List<T> of(String overlay, Class<T> type)
      throws Exception {
    return rendered(overlay).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** {@code kubectl kustomize} of the overlay, each document read by its kind's model. */
  private static List<HasMetadata> rendered(String overlay) throws Exception {
    List<HasMetadata> cached = RENDERED.get(overlay);
    if (cached != null) {
      return cached;
    }
    Process kubectl;
    try {
      kubectl =
          new ProcessBuilder(
                  "kubectl", "kustomize", MODULE.resolve("overlays/" + overlay).toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException missing) {
      assumeTrue(false, "kubectl is not installed: the manifests are not rendered");
      throw missing;
    }
    kubectl.getOutputStream().close();
    String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(kubectl.exitValue()).as(yaml).isZero();
    List<JsonNode> documents = documents(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode document : documents) {
      objects.add(model(document));
    }
    DOCUMENTS.put(overlay, documents);
    RENDERED.put(overlay, List.copyOf(objects));
    return RENDERED.get(overlay);
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
        .filter(document -> document != null && !document.isEmpty())
        .toList();
  }

  private static HasMetadata model(JsonNode document) throws IOException {
    return YAML.treeToValue(
        document,
        MODELS.getOrDefault(document.path("kind").asText(), GenericKubernetesResource.class));
  }

  /** The rendered documents of one kind, as read. */
  private static List<JsonNode> documents(String overlay, String kind) throws Exception {
    rendered(overlay);
    return DOCUMENTS.get(overlay).stream()
        .filter(document -> document.path("kind").asText().equals(kind))
        .toList();
  }

  /**
   * Walks a model object through its getters and records every field the model kept aside as
   * unknown ({@code additionalProperties}): Kubernetes would drop such a field without a word.
   */
  private static void unknownFields(Object node, String path, List<String> found, int depth)
      throws Exception {
    if (node == null || depth > 60) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + index++ + "]", found, depth + 1);
      }
      return;
    }
    if (node instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        unknownFields(entry.getValue(), path + "." + entry.getKey(), found, depth + 1);
      }
      return;
    }
    Class<?> type = node.getClass();
    String owner = type.getPackageName();
    if (type.isEnum() || !(owner.startsWith("io.fabric8") || owner.startsWith("io.strimzi"))) {
      return;
    }
    for (Method getter : type.getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class
          || Modifier.isStatic(getter.getModifiers())) {
        continue;
      }
      Object value = getter.invoke(node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          found.add(path + ": " + extra.keySet());
        }
        continue;
      }
      unknownFields(value, path + "." + getter.getName().substring(3), found, depth + 1);
    }
  }
}
