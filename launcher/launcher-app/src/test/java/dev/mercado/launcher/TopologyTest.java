package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void listsEveryInstanceOfEveryServiceForTheGatewaysDiscovery() {
    Map<String, List<String>> instances = new LinkedHashMap<>();
    instances.put("catalog", List.of("http://127.0.0.1:8081", "http://127.0.0.1:9001"));
    instances.put("orders", List.of("http://127.0.0.1:8082"));

    assertThat(Topology.discoveryJson(instances))
        .isEqualTo(
            "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{"
                + "\"catalog\":[{\"uri\":\"http://127.0.0.1:8081\"},{\"uri\":\"http://127.0.0.1:9001\"}],"
                + "\"orders\":[{\"uri\":\"http://127.0.0.1:8082\"}]}}}}}}}");
  }
}
