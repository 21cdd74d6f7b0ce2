package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.control.LimitCeiling;
import org.moim.billing.entity.Limit;

/**
 * The most webhooks one workspace may have on this server, whatever the plan
 * ({@code moim.webhooks.max-per-workspace}): each event fans out to all of them. Billing lowers
 * every plan's {@code INTEGRATIONS} to it, so the plan page shows what creating one really allows.
 */
@ApplicationScoped
public class WebhookCeiling implements LimitCeiling {

    @Inject
    @ConfigProperty(name = "moim.webhooks.max-per-workspace", defaultValue = "50")
    int maxPerWorkspace;

    @Override
    public Limit limit() {
        return Limit.INTEGRATIONS;
    }

    @Override
    public long ceiling() {
        return Math.max(1, maxPerWorkspace);
    }
}
