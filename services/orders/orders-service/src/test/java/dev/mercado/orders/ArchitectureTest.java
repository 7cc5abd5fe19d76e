package dev.mercado.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Orders keeps the layering and independence every service keeps (docs/style.md, P3, P4). */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("orders");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("orders").forEach(rule -> rule.check(classes));
  }
}
