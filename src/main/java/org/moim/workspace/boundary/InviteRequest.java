package org.moim.workspace.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "InviteRequest", description = "Invite an email address with a role (not OWNER).")
public class InviteRequest {
    @Schema(example = "minjun@example.com")
    @NotBlank @Email @Size(max = 254)
    public String email;

    @Schema(enumeration = {"MANAGER", "MEMBER", "GUEST"})
    @NotNull
    public MemberRole role;
}
