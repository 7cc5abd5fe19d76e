package dev.mercado.simulators.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  @Test
  void takesTheAdminPortAndTheRoutesInAnyOrder() {
    // when
    CommandLine parsed =
        CommandLine.parse(
            new String[] {
              "--route", "payments=18090:127.0.0.1:8090",
              "--admin-port", "18099",
              "--route", "orders=18081:localhost:8081"
            });

    // then
    assertThat(parsed.adminPort()).isEqualTo(18099);
    assertThat(parsed.routes()).extracting(RouteSpec::name).containsExactly("payments", "orders");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--admin-port 18099                                               | at least one --route is required",
        "--route a=18090:127.0.0.1:80                                     | --admin-port is required",
        "--admin-port 18099 --route                                       | --route needs a value",
        "--admin-port 18099 --route a=18090:127.0.0.1:80 --verbose        | unknown argument '--verbose'",
        "--admin-port 18099 --route a=1:127.0.0.1:80 --route a=2:127.0.0.1:81 | two routes are named a",
        "--admin-port 18099 --route a=18099:127.0.0.1:80                  | --route a listens on port 18099, as --admin-port does",
        "--admin-port 9 --route a=1:127.0.0.1:80 --route b=1:127.0.0.1:81 | --route b listens on port 1, as --route a does",
        "--admin-port 9 --route a=1:127.0.0.1:2 --route b=2:127.0.0.1:81  | --route a: target port 2 is the proxy's own (--route b)",
        "--admin-port 9 --route a=1:127.0.0.1:9                           | --route a: target port 9 is the proxy's own (--admin-port)",
        "--admin-port 9 --route a=1:10.0.0.1:80                           | is not a loopback address"
      })
  void explainsBadArguments(String arguments, String reason) {
    assertThatThrownBy(() -> CommandLine.parse(arguments.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
