package org.moim.webhook.entity;

/** How a delivery's body looks. */
public enum WebhookFormat {
    /** {@code {"id", "type", "createdAt", "workspaceId", "text", "data"}}: for programs. */
    JSON,
    /** {@code {"text": "…"}}: what Slack and Mattermost incoming webhooks post into a channel. */
    SLACK
}
