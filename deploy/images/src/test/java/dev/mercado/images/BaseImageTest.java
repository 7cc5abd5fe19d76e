package dev.mercado.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the base image's one layer is made of, read off this machine's JDK (F7, issue 17). */
class BaseImageTest {

  @Test
  void linksFromAJdkThatHasJmods() throws Exception {
    Path jdk;
    try {
      jdk = BaseImage.jdkWithJmods();
    } catch (IllegalStateException none) {
      // a machine with only a JDK without jmods (Temurin 24 and later) builds no image: -Pimages
      // says why; the tests of everything else must still pass there
      assumeTrue(false, none.getMessage());
      return;
    }

    assertThat(jdk.resolve("jmods/java.base.jmod")).exists();
    assertThat(jdk.resolve("bin/jlink")).isExecutable();
  }

  @Test
  void copiesTheCLibrariesTheRuntimeLinksAndNothingFromTheRuntimeItself() throws Exception {
    Path runtime = Path.of(System.getProperty("java.home")).toRealPath();

    var libraries = BaseImage.libraries(runtime);

    assertThat(libraries)
        .as("the dynamic loader and the C library every program of the runtime needs")
        .anySatisfy(library -> assertThat(library.getFileName().toString()).startsWith("ld-linux"))
        .anySatisfy(library -> assertThat(library.getFileName().toString()).startsWith("libc.so"))
        .allSatisfy(library -> assertThat(library.startsWith(runtime)).isFalse())
        .allSatisfy(library -> assertThat(Files.exists(library)).isTrue());
    assertThat(libraries)
        .as("the desktop libraries' own dependencies stay out")
        .noneSatisfy(library -> assertThat(library.getFileName().toString()).startsWith("libX11"));
  }
}
