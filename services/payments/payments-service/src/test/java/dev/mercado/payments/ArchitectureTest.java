package dev.mercado.payments;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Payments keeps the layering and independence every service keeps (docs/style.md, P3, P4). */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("payments");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("payments").forEach(rule -> rule.check(classes));
  }
}
