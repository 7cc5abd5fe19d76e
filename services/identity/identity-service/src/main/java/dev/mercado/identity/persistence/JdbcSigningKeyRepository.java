package dev.mercado.identity.persistence;

import dev.mercado.identity.domain.KeyState;
import dev.mercado.identity.domain.SigningKey;
import dev.mercado.identity.domain.SigningKeyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSigningKeyRepository implements SigningKeyRepository {

  /** The advisory lock that serialises rotations: any constant unique within this database. */
  private static final long ROTATION_LOCK = 0x6964656e74697479L;

  private static final String COLUMNS =
      "kid, public_jwk, private_jwk, state, created_at, retired_at";

  private final JdbcClient jdbc;

  JdbcSigningKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void lockForRotation() {
    // a transaction-level advisory lock rather than SELECT ... FOR UPDATE: the rotation that waits
    // must then see the key the first one inserted, which a row lock taken on the old key does not
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
  }

  @Override
  public Optional<SigningKey> active() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE state = 'active'")
        .query(JdbcSigningKeyRepository::signingKey)
        .optional();
  }

  @Override
  public List<SigningKey> published(Instant retiredAfter) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM signing_key WHERE state = 'active'"
                + " OR (state = 'retired' AND retired_at > ?)"
                + " ORDER BY retired_at DESC NULLS FIRST, created_at DESC")
        .param(Timestamp.from(retiredAfter))
        .query(JdbcSigningKeyRepository::signingKey)
        .list();
  }

  @Override
  public void addActive(SigningKey key) {
    try {
      jdbc.sql(
              "INSERT INTO signing_key (kid, algorithm, public_jwk, private_jwk, state, created_at)"
                  + " VALUES (?, 'RS256', ?, ?, 'active', ?)")
          .params(key.kid(), key.publicJwk(), key.privateJwk(), Timestamp.from(key.createdAt()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("another signing key is active", e);
    }
  }

  @Override
  public void retire(String kid, Instant at) {
    jdbc.sql(
            "UPDATE signing_key SET state = 'retired', retired_at = ?, private_jwk = NULL"
                + " WHERE kid = ? AND state = 'active'")
        .params(Timestamp.from(at), kid)
        .update();
  }

  @Override
  public int expireRetiredBefore(Instant retiredBefore, Instant now) {
    return jdbc.sql(
            "UPDATE signing_key SET state = 'expired', expired_at = ?"
                + " WHERE state = 'retired' AND retired_at <= ?")
        .params(Timestamp.from(now), Timestamp.from(retiredBefore))
        .update();
  }

  private static SigningKey signingKey(ResultSet row, int rowNumber) throws SQLException {
    Timestamp retiredAt = row.getTimestamp("retired_at");
    return new SigningKey(
        row.getString("kid"),
        row.getString("public_jwk"),
        row.getString("private_jwk"),
        KeyState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
        row.getTimestamp("created_at").toInstant(),
        retiredAt == null ? null : retiredAt.toInstant());
  }
}
