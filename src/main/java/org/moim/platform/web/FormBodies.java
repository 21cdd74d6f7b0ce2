package org.moim.platform.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * An operation that reads form fields gets a form body, or a 415 problem. Without a
 * {@code Content-Type} a request matches every operation, and reading {@link FormParam}s from a
 * body that is not a form then failed inside the container with a 500 (seen on the sandbox
 * checkout's form, with no body at all).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
@ApplicationScoped
public class FormBodies implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !readsForm(method)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type) || type.isWildcardType()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This operation takes a form: Content-Type application/x-www-form-urlencoded.");
        }
    }

    private static boolean readsForm(Method method) {
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation annotation : parameter) {
                if (annotation instanceof FormParam) {
                    return true;
                }
            }
        }
        return false;
    }
}
