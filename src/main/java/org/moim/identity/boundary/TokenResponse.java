package org.moim.identity.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.control.TokenPair;

@Schema(name = "TokenResponse", description = "An access token (a JWT for the Authorization header) and the refresh token that replaces it.")
public record TokenResponse(
        String accessToken,
        @Schema(description = "Opaque; usable once. Keep the new one returned by every refresh.") String refreshToken,
        @Schema(description = "Seconds until the access token expires.", example = "900") long expiresIn,
        @Schema(example = "Bearer") String tokenType) {

    static TokenResponse from(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), "Bearer");
    }
}
