package org.moim.call.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    @Test
    void signsWithHmacSha1InBase64AsRfc2202TestCaseTwo() {
        // RFC 2202, test case 2: HMAC-SHA1("Jefe", "what do ya want for nothing?") = effcdf6a…7c79.
        assertThat(TurnCredentials.sign("Jefe", "what do ya want for nothing?")).isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
    }

    @Test
    void theUserNameIsTheExpiryInUnixSecondsAndTheAccount() {
        // openssl: printf '1700000000:acc-1' | openssl dgst -sha1 -hmac north-wind -binary | base64
        TurnCredentials.Credential credential = TurnCredentials.issue("north-wind", "acc-1", Instant.parse("2023-11-14T22:13:20.750Z"));

        assertThat(credential.username()).isEqualTo("1700000000:acc-1");
        assertThat(credential.credential()).isEqualTo("39syXcGuUkAFyFnAZXbiDXRXHaQ=");
        assertThat(credential.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void anotherSecretOrAnotherExpiryGivesAnotherPassword() {
        Instant expiry = Instant.ofEpochSecond(1_700_000_000L);
        String password = TurnCredentials.issue("north-wind", "acc-1", expiry).credential();

        assertThat(TurnCredentials.issue("south-wind", "acc-1", expiry).credential()).isNotEqualTo(password);
        assertThat(TurnCredentials.issue("north-wind", "acc-1", expiry.plusSeconds(1)).credential()).isNotEqualTo(password);
        assertThat(TurnCredentials.issue("north-wind", "acc-2", expiry).credential()).isNotEqualTo(password);
    }

    @Test
    void thereIsNoCredentialWithoutASecret() {
        assertThatThrownBy(() -> TurnCredentials.issue("", "acc-1", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
