package org.moim.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IceServersTest {

    private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

    private static IceServers configured(String stun, String turn, String secret) {
        IceServers servers = new IceServers();
        servers.stunUrls = Optional.ofNullable(stun);
        servers.turnUrls = Optional.ofNullable(turn);
        servers.turnSecret = Optional.ofNullable(secret);
        servers.turnTtl = Duration.ofHours(2);
        servers.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return servers;
    }

    @Test
    void stunAndTurnWithCredentialsThatExpireAfterTheTtl() {
        IceServers.Configuration configuration = configured(" stun:stun.example.com:3478 ,",
                "turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349", "s3cret").forAccount("acc-1");

        assertThat(configuration.servers()).hasSize(2);
        IceServers.Server stun = configuration.servers().get(0);
        assertThat(stun.urls()).containsExactly("stun:stun.example.com:3478");
        assertThat(stun.username()).isNull();
        assertThat(stun.credential()).isNull();
        IceServers.Server turn = configuration.servers().get(1);
        assertThat(turn.urls()).containsExactly("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349");
        long expiry = NOW.plus(Duration.ofHours(2)).getEpochSecond();
        assertThat(turn.username()).isEqualTo(expiry + ":acc-1");
        assertThat(turn.credential()).isEqualTo(TurnCredentials.sign("s3cret", expiry + ":acc-1"));
        assertThat(configuration.expiresAt()).isEqualTo(Instant.ofEpochSecond(expiry));
    }

    @Test
    void turnWithoutASecretIsLeftOutRatherThanShippedWithoutCredentials() {
        IceServers.Configuration configuration = configured(null, "turn:turn.example.com:3478", " ").forAccount("acc-1");

        assertThat(configuration.servers()).isEmpty();
        assertThat(configuration.expiresAt()).isNull();
    }

    @Test
    void nothingConfiguredIsNoServers() {
        assertThat(configured(null, null, null).forAccount("acc-1").servers()).isEmpty();
        assertThat(IceServers.urls(Optional.of(" , "))).isEqualTo(List.of());
    }
}
