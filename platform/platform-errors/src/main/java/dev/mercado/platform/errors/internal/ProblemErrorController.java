package dev.mercado.platform.errors.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the {@code /error} dispatch, i.e. a {@code sendError} from a filter (Spring Security's
 * firewall rejecting a path, a request without a token…) or an exception thrown outside Spring MVC,
 * with the same problem the Host's valve writes, instead of Boot's own JSON shape. Whatever the
 * client accepts: an error is always {@code application/problem+json}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<String> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : 500;
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == 503) {
      answer.header(HttpHeaders.RETRY_AFTER, ContainerProblems.RETRY_AFTER_SECONDS);
    }
    return answer.body(ContainerProblems.json(status));
  }
}
