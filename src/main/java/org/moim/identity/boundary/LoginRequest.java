package org.moim.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest")
public class LoginRequest {
    @Schema(example = "jiwoo@example.com")
    @NotBlank @Size(max = 254)
    public String email;

    @Schema(example = "correct horse battery")
    @NotNull @Size(max = 1024)
    public String password;
}
