/**
 * Webhooks: a workspace's owners and managers register URLs that receive what happens in the
 * workspace (members joining and leaving, invitations answered, and what other features publish
 * through {@code control.WebhookEvents}) as signed JSON or Slack-compatible POSTs.
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
 */
package org.moim.webhook;
