package dev.mercado.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that the Prometheus assets in {@code deploy/observability} query (O1): the
 * Grafana dashboards and the rule files. A test compares them with what the running services
 * export, so a dashboard panel or an alert cannot silently watch a metric nobody writes.
 *
 * <p>Without a JSON or YAML library on this module's classpath, the assets are read with regular
 * expressions that know exactly the shapes they need: string values of {@code "expr"} keys in the
 * dashboards, {@code expr:} and {@code record:} values in the rule files. PromQL is then reduced to
 * its selector names by removing strings, Grafana variables, comments, label matchers, ranges and
 * label lists, and dropping functions, aggregations, keywords and numbers. Stateless, thread-safe.
 */
final class ObservabilityAssets {

  /** Series Prometheus records itself for every scrape target: no service exports them. */
  static final Set<String> SCRAPE_SERIES =
      Set.of(
          "up",
          "scrape_duration_seconds",
          "scrape_samples_scraped",
          "scrape_samples_post_metric_relabeling",
          "scrape_series_added");

  /** A JSON string member {@code "expr": "..."}; group 1 is the still escaped value. */
  private static final Pattern JSON_EXPR =
      Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** {@code expr:} or {@code record:} as a YAML mapping key, possibly the first of a list item. */
  private static final Pattern YAML_KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)(expr|record)\\s*:(?:\\s+(.*))?$");

  private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][-+0-9]*\\s*(?:#.*)?");
  private static final Pattern NAME_MATCHER =
      Pattern.compile("__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern GRAFANA_VARIABLE =
      Pattern.compile("\\$\\{[^}]*}|\\$[a-zA-Z_][a-zA-Z0-9_]*|\\[\\[[a-zA-Z0-9_:.]+]]");
  private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^{}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
  private static final Pattern LABEL_LIST =
      Pattern.compile(
          "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)",
          Pattern.CASE_INSENSITIVE);

  /** Numbers and durations first, so {@code 5m} or {@code 1e3} never yield a name. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<number>[0-9][0-9a-zA-Z_.]*|\\.[0-9][0-9a-zA-Z_]*)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)");

  private static final Set<String> KEYWORDS =
      words(
          "by without on ignoring group_left group_right bool and or unless offset atan2 inf nan");

  private static final Set<String> AGGREGATIONS =
      words(
          """
          sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk
          limit_ratio
          """);

  /** PromQL's functions up to Prometheus 3. */
  private static final Set<String> FUNCTIONS =
      words(
          """
          abs absent absent_over_time acos acosh asin asinh atan atanh avg_over_time ceil changes
          clamp clamp_max clamp_min cos cosh count_over_time day_of_month day_of_week day_of_year
          days_in_month deg delta deriv double_exponential_smoothing exp floor histogram_avg
          histogram_count histogram_fraction histogram_quantile histogram_stddev histogram_stdvar
          histogram_sum holt_winters hour idelta increase info irate label_join label_replace
          last_over_time ln log10 log2 mad_over_time max_over_time min_over_time minute month pi
          predict_linear present_over_time quantile_over_time rad rate resets round scalar sgn sin
          sinh sort sort_by_label sort_by_label_desc sort_desc sqrt stddev_over_time
          stdvar_over_time sum_over_time tan tanh time timestamp vector year
          """);

  /** The suffixes of the series Micrometer writes for one timer or distribution summary. */
  private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

  private ObservabilityAssets() {}

  /**
   * Every metric name that a panel target's {@code expr} queries in any {@code *.json} dashboard of
   * {@code dashboardsDir}. Template variable queries are not panel targets and are not read.
   *
   * @throws UncheckedIOException if the directory or a dashboard cannot be read
   */
  static Set<String> dashboardMetrics(Path dashboardsDir) {
    Set<String> metrics = new TreeSet<>();
    for (Path dashboard : jsonFiles(dashboardsDir)) {
      Matcher expr = JSON_EXPR.matcher(read(dashboard));
      while (expr.find()) {
        metrics.addAll(metricsIn(unescapeJson(expr.group(1))));
      }
    }
    return metrics;
  }

  /**
   * Every metric name that the {@code expr} of a recording or alerting rule in {@code rulesFile}
   * queries, leaving out the recording rules the same file defines (they are computed, not
   * exported). Annotations and labels are not read.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  static Set<String> ruleMetrics(Path rulesFile) {
    Set<String> metrics = new TreeSet<>();
    Set<String> recorded = new TreeSet<>();
    List<String> lines = read(rulesFile).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher key = YAML_KEY.matcher(lines.get(i));
      if (!key.matches()) {
        continue;
      }
      int keyColumn = key.end(1);
      String inline = key.group(3) == null ? "" : key.group(3).strip();
      List<String> value = new ArrayList<>();
      if (BLOCK_SCALAR.matcher(inline).matches()) {
        // literal or folded block: every following line indented deeper than the key, or blank
        while (i + 1 < lines.size() && belongsTo(lines.get(i + 1), keyColumn)) {
          value.add(lines.get(++i));
        }
      } else {
        value.add(scalar(inline));
        // a plain scalar may go on over deeper-indented lines
        while (!inline.startsWith("\"")
            && !inline.startsWith("'")
            && i + 1 < lines.size()
            && !lines.get(i + 1).isBlank()
            && indentation(lines.get(i + 1)) > keyColumn) {
          value.add(lines.get(++i).strip());
        }
      }
      String text = String.join("\n", value);
      if (key.group(2).equals("record")) {
        recorded.add(text.strip());
      } else {
        metrics.addAll(metricsIn(text));
      }
    }
    metrics.removeAll(recorded);
    return metrics;
  }

  /**
   * The name a metric is exported under once the series suffixes of a timer or distribution summary
   * ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}) are removed, e.g. {@code
   * http_server_requests_seconds_bucket} becomes {@code http_server_requests_seconds}. Other names
   * are returned unchanged. Apply it to both sides of a comparison: a gauge whose own name ends in
   * one of the suffixes (such as {@code spring_cloud_gateway_routes_count}) is shortened too.
   */
  static String baseName(String metric) {
    for (String suffix : SERIES_SUFFIXES) {
      if (metric.endsWith(suffix) && metric.length() > suffix.length()) {
        return metric.substring(0, metric.length() - suffix.length());
      }
    }
    return metric;
  }

  /** The metric names one PromQL expression selects, in Grafana's or Prometheus's dialect. */
  static Set<String> metricsIn(String promql) {
    Set<String> metrics = new TreeSet<>();
    Matcher byName = NAME_MATCHER.matcher(promql);
    while (byName.find()) {
      metrics.add(byName.group(1));
    }
    String reduced = STRING.matcher(promql).replaceAll(" \"\" ");
    reduced = GRAFANA_VARIABLE.matcher(reduced).replaceAll(" ");
    reduced = COMMENT.matcher(reduced).replaceAll(" ");
    reduced = LABEL_MATCHERS.matcher(reduced).replaceAll(" ");
    reduced = RANGE.matcher(reduced).replaceAll(" ");
    reduced = LABEL_LIST.matcher(reduced).replaceAll(" ");
    Matcher token = TOKEN.matcher(reduced);
    while (token.find()) {
      String name = token.group("name");
      if (name != null && !isCall(reduced, token.end()) && !isReserved(name)) {
        metrics.add(name);
      }
    }
    return metrics;
  }

  private static boolean isCall(String expression, int afterName) {
    int next = afterName;
    while (next < expression.length() && Character.isWhitespace(expression.charAt(next))) {
      next++;
    }
    return next < expression.length() && expression.charAt(next) == '(';
  }

  private static boolean isReserved(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return KEYWORDS.contains(lower) || AGGREGATIONS.contains(lower) || FUNCTIONS.contains(name);
  }

  private static boolean belongsTo(String line, int keyColumn) {
    return line.isBlank() || indentation(line) > keyColumn;
  }

  private static int indentation(String line) {
    int column = 0;
    while (column < line.length() && line.charAt(column) == ' ') {
      column++;
    }
    return column;
  }

  /** A one-line YAML scalar: quoted (quotes and escapes removed) or plain (comment removed). */
  private static String scalar(String inline) {
    if (inline.startsWith("\"") && inline.lastIndexOf('"') > 0) {
      return inline
          .substring(1, inline.lastIndexOf('"'))
          .replace("\\\"", "\"")
          .replace("\\\\", "\\");
    }
    if (inline.startsWith("'") && inline.lastIndexOf('\'') > 0) {
      return inline.substring(1, inline.lastIndexOf('\'')).replace("''", "'");
    }
    int comment = inline.indexOf(" #");
    return comment < 0 ? inline : inline.substring(0, comment);
  }

  private static String unescapeJson(String escaped) {
    StringBuilder text = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\' || i + 1 == escaped.length()) {
        text.append(c);
        continue;
      }
      char next = escaped.charAt(++i);
      switch (next) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> text.append(next); // \" \\ \/
      }
    }
    return text.toString();
  }

  private static Set<String> words(String list) {
    return Set.of(list.strip().split("\\s+"));
  }

  private static List<Path> jsonFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
