package dev.mercado.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The architecture rules every Mercado service obeys (docs/style.md, "Inside a service"), checked
 * by each service's {@code ArchitectureTest}:
 *
 * <ul>
 *   <li>{@code domain} is plain Java: no Spring, Jackson, JDBC or Jakarta;
 *   <li>layers point inwards: {@code web} and {@code messaging} call {@code application}, which
 *       uses {@code domain}; {@code persistence} and {@code client} implement domain ports; nothing
 *       calls {@code web};
 *   <li>controllers never touch repositories' adapters;
 *   <li>no package cycles;
 *   <li>the service's code never refers to another service's code ({@code dev.mercado.<other>}),
 *       only to other services' {@code -api} packages.
 * </ul>
 *
 * <p>Rules pass on layers a service does not have yet (an empty layer constrains nothing).
 */
public final class ServiceArchitecture {

  private ServiceArchitecture() {}

  /** Imports the production classes under {@code dev.mercado.<service>}. */
  public static JavaClasses classesOf(String service) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage(service));
  }

  /** Every rule, for {@code service}. */
  public static List<ArchRule> rules(String service) {
    String base = basePackage(service);
    return List.of(
        noClasses()
            .that()
            .resideInAPackage(base + ".domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "tools.jackson..",
                "com.fasterxml.jackson..",
                "java.sql..",
                "javax.sql..",
                "jakarta..")
            .as("domain is plain Java")
            .allowEmptyShould(true),
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .optionalLayer("web")
            .definedBy(base + ".web..")
            .optionalLayer("messaging")
            .definedBy(base + ".messaging..")
            .optionalLayer("application")
            .definedBy(base + ".application..")
            .optionalLayer("domain")
            .definedBy(base + ".domain..")
            .optionalLayer("persistence")
            .definedBy(base + ".persistence..")
            .optionalLayer("client")
            .definedBy(base + ".client..")
            .whereLayer("web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("application")
            .mayOnlyBeAccessedByLayers("web", "messaging")
            .whereLayer("persistence")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("client")
            .mayNotBeAccessedByAnyLayer()
            .as("layers point inwards"),
        slices()
            .matching(base + ".(*)..")
            .should()
            .beFreeOfCycles()
            .as("no package cycles")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(base + "..")
            .should()
            .dependOnClassesThat(
                resideInAnyPackage(otherServices(service))
                    .and(not(resideInAnyPackage("dev.mercado.*.api.."))))
            .as("no code of another service except its -api module (P3, P4)")
            .allowEmptyShould(true));
  }

  private static String basePackage(String service) {
    return "dev.mercado." + service;
  }

  private static String[] otherServices(String service) {
    return List.of("catalog", "orders", "payments", "notifications", "gateway", "identity").stream()
        .filter(name -> !name.equals(service))
        .map(name -> "dev.mercado." + name + "..")
        .toArray(String[]::new);
  }
}
