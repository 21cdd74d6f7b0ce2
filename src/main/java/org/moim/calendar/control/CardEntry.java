package org.moim.calendar.control;

import java.time.Instant;

/** A card with a start or due date, as the calendar shows it. */
public record CardEntry(String id, String title, Instant startAt, Instant dueAt, String workspaceId, String boardId,
                        String boardName, Instant updatedAt) {

    /** Where the card begins on the calendar: its start, or its due date when it has no start. */
    public Instant start() {
        return startAt != null ? startAt : dueAt;
    }

    /** Where it ends: its due date, or its start when it has no due date. */
    public Instant end() {
        return dueAt != null ? dueAt : startAt;
    }

    /** The browser route of the card. */
    public String link() {
        return "#/w/" + workspaceId + "/boards/" + boardId + "?card=" + id;
    }
}
