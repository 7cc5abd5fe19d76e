package dev.mercado.platform.errors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ServiceErrorHandler} in every servlet web application that has this module on
 * its classpath. Boot's own problem-details handler backs off, because this one is a {@code
 * ResponseEntityExceptionHandler} too.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

  @Bean
  ServiceErrorHandler serviceErrorHandler() {
    return new ServiceErrorHandler();
  }
}
