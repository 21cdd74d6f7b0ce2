package org.moim.workspace.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.moim.workspace.entity.MemberRole;

class InviteLinkTokensTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Instant expires = now.plus(Duration.ofDays(7));
    private final InviteLinkTokens tokens = new InviteLinkTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final String link = "6f0c0a53-3a51-4c4b-9b43-1f1b3c0c2a10";
    private final String workspace = "9a1e6e9c-1f4e-4d6b-a2a4-7d4b1d3f8c55";

    @Test
    void aTokenNamesItsLinkAndExpiryAndVerifiesAgainstThem() {
        String token = tokens.issue(link, workspace, MemberRole.MEMBER, expires);

        assertThat(token).startsWith(link + "." + expires.getEpochSecond() + ".");
        InviteLinkTokens.Claim claim = tokens.read(token);
        assertThat(claim.linkId()).isEqualTo(link);
        assertThat(claim.expires()).isEqualTo(expires);
        tokens.verify(claim, workspace, MemberRole.MEMBER, now);
    }

    @Test
    void aChangedExpiryRoleWorkspaceOrSignatureIsInvalid() {
        String token = tokens.issue(link, workspace, MemberRole.GUEST, expires);
        String[] parts = token.split("\\.");
        String laterExpiry = parts[0] + "." + (expires.getEpochSecond() + 86400) + "." + parts[2];
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + (parts[2].startsWith("A") ? "B" : "A");

        assertInvalid(() -> tokens.verify(tokens.read(laterExpiry), workspace, MemberRole.GUEST, now));
        assertInvalid(() -> tokens.verify(tokens.read(otherSignature), workspace, MemberRole.GUEST, now));
        assertInvalid(() -> tokens.verify(tokens.read(token), workspace, MemberRole.MANAGER, now));
        assertInvalid(() -> tokens.verify(tokens.read(token), "another-workspace", MemberRole.GUEST, now));
    }

    @Test
    void anotherSecretsTokenIsInvalid() {
        InviteLinkTokens other = new InviteLinkTokens("another secret of thirty-two chars".getBytes(StandardCharsets.UTF_8));
        String forged = other.issue(link, workspace, MemberRole.MEMBER, expires);

        assertInvalid(() -> tokens.verify(tokens.read(forged), workspace, MemberRole.MEMBER, now));
    }

    @Test
    void malformedTokensAreInvalid() {
        for (String token : new String[] {null, "", "abc", "a.b", "a.notanumber.sig", "a.1.", ".1.sig", "a.1.sig.extra"}) {
            assertInvalid(() -> tokens.read(token));
        }
    }

    @Test
    void aGenuineTokenExpiresAtItsExpiry() {
        String token = tokens.issue(link, workspace, MemberRole.MEMBER, expires);
        InviteLinkTokens.Claim claim = tokens.read(token);

        tokens.verify(claim, workspace, MemberRole.MEMBER, expires.minusSeconds(1));
        assertThatThrownBy(() -> tokens.verify(claim, workspace, MemberRole.MEMBER, expires))
                .isInstanceOf(InviteLinkExpired.class)
                .satisfies(e -> assertThat(((InviteLinkExpired) e).type().uri()).isEqualTo("/problems/invite-link-expired"));
        assertThatThrownBy(() -> tokens.verify(claim, workspace, MemberRole.MEMBER, expires.plus(Duration.ofDays(3))))
                .isInstanceOf(InviteLinkExpired.class);
    }

    @Test
    void aTamperedExpiredTokenIsInvalidNotExpired() {
        String token = tokens.issue(link, workspace, MemberRole.MEMBER, expires);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + (expires.getEpochSecond() - 1) + "." + parts[2];

        assertInvalid(() -> tokens.verify(tokens.read(tampered), workspace, MemberRole.MEMBER, expires.plusSeconds(10)));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidInviteLink.class)
                .satisfies(e -> assertThat(((InvalidInviteLink) e).type().uri()).isEqualTo("/problems/invalid-invite-link"))
                .satisfies(e -> assertThat(((InvalidInviteLink) e).type().status()).isEqualTo(400));
    }
}
