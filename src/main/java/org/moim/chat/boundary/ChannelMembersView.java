package org.moim.chat.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChannelMembers", description = "Who reads a workspace channel, in the order they joined.")
public record ChannelMembersView(String channelId, List<String> accountIds) {
}
