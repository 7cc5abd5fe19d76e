package dev.mercado.platform.errors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Numbers and strings are strict in every service's {@link JsonMapper} (the one Spring MVC reads
 * request bodies with): a number with a fraction or exponent ({@code 1.5}, {@code 1e3}) for an
 * integer field, and a number or boolean for a string field, fail to read, so the request is a 400
 * naming the field ({@link ServiceErrorHandler}) instead of Jackson's silent truncation ({@code
 * 1.5} read as 1) or conversion ({@code 42} read as {@code "42"}). A JSON string holding a number
 * for a number field is still read, as before.
 *
 * <p>A service that needs lenient reading somewhere builds its own mapper there; the shared one
 * stays strict.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({JsonMapper.class, JsonMapperBuilderCustomizer.class})
public class StrictJsonAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return StrictJsonAutoConfiguration::strict;
  }

  /** Makes a builder strict in the way this class describes; for tests and plain mappers. */
  static JsonMapper.Builder strict(JsonMapper.Builder builder) {
    return builder
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
