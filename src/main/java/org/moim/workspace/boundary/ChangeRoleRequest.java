package org.moim.workspace.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.workspace.entity.MemberRole;

@Schema(name = "ChangeRoleRequest")
public class ChangeRoleRequest {
    @NotNull
    public MemberRole role;
}
