package org.moim.keywordbot.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.keywordbot.entity.KeywordRule;

@JsonbNillable
@Schema(name = "KeywordRule", description = "A keyword bot rule. The ETag of one rule is its version, for If-Match.")
public record KeywordRuleView(
        String id,
        String workspaceId,
        @Schema(description = "Lower case, words joined by one space.", type = SchemaType.ARRAY, implementation = String.class) List<String> keywords,
        @Schema(description = "Lower case.", type = SchemaType.ARRAY, implementation = String.class) List<String> phrases,
        String reply,
        boolean handover,
        @Schema(description = "Empty: every workspace channel.", type = SchemaType.ARRAY, implementation = String.class) List<String> channelIds,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static KeywordRuleView from(KeywordRule r) {
        return new KeywordRuleView(r.id(), r.workspaceId(), r.keywords(), r.phrases(), r.reply(), r.handover(), r.channelIds(), r.createdBy(),
                r.createdAt(), r.updatedAt(), r.version());
    }
}
