package org.moim.board.control;

/** Someone as boards show them: account id and display name. */
public record Person(String accountId, String displayName) {
}
