package dev.mercado.identity.persistence;

import dev.mercado.identity.api.Tier;
import dev.mercado.identity.domain.ApiKey;
import dev.mercado.identity.domain.ApiKeyRepository;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeyRepository implements ApiKeyRepository {

  private final JdbcClient jdbc;

  JdbcApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ApiKey> findActive(String sha256) {
    return jdbc.sql(
            "SELECT sha256, client_id, tier FROM api_key WHERE sha256 = ? AND revoked_at IS NULL")
        .param(sha256)
        .query(
            (row, rowNumber) ->
                new ApiKey(
                    row.getString("sha256"),
                    row.getString("client_id"),
                    Tier.fromClaim(row.getString("tier"))))
        .optional();
  }
}
