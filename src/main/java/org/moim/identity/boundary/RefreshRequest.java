package org.moim.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefreshRequest")
public class RefreshRequest {
    @Schema(description = "The refresh token from the last sign-in or refresh.")
    @NotBlank @Size(max = 256)
    public String refreshToken;
}
