package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The declared topology (services.properties) and the repository agree. */
class ServicesTest {

  /** The repository root: tests run in launcher/launcher-app. */
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void declaresEveryServiceModuleOfTheRepositoryAndNothingElse() throws IOException {
    try (Stream<Path> folders = Files.list(REPOSITORY.resolve("services"))) {
      assertThat(
              folders
                  .filter(folder -> Files.exists(serviceModule(folder.getFileName().toString())))
                  .map(folder -> folder.getFileName().toString()))
          .as("a folder services/<name>/<name>-service needs its entry in services.properties")
          .containsExactlyInAnyOrderElementsOf(Services.DECLARED.names());
    }
  }

  @Test
  void startsTheServicesThatOwnDataBeforeTheEdge() {
    assertThat(Services.DECLARED.in(Services.Stage.EDGE))
        .extracting(Services.Service::name)
        .containsExactly("gateway");
    assertThat(Services.DECLARED.databaseOwners())
        .containsExactly("identity", "catalog", "orders", "payments", "notifications");
    assertThat(Services.DECLARED.named("identity").port()).isEqualTo(8085);
  }

  @Test
  void resolvesPlaceholdersAndNamesAnUnknownOne() {
    Map<String, String> values = Map.of("identity.url", "http://127.0.0.1:8085");

    assertThat(Services.resolve("${identity.url}/oauth2/jwks", values::get))
        .isEqualTo("http://127.0.0.1:8085/oauth2/jwks");
    assertThatThrownBy(() -> Services.resolve("${idenity.url}", values::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("${idenity.url}");
  }

  @Test
  void refusesAnUnknownUseNamingTheService() {
    Properties declaration = new Properties();
    declaration.setProperty("services", "shipping");
    declaration.setProperty("shipping.port", "8086");
    declaration.setProperty("shipping.stage", "services");
    declaration.setProperty("shipping.database", "true");
    declaration.setProperty("shipping.uses", "kafka,teleport");

    assertThatThrownBy(() -> Services.parse(declaration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shipping")
        .hasMessageContaining("TELEPORT");
  }

  @Test
  void refusesAServiceWithoutAPort() {
    Properties declaration = new Properties();
    declaration.setProperty("services", "shipping");

    assertThatThrownBy(() -> Services.parse(declaration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shipping.port is missing");
  }

  private static Path serviceModule(String name) {
    return REPOSITORY.resolve("services/" + name + "/" + name + "-service/pom.xml");
  }
}
