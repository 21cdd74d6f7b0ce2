package org.moim.identity.control;

/** Where a request comes from, as recorded on sign-in sessions. */
public record Client(String ipAddress, String userAgent) {
}
