package org.moim.identity.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthMethods", description = "How this instance signs people in; the sign-in screen shows what is offered.")
public record AuthMethodsView(
        @Schema(description = "Whether email and password sign-in (and registration, reset, change) is on.") boolean password,
        @Schema(description = "The single sign-on provider, or null when none is configured.") Provider provider) {

    @Schema(name = "AuthProvider")
    public record Provider(
            @Schema(description = "Shown as \"Sign in with <label>\".", example = "Company SSO") String label,
            @Schema(description = "Where the browser goes to sign in (a page load, not an API call).") String startUrl,
            @Schema(description = "Where the browser goes after signing out of Moim to sign out at the provider too; null unless moim.oidc.logout-at-provider.") String endSessionUrl) {
    }
}
