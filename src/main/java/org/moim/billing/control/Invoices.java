package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.moim.billing.entity.Invoice;
import org.moim.billing.entity.Payment;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.Workspace;

/** One invoice per paid payment; listed and shown to owners. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Invoices {

    public static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BillingPolicy policy;

    @Inject
    PlanCatalog catalog;

    @Inject
    Clock clock;

    /** Issues the payment's invoice (once: a second call answers the first invoice). */
    public Invoice issue(Payment payment, java.time.Instant periodStart, java.time.Instant periodEnd) {
        Optional<Invoice> existing = ofPayment(payment.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Workspace workspace = em.find(Workspace.class, payment.workspaceId());
        Invoice invoice = new Invoice(payment, workspace == null ? payment.workspaceId() : workspace.name(),
                catalog.plan(payment.planCode()).name(), periodStart, periodEnd, clock.instant());
        em.persist(invoice);
        return invoice;
    }

    public Optional<Invoice> ofPayment(String paymentId) {
        return em.createQuery("select i from Invoice i where i.paymentId = :payment", Invoice.class)
                .setParameter("payment", paymentId)
                .getResultStream().findFirst();
    }

    /** The workspace's invoices, newest first. */
    public Page<Invoice> list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("i.issuedAt", "i.id", limit, cursor);
        policy.require(workspaceId, accountId, BillingAction.VIEW_BILLING);
        return keyset.page(em.createQuery("select i from Invoice i where i.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), Invoice.class)
                .setParameter("workspace", workspaceId), x -> new Cursor(x.issuedAt(), x.id()));
    }

    public Invoice get(String workspaceId, String accountId, String invoiceId) {
        policy.require(workspaceId, accountId, BillingAction.VIEW_BILLING);
        Invoice invoice = invoiceId == null ? null : em.find(Invoice.class, invoiceId);
        if (invoice == null || !invoice.workspaceId().equals(workspaceId)) {
            throw new NotFound("The invoice");
        }
        return invoice;
    }
}
