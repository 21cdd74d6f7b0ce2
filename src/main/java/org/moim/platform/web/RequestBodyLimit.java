package org.moim.platform.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
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
 * Other media types stream and are limited where they are handled, and so are the bodies of
 * methods marked {@link StreamedBody} (file uploads, which may well be JSON files). The filter
 * runs once the method is matched (to see that mark) and before its body is read.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
@ApplicationScoped
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "moim.http.max-json-body", defaultValue = "1048576")
    int maxBytes;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type) || streamed() || !request.hasEntity()) {
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

    private boolean streamed() {
        return resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(StreamedBody.class);
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
