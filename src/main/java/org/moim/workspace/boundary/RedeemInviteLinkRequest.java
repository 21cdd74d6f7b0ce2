package org.moim.workspace.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedeemInviteLinkRequest")
public class RedeemInviteLinkRequest {
    @NotBlank @Size(max = 512)
    public String token;
}
