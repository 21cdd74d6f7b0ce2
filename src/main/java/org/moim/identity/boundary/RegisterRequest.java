package org.moim.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new account. Request bodies with constraints are classes with public fields, not records:
 * Payara's OpenAPI scanner fails on constraints that records copy onto constructor parameters.
 */
@Schema(name = "RegisterRequest", description = "A new account.")
public class RegisterRequest {
    @Schema(example = "jiwoo@example.com")
    @NotBlank @Email @Size(max = 254)
    public String email;

    @Schema(example = "correct horse battery", description = "10 to 128 characters, not the email address, not a common password.")
    @NotNull @Size(max = 1024)
    public String password;

    @Schema(example = "Kim Jiwoo", description = "1 to 100 characters.")
    @NotBlank @Size(max = 200)
    public String displayName;

    @Schema(example = "ko", enumeration = {"en", "ko"}, description = "Defaults to en.")
    @Size(max = 8)
    public String locale;

    @Schema(example = "Asia/Seoul", description = "An IANA time zone; defaults to UTC.")
    @Size(max = 64)
    public String timeZone;
}
