package org.moim.board.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.entity.Label;

@Schema(name = "Label", description = "A label of a board.")
public record LabelView(String id, @Schema(example = "bug") String name, @Schema(example = "#d73a4a") String colour, long version) {

    static LabelView from(Label label) {
        return new LabelView(label.id(), label.name(), label.colour(), label.version());
    }
}
