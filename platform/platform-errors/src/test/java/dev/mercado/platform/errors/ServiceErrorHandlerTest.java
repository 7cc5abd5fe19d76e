package dev.mercado.platform.errors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ServiceErrorHandlerTest {

  @RestController
  static class Failing {

    @GetMapping("/database-down")
    String databaseDown() {
      throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
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

    record Body(@NotBlank String name) {}

    @PostMapping("/body")
    String body(@Valid @RequestBody Body body) {
      return body.name();
    }

    @GetMapping("/number")
    String number(@RequestParam int value) {
      return Integer.toString(value);
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
    mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.detail").value("Invalid fields: name"));
  }

  @Test
  void answersABadParameterWith400() throws Exception {
    mvc.perform(get("/number").param("value", "seven"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
