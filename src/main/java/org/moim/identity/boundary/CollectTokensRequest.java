package org.moim.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-time code the single sign-on callback put in the app's address. */
public class CollectTokensRequest {
    @NotBlank
    @Size(max = 100)
    public String code;
}
