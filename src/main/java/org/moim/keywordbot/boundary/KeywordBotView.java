package org.moim.keywordbot.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.keywordbot.entity.KeywordBot;

@JsonbNillable
@Schema(name = "KeywordBot", description = "A workspace's keyword bot: the account it posts as and who a handover asks for.")
public record KeywordBotView(
        String workspaceId,
        @Schema(description = "Null before the first rule. The bot account (named \"Keyword bot\", a MEMBER of the workspace) its replies are posted as.") String posterId,
        @Schema(description = "Members a handover notifies; at most 20.", type = SchemaType.ARRAY, implementation = String.class) List<String> responderIds) {

    static KeywordBotView from(String workspaceId, KeywordBot bot) {
        return bot == null ? new KeywordBotView(workspaceId, null, List.of()) : new KeywordBotView(bot.workspaceId(), bot.posterId(), bot.responderIds().stream().sorted().toList());
    }
}
