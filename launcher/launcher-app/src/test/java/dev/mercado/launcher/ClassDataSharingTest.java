package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a service records its class-data archive, maps it, or neither (issue 15: startup). */
class ClassDataSharingTest {

  @TempDir Path home;

  @Test
  void recordsOnTheFirstRunOfABuildMapsTheArchiveAfterACleanStopAndRecordsAgainForANewBuild()
      throws Exception {
    Path jar = Files.writeString(home.resolve("catalog-service.jar"), "a build");
    ClassDataSharing first = ClassDataSharing.of(home, "catalog", jar, true);
    ClassDataSharing second = ClassDataSharing.of(home, "catalog", jar, false);

    assertThat(first.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    assertThat(second.jvmOptions()).as("a later instance never writes the same file").isEmpty();

    extracted(first, jar);
    Files.writeString(home.resolve("cds/catalog/classes.jsa.part"), "archive");
    first.exitedCleanly();

    assertThat(first.jvmOptions()).contains("-XX:SharedArchiveFile=" + first.archive());
    assertThat(second.jvmOptions()).contains("-XX:SharedArchiveFile=" + first.archive());

    Files.writeString(jar, "another build");
    assertThat(first.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
  }

  @Test
  void anArchiveLeftHalfWrittenByAKilledServiceIsNeverMapped() throws Exception {
    Path jar = Files.writeString(home.resolve("orders-service.jar"), "a build");
    ClassDataSharing sharing = ClassDataSharing.of(home, "orders", jar, true);
    extracted(sharing, jar);
    Files.writeString(home.resolve("cds/orders/classes.jsa.part"), "half an archive");

    sharing.prepare();

    assertThat(home.resolve("cds/orders/classes.jsa.part")).doesNotExist();
    assertThat(sharing.jvmOptions()).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
  }

  /** What a successful {@link ClassDataSharing#prepare()} leaves, without a real Boot jar. */
  private static void extracted(ClassDataSharing sharing, Path jar) throws Exception {
    Files.createDirectories(sharing.directory());
    Files.writeString(sharing.extractedJar(), "extracted");
    Files.writeString(sharing.directory().resolve("source.txt"), sharing.stamp());
  }
}
