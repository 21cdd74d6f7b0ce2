package org.moim.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only resource {@code TokensIT} adds to the WAR: lets a token expire now, and reads what is stored. */
@Path("test-probe/tokens")
@RequestScoped
@PermitAll
public class TokenProbe {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Operation(hidden = true)

    @POST
    @Path("expire")
    @Transactional
    public Response expire(@QueryParam("id") String id) {
        em.createQuery("update PersonalAccessToken t set t.expiresAt = :past where t.id = :id")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("id", id)
                .executeUpdate();
        return Response.noContent().build();
    }

    /** The stored hash of the token: never its secret. */
    @Operation(hidden = true)
    @GET
    @Path("hash")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String hash(@QueryParam("id") String id) {
        return em.createNativeQuery("select token_hash from personal_access_token where id = ?1").setParameter(1, id)
                .getSingleResult().toString();
    }
}
