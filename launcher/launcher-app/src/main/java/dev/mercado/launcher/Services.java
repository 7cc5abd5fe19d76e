package dev.mercado.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services {@code ./mercado up} runs, as declared in {@code services.properties} beside this
 * class: adding a service is its folder plus one entry there. Immutable; the declaration is read
 * and checked once, and a mistake in it fails with the key to fix.
 */
final class Services {

  /** When a service starts: after the infrastructure, or after every other service. */
  enum Stage {
    SERVICES,
    EDGE
  }

  /** What the launcher wires a service to; each brings its environment (Topology). */
  enum Use {
    HEALTH,
    KAFKA,
    IDENTITY,
    RATE_LIMITS,
    DISCOVERY,
    CHAOS;

    static Use of(String name) {
      return valueOf(name.toUpperCase().replace('-', '_'));
    }
  }

  /**
   * One service.
   *
   * @param name also its folder, database, role, route id and process name
   * @param port its documented default port
   * @param environment more environment, with {@code ${...}} placeholders unresolved
   */
  record Service(
      String name,
      int port,
      Stage stage,
      boolean database,
      Set<Use> uses,
      Map<String, String> environment) {

    Service {
      uses = Set.copyOf(uses);
      environment = Map.copyOf(new TreeMap<>(environment));
    }

    boolean uses(Use use) {
      return uses.contains(use);
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

  /** The declaration shipped with the launcher. */
  static final Services DECLARED = read("services.properties");

  private final List<Service> services;

  Services(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /** Every service, in start order. */
  List<Service> all() {
    return services;
  }

  List<String> names() {
    return services.stream().map(Service::name).toList();
  }

  /** The services of one stage, in start order. */
  List<Service> in(Stage stage) {
    return services.stream().filter(service -> service.stage() == stage).toList();
  }

  /** The names of the services that use {@code use}. */
  List<String> using(Use use) {
    return services.stream().filter(service -> service.uses(use)).map(Service::name).toList();
  }

  /** The names of the services that own a database. */
  List<String> databaseOwners() {
    return services.stream().filter(Service::database).map(Service::name).toList();
  }

  Service named(String name) {
    return services.stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /**
   * Replaces each {@code ${key}} in {@code value} by {@code values.apply(key)}.
   *
   * @throws IllegalStateException naming the key when {@code values} knows no such key
   */
  static String resolve(String value, Function<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (placeholder.find()) {
      String key = placeholder.group(1);
      String replacement = values.apply(key);
      if (replacement == null) {
        throw new IllegalStateException("services.properties: no value for ${" + key + "}");
      }
      placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    return placeholder.appendTail(resolved).toString();
  }

  static Services read(String resource) {
    Properties declaration = new Properties();
    try (InputStream in = Services.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource + " beside " + Services.class);
      }
      declaration.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(declaration);
  }

  static Services parse(Properties declaration) {
    List<Service> services = new ArrayList<>();
    for (String name : list(required(declaration, "services"))) {
      Map<String, String> environment = new LinkedHashMap<>();
      String prefix = name + ".env.";
      for (String key : declaration.stringPropertyNames()) {
        if (key.startsWith(prefix)) {
          environment.put(key.substring(prefix.length()), declaration.getProperty(key));
        }
      }
      String uses = declaration.getProperty(name + ".uses", "");
      try {
        services.add(
            new Service(
                name,
                Integer.parseInt(required(declaration, name + ".port")),
                Stage.valueOf(required(declaration, name + ".stage").toUpperCase()),
                Boolean.parseBoolean(required(declaration, name + ".database")),
                Set.copyOf(list(uses).stream().map(Use::of).toList()),
                environment));
      } catch (IllegalArgumentException e) {
        // an unknown stage or use, or a port that is not a number
        throw new IllegalStateException("services.properties: " + name + ": " + e.getMessage(), e);
      }
    }
    return new Services(services);
  }

  private static String required(Properties declaration, String key) {
    String value = declaration.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("services.properties: " + key + " is missing");
    }
    return value.trim();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
