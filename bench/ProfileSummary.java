import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples by library, one column per process, from async-profiler's collapsed stacks (issue 15,
 * M1): `java bench/ProfileSummary.java bench/target/profile/*.collapsed`. Each sample counts once,
 * under the innermost library of its stack (the JDK's own frames count for the library that called
 * them); a stack of the JIT compiler or the garbage collector counts as such; what matches nothing
 * is "JVM, kernel, other". Written by `bench/run.sh profile`.
 */
public final class ProfileSummary {

  /** Frame prefixes of each library, matched from the innermost frame outwards. */
  private static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

  static {
    LIBRARIES.put("JDBC spans (datasource-proxy)", List.of("net/ttddyy/"));
    LIBRARIES.put("tracing (Brave, Zipkin)", List.of("brave/", "zipkin2/", "io/micrometer/tracing/"));
    LIBRARIES.put("observations, metrics", List.of("io/micrometer/"));
    LIBRARIES.put("PostgreSQL driver", List.of("org/postgresql/"));
    LIBRARIES.put("pool, transactions, JdbcClient",
        List.of("com/zaxxer/", "org/springframework/jdbc/", "org/springframework/transaction/"));
    LIBRARIES.put("Spring Kafka", List.of("org/springframework/kafka/"));
    LIBRARIES.put("Kafka", List.of("org/apache/kafka/", "kafka/"));
    LIBRARIES.put("AMQP client, Spring AMQP", List.of("com/rabbitmq/", "org/springframework/amqp/"));
    LIBRARIES.put("Qpid broker", List.of("org/apache/qpid/"));
    LIBRARIES.put("Derby", List.of("org/apache/derby/"));
    LIBRARIES.put("mail (Angus, Spring)",
        List.of("jakarta/mail/", "org/eclipse/angus/", "com/sun/mail/", "org/springframework/mail/"));
    LIBRARIES.put("security (Spring, Nimbus)", List.of("org/springframework/security/", "com/nimbusds/"));
    LIBRARIES.put("gateway, reactor, netty",
        List.of("org/springframework/cloud/gateway/", "reactor/", "io/netty/"));
    LIBRARIES.put("web (Tomcat, Spring MVC)",
        List.of("org/apache/catalina/", "org/apache/coyote/", "org/apache/tomcat/", "org/springframework/web/",
            "org/springframework/http/"));
    LIBRARIES.put("resilience4j", List.of("io/github/resilience4j/"));
    LIBRARIES.put("Chaos Monkey", List.of("de/codecentric/"));
    LIBRARIES.put("JSON (Jackson)", List.of("com/fasterxml/jackson/", "tools/jackson/"));
    LIBRARIES.put("logging", List.of("ch/qos/logback/", "org/slf4j/", "org/apache/logging/"));
    LIBRARIES.put("Mercado's own code", List.of("dev/mercado/"));
    LIBRARIES.put("Spring, other", List.of("org/springframework/"));
  }

  private static final String JIT = "JIT compiler";
  private static final String GC = "garbage collector";
  private static final String OTHER = "JVM, kernel, other";

  public static void main(String[] args) throws IOException {
    Map<String, Map<String, Long>> byProcess = new TreeMap<>();
    for (String arg : args) {
      Path file = Path.of(arg);
      String process = file.getFileName().toString().replace(".collapsed", "");
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file)) {
        int space = line.lastIndexOf(' ');
        if (space < 0) {
          continue;
        }
        long samples = Long.parseLong(line.substring(space + 1).trim());
        counts.merge(library(line.substring(0, space).split(";")), samples, Long::sum);
      }
      byProcess.put(process, counts);
    }
    List<String> rows = new ArrayList<>(LIBRARIES.keySet());
    rows.addAll(List.of(JIT, GC, OTHER));
    StringBuilder header = new StringBuilder(String.format("%-32s", "samples (5 ms each) by library"));
    StringBuilder totals = new StringBuilder(String.format("%-32s", "CPU seconds"));
    Map<String, Long> sums = new LinkedHashMap<>();
    byProcess.forEach(
        (process, counts) -> {
          long sum = counts.values().stream().mapToLong(Long::longValue).sum();
          sums.put(process, sum);
          header.append(String.format(" %13s", abbreviate(process)));
          totals.append(String.format(" %13.1f", sum * 0.005));
        });
    System.out.println(header);
    System.out.println(totals);
    for (String row : rows) {
      if (byProcess.values().stream().noneMatch(counts -> counts.getOrDefault(row, 0L) > 0)) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format("%-32s", abbreviate(row, 32)));
      byProcess.forEach(
          (process, counts) -> {
            long sum = Math.max(1, sums.get(process));
            line.append(String.format(" %12.0f%%", 100.0 * counts.getOrDefault(row, 0L) / sum));
          });
      System.out.println(line);
    }
  }

  private static String library(String[] frames) {
    for (String frame : frames) {
      if (frame.contains("CompileBroker") || frame.contains("C2Compiler") || frame.contains("Compilation::")) {
        return JIT;
      }
    }
    for (int i = frames.length - 1; i >= 0; i--) {
      for (Map.Entry<String, List<String>> library : LIBRARIES.entrySet()) {
        for (String prefix : library.getValue()) {
          if (frames[i].startsWith(prefix)) {
            return library.getKey();
          }
        }
      }
    }
    for (String frame : frames) {
      if (frame.startsWith("G1") || frame.contains("GCTask") || frame.contains("ConcurrentGC")
          || frame.startsWith("WorkerThread::run")) {
        return GC;
      }
    }
    return OTHER;
  }

  private static String abbreviate(String text) {
    return abbreviate(text, 13);
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width);
  }
}
