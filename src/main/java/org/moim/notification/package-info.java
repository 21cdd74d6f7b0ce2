/**
 * Notification: alerts to people outside the browser, by mail for now.
 *
 * <p>Invariants: alerts go through the {@code moim.alerts} queue as jobs, never from the request
 * thread; an alert's mail is addressed to the account's current email, read when it is sent; a
 * redelivered alert whose job already succeeded sends nothing. Mail settings are
 * {@code moim.mail.*}; with {@code moim.mail.enabled=false} alerts succeed without sending.
 */
package org.moim.notification;
