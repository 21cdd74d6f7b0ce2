package org.moim.notification.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TestMailAccepted", description = "The test mail is queued; follow its job at the Location.")
public record TestMailAccepted(
        @Schema(description = "Id of the job that sends the mail.") String jobId,
        @Schema(example = "QUEUED") String status) {
}
