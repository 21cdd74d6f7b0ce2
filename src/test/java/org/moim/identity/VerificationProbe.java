package org.moim.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only resource {@code EmailVerificationIT} adds to the WAR: lets an account's verification links expire now. */
@Path("test-probe/email-verifications")
@RequestScoped
@PermitAll
public class VerificationProbe {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Operation(hidden = true)

    @POST
    @Path("expire")
    @Transactional
    public Response expire(@QueryParam("accountId") String accountId) {
        em.createQuery("update EmailVerification v set v.expiresAt = :past where v.accountId = :account")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("account", accountId)
                .executeUpdate();
        return Response.noContent().build();
    }
}
