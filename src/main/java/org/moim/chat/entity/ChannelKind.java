package org.moim.chat.entity;

/** A direct conversation between a few people, the group chat every board has, or a named channel of the workspace. */
public enum ChannelKind {
    /** 1:1 or a small group ({@code Channel#MAX_DIRECT_MEMBERS}), within one workspace. */
    DIRECT,
    /** The chat of one board: whoever may read the board reads the channel. */
    BOARD,
    /**
     * A named channel of the workspace: public (any owner, manager or member finds and joins it)
     * or private (its members invite others); the general channel is one of them.
     */
    WORKSPACE
}
