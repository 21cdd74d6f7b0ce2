package org.moim.command.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.command.control.Commands;

@JsonbNillable
@Schema(name = "CommandPage", description = "One page of the workspace's commands, oldest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record CommandPage(List<CommandView> items, String nextCursor) {

    static CommandPage of(Commands.Listed listed) {
        return new CommandPage(listed.page().items().stream().map(c -> CommandView.from(c, listed.seesUrls())).toList(),
                listed.page().nextCursor());
    }
}
