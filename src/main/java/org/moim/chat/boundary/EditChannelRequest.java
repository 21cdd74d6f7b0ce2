package org.moim.chat.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EditChannelRequest", description = "The fields to change; absent ones stay, an empty topic or description clears it.")
public class EditChannelRequest {
    @Schema(description = "As on creation.")
    public String name;

    public String topic;

    public String description;
}
