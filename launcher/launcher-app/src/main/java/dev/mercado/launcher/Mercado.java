package dev.mercado.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of {@code ./mercado}: {@code up}, {@code down}, {@code status}, {@code stop NAME},
 * {@code start NAME}. The script passes the repository root as {@code -Dmercado.repository}.
 *
 * <p>Exit codes: 0 success, 1 failure (start failed, something not ready), 2 usage error or nothing
 * running.
 */
public final class Mercado {

  /** The options {@code load} takes itself; the others ({@code --home DIR}) are the launcher's. */
  private static final Set<String> LOAD_OPTIONS = Set.of("--rate", "--for");

  private Mercado() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) throws Exception {
    Console console = new Console(System.out);
    Path repository =
        Path.of(System.getProperty("mercado.repository", ".")).toAbsolutePath().normalize();
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      console.line(Settings.USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    Settings settings;
    try {
      int positional =
          switch (args.get(0)) {
            case "stop", "start" -> 2;
            case "deadletters" -> 3;
            case "chaos" -> chaosArguments(args);
            default -> 1;
          };
      List<String> options =
          args.subList(Math.min(positional, args.size()), args.size()).stream()
              .filter(option -> !option.equals("--redrive"))
              .toList();
      if (args.get(0).equals("load")) {
        options = withoutLoadOptions(options);
      }
      settings = Settings.parse(repository, options);
    } catch (IllegalArgumentException e) {
      console.line(e.getMessage());
      console.line(Settings.USAGE);
      return 2;
    }
    return switch (args.get(0)) {
      case "up" -> new Launcher(settings, console).up();
      case "down" -> down(settings.home(), console);
      case "status" -> status(settings.home(), console);
      case "stop", "start" -> {
        if (args.size() < 2) {
          console.line("Usage: ./mercado " + args.get(0) + " NAME (see ./mercado status)");
          yield 2;
        }
        yield control(settings.home(), args.get(0), args.get(1), console);
      }
      case "deadletters" -> {
        if (args.size() < 3) {
          console.line("Usage: ./mercado deadletters SERVICE NAME [--redrive]");
          yield 2;
        }
        yield deadLetters(
            settings.home(), args.get(1), args.get(2), args.contains("--redrive"), console);
      }
      case "load" -> {
        Optional<RunState> state = running(settings.home(), console);
        yield state.isEmpty() ? 2 : LoadCommand.run(state.get(), loadOptions(args), console);
      }
      case "chaos" -> {
        Optional<RunState> state = running(settings.home(), console);
        yield state.isEmpty()
            ? 2
            : ChaosCommand.run(state.get(), args.subList(1, chaosArguments(args)), console);
      }
      default -> {
        console.line("unknown command " + args.get(0));
        console.line(Settings.USAGE);
        yield 2;
      }
    };
  }

  /** The options of {@code load} itself ({@code --rate N}, {@code --for SECONDS}), with values. */
  private static List<String> loadOptions(List<String> args) {
    List<String> own = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      if (LOAD_OPTIONS.contains(args.get(i))) {
        own.add(args.get(i));
        if (i + 1 < args.size()) {
          own.add(args.get(++i));
        }
      }
    }
    return own;
  }

  /** The options of {@code load} that are the launcher's ({@code --home DIR}). */
  private static List<String> withoutLoadOptions(List<String> options) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      if (LOAD_OPTIONS.contains(options.get(i))) {
        i++;
      } else {
        rest.add(options.get(i));
      }
    }
    return rest;
  }

  /** {@code chaos} takes words up to the first option ({@code --home DIR}). */
  private static int chaosArguments(List<String> args) {
    int end = 1;
    while (end < args.size() && !args.get(end).startsWith("--")) {
      end++;
    }
    return end;
  }

  private static Optional<RunState> running(Path home, Console console) throws IOException {
    Optional<RunState> state = RunState.read(home);
    if (state.isEmpty() || !state.get().launcherAlive()) {
      console.line("Mercado is not running (no live ./mercado up for " + home + ").");
      return Optional.empty();
    }
    return state;
  }

  static int status(Path home, Console console) throws IOException {
    Optional<RunState> state = running(home, console);
    if (state.isEmpty()) {
      return 2;
    }
    List<Console.Row> rows = Launcher.rows(state.get());
    console.table(rows);
    return rows.stream().allMatch(row -> row.health().equals("UP")) ? 0 : 1;
  }

  static int down(Path home, Console console) throws Exception {
    Optional<RunState> state = RunState.read(home);
    if (state.isEmpty()) {
      console.line("Mercado is not running.");
      return 0;
    }
    Optional<ProcessHandle> launcher = ProcessHandle.of(state.get().launcherPid());
    if (launcher.isPresent() && launcher.get().isAlive()) {
      console.line(
          "stopping the launcher (pid " + state.get().launcherPid() + ") and its processes …");
      launcher.get().destroy();
      try {
        launcher.get().onExit().get(2, TimeUnit.MINUTES);
      } catch (java.util.concurrent.TimeoutException e) {
        launcher.get().destroyForcibly();
      }
    }
    int leftovers = 0;
    for (RunState.Entry entry : state.get().entries()) {
      if (entry.pid() > 0
          && ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false)) {
        leftovers++;
        Processes.terminate(entry.pid(), Launcher.STOP_GRACE);
      }
    }
    RunState.delete(home);
    console.line(
        leftovers == 0 ? "stopped." : "stopped (" + leftovers + " leftover process(es) killed).");
    return 0;
  }

  /**
   * Lists what is parked on a service's dead-letter topic or queue, or re-drives it ({@code
   * --redrive}), through the service's {@code deadletters} Actuator endpoint.
   */
  private static int deadLetters(
      Path home, String service, String topic, boolean redrive, Console console) throws Exception {
    Optional<RunState> state = running(home, console);
    if (state.isEmpty()) {
      return 2;
    }
    Optional<RunState.Entry> entry =
        state.get().entries().stream()
            .filter(candidate -> candidate.name().equals(service))
            .findFirst();
    if (entry.isEmpty() || !entry.get().kind().equals("service")) {
      console.line("no service " + service + " in this run (see ./mercado status)");
      return 2;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(entry.get().url() + "/actuator/deadletters/" + topic))
            .timeout(Duration.ofMinutes(1));
    request = redrive ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      console.line(
          service
              + " has no dead-letter topic or queue "
              + topic
              + " (Kafka consumers park on <topic>.dlt)");
      return 1;
    }
    console.line(response.body().strip());
    return response.statusCode() == 200 ? 0 : 1;
  }

  private static int control(Path home, String action, String name, Console console)
      throws Exception {
    Optional<RunState> state = running(home, console);
    if (state.isEmpty()) {
      return 2;
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + state.get().controlPort()
                                + "/"
                                + action
                                + "/"
                                + name))
                    .header("X-Mercado-Token", state.get().token())
                    .timeout(Launcher.START_TIMEOUT.plus(Duration.ofSeconds(30)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    console.line(response.body().strip());
    return response.statusCode() == 200 ? 0 : 1;
  }
}
