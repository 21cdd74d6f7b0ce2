package org.moim.keywordbot.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KeywordRuleRequest", description = "A keyword bot rule, whole (creating or replacing it). At least one keyword or phrase.")
public class KeywordRuleRequest {
    @Schema(description = "Whole words, case-insensitive, up to 20 of 1 to 100 characters; a keyword of several words matches them in a row. "
            + "The last word of a Korean keyword also matches with a particle attached (사람 matches 사람이).", example = "[\"agent\", \"사람\"]", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> keywords;

    @Schema(description = "Text contained anywhere, case-insensitive, up to 20 of 1 to 100 characters (no regular expressions).",
            example = "[\"opening hours\"]", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> phrases;

    @Schema(description = "What the bot answers: 1 to 2000 characters, markdown as in any message.", example = "We open at 9.",
            required = true)
    public String reply;

    @Schema(description = "A \"talk to a person\" rule: besides replying, it asks the responders once per thread.")
    public boolean handover;

    @Schema(description = "Channels of the workspace the rule answers in, up to 20; none: every workspace channel.", type = SchemaType.ARRAY, implementation = String.class)
    public List<String> channelIds;
}
