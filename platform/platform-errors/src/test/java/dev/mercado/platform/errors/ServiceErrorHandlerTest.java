package dev.mercado.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

class ServiceErrorHandlerTest {

  /** A class-level constraint, which bean validation reports as a global error. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = FromBeforeTo.Check.class)
  @interface FromBeforeTo {
    String message() default "from must not be after to";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FromBeforeTo, Range> {
      @Override
      public boolean isValid(Range range, ConstraintValidatorContext context) {
        return range.from() <= range.to();
      }
    }
  }

  @FromBeforeTo
  record Range(int from, int to) {}

  @RestController
  static class Failing {

    @GetMapping("/database-down")
    String databaseDown() {
      throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
    }

    @GetMapping("/rollback-failed")
    String rollbackFailed() {
      // what a @Transactional method gets when PostgreSQL goes away between insert and rollback
      throw new TransactionSystemException(
          "JDBC rollback failed", new SQLException("This connection has been closed.", "08003"));
    }

    @GetMapping("/connection-lost-under-a-wrapper")
    String connectionLostUnderAWrapper() {
      throw new IllegalStateException(
          "a library's own wrapper",
          new SQLException("terminating connection due to administrator command", "57P01"));
    }

    @GetMapping("/bug")
    String bug() {
      throw new IllegalStateException("secret internal detail");
    }

    @GetMapping("/not-found")
    String notFound() {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null);
    }

    record Amount(@NotNull @Min(0) Integer value, @NotBlank String currency) {}

    record Line(@NotNull Integer quantity) {}

    record Body(@NotBlank String name, @Valid Amount amount, List<@Valid Line> lines) {}

    @PostMapping("/body")
    String body(@Valid @RequestBody Body body) {
      return body.name();
    }

    @PostMapping("/range")
    String range(@Valid @RequestBody Range range) {
      return range.toString();
    }

    @PostMapping("/scaled")
    String scaled(@Valid @RequestBody Body body, @RequestParam @Max(10) int factor) {
      return body.name().repeat(factor);
    }

    @GetMapping("/number")
    String number(@RequestParam int value) {
      return Integer.toString(value);
    }

    @GetMapping("/page")
    String page(@RequestParam @Min(0) int page, @RequestParam @Min(1) @Max(100) int size) {
      return page + "/" + size;
    }

    @GetMapping("/things/{id}")
    String thing(@PathVariable UUID id) {
      return id.toString();
    }

    @GetMapping("/currency")
    String currency(@RequestParam String code) {
      throw new InvalidFieldException("code", "is not a known ISO 4217 currency");
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing())
          .setControllerAdvice(new ServiceErrorHandler())
          .build();

  @Test
  void answers503WithRetryAfterWhenTheDatabaseIsUnreachable() throws Exception {
    mvc.perform(get("/database-down"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Service unavailable"))
        .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("JDBC"))));
  }

  @Test
  void answers503WhenATransactionCannotRollBackOnALostConnection() throws Exception {
    mvc.perform(get("/rollback-failed"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(Matchers.not(Matchers.containsString("JDBC"))));
  }

  @Test
  void answers503ForAnyErrorCausedByALostDatabaseConnection() throws Exception {
    mvc.perform(get("/connection-lost-under-a-wrapper"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("administrator"))));
  }

  @Test
  void answers500WithoutInternalsForAnUnexpectedError() throws Exception {
    mvc.perform(get("/bug"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
  }

  @Test
  void keepsTheStatusOfAnErrorResponse() throws Exception {
    mvc.perform(get("/not-found"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void namesEachInvalidFieldOfTheBody() throws Exception {
    ResultActions response =
        mvc.perform(
            post("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"amount\":{\"value\":-1,\"currency\":\"EUR\"}}"));

    assertInvalid(response)
        .andExpect(raised(MethodArgumentNotValidException.class))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(
            jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "amount.value")))
        .andExpect(
            jsonPath(
                "$.errors[?(@.field == 'name')].message", Matchers.contains("must not be blank")))
        .andExpect(jsonPath("$.detail", Matchers.containsString("name: must not be blank")))
        .andExpect(
            jsonPath(
                "$.detail",
                Matchers.containsString("amount.value: must be greater than or equal to 0")));
  }

  @Test
  void namesTheBodyForAClassLevelConstraint() throws Exception {
    ResultActions response =
        mvc.perform(
            post("/range")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":3,\"to\":1}"));

    assertInvalid(response)
        .andExpect(raised(MethodArgumentNotValidException.class))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("range"))
        .andExpect(jsonPath("$.errors[0].message").value("from must not be after to"))
        .andExpect(jsonPath("$.detail").value("range: from must not be after to"));
  }

  @Test
  void namesEachInvalidParameter() throws Exception {
    ResultActions response = mvc.perform(get("/page").param("page", "-1").param("size", "101"));

    assertInvalid(response)
        .andExpect(raised(HandlerMethodValidationException.class))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("page", "size")))
        .andExpect(
            jsonPath(
                "$.errors[?(@.field == 'size')].message",
                Matchers.contains("must be less than or equal to 100")));
  }

  @Test
  void namesTheFieldsOfABodyValidatedWithConstrainedParameters() throws Exception {
    ResultActions response =
        mvc.perform(
            post("/scaled")
                .param("factor", "2")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\"}"));

    assertInvalid(response)
        .andExpect(raised(HandlerMethodValidationException.class))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.detail").value("name: must not be blank"));
  }

  @Test
  void namesAParameterOfTheWrongType() throws Exception {
    assertInvalid(mvc.perform(get("/number").param("value", "seven")))
        .andExpect(raised(MethodArgumentTypeMismatchException.class))
        .andExpect(jsonPath("$.errors[0].field").value("value"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a int"))
        .andExpect(jsonPath("$.detail").value("value: must be a int"));
  }

  @Test
  void namesAPathVariableOfTheWrongType() throws Exception {
    assertInvalid(mvc.perform(get("/things/not-a-uuid")))
        .andExpect(raised(MethodArgumentTypeMismatchException.class))
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
  }

  @Test
  void namesTheJsonPathOfABodyValueOfTheWrongType() throws Exception {
    ResultActions nested =
        mvc.perform(
            post("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"amount\":{\"value\":\"many\"}}"));
    ResultActions inList =
        mvc.perform(
            post("/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\",\"lines\":[{\"quantity\":1},{\"quantity\":\"x\"}]}"));

    assertInvalid(nested)
        .andExpect(raised(HttpMessageNotReadableException.class))
        .andExpect(jsonPath("$.errors[0].field").value("amount.value"))
        .andExpect(jsonPath("$.errors[0].message").value("has a value of the wrong type"))
        .andExpect(jsonPath("$.detail").value("amount.value: has a value of the wrong type"));
    assertInvalid(inList).andExpect(jsonPath("$.errors[0].field").value("lines[1].quantity"));
  }

  @Test
  void answersABodyThatIsNotJsonWithoutNamingAField() throws Exception {
    mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content("name=a"))
        .andExpect(raised(HttpMessageNotReadableException.class))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("The body is not valid JSON."))
        .andExpect(jsonPath("$.errors").doesNotExist())
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
  }

  @Test
  void namesTheFieldOfAnInvalidFieldException() throws Exception {
    assertInvalid(mvc.perform(get("/currency").param("code", "XYZ")))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("code"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known ISO 4217 currency"))
        .andExpect(jsonPath("$.detail").value("code: is not a known ISO 4217 currency"));
  }

  @Test
  void keepsSpringsAnswerForAMissingParameter() throws Exception {
    mvc.perform(get("/number"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  /** The case a test covers: which exception Spring MVC raised for the request. */
  private static ResultMatcher raised(Class<? extends Exception> type) {
    return result -> assertThat(result.getResolvedException()).isInstanceOf(type);
  }

  /** A 400 titled "Invalid request" that names what is wrong, and no internals. */
  private static ResultActions assertInvalid(ResultActions response) throws Exception {
    return response
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors").isArray())
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
  }
}
