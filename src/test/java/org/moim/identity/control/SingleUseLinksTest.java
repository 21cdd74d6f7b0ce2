package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.moim.identity.entity.EmailVerification;
import org.moim.identity.entity.PasswordReset;
import org.moim.identity.entity.SingleUseLink;
import org.moim.identity.entity.SingleUseLink.Refusal;

class SingleUseLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String SECRET = "A".repeat(43);

    @Test
    void aWholeTokenNamesItsLinkAndSecret() {
        var token = SingleUseLinks.parse(" 0123456789abcdef0123456789abcdef." + SECRET + " ").orElseThrow();

        assertThat(token.linkId()).isEqualTo("01234567-89ab-cdef-0123-456789abcdef");
        assertThat(token.secret()).isEqualTo(SECRET);
    }

    @Test
    void aTokenCutShortIsIncompleteAndAnythingElseInvalid() {
        String whole = "0123456789abcdef0123456789abcdef." + SECRET;
        for (String cut : new String[] {whole.substring(0, 40), whole.substring(0, 33), whole.substring(0, 10), ""}) {
            assertThat(SingleUseLinks.parse(cut)).isEmpty();
            assertThat(SingleUseLinks.refusalOfMalformed(cut)).as(cut).isEqualTo(Refusal.INCOMPLETE);
        }
        for (String forged : new String[] {whole + "x", whole.toUpperCase(), "<script>", whole.replace('.', '-')}) {
            assertThat(SingleUseLinks.parse(forged)).isEmpty();
            assertThat(SingleUseLinks.refusalOfMalformed(forged)).as(forged).isEqualTo(Refusal.INVALID);
        }
    }

    @Test
    void aLinkWorksWithItsLatestSecretOnceBeforeItExpires() {
        for (SingleUseLink link : new SingleUseLink[] {
            new PasswordReset("account", NOW, NOW.plus(Duration.ofHours(1))),
            new EmailVerification("account", "ada@example.org", NOW, NOW.plus(Duration.ofHours(1)))}) {
            assertThat(link.refusal(LoginSessions.hash(SECRET), NOW)).as("no secret minted yet").contains(Refusal.INVALID);
            link.issue(LoginSessions.hash("first"));
            link.issue(LoginSessions.hash(SECRET));
            assertThat(link.refusal(LoginSessions.hash("first"), NOW)).as("a retried mail's link replaces the first").contains(Refusal.INVALID);
            assertThat(link.refusal(LoginSessions.hash(SECRET), NOW)).isEmpty();
            assertThat(link.refusal(LoginSessions.hash(SECRET), NOW.plus(Duration.ofHours(1)))).contains(Refusal.EXPIRED);
            link.use(NOW);
            link.use(NOW.plusSeconds(5));
            assertThat(link.usedAt()).isEqualTo(NOW);
            assertThat(link.open(NOW)).isFalse();
            assertThat(link.refusal(LoginSessions.hash(SECRET), NOW)).contains(Refusal.USED);
        }
    }

    @Test
    void eachRefusalIsItsKindsOwnProblem() {
        for (Refusal refusal : Refusal.values()) {
            assertThat(VerifyLinkRefused.of(refusal).type().slug()).isEqualTo("verify-link-" + refusal.name().toLowerCase());
            assertThat(ResetLinkRefused.of(refusal).type().slug()).isEqualTo("reset-link-" + refusal.name().toLowerCase());
        }
    }
}
