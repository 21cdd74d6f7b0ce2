/**
 * Identity: accounts, passwords, sign-in sessions and tokens.
 *
 * <p>Invariants: an email belongs to one account (stored lower-cased); passwords are stored only
 * as PBKDF2 hashes; a sign-in session is one family of refresh tokens, each used at most once:
 * presenting a used one revokes the whole session. Access tokens are short-lived RS256 JWTs whose
 * {@code jti} goes on the cluster-wide deny-list when their session ends early. Links mailed for
 * address verification and password reset are {@code SingleUseLink}s: only their secret's hash is
 * stored, they expire, and they work once.
 */
package org.moim.identity;
