/**
 * Slash commands: a workspace's owners and managers register a {@code /word} with an integrator's
 * URL; typing {@code /word text} in a channel POSTs Slack's slash-command fields there, signed as
 * outgoing webhooks are, and the answer is either posted in the channel (as the command's own bot
 * account, through chat's posting path) or given to the caller alone.
 *
 * <p>Invariants: the word is unique in its workspace and never changes; the secret is shown once;
 * the integrator is called outside any transaction and for at most {@code moim.commands.timeout};
 * nothing is posted unless the integrator answered valid JSON with {@code "response_type":
 * "in_channel"} in time, and only where the caller may post; ephemeral answers and failures are
 * never stored nor sent to anyone but the caller. URLs obey the webhooks' address rule
 * ({@code moim.webhooks.allow-private-networks}). See {@code docs/commands.md}.
 */
package org.moim.command;
