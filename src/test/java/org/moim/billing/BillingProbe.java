package org.moim.billing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.moim.billing.control.Renewals;
import org.moim.platform.web.MoimApi;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only resource that {@code BillingIT} (and {@code CallsIT}) add to the deployed WAR: runs the renewal job's work
 * at any instant (the schedule runs it at the clock's), so a test can cross period ends and grace
 * periods without waiting a month; and puts a workspace on a new tiny plan (a row, as an operator
 * would add one), so a test reaches every limit with a few small things; and ages a chat message,
 * so a test sees the plan's history window without waiting for it.
 */
@Path("test-probe/billing")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
public class BillingProbe {

    @Inject
    Renewals renewals;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Operation(hidden = true)

    @POST
    @Path("renewals")
    public JsonObject renewals(@QueryParam("at") String at) {
        Renewals.Run run = renewals.run(Instant.parse(at));
        return Json.createObjectBuilder().add("lapsed", run.lapsed()).add("charged", run.charged()).build();
    }

    /** A new plan with these limits (others unlimited; an empty historyDays too), and the workspace on it. */
    @Operation(hidden = true)
    @POST
    @Path("tiny-plan")
    @Transactional
    public JsonObject tinyPlan(@QueryParam("workspace") String workspace, @QueryParam("members") long members,
                               @QueryParam("boards") long boards, @QueryParam("fileBytes") long fileBytes,
                               @QueryParam("storageBytes") long storageBytes,
                               @QueryParam("historyDays") @DefaultValue("30") String historyDays,
                               @QueryParam("integrations") @DefaultValue("0") long integrations,
                               @QueryParam("callParticipants") @DefaultValue("2") long callParticipants) {
        String code = "TINY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        em.createNativeQuery("""
                        INSERT INTO plan (code, name, plan_rank, max_members, max_boards, max_storage_bytes, max_file_bytes,
                                          max_call_participants, message_history_days, max_integrations)
                        VALUES (?, 'Tiny', 0, ?, ?, ?, ?, ?, %s, ?)""".formatted(historyDays.isBlank() ? "NULL" : Long.parseLong(historyDays)))
                .setParameter(1, code).setParameter(2, members).setParameter(3, boards).setParameter(4, storageBytes)
                .setParameter(5, fileBytes).setParameter(6, callParticipants).setParameter(7, integrations)
                .executeUpdate();
        int updated = em.createNativeQuery("UPDATE subscription SET plan_code = ? WHERE workspace_id = ?")
                .setParameter(1, code).setParameter(2, workspace).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("""
                            INSERT INTO subscription (id, workspace_id, plan_code, status, cancel_at_period_end, created_at,
                                                      updated_at, version)
                            VALUES (?, ?, ?, 'ACTIVE', FALSE, ?, ?, 0)""")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, workspace).setParameter(3, code)
                    .setParameter(4, java.sql.Timestamp.from(Instant.now())).setParameter(5, java.sql.Timestamp.from(Instant.now()))
                    .executeUpdate();
        }
        return Json.createObjectBuilder().add("plan", code).build();
    }

    /** Moves a chat message {@code days} into the past, as if the clock had run on since it was sent. */
    @Operation(hidden = true)
    @POST
    @Path("age-message")
    @Transactional
    public JsonObject ageMessage(@QueryParam("message") String message, @QueryParam("days") long days) {
        int updated = em.createNativeQuery("UPDATE chat_message SET created_at = ? WHERE id = ?")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(days))))
                .setParameter(2, message)
                .executeUpdate();
        return Json.createObjectBuilder().add("updated", updated).build();
    }
}
