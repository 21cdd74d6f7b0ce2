package org.moim.workspace.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aDeletedWorkspaceIsRestorableForThirtyDaysThenDueForPurge() {
        Workspace workspace = new Workspace("Team", null, null, now);
        assertThat(workspace.isRestorable(now)).isFalse();

        workspace.delete("account-1", now);
        Instant lastMoment = now.plus(Duration.ofDays(30)).minusNanos(1000);

        assertThat(workspace.isDeleted()).isTrue();
        assertThat(workspace.isRestorable(lastMoment)).isTrue();
        assertThat(workspace.isRestorable(now.plus(Duration.ofDays(30)))).isFalse();
        // The purge takes exactly what can no longer be restored.
        assertThat(workspace.deletedAt().isAfter(Workspace.purgeCutoff(lastMoment))).isTrue();
        assertThat(workspace.deletedAt().isAfter(Workspace.purgeCutoff(now.plus(Duration.ofDays(30))))).isFalse();
    }

    @Test
    void restoringBringsItBackAndDeletingTwiceKeepsTheFirstTime() {
        Workspace workspace = new Workspace("Team", "", null, now);
        workspace.delete("a", now);
        workspace.delete("b", now.plusSeconds(5));
        assertThat(workspace.deletedAt()).isEqualTo(now);

        workspace.restore(now.plusSeconds(10));

        assertThat(workspace.isDeleted()).isFalse();
        assertThat(workspace.updatedAt()).isEqualTo(now.plusSeconds(10));
    }

    @Test
    void anInvitationIsAnsweredOnce() {
        Workspace workspace = new Workspace("Team", "", null, now);
        Invitation invitation = new Invitation(workspace, "a@example.com", MemberRole.MEMBER, "inviter", now);

        assertThat(invitation.answer(Invitation.Status.DECLINED, now)).isTrue();
        assertThat(invitation.answer(Invitation.Status.ACCEPTED, now)).isFalse();
        assertThat(invitation.status()).isEqualTo(Invitation.Status.DECLINED);
    }
}
