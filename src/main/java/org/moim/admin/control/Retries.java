package org.moim.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.control.AuditTrail.Actor;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.job.control.DeadJobs;
import org.moim.job.entity.Job;
import org.moim.webhook.control.WebhookDeliveries;
import org.moim.webhook.entity.WebhookDelivery;

/** An administrator tries dead work again: a job (a mail) or a webhook delivery. Each retry is audited. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Retries {

    @Inject
    DeadJobs jobs;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    AuditTrail audit;

    public Job job(Account admin, String jobId, String address) {
        Job job = jobs.retry(jobId);
        audit.record(AuditAction.JOB_RETRIED, new Actor(admin.id(), admin.email(), address), job.id(), job.type());
        return job;
    }

    public WebhookDelivery delivery(Account admin, String deliveryId, String address) {
        WebhookDelivery delivery = deliveries.retryAny(deliveryId);
        audit.record(AuditAction.WEBHOOK_DELIVERY_RETRIED, new Actor(admin.id(), admin.email(), address), delivery.id(),
                delivery.eventType());
        return delivery;
    }
}
