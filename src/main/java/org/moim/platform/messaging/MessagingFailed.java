package org.moim.platform.messaging;

/** The broker could not take or hand over a message. A server fault (500), never the client's. */
public class MessagingFailed extends RuntimeException {
    public MessagingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
