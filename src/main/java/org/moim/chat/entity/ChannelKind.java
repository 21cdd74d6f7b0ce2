package org.moim.chat.entity;

/** A direct conversation between a few people, or the group chat every board has. */
public enum ChannelKind {
    /** 1:1 or a small group ({@code Channel#MAX_DIRECT_MEMBERS}), within one workspace. */
    DIRECT,
    /** The chat of one board: whoever may read the board reads the channel. */
    BOARD
}
