package dev.mercado.identity.persistence;

import dev.mercado.identity.domain.ClientRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcClientRegistry implements ClientRegistry {

  private final JdbcClient jdbc;

  JdbcClientRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void remove(String clientId) {
    // the authorization server's schema has no foreign keys: delete what refers to the client too
    jdbc.sql(
            "DELETE FROM oauth2_authorization WHERE registered_client_id IN"
                + " (SELECT id FROM oauth2_registered_client WHERE client_id = ?)")
        .param(clientId)
        .update();
    jdbc.sql(
            "DELETE FROM oauth2_authorization_consent WHERE registered_client_id IN"
                + " (SELECT id FROM oauth2_registered_client WHERE client_id = ?)")
        .param(clientId)
        .update();
    jdbc.sql("DELETE FROM oauth2_registered_client WHERE client_id = ?").param(clientId).update();
  }
}
