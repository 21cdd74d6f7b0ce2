package org.moim.chat.entity;

/**
 * Which channel, and the real-time topic its frames travel on. Topics live under the workspace
 * ({@code ws:<workspace>:…}, board channels under the board) so that losing access to a
 * workspace or a board ends every subscription below it by prefix.
 */
public record ChannelRef(String id, String workspaceId, ChannelKind kind, String boardId) {

    public String topic() {
        return kind == ChannelKind.BOARD
                ? boardTopicPrefix(workspaceId, boardId) + "chat"
                : workspaceTopicPrefix(workspaceId) + "chat:" + id;
    }

    public static String workspaceTopicPrefix(String workspaceId) {
        return "ws:" + workspaceId + ":";
    }

    public static String boardTopicPrefix(String workspaceId, String boardId) {
        return workspaceTopicPrefix(workspaceId) + "board:" + boardId + ":";
    }
}
