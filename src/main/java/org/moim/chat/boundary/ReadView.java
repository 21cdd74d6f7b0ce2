package org.moim.chat.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.chat.control.ReadMarkers;

@Schema(name = "ChatReadState", description = "Where the caller stands in a channel.")
public record ReadView(String channelId, long sequence, long unread) {

    static ReadView from(ReadMarkers.ReadState state) {
        return new ReadView(state.channelId(), state.sequence(), state.unread());
    }
}
