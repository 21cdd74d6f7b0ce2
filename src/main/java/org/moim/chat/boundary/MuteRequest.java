package org.moim.chat.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MuteRequest")
public class MuteRequest {
    @Schema(description = "true: @channel no longer notifies me, the list shows the channel quietly.")
    public boolean muted;
}
