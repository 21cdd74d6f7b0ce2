package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Clock;
import org.moim.identity.control.AccountStore;
import java.util.Map;
import org.moim.identity.control.EmailVerifications;
import org.moim.identity.control.PasswordResets;
import org.moim.identity.entity.EmailVerificationRequested;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.Account.Language;
import org.moim.identity.entity.PasswordResetCompleted;
import org.moim.identity.entity.PasswordResetRequested;
import org.moim.job.control.Jobs;

/**
 * Mails about a person's account (address verification, password reset, and that it happened), in the account's
 * language. Queued in the transaction of the event that asks for them; sent from the alerts queue. A mail the
 * server refused ({@link MailFailed}) leaves the transaction to commit, so that the job records the error and waits
 * for its next attempt like every mail ({@link Alerts#deliver}); rolled back, the job kept no error and the broker's
 * redeliveries, not {@code moim.mail.retry-delays}, decided when it died.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = MailFailed.class)
public class AccountMails {

    @Inject
    Jobs jobs;

    @Inject
    Alerts alerts;

    @Inject
    PasswordResets resets;

    @Inject
    EmailVerifications verifications;

    @Inject
    Mailer mailer;

    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    void resetRequested(@Observes PasswordResetRequested event) {
        jobs.enqueue(Alerts.QUEUE, PasswordResetMail.TYPE, PasswordResetMail.VERSION, event.accountId(),
                new PasswordResetMail(event.resetId(), event.appUrl()).payload());
    }

    void verificationRequested(@Observes EmailVerificationRequested event) {
        jobs.enqueue(Alerts.QUEUE, VerificationMail.TYPE, VerificationMail.VERSION, event.accountId(),
                new VerificationMail(event.verificationId(), event.appUrl()).payload());
    }

    static final Map<Language, MailTemplate> VERIFICATION = Map.of(
            Language.EN, new MailTemplate("Confirm your email address for Moim", """
                    Hello {name},

                    Open this link to confirm that {email} is your address for Moim:

                    {linkUrl}

                    The link works once, for the next {hours} hours. Until you confirm, invitations sent to this address wait for you.
                    If you did not sign up for Moim or change your address, ignore this mail."""),
            Language.KO, new MailTemplate("Moim 이메일 주소를 확인하세요", """
                    {name}님, 안녕하세요.

                    아래 링크를 열어 {email}이(가) Moim에서 사용하는 주소임을 확인하세요.

                    {linkUrl}

                    이 링크는 {hours}시간 동안 한 번만 사용할 수 있습니다. 확인하기 전까지 이 주소로 온 초대는 기다리고 있습니다.
                    Moim에 가입하거나 주소를 바꾸지 않았다면 이 메일을 무시하세요."""));

    /** Sends a verification mail with a freshly minted link, to the address it verifies; nothing when it was used or expired meanwhile. */
    void sendVerification(VerificationMail alert) {
        verifications.issue(alert.verificationId()).ifPresent(link -> {
            Account account = link.account();
            long hours = Math.max(1, Duration.between(clock.instant(), link.expiresAt()).toHours());
            Letter letter = MailTemplate.in(account.language(), VERIFICATION).render(Map.of(
                    "name", account.displayName(),
                    "email", link.email(),
                    "linkUrl", alert.appUrl() + "#/verify-email?token=" + link.token(),
                    "hours", String.valueOf(hours),
                    "actionLabel", account.language() == Language.KO ? "주소 확인" : "Confirm address"));
            mailer.send(link.email(), letter);
        });
    }

    static final Map<Language, MailTemplate> PASSWORD_CHANGED = Map.of(
            Language.EN, new MailTemplate("Your Moim password was changed", """
                    Hello {name},

                    The password of your Moim account ({email}) was just changed through a password reset link, and every device was signed out.

                    If this was not you, reset your password again at once and tell your administrator."""),
            Language.KO, new MailTemplate("Moim 비밀번호가 변경되었습니다", """
                    {name}님, 안녕하세요.

                    방금 비밀번호 재설정 링크로 Moim 계정({email})의 비밀번호가 변경되었고, 모든 기기에서 로그아웃되었습니다.

                    본인이 변경하지 않았다면 즉시 비밀번호를 다시 재설정하고 관리자에게 알려 주세요."""));

    static final Map<Language, MailTemplate> PASSWORD_RESET = Map.of(
            Language.EN, new MailTemplate("Reset your Moim password", """
                    Hello {name},

                    Someone asked to reset the password of your Moim account ({email}). Open this link to choose a new one:

                    {linkUrl}

                    The link works once, for the next {minutes} minutes. If you did not ask, ignore this mail: your password stays as it is."""),
            Language.KO, new MailTemplate("Moim 비밀번호 재설정", """
                    {name}님, 안녕하세요.

                    Moim 계정({email})의 비밀번호 재설정을 요청하셨습니다. 아래 링크를 열어 새 비밀번호를 정하세요.

                    {linkUrl}

                    이 링크는 {minutes}분 동안 한 번만 사용할 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 그대로입니다."""));

    /** Tells the owner their password was changed, in their language: a plain account mail (no link to follow). */
    void resetCompleted(@Observes PasswordResetCompleted event) {
        Account account = accounts.byId(event.accountId());
        Letter letter = MailTemplate.in(account.language(), PASSWORD_CHANGED).render(Map.of(
                "name", account.displayName(),
                "email", account.email()));
        alerts.requestMail(account.id(), letter.subject(), letter.text());
    }

    /** Sends a reset mail with a freshly minted link; nothing when the reset was used or expired meanwhile. */
    void sendPasswordReset(PasswordResetMail alert) {
        resets.issue(alert.resetId()).ifPresent(link -> {
            Account account = link.account();
            long minutes = Math.max(1, Duration.between(clock.instant(), link.expiresAt()).toMinutes());
            Letter letter = MailTemplate.in(account.language(), PASSWORD_RESET).render(Map.of(
                    "name", account.displayName(),
                    "email", account.email(),
                    "linkUrl", alert.appUrl() + "#/reset-password?token=" + link.token(),
                    "minutes", String.valueOf(minutes),
                    "actionLabel", account.language() == Language.KO ? "새 비밀번호 정하기" : "Choose a new password"));
            mailer.send(account.email(), letter);
        });
    }
}
