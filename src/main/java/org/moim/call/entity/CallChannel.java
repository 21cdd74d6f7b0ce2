package org.moim.call.entity;

import java.util.Objects;

/** The channel a call belongs to, as far as calls need to know it: a board's channel or a direct conversation. */
public record CallChannel(String id, String kind, String workspaceId) {

    public CallChannel {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(workspaceId);
    }
}
