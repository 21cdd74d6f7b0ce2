package org.moim.identity.control;

/** What a successful sign-in or refresh hands out. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String sessionId) {
}
