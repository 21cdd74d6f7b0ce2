package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private KeyPair keys;
    private AccessTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        tokens = new AccessTokens();
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
        tokens.issuer = "moim";
        tokens.audience = "moim-api";
        tokens.ttl = Duration.ofMinutes(15);
        tokens.privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        tokens.loadKey();
    }

    @Test
    void issuesRs256TokensThatVerifyWithThePublicKey() throws Exception {
        AccessTokens.Issued issued = tokens.issue("account-1", "session-1");
        String[] parts = issued.token().split("\\.");

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(decode(parts[0]).getString("alg")).isEqualTo("RS256");
    }

    @Test
    void carriesTheClaimsMicroProfileJwtNeeds() {
        AccessTokens.Issued issued = tokens.issue("account-1", "session-1");
        JsonObject claims = decode(issued.token().split("\\.")[1]);

        assertThat(claims.getString("iss")).isEqualTo("moim");
        assertThat(claims.getString("aud")).isEqualTo("moim-api");
        assertThat(claims.getString("sub")).isEqualTo("account-1");
        assertThat(claims.getString("upn")).isEqualTo("account-1");
        assertThat(claims.getString("sid")).isEqualTo("session-1");
        assertThat(claims.getString("jti")).isEqualTo(issued.jti());
        assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(now.getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(now.plusSeconds(900).getEpochSecond());
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("user");
        assertThat(issued.expiresIn()).isEqualTo(900);
    }

    @Test
    void everyTokenHasItsOwnId() {
        assertThat(tokens.issue("a", "s").jti()).isNotEqualTo(tokens.issue("a", "s").jti());
    }

    private static JsonObject decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
