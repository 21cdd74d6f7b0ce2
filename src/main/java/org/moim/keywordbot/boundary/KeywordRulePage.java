package org.moim.keywordbot.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.keywordbot.entity.KeywordRule;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "KeywordRulePage", description = "One page of the keyword bot's rules, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record KeywordRulePage(List<KeywordRuleView> items, String nextCursor) {

    static KeywordRulePage of(Page<KeywordRule> page) {
        return new KeywordRulePage(page.items().stream().map(KeywordRuleView::from).toList(), page.nextCursor());
    }
}
