package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private final Path repository = Path.of("/repo");

  @Test
  void defaultsToEmbeddedInfrastructureUnderDotMercado() {
    Settings settings = Settings.parse(repository, List.of());

    assertThat(settings.localInfra()).isFalse();
    assertThat(settings.home()).isEqualTo(Path.of("/repo/.mercado"));
    assertThat(settings.externalKafka()).isEmpty();
    assertThat(settings.kafkaBrokers()).isEqualTo(1);
    assertThat(settings.fullJit()).isFalse();
    assertThat(settings.traceLimit()).isEqualTo(10);
    assertThat(Topology.serviceJvmOptions(settings)).contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void readsEveryOption() {
    Settings settings =
        Settings.parse(
            repository,
            List.of(
                "--infra",
                "local",
                "--kafka",
                "127.0.0.1:9092",
                "--clean",
                "--port",
                "gateway=9080",
                "--parallel",
                "3",
                "--scale",
                "catalog=2",
                "--jit",
                "full",
                "--trace-limit",
                "0",
                "--set",
                "gateway:mercado.ratelimit.default-tier=premium",
                "--set",
                "gateway:logging.level.root=warn"));

    assertThat(settings.localInfra()).isTrue();
    assertThat(settings.externalKafka()).hasValue("127.0.0.1:9092");
    assertThat(settings.clean()).isTrue();
    assertThat(settings.servicePorts()).isEqualTo(Map.of("gateway", 9080));
    assertThat(settings.parallelism()).isEqualTo(3);
    assertThat(settings.instancesOf("catalog")).isEqualTo(2);
    assertThat(settings.instancesOf("orders")).isEqualTo(1);
    assertThat(settings.fullJit()).isTrue();
    assertThat(settings.traceLimit()).isZero();
    assertThat(settings.propertiesOf("gateway"))
        .containsExactly("mercado.ratelimit.default-tier=premium", "logging.level.root=warn");
    assertThat(settings.propertiesOf("catalog")).isEmpty();
    assertThat(Topology.serviceJvmOptions(settings))
        .contains("-Xmx192m")
        .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
  }

  @Test
  void rejectsUnknownOptionsAndBadValuesWithAReason() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--fast")))
        .withMessageContaining("unknown option --fast");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--infra", "docker")))
        .withMessageContaining("'embedded' or 'local'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--jit", "c2")))
        .withMessageContaining("'quick' or 'full'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--trace-limit", "-1")))
        .withMessageContaining("from 0 up");
    for (String bad : List.of("billing:a=b", "gateway:=b", "gateway", "gateway:key")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Settings.parse(repository, List.of("--set", bad)))
          .withMessageContaining("NAME:KEY=VALUE");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--port", "billing=1")))
        .withMessageContaining("NAME=PORT");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--scale", "gateway=2")))
        .withMessageContaining("NAME=N");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--scale", "catalog=9")))
        .withMessageContaining("at most 4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--kafka-brokers", "2")))
        .withMessageContaining("1 or 3");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Settings.parse(
                    repository, List.of("--kafka-brokers", "3", "--kafka", "127.0.0.1:9092")))
        .withMessageContaining("--kafka uses yours");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--parallel", "0")))
        .withMessageContaining("positive number");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Settings.parse(repository, List.of("--home")))
        .withMessageContaining("needs a value");
  }
}
