package org.moim.platform.problem;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Failures at commit, which the {@code @Transactional} interceptor wraps: a concurrent change
 * (optimistic lock) is a 409, anything else a 500. Jersey's own mapper for this type gives up
 * on causes it cannot map, so this one takes precedence.
 */
@Provider
@Priority(Priorities.USER - 100)
@ApplicationScoped
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Inject
    UnexpectedExceptionMapper unexpected;

    @Override
    public Response toResponse(TransactionalException e) {
        return unexpected.toResponse(e);
    }
}
