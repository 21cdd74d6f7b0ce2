package org.moim.identity.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UpdateProfileRequest", description = "Only the fields present are changed.")
public class UpdateProfileRequest {
    @Schema(example = "Kim Jiwoo", description = "1 to 100 characters.")
    @Size(max = 200)
    public String displayName;

    @Schema(enumeration = {"en", "ko"})
    @Size(max = 8)
    public String locale;

    @Schema(example = "Asia/Seoul")
    @Size(max = 64)
    public String timeZone;
}
