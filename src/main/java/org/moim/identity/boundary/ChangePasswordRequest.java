package org.moim.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangePasswordRequest")
public class ChangePasswordRequest {
    @Schema(description = "The password in use now.")
    @NotNull @Size(max = 1024)
    public String currentPassword;

    @Schema(description = "10 to 128 characters, not the email address, not a common password.")
    @NotNull @Size(max = 1024)
    public String newPassword;
}
