/**
 * Webhooks, outgoing and incoming. Outgoing: a workspace's owners and managers register URLs
 * that receive what happens in the workspace (members joining and leaving, invitations
 * answered, and what other features publish through {@code control.WebhookEvents}) as signed
 * JSON or Slack-compatible POSTs.
 *
 * <p>A separate feature, not part of {@code notification}: notifications are for people and
 * {@code workspace} already depends on {@code notification} (invitation notices), while webhooks
 * depend on {@code workspace} (its policy and its events); inside {@code notification} that would
 * be a cycle.
 *
 * <p>Invariants: an event becomes one delivery row per subscribed active webhook, written with its
 * JMS message in the transaction of the change itself (no change, no delivery); a delivery's body
 * is fixed when it is created, so every attempt sends the same bytes (signed afresh with the
 * attempt's timestamp); an attempt starts only for the message that carries the delivery's current
 * attempt key, so a duplicate or stale message does nothing; a delivery ends {@code SUCCEEDED}
 * (a 2xx answer) or {@code DEAD} (no attempt left, or an address that may never be called); the
 * secret is shown once, when it is made. Addresses on loopback, private and link-local networks
 * are refused unless {@code moim.webhooks.allow-private-networks=true}. See {@code docs/webhooks.md}.
 *
 * <p>Incoming webhooks ({@code control.IncomingWebhooks}): a workspace channel's secret URLs that
 * turn a Slack-style body into one message, posted through chat's {@code Posting} as the hook's
 * own bot account. Invariants: only the secret's SHA-256 is stored and the URL is shown once; a
 * body is read and converted whole before anything is stored, so a refused one stores nothing; a
 * repeated {@code Idempotency-Key} finds the first message; OWNERs and MANAGERs who read the
 * channel manage its hooks ({@code ChannelAction.MANAGE_INCOMING_WEBHOOKS}), everyone else gets
 * 403 or 404 as for the channel itself.
 */
package org.moim.webhook;
