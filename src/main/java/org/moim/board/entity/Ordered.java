package org.moim.board.entity;

/** Something with a place among its siblings: lists on a board, cards in a list. */
public interface Ordered {

    String id();

    String sortKey();

    /** A new key that keeps the order (rebalancing), or a temporary one while rebalancing. */
    void rekey(String sortKey);
}
