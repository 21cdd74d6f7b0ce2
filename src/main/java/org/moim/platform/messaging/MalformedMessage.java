package org.moim.platform.messaging;

/** A message that is not what its queue expects. Retrying cannot help; it ends in the dead-letter queue. */
public class MalformedMessage extends RuntimeException {
    public MalformedMessage(String detail) {
        super(detail, null, false, false);
    }
}
