package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.Account.Language;
import org.moim.notification.control.Alerts;
import org.moim.notification.control.Letter;
import org.moim.notification.control.MailTemplate;
import org.moim.workspace.entity.Invitation;

/**
 * The mail an invitation by email sends, whether or not the address has an account: it names the
 * workspace and the inviter and holds one link, to sign-up or sign-in (by whether the address has
 * an account) and from there to the invitation. In the invitee's language when they have an
 * account, else the inviter's. An account mail: no List-Unsubscribe. Queued in the invitation's
 * transaction, sent from the alerts queue with the mail retries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvitationMails {

    static final Map<Language, MailTemplate> INVITATION = Map.of(
            Language.EN, new MailTemplate("{inviter} invited you to {workspace} on Moim", """
                    Hello,

                    {inviter} invited you to join the workspace “{workspace}” on Moim as {role}.

                    {linkUrl}

                    Open the link to {next} with {email}; the invitation waits for you there. \
                    If you did not expect this, ignore this mail: nothing happens until you accept."""),
            Language.KO, new MailTemplate("{inviter}님이 Moim의 {workspace}에 초대했습니다", """
                    안녕하세요.

                    {inviter}님이 Moim 워크스페이스 “{workspace}”에 {role}(으)로 초대했습니다.

                    {linkUrl}

                    링크를 열어 {email} 주소로 {next} 초대가 기다리고 있습니다. \
                    예상하지 못한 메일이라면 무시하세요. 수락하기 전에는 아무 일도 일어나지 않습니다."""));

    private static final Map<String, String> ROLES_KO = Map.of("MANAGER", "매니저", "MEMBER", "멤버", "GUEST", "게스트");

    @Inject
    AccountStore accounts;

    @Inject
    Alerts alerts;

    /** Queues the mail of a new invitation. */
    void mail(Invitation invitation, Account inviter, String appUrl) {
        Optional<Account> invitee = accounts.byEmail(invitation.email());
        Language language = invitee.map(Account::language).orElse(inviter.language());
        boolean ko = language == Language.KO;
        String role = invitation.role().name();
        String next = invitee.isPresent() ? (ko ? "로그인하세요." : "sign in") : (ko ? "가입하세요." : "create your account");
        String link = appUrl + "#/invitations?email=" + URLEncoder.encode(invitation.email(), StandardCharsets.UTF_8)
                + "&account=" + (invitee.isPresent() ? "1" : "0");
        Letter letter = MailTemplate.in(language, INVITATION).render(Map.of(
                "inviter", inviter.displayName(),
                "workspace", invitation.workspace().name(),
                "role", ko ? ROLES_KO.getOrDefault(role, role) : role.charAt(0) + role.substring(1).toLowerCase(),
                "email", invitation.email(),
                "next", next,
                "linkUrl", link,
                "actionLabel", ko ? "초대 보기" : "See the invitation"));
        alerts.requestLetter(inviter.id(), invitation.email(), letter);
    }
}
