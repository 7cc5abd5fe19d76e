package dev.mercado.platform.security;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.platform.problems.AccessProblems;
import dev.mercado.platform.security.internal.AccessProblemsAdvice;
import dev.mercado.platform.security.internal.CallerArgumentResolver;
import dev.mercado.platform.security.internal.IdentityJwtDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service a resource server of identity's tokens as soon as this module is on its
 * classpath (docs/adr/0009-services-verify-tokens.md):
 *
 * <ul>
 *   <li>{@code /actuator/**}: open, tokens ignored (the launcher and the gateway probe readiness
 *       without one; the operators' health-details token keeps working);
 *   <li>everything else: a bearer token, if sent, must be valid ({@link IdentityJwtDecoder}); then
 *       the service's {@link AccessRules} beans apply, then the OpenAPI document and {@code /error}
 *       are open, and any other request needs a token;
 *   <li>401 and 403 are problem details ({@link AccessProblems}), also when a controller denies;
 *   <li>stateless: no session, no CSRF token (no cookies are used), no saved request, no login
 *       form, no HTTP Basic;
 *   <li>{@link Caller} as a controller argument.
 * </ul>
 *
 * <p>Runs before Boot's security auto-configurations, whose default chain, in-memory user and
 * resource-server beans then back off. A service can replace the decoder with its own {@code
 * JwtDecoder} bean.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@EnableWebSecurity
public class ServiceSecurityAutoConfiguration {

  /** Paths every service leaves open, whatever its rules. */
  static final String[] OPEN_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/error"};

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(
      ServiceSecurityProperties properties, ObjectProvider<MeterRegistry> meters) {
    return new IdentityJwtDecoder(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  AccessProblems accessProblems() {
    return AccessProblems.bearer();
  }

  @Bean
  AccessProblemsAdvice accessProblemsAdvice(AccessProblems problems) {
    return new AccessProblemsAdvice(problems);
  }

  /** Operators' endpoints: the probes must answer without identity. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return stateless(http.securityMatcher("/actuator/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /** The service's API: its rules, then secure by default. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 20)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ObjectProvider<AccessRules> rules, AccessProblems problems)
      throws Exception {
    List<AccessRules> declared = rules.orderedStream().toList();
    return stateless(http)
        .authorizeHttpRequests(
            requests -> {
              // an error dispatch re-checks access: the original request was decided already
              requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              declared.forEach(rule -> rule.declare(requests));
              requests.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  WebMvcConfigurer callerArgument() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }

  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
  }

  /** The token's {@code roles} claim as authorities {@code ROLE_<role>}, as at the gateway. */
  private static JwtAuthenticationConverter roles() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(IdentityClaims.ROLES);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }
}
