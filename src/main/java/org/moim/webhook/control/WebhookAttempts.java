package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.platform.messaging.Envelope;

/**
 * One message from {@code moim.webhooks}: start the attempt it stands for (or nothing), POST, record
 * the outcome. The HTTP call runs outside any database transaction of its own; the outcome commits
 * with the message's acknowledgement. A failed POST is recorded, not thrown: the next attempt is
 * the poller's business, not the broker's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookAttempts {

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookPoster poster;

    public void run(Envelope envelope) {
        DeliveryMessage message = DeliveryMessage.from(envelope);
        deliveries.start(message).ifPresent(attempt -> deliveries.finish(attempt, poster.post(attempt)));
    }
}
