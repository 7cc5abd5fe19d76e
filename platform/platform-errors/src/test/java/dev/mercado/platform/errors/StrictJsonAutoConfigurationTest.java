package dev.mercado.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Every service's JsonMapper refuses numbers it would otherwise truncate or turn into text. */
class StrictJsonAutoConfigurationTest {

  record Line(String productId, int quantity, Integer boxed) {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class, StrictJsonAutoConfiguration.class));

  @Test
  void refusesANumberWithAFractionForAnIntegerField() {
    context.run(
        started -> {
          JsonMapper json = started.getBean(JsonMapper.class);

          assertThatThrownBy(() -> json.readValue("{\"quantity\":1.5}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
          assertThatThrownBy(() -> json.readValue("{\"boxed\":1.5}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
          assertThatThrownBy(() -> json.readValue("{\"quantity\":1e3}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
        });
  }

  @Test
  void refusesANumberOrBooleanForAStringField() {
    context.run(
        started -> {
          JsonMapper json = started.getBean(JsonMapper.class);

          assertThatThrownBy(() -> json.readValue("{\"productId\":42}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
          assertThatThrownBy(() -> json.readValue("{\"productId\":4.2}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
          assertThatThrownBy(() -> json.readValue("{\"productId\":true}", Line.class))
              .isInstanceOf(MismatchedInputException.class);
        });
  }

  @Test
  void readsWellTypedValuesAsBefore() {
    context.run(
        started -> {
          JsonMapper json = started.getBean(JsonMapper.class);

          assertThat(
                  json.readValue(
                      "{\"productId\":\"p-1\",\"quantity\":2,\"boxed\":\"3\"}", Line.class))
              .isEqualTo(new Line("p-1", 2, 3));
        });
  }
}
