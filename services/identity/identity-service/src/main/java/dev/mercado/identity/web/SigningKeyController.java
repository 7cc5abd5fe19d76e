package dev.mercado.identity.web;

import dev.mercado.identity.api.KeyRotation;
import dev.mercado.identity.application.SigningKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators rotate the signing key on demand (e.g. after a suspected leak), besides the schedule.
 * Role {@code admin} (see {@link WebSecurityConfiguration}). Not idempotent, and needs no {@code
 * Idempotency-Key}: a repeated request rotates again, which costs nothing but a key.
 */
@RestController
@RequestMapping("/api/v1/identity/admin/keys")
class SigningKeyController {

  private final SigningKeys keys;

  SigningKeyController(SigningKeys keys) {
    this.keys = keys;
  }

  @PostMapping("/rotate")
  KeyRotation rotate() {
    SigningKeys.Rotation rotation = keys.rotate();
    return new KeyRotation(rotation.activeKid(), rotation.retiredKid(), rotation.publishedKids());
  }
}
