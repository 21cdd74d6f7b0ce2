/**
 * The keyword bot: a workspace's owners and managers write rules (whole words, Korean included,
 * or phrases contained anywhere, case-insensitive; no regular expressions, so matching costs one
 * pass over the message whatever the rules say) that answer a message in its thread, in chosen
 * workspace channels or all of them. The bot is an account of its own, a MEMBER of the workspace,
 * posting with the bot badge through {@code Posting} like commands and incoming webhooks.
 *
 * <p>Invariants: the bot answers after the message is committed (never inside the poster's
 * transaction), at most once per message (the reply's idempotency key is the message's id), never
 * a bot's message (no loops), never outside workspace channels, and never in a thread a person has
 * taken over. A handover rule asks the workspace's chosen responders (a notification
 * {@code keyword-bot.handover}) once per thread. See docs/keyword-bot.md.
 */
package org.moim.keywordbot;
