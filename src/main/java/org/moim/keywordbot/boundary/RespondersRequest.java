package org.moim.keywordbot.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RespondersRequest")
public class RespondersRequest {
    @Schema(description = "Owners, managers or members of the workspace (not guests, not bots), up to 20; replaces the earlier choice.",
            required = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> responderIds;
}
