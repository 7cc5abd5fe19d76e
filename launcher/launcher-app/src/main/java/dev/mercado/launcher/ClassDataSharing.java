package dev.mercado.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Class-data sharing for a service (issue 15: startup): the service runs from its Boot jar in
 * extracted form ({@code java -Djarmode=tools -jar X.jar extract}), which the JVM can archive, and
 * with a dynamic CDS archive of the classes it loaded. The first run of a build records the archive
 * when the service exits cleanly ({@code -XX:ArchiveClassesAtExit}, at {@code ./mercado down});
 * every later run maps it ({@code -XX:SharedArchiveFile}) and skips parsing and verifying those
 * classes: on this machine a service's start went from 10.9 to 5.1 CPU seconds. A jar with other
 * content extracts again and records a new archive. Measured and explained in docs/performance.md.
 *
 * @param directory where the extracted jar, its {@code lib/} and the archive live
 * @param jar the service's Boot jar as Maven built it
 * @param records whether this process records the archive when there is none (only a service's
 *     first instance does: two writers of one file would corrupt it)
 */
record ClassDataSharing(Path directory, Path jar, boolean records) {

  private static final String SOURCE = "source.txt";

  /** One lock per archive folder: its preparation runs once at a time. */
  private static final Map<Path, Object> PREPARING = new ConcurrentHashMap<>();

  /**
   * Errors only: writing an archive warns of every class it skips (hundreds of generated reflection
   * accessors), which would bury the service's own last log lines.
   */
  private static final String QUIET = "-Xlog:cds*=error";

  static ClassDataSharing of(Path home, String service, Path jar, boolean records) {
    return new ClassDataSharing(home.resolve("cds").resolve(service), jar, records);
  }

  /** The extracted jar the JVM runs. */
  Path extractedJar() {
    return directory.resolve(jar.getFileName());
  }

  Path archive() {
    return directory.resolve("classes.jsa");
  }

  private Path recording() {
    return directory.resolve("classes.jsa.part");
  }

  /**
   * The JVM options for this start, decided before anything is extracted: map a current archive, or
   * record one, or (a later instance without an archive) neither.
   */
  List<String> jvmOptions() throws IOException {
    if (current() && Files.exists(archive())) {
      return List.of("-XX:SharedArchiveFile=" + archive(), QUIET);
    }
    return records ? List.of("-XX:ArchiveClassesAtExit=" + recording(), QUIET) : List.of();
  }

  /**
   * Before the start: extracts the jar again if it changed since the last extraction (the old
   * archive goes with it), and drops an archive that an unclean exit left half written.
   */
  void prepare() throws IOException, InterruptedException {
    // the instances of a service start in parallel: a second instance must not find the first's
    // extraction half done, call it stale and delete it under the first's JVM (seen in a system
    // test: "Unable to access jarfile")
    synchronized (PREPARING.computeIfAbsent(directory, key -> new Object())) {
      Files.deleteIfExists(recording());
      if (current()) {
        return;
      }
      Directories.deleteRecursively(directory);
      Files.createDirectories(directory);
      OsProcess.runToCompletion(
          List.of(
              Java.executable(),
              "-Djarmode=tools",
              "-jar",
              jar.toString(),
              "extract",
              "--destination",
              directory.toString(),
              "--force"),
          directory.resolve("extract.log"),
          Duration.ofSeconds(120));
      remember(stamp());
    }
  }

  /** After the service exited within its grace period: the recorded archive is whole. */
  void exitedCleanly() {
    try {
      if (Files.exists(recording())) {
        Files.move(recording(), archive());
      }
    } catch (IOException e) {
      // the next start records again
    }
  }

  /**
   * Whether the extraction is of this jar. The jar's size and time answer without reading it; only
   * when they changed (every build writes the jar again) is its content hashed, once, and the new
   * time remembered, so a start hashes a 65 MB jar at most once per build.
   */
  private boolean current() throws IOException {
    Path source = directory.resolve(SOURCE);
    if (!Files.exists(jar) || !Files.exists(source) || !Files.exists(extractedJar())) {
      return false;
    }
    List<String> remembered = Files.readAllLines(source);
    if (remembered.size() == 2 && remembered.get(1).equals(sizeAndTime())) {
      return true;
    }
    String stamp = stamp();
    if (!remembered.get(0).equals(stamp)) {
      return false;
    }
    remember(stamp);
    return true;
  }

  private void remember(String stamp) throws IOException {
    Files.writeString(directory.resolve(SOURCE), stamp + "\n" + sizeAndTime());
  }

  private String sizeAndTime() throws IOException {
    return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
  }

  /**
   * The jar's content, not its time: Maven writes the jar again on every build, with the same bytes
   * when nothing changed (the build is reproducible), and the archive stays valid for those.
   */
  String stamp() throws IOException {
    try (InputStream in = Files.newInputStream(jar)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return jar + " " + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
