package dev.mercado.simulators.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteSpecTest {

  @ParameterizedTest
  @CsvSource({
    "payments=18090:127.0.0.1:8090, payments, 18090, 127.0.0.1:8090",
    "db-2=15432:127.0.1.7:5432,     db-2,     15432, 127.0.1.7:5432",
    "v6=18090:[::1]:8090,           v6,       18090, [0:0:0:0:0:0:0:1]:8090"
  })
  void parsesARouteToALoopbackTarget(String value, String name, int listenPort, String target) {
    // when
    RouteSpec route = RouteSpec.parse(value);

    // then
    assertThat(route.name()).isEqualTo(name);
    assertThat(route.listenPort()).isEqualTo(listenPort);
    assertThat(route.targetText()).isEqualTo(target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST"})
  void takesLocalhostForTheLoopbackAddressWithoutALookUp(String host) {
    RouteSpec route = RouteSpec.parse("mail=12525:" + host + ":2525");

    assertThat(route.target().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=18090:10.1.2.3:80",
        "a=18090:192.168.0.1:80",
        "a=18090:0.0.0.0:80",
        "a=18090:[2001:db8::1]:80",
        "a=18090:example.com:80",
        "a=18090:::1:80"
      })
  void refusesATargetThatIsNotLoopback(String value) {
    assertThatThrownBy(() -> RouteSpec.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--route a: target host")
        .hasMessageContaining("is not a loopback address");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "payments                     | must be <name>=<listen-port>:<target-host>:<target-port>",
        "payments=18090               | must be <name>=",
        "payments=18090:8090          | must be <name>=",
        "=18090:127.0.0.1:8090        | --route name '' must be",
        "Payments=18090:127.0.0.1:80  | --route name 'Payments' must be",
        "-a=18090:127.0.0.1:80        | --route name '-a' must be",
        "a=x:127.0.0.1:80             | --route a: listen port must be a number, not 'x'",
        "a=0:127.0.0.1:80             | --route a: listen port must be within 1-65535, not 0",
        "a=18090:127.0.0.1:65536      | --route a: target port must be within 1-65535, not 65536",
        "a=18090:127.0.0.300:80       | --route a: target host '127.0.0.300' is not an IPv4 address",
        "a=18090:[::zz]:80            | --route a: target host '[::zz]' is not an IPv6 address"
      })
  void explainsAMalformedRoute(String value, String reason) {
    assertThatThrownBy(() -> RouteSpec.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
