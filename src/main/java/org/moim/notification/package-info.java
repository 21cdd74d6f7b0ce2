/**
 * Notification: the inbox (with its live push), and alerts to people outside the browser by mail.
 *
 * <p>Invariants: a notification stores its kind and parameters, and its title is rendered in the
 * reader's language when read (REST, the live frame, mail); alerts go through the
 * {@code moim.alerts} queue as jobs, never from the request thread; an alert's mail is addressed
 * to the account's current email, read when it is sent; a redelivered alert whose job already
 * succeeded sends nothing. Notification mail names only what its reader has not read and may
 * still read when it is composed, escapes what people wrote in its HTML part, and every one can
 * be unsubscribed from with one click. Mail
 * settings are {@code moim.mail.*}; with {@code moim.mail.enabled=false} alerts succeed without
 * sending.
 */
package org.moim.notification;
