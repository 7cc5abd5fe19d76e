package dev.mercado.identity.web;

import dev.mercado.identity.api.ApiKeyHash;
import dev.mercado.identity.api.ApiKeyOwner;
import dev.mercado.identity.application.ApiKeys;
import dev.mercado.platform.errors.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway resolves a partner's API key: it sends the key's SHA-256, never the key. Scope {@code
 * identity:api-keys} (see {@link WebSecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/v1/identity/api-keys")
class ApiKeyController {

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  @GetMapping("/{sha256}")
  ApiKeyOwner owner(@PathVariable String sha256) {
    if (!ApiKeyHash.isWellFormed(sha256)) {
      throw new InvalidFieldException("sha256", "must be 64 lower-case hexadecimal digits");
    }
    return keys.find(sha256)
        .map(key -> new ApiKeyOwner(key.clientId(), key.tier().claimValue()))
        .orElseThrow(ApiKeyController::notFound);
  }

  private static ErrorResponseException notFound() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No active API key has this SHA-256.");
    problem.setTitle("API key not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
