import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code RESULT} lines of a checkout sweep (bench/run.sh) into a Markdown table and an
 * SVG chart of latency against rate.
 *
 * <pre>
 * java bench/SweepReport.java RAW_FILE OUT_PREFIX COMMIT PSS_MB UP_OPTIONS
 * </pre>
 */
public class SweepReport {

  public static void main(String[] args) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.startsWith("RESULT ")) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String pair : line.substring(7).trim().split(" ")) {
          String[] kv = pair.split("=", 2);
          row.put(kv[0], kv[1]);
        }
        rows.add(row);
      }
    }
    String prefix = args[1];
    String commit = args[2];
    String pss = args[3];
    String options = args.length > 4 ? args[4] : "";
    int best = 0;
    for (Map<String, String> row : rows) {
      if (held(row)) {
        best = Math.max(best, Integer.parseInt(row.get("rate")));
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# Checkout sweep, ").append(Instant.now().toString(), 0, 10);
    md.append(", commit ").append(commit).append("\n\n");
    md.append("`bench/run.sh checkout")
        .append(options.isBlank() ? "" : " " + options)
        .append("` on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(
            ". Open model (constant arrival rate through the gateway); 202 latency from the moment"
                + " each order was due; placed -> CONFIRMED from the order's own history; CPU is"
                + " the machine's busy time above its idle rate, from the first order until the"
                + " machine was idle again, per order placed.\n\n");
    md.append("**Highest rate with placed -> CONFIRMED p99 <= 1 s: ")
        .append(best == 0 ? "none of those tried" : best + " orders/s")
        .append("**. Memory of all processes after the sweep (PSS): ")
        .append(pss)
        .append(" MiB.\n\n");
    md.append(
        "| target/s | achieved/s | accepted | unfinished | 202 p50 ms | 202 p99 ms | 202 p99.9 ms"
            + " | CONFIRMED p50 ms | CONFIRMED p99 ms | CPU ms/order | SQL statements/order |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, String> row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              row.get("rate"),
              row.get("achieved"),
              row.get("accepted"),
              row.get("unfinished"),
              row.get("p50"),
              row.get("p99"),
              row.get("p999"),
              row.get("c50"),
              row.get("c99"),
              row.get("cpu_ms"),
              row.getOrDefault("sql", "-")));
    }
    md.append("\n![latency against rate](")
        .append(Path.of(prefix).getFileName())
        .append(".svg)\n");
    Files.writeString(Path.of(prefix + ".md"), md);
    Files.writeString(Path.of(prefix + ".svg"), svg(rows));
  }

  private static boolean held(Map<String, String> row) {
    double c99 = number(row.get("c99"));
    return "0".equals(row.get("unfinished")) && !Double.isNaN(c99) && c99 <= 1000;
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Latency (log scale, 1 ms to 100 s) against achieved rate; a dashed line at the 1 s goal. */
  private static String svg(List<Map<String, String>> rows) {
    int width = 720;
    int height = 420;
    int left = 70;
    int right = 160;
    int top = 30;
    int bottom = 50;
    double maxRate = 50;
    for (Map<String, String> row : rows) {
      maxRate = Math.max(maxRate, number(row.get("rate")));
    }
    maxRate = Math.ceil(maxRate / 50) * 50;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    double finalMaxRate = maxRate;
    java.util.function.DoubleUnaryOperator x = rate -> left + rate / finalMaxRate * plotW;
    java.util.function.DoubleUnaryOperator y =
        ms -> top + plotH - (Math.log10(Math.max(1, Math.min(ms, 100_000))) / 5.0) * plotH;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"18\" font-size=\"14\">Checkout latency against"
                + " orders per second (log scale)</text>%n",
            width,
            height,
            left));
    for (int decade = 0; decade <= 5; decade++) {
      double ms = Math.pow(10, decade);
      double py = y.applyAsDouble(ms);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              left,
              left + plotW,
              py,
              py,
              left - 6,
              py + 4,
              decade < 3 ? (long) ms + " ms" : (long) (ms / 1000) + " s"));
    }
    for (double rate = 0; rate <= maxRate; rate += maxRate / 5) {
      double px = x.applyAsDouble(rate);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.0f\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%.0f</text>%n",
              px,
              px,
              top,
              top + plotH,
              px,
              top + plotH + 18,
              rate));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">orders per second (target)</text>%n"
                + "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\""
                + " stroke-dasharray=\"6 4\"/>%n",
            left + plotW / 2,
            height - 10,
            left,
            left + plotW,
            y.applyAsDouble(1000),
            y.applyAsDouble(1000)));
    String[][] series = {
      {"p50", "#9ecae1", "202 p50"},
      {"p99", "#3182bd", "202 p99"},
      {"c50", "#a1d99b", "CONFIRMED p50"},
      {"c99", "#31a354", "CONFIRMED p99"}
    };
    int legend = 0;
    for (String[] s : series) {
      StringBuilder points = new StringBuilder();
      for (Map<String, String> row : rows) {
        double value = number(row.get(s[0]));
        if (!Double.isNaN(value)) {
          points.append(
              String.format(
                  Locale.ROOT,
                  "%.1f,%.1f ",
                  x.applyAsDouble(number(row.get("rate"))),
                  y.applyAsDouble(value)));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
              s[1],
              points.toString().trim()));
      for (String point : points.toString().trim().split(" ")) {
        if (!point.isBlank()) {
          String[] xy = point.split(",");
          svg.append(
              String.format(
                  "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", xy[0], xy[1], s[1]));
        }
      }
      int ly = top + 20 + legend++ * 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                  + "<text x=\"%.0f\" y=\"%d\">%s</text>%n",
              left + plotW + 12,
              left + plotW + 32,
              ly,
              ly,
              s[1],
              left + plotW + 38,
              ly + 4,
              s[2]));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%d\" fill=\"#c00\">goal: CONFIRMED p99 1 s</text>%n",
            left + plotW + 12,
            top + 20 + legend * 20));
    svg.append("</svg>\n");
    return svg.toString();
  }
}
