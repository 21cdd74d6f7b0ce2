package org.moim.board.boundary;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Responses with the version of what they carry as their ETag. */
final class Views {

    private Views() {
    }

    static Response tagged(Response.ResponseBuilder response, Object view, long version) {
        return response.entity(view).tag(new EntityTag(String.valueOf(version))).build();
    }
}
