package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.OidcAttempt;

/** A provider that is down is a clear problem, and a sign-in left too long is over. */
class OidcProviderTest {

    @Test
    void aProviderThatIsDownIsUnavailableNotAnError() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OidcSettings settings = new OidcSettings();
        settings.issuer = Optional.of("http://127.0.0.1:" + closed + "/realms/moim");
        settings.clientId = Optional.of("moim");
        settings.httpTimeout = Duration.ofSeconds(2);
        OidcProvider provider = new OidcProvider();
        provider.settings = settings;

        assertThatThrownBy(provider::metadata)
                .isInstanceOfSatisfying(OidcRefused.class, refused -> {
                    assertThat(refused.type()).isEqualTo(OidcRefused.PROVIDER_UNAVAILABLE);
                    assertThat(refused.type().status()).isEqualTo(503);
                });
    }

    @Test
    void anAttemptIsAdmittedOnlyFromItsBrowserAndInTime() {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        OidcAttempt attempt = new OidcAttempt("state", Secrets.sha256("browser"), "nonce", "verifier", "http://x/cb",
                now, now.plus(Duration.ofMinutes(10)));

        assertThat(attempt.admits(Secrets.sha256("browser"), now.plusSeconds(599))).isTrue();
        assertThat(attempt.admits(Secrets.sha256("browser"), now.plusSeconds(600))).as("expired").isFalse();
        assertThat(attempt.admits(Secrets.sha256("another browser"), now)).isFalse();
    }

    @Test
    void thePkceChallengeIsS256OfTheVerifier() {
        // BASE64URL(SHA-256(ASCII(verifier))) without padding, computed independently with Python's hashlib.
        assertThat(Secrets.s256("dBjftJeZ4CVP-mJ0daHh4zT9NByVLsY_aCNVJoGS5pI")).isEqualTo("DUj0-2pCOsWHN4U95B7L6IEF3p6oF1FCUYuDu5XsdcY");
    }
}
