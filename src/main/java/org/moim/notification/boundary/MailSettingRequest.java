package org.moim.notification.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationMailSettingRequest")
public class MailSettingRequest {
    @Schema(enumeration = {"OFF", "DIGEST", "IMMEDIATE"})
    @NotNull @Pattern(regexp = "OFF|DIGEST|IMMEDIATE", message = "must be OFF, DIGEST or IMMEDIATE")
    public String mode;
}
