package dev.mercado.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Catalog keeps the layering and independence every service keeps (docs/style.md, P3, P4). */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("catalog");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("catalog").forEach(rule -> rule.check(classes));
  }
}
