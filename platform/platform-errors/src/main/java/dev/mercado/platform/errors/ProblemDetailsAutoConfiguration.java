package dev.mercado.platform.errors;

import dev.mercado.platform.errors.internal.ProblemErrorController;
import dev.mercado.platform.errors.internal.ProblemReportValve;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes every answer of a servlet web application that has this module on its classpath RFC 9457
 * problem details, whoever raises the error:
 *
 * <ul>
 *   <li>a controller: {@link ServiceErrorHandler} (Boot's own problem-details handler backs off,
 *       because this one is a {@code ResponseEntityExceptionHandler} too);
 *   <li>a filter or the container dispatching to {@code /error}: an {@link ErrorController} in
 *       place of Boot's, which answered with its own JSON shape;
 *   <li>Tomcat itself, before any servlet runs (a path with an encoded traversal or NUL is a 400
 *       from the connector): the Host's error report valve, which wrote an HTML page, is replaced
 *       by {@link ProblemReportValve}.
 * </ul>
 *
 * None of them shows an exception, a stack trace or the server's name.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

  @Bean
  ServiceErrorHandler serviceErrorHandler() {
    return new ServiceErrorHandler();
  }

  @Bean
  ErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /** Tomcat's Host answers with problem details too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Tomcat.class, ConfigurableTomcatWebServerFactory.class})
  static class TomcatErrorReport {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
      return factory ->
          factory.addContextCustomizers(
              context -> {
                Container host = context.getParent();
                if (host instanceof StandardHost standard) {
                  // so that the Host, when it starts, does not add Tomcat's HTML report back
                  standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                // Boot adds a plain ErrorReportValve from its own context customizer, whose order
                // relative to this one is not defined: by the time the Host starts, both have run
                host.addLifecycleListener(
                    event -> {
                      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        installProblemReport((Host) event.getLifecycle());
                      }
                    });
              });
    }

    private static void installProblemReport(Host host) {
      boolean installed = false;
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ProblemReportValve) {
          installed = true;
        } else if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      if (!installed) {
        host.getPipeline().addValve(new ProblemReportValve());
      }
    }
  }
}
