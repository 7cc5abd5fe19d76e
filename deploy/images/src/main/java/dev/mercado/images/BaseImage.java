package dev.mercado.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the base image every Mercado image is built on (F7, issue 17), as a Docker-format tarball
 * that Jib's Maven plugin takes as {@code tar://} base: no registry can be reached from the build
 * machines, and no Docker daemon is needed.
 *
 * <p>One layer: a {@code jlink} runtime of the JDK that has {@code jmods} (JDK 17 on these
 * machines; the running JDK when it has them), under {@code /opt/java}; the shared C libraries that
 * runtime links, copied from this machine at the paths {@code ldd} resolves (a distroless-style
 * root with no shell and no package manager); and a non-root user {@code mercado} (10001). The
 * layer's files carry a fixed time, so the same JDK and libraries give the same digest.
 *
 * <p>Arguments: the tarball to write, and a working folder for the root file system.
 */
public final class BaseImage {

  /** The image's name inside the tarball (the services' images name it as their base). */
  public static final String NAME = "mercado/base:17";

  /** The non-root user and group every image runs as. */
  public static final int USER = 10001;

  /**
   * Java SE (Spring needs java.desktop's java.beans, java.sql, java.naming, java.management…) and
   * the JDK modules the services reach: Unsafe for Netty and Kafka, elliptic curves for JWTs, JFR
   * and platform MXBeans for Micrometer, the HTTP server for the simulators, DNS naming.
   */
  static final List<String> MODULES =
      List.of(
          "java.se",
          "jdk.unsupported",
          "jdk.crypto.ec",
          "jdk.crypto.cryptoki",
          "jdk.management",
          "jdk.jfr",
          "jdk.httpserver",
          "jdk.naming.dns",
          "jdk.net",
          "jdk.zipfs");

  /**
   * Libraries of the runtime a server never loads (windows, sound, fonts, images: the JVM runs
   * headless); their own dependencies (X11, ALSA, FreeType) stay out of the image.
   */
  static final Set<String> DESKTOP_LIBRARIES =
      Set.of(
          "libawt_xawt.so",
          "libatk-wrapper.so",
          "libsplashscreen.so",
          "libjsound.so",
          "libfontmanager.so",
          "libjawt.so",
          "liblcms.so",
          "libjavajpeg.so",
          "libmlib_image.so");

  private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

  private static final Instant FILE_TIME = Instant.ofEpochSecond(1);

  private BaseImage() {}

  public static void main(String[] arguments) throws Exception {
    if (arguments.length != 2) {
      throw new IllegalArgumentException("usage: BaseImage <image.tar> <work folder>");
    }
    Path tarball = Path.of(arguments[0]).toAbsolutePath();
    Path rootfs = Path.of(arguments[1]).toAbsolutePath();
    Path jdk = jdkWithJmods();
    deleteRecursively(rootfs);
    Path runtime = rootfs.resolve("opt/java");
    Files.createDirectories(runtime.getParent());
    run(
        List.of(
            jdk.resolve("bin/jlink").toString(),
            "--module-path",
            jdk.resolve("jmods").toString(),
            "--add-modules",
            String.join(",", MODULES),
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--compress=2",
            "--output",
            runtime.toString()));
    for (Path library : libraries(runtime)) {
      Path target = rootfs.resolve(library.toString().substring(1));
      Files.createDirectories(target.getParent());
      // the real file under the name the loader asks for (libz.so.1, not its symbolic link)
      Files.copy(library.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    writeUsers(rootfs);

    Files.createDirectories(tarball.getParent());
    Path cache = tarball.resolveSibling("jib-cache");
    // the root's children one by one: the root itself is no entry of a layer
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("runtime");
    try (Stream<Path> tops = Files.list(rootfs)) {
      for (Path top : tops.sorted().toList()) {
        layer.addEntryRecursive(
            top,
            AbsoluteUnixPath.get("/" + top.getFileName()),
            (source, target) -> permissions(source),
            (source, target) -> FILE_TIME);
      }
    }
    Jib.fromScratch()
        .addFileEntriesLayer(layer.build())
        .setEnvironment(
            Map.of(
                "JAVA_HOME", "/opt/java",
                "PATH", "/opt/java/bin:/usr/bin:/bin",
                "LANG", "C.UTF-8"))
        .setUser(USER + ":" + USER)
        .setCreationTime(Instant.EPOCH)
        .setFormat(ImageFormat.Docker)
        .containerize(
            Containerizer.to(TarImage.at(tarball).named(NAME))
                .setBaseImageLayersCache(cache)
                .setApplicationLayersCache(cache));
    System.out.printf(
        "base image %s: %s (%d MiB), runtime from %s%n",
        NAME, tarball, Files.size(tarball) >> 20, jdk);
  }

  /**
   * The JDK to link from: the running one when it has {@code jmods} (JDK 17 from Debian does;
   * Temurin 25 does not), otherwise the newest under {@code /usr/lib/jvm} that has them.
   */
  static Path jdkWithJmods() throws IOException {
    Path running = Path.of(System.getProperty("java.home"));
    if (Files.isDirectory(running.resolve("jmods"))) {
      return running;
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> candidates = Files.list(jvms)) {
        List<Path> withJmods =
            candidates
                .filter(jdk -> Files.isDirectory(jdk.resolve("jmods")))
                .filter(jdk -> Files.isExecutable(jdk.resolve("bin/jlink")))
                .sorted(Comparator.comparing(Path::toString).reversed())
                .toList();
        if (!withJmods.isEmpty()) {
          return withJmods.get(0).toRealPath();
        }
      }
    }
    throw new IllegalStateException(
        "the base image needs a JDK with jmods to link a runtime (JDK 17 from Debian has them: "
            + "apt-get install openjdk-17-jdk); "
            + running
            + " has none");
  }

  /**
   * The shared libraries outside the runtime that its programs and libraries link, as {@code ldd}
   * names them (the dynamic loader included).
   */
  static Set<Path> libraries(Path runtime) throws IOException, InterruptedException {
    List<Path> elves = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime)) {
      files
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return (name.endsWith(".so") && !DESKTOP_LIBRARIES.contains(name))
                    || file.getParent().getFileName().toString().equals("bin");
              })
          .forEach(elves::add);
    }
    // the runtime's own libraries, which the JVM loads by path (libjvm.so has no run path to it)
    Set<String> own = new TreeSet<>();
    elves.forEach(elf -> own.add(elf.getFileName().toString()));
    Set<Path> libraries = new TreeSet<>();
    for (Path elf : elves) {
      for (String line : run(List.of("ldd", elf.toString())).split("\n")) {
        if (line.contains("not found") && !own.contains(line.trim().split("\\s")[0])) {
          throw new IllegalStateException(elf + " links a library this machine lacks: " + line);
        }
        Matcher path = LDD_PATH.matcher(line);
        if (path.find()) {
          Path library = Path.of(path.group(1));
          if (!library.startsWith(runtime)) {
            libraries.add(library);
          }
        }
      }
    }
    return libraries;
  }

  /** {@code /etc/passwd} and {@code /etc/group} with root and the image's user, and its home. */
  private static void writeUsers(Path rootfs) throws IOException {
    Path etc = Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/sbin/nologin\n"
            + "mercado:x:"
            + USER
            + ":"
            + USER
            + ":mercado:/home/mercado:/sbin/nologin\n",
        StandardCharsets.US_ASCII);
    Files.writeString(
        etc.resolve("group"), "root:x:0:\nmercado:x:" + USER + ":\n", StandardCharsets.US_ASCII);
    Files.createDirectories(rootfs.resolve("home/mercado"));
    Files.createDirectories(rootfs.resolve("tmp"));
  }

  /**
   * The file's own mode (programs stay executable); folders anyone may write to where the JVM needs
   * them: {@code /tmp} and the user's home, since the image's user owns no file of the layer.
   */
  private static FilePermissions permissions(Path source) {
    String name = source.getFileName() == null ? "" : source.getFileName().toString();
    if (Files.isDirectory(source) && (name.equals("tmp") || name.equals("mercado"))) {
      return FilePermissions.fromOctalString("777");
    }
    try {
      return FilePermissions.fromPosixFilePermissions(
          Files.getPosixFilePermissions(source, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
