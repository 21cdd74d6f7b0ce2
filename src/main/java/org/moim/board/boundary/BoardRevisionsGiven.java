package org.moim.board.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.moim.board.entity.BoardChanged;

/** The board revisions one request's changes gave ({@link BoardRevisionHeader}). */
@RequestScoped
public class BoardRevisionsGiven {

    /** By board: its first and last revision given in this request. */
    private final Map<String, long[]> given = new LinkedHashMap<>();

    /**
     * Makes this request's instance, which the observer needs (IF_EXISTS: a change made outside
     * a request, by a job or a listener, has no answer to tell it in).
     */
    void listen() {
        // Calling it through the proxy is what creates the instance.
    }

    void changed(@Observes(notifyObserver = Reception.IF_EXISTS) BoardChanged change) {
        given.merge(change.boardId(), new long[] {change.revision(), change.revision()},
                (known, next) -> new long[] {Math.min(known[0], next[0]), Math.max(known[1], next[1])});
    }

    Optional<String> header() {
        return given.isEmpty() ? Optional.empty() : Optional.of(given.entrySet().stream()
                .map(e -> e.getKey() + ";from=" + e.getValue()[0] + ";to=" + e.getValue()[1])
                .collect(Collectors.joining(", ")));
    }
}
