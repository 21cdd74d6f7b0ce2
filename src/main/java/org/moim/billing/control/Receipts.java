package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.moim.billing.entity.Invoice;
import org.moim.billing.entity.Payment;
import org.moim.notification.control.Alerts;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Workspace;

/**
 * Mails to the workspace's owners about money (receipts, refunds, failed renewals), in English
 * and Korean, queued on the alerts queue in the caller's transaction (sent after commit, retried,
 * see docs/jobs.md).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Receipts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Alerts alerts;

    public void paid(Invoice invoice) {
        String text = """
                Thank you: the workspace "%1$s" is on %2$s until %3$s.
                Invoice %4$s: %5$s (%6$s, %7$s to %3$s).

                결제가 완료되었습니다. 워크스페이스 "%1$s"의 %2$s 플랜이 %3$s까지 적용됩니다.
                청구서 %4$s: %5$s (%6$s, %7$s ~ %3$s).
                """.formatted(invoice.workspaceName(), invoice.planName(), DAY.format(invoice.periodEnd()), invoice.number(),
                invoice.amount().display(), invoice.period(), DAY.format(invoice.periodStart()));
        toOwners(invoice.workspaceId(), "Moim receipt " + invoice.number() + " / 영수증", text);
    }

    public void refunded(Payment payment, String workspaceName) {
        String text = """
                The payment of %1$s for "%2$s" was refunded.

                워크스페이스 "%2$s"의 %1$s 결제가 환불되었습니다.
                """.formatted(payment.amount().display(), workspaceName);
        toOwners(payment.workspaceId(), "Moim refund / 환불", text);
    }

    public void renewalFailed(Payment payment, String workspaceName, Instant graceUntil) {
        String until = graceUntil == null ? "-" : DAY.format(graceUntil);
        String text = """
                The renewal of %1$s for "%2$s" (%3$s) failed. The plan stays until %4$s; pay from the billing page
                before then, or the workspace goes back to Free (nothing is deleted; what is over the Free limits
                becomes read-only).

                워크스페이스 "%2$s"의 %1$s 갱신 결제(%3$s)가 실패했습니다. %4$s까지 플랜이 유지됩니다. 그 전에 결제 페이지에서
                결제하지 않으면 무료 플랜으로 돌아갑니다(삭제되는 것은 없으며, 무료 한도를 넘는 부분은 읽기 전용이 됩니다).
                """.formatted(payment.planCode(), workspaceName, payment.amount().display(), until);
        toOwners(payment.workspaceId(), "Moim renewal failed / 갱신 실패", text);
    }

    private void toOwners(String workspaceId, String subject, String text) {
        for (String owner : owners(workspaceId)) {
            alerts.requestMail(owner, subject, text);
        }
    }

    private List<String> owners(String workspaceId) {
        return em.createQuery("select m.account.id from Membership m where m.workspace.id = :workspace and m.role = :owner", String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("owner", MemberRole.OWNER)
                .getResultList();
    }

    String workspaceName(String workspaceId) {
        Workspace workspace = em.find(Workspace.class, workspaceId);
        return workspace == null ? workspaceId : workspace.name();
    }
}
