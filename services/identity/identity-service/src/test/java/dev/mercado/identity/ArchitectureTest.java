package dev.mercado.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Identity keeps the layering and independence every service keeps (docs/style.md, P3, P4). */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("identity");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("identity").forEach(rule -> rule.check(classes));
  }
}
