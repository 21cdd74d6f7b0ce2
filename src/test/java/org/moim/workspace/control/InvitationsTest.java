package org.moim.workspace.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.notification.control.Mailer;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

class InvitationsTest {

    @Test
    void anInvitationByEmailOnAServerThatSendsNoMailIsRefusedBeforeAnythingIsWritten() {
        Invitations invitations = new Invitations();
        invitations.policy = new WorkspacePolicy() {
            @Override
            public Membership require(String workspaceId, String accountId, Action action) {
                return null; // allowed; the test's Invitations has no database, so reaching it would fail
            }
        };
        invitations.mailer = new Mailer() {
            @Override
            public boolean enabled() {
                return false;
            }
        };

        assertThatThrownBy(() -> invitations.invite("workspace", "owner", "ada@example.org", MemberRole.MEMBER, "http://localhost/"))
                .isInstanceOf(MailDisabled.class)
                .extracting(e -> ((MailDisabled) e).type())
                .isEqualTo(MailDisabled.TYPE);
    }
}
