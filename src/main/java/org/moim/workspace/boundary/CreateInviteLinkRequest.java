package org.moim.workspace.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "CreateInviteLinkRequest")
public class CreateInviteLinkRequest {
    @Schema(enumeration = {"MANAGER", "MEMBER", "GUEST"})
    @NotNull
    public MemberRole role;

    @Schema(description = "1 to 30; defaults to 7.")
    @Min(1) @Max(30)
    public Integer expiresInDays;

    @Schema(description = "Absent: unlimited.")
    @Min(1) @Max(100000)
    public Integer maxUses;
}
