package dev.mercado.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The gateway keeps the layering and independence every service keeps (docs/style.md, P3, P4). */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("gateway");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("gateway").forEach(rule -> rule.check(classes));
  }
}
