package org.moim.workspace.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferOwnershipRequest", description = "The member who becomes owner; the caller becomes a manager.")
public class TransferOwnershipRequest {
    @NotBlank @Size(max = 36)
    public String accountId;
}
