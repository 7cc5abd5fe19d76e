package dev.mercado.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code ./mercado up} tells the other commands, in {@code <home>/run/state
 * .properties}: its own pid, its control port and token, and every component with URL, probe, pid
 * and log. Written atomically and readable only by its owner (it holds the control token).
 */
record RunState(long launcherPid, int controlPort, String token, List<Entry> entries) {

  /**
   * @param managed whether the launcher runs this process (false for this machine's own servers)
   * @param pid the process id, 0 when not running or not managed
   */
  record Entry(
      String name, String kind, String url, String probe, boolean managed, long pid, String log) {}

  static Path file(Path home) {
    return home.resolve("run/state.properties");
  }

  static RunState of(long launcherPid, int controlPort, String token, List<Component> components) {
    List<Entry> entries = new ArrayList<>();
    for (Component component : components) {
      entries.add(
          new Entry(
              component.name(),
              component.kind(),
              component.url(),
              component.probe(),
              !(component instanceof ExternalServer),
              component.pid().orElse(0L),
              component.logFile().map(Path::toString).orElse("")));
    }
    return new RunState(launcherPid, controlPort, token, entries);
  }

  void write(Path home) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("launcher.pid", Long.toString(launcherPid));
    properties.setProperty("control.port", Integer.toString(controlPort));
    properties.setProperty("control.token", token);
    properties.setProperty(
        "components", String.join(",", entries.stream().map(Entry::name).toList()));
    for (Entry entry : entries) {
      String prefix = "component." + entry.name() + ".";
      properties.setProperty(prefix + "kind", entry.kind());
      properties.setProperty(prefix + "url", entry.url());
      properties.setProperty(prefix + "probe", entry.probe());
      properties.setProperty(prefix + "managed", Boolean.toString(entry.managed()));
      properties.setProperty(prefix + "pid", Long.toString(entry.pid()));
      properties.setProperty(prefix + "log", entry.log());
    }
    Path file = file(home);
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling("state.properties.tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(temporary)) {
      properties.store(out, "state of the running ./mercado up; do not edit");
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static Optional<RunState> read(Path home) throws IOException {
    Path file = file(home);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    List<Entry> entries = new ArrayList<>();
    String names = properties.getProperty("components", "");
    for (String name : names.isBlank() ? List.<String>of() : Arrays.asList(names.split(","))) {
      String prefix = "component." + name + ".";
      entries.add(
          new Entry(
              name,
              properties.getProperty(prefix + "kind"),
              properties.getProperty(prefix + "url"),
              properties.getProperty(prefix + "probe"),
              Boolean.parseBoolean(properties.getProperty(prefix + "managed", "true")),
              Long.parseLong(properties.getProperty(prefix + "pid", "0")),
              properties.getProperty(prefix + "log", "")));
    }
    return Optional.of(
        new RunState(
            Long.parseLong(properties.getProperty("launcher.pid")),
            Integer.parseInt(properties.getProperty("control.port")),
            properties.getProperty("control.token"),
            entries));
  }

  static void delete(Path home) throws IOException {
    Files.deleteIfExists(file(home));
  }

  boolean launcherAlive() {
    return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
  }
}
