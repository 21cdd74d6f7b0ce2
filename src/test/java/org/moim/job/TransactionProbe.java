package org.moim.job;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.notification.control.Alerts;
import org.moim.notification.control.TestMailAlert;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.web.MoimApi;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only resource that {@code JobsIT} adds to the deployed WAR: enqueues a job on a queue no
 * listener reads (or on the alerts queue, where it fails), commits or rolls back, and reads that
 * queue back; replays an alert's message.
 */
@Path("test-probe/jobs")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
public class TransactionProbe {

    static final String QUEUE = "moim.it.probe";

    @Inject
    Jobs jobs;

    @Inject
    JsonWebToken jwt;

    @Inject
    Alerts alerts;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Operation(hidden = true)

    @POST
    @Transactional
    public JsonObject enqueue(@QueryParam("rollback") boolean rollback, @QueryParam("alerts") boolean alerts) {
        // On the alerts queue a probe is an alert type nobody knows: every attempt fails, it ends DEAD.
        Job job = jobs.enqueue(alerts ? Alerts.QUEUE : QUEUE, "probe", 1, jwt.getSubject(), Json.createObjectBuilder().add("probe", true).build());
        if (rollback) {
            transaction.setRollbackOnly();
        }
        return Json.createObjectBuilder().add("jobId", job.id()).add("idempotencyKey", job.idempotencyKey()).build();
    }

    /** Hands the alerts handler a copy of a test-mail job's message, as a redelivery would. */
    @Operation(hidden = true)
    @POST
    @Path("redeliver")
    @Transactional
    public Response redeliver(@QueryParam("jobId") String jobId) {
        Job job = jobs.ofOwner(jwt.getSubject(), jobId);
        alerts.deliver(new Envelope(TestMailAlert.TYPE, TestMailAlert.VERSION, job.idempotencyKey(),
                new TestMailAlert(jwt.getSubject()).payload()));
        return Response.noContent().build();
    }

    /** The probe message with this key, waiting up to two seconds; 204 when there is none. */
    @Operation(hidden = true)
    @GET
    @Transactional
    public Response receive(@QueryParam("key") String key) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE), "JMSCorrelationID = '" + key.replace("'", "''") + "'");
            TextMessage message = (TextMessage) consumer.receive(2000);
            if (message == null) {
                return Response.noContent().build();
            }
            return Response.ok(Json.createObjectBuilder()
                    .add("body", message.getText())
                    .add("persistent", message.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT)
                    .build()).build();
        }
    }
}
