package org.moim.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.MalformedMessage;

/**
 * The alert {@code job-failed-mail} v1: tell the owner of a dead job by mail. Payload
 * {@code {"jobId"}}; the job (its type, attempts, last error) and the owner's address are read
 * when the mail is sent.
 */
public record JobFailedMail(String jobId) {

    public static final String TYPE = "job-failed-mail";
    public static final int VERSION = 1;

    public JsonObject payload() {
        return Json.createObjectBuilder().add("jobId", jobId).build();
    }

    public static JobFailedMail from(Envelope envelope) {
        if (!TYPE.equals(envelope.type())) {
            throw new MalformedMessage("unknown alert type " + envelope.type());
        }
        if (envelope.version() != VERSION) {
            throw new MalformedMessage("unsupported " + TYPE + " version " + envelope.version());
        }
        JsonValue id = envelope.payload().get("jobId");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING || envelope.payload().getString("jobId").length() != 36) {
            throw new MalformedMessage(TYPE + " needs payload.jobId, a job id");
        }
        return new JobFailedMail(envelope.payload().getString("jobId"));
    }
}
