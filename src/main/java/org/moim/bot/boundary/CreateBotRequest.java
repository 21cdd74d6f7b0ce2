package org.moim.bot.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateBotRequest")
public class CreateBotRequest {
    @Schema(description = "1 to 100 characters.", example = "Build bot")
    public String name;

    @Schema(description = "At most 64 characters, e.g. an emoji; absent for none.", example = "🤖")
    public String avatar;
}
