package org.moim.platform.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * JSON request bodies are at most {@code moim.http.max-json-body} bytes (default 1 MiB): larger
 * ones get 413 before anything parses them, whether or not they declare a Content-Length.
 * Other media types (file uploads) stream and are limited where they are handled.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
@ApplicationScoped
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "moim.http.max-json-body", defaultValue = "1048576")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type) || !request.hasEntity()) {
            return;
        }
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        InputStream body = request.getEntityStream();
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.");
    }
}
