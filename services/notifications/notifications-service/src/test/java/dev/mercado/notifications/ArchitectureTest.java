package dev.mercado.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.mercado.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * Notifications keeps the layering and independence every service keeps (docs/style.md, P3, P4).
 */
class ArchitectureTest {

  private final JavaClasses classes = ServiceArchitecture.classesOf("notifications");

  @Test
  void followsTheServiceArchitectureRules() {
    ServiceArchitecture.rules("notifications").forEach(rule -> rule.check(classes));
  }
}
