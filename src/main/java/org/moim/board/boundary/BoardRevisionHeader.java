package org.moim.board.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the client that made a board change which revisions its request gave the board
 * (docs/realtime-protocol.md, "Boards"): {@value #HEADER}{@code : <boardId>;from=42;to=43} on a
 * successful answer, one entry per board changed (comma-separated), {@code from} the revision of
 * its first change and {@code to} of its last. A tab that showed revision {@code from - 1} shows
 * {@code to} now, and so knows the {@code board-changed} frames of its own change are already
 * shown; every other tab reads the board again on those frames.
 */
@Provider
@ApplicationScoped
public class BoardRevisionHeader implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Moim-Board-Revision";

    @Inject
    BoardRevisionsGiven given;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            given.listen();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 300 && !"GET".equals(request.getMethod())) {
            given.header().ifPresent(value -> response.getHeaders().putSingle(HEADER, value));
        }
    }
}
