package org.moim.billing.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.BillingPeriod;

@Schema(name = "StartCheckoutRequest", description = "The plan, period and currency to pay for.")
public class StartCheckoutRequest {
    @Schema(example = "PREMIUM")
    @NotNull @Size(max = 32)
    public String plan;

    @Schema(example = "MONTHLY")
    @NotNull
    public BillingPeriod period;

    @Schema(example = "KRW", description = "A currency the plan has a price in (KRW or USD).")
    @NotNull @Pattern(regexp = "[A-Za-z]{3}")
    public String currency;

    @Schema(example = "ko", description = "The checkout page's language (en or ko); default from Accept-Language.")
    @Pattern(regexp = "en|ko")
    public String locale;
}
