package org.moim.billing.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.control.PlanTerms;
import org.moim.billing.entity.Limit;
import org.moim.billing.entity.PlanPrice;

@Schema(name = "Plan", description = "A plan with its limits (null: unlimited) and prices.")
public record PlanView(
        @Schema(example = "PREMIUM") String code,
        @Schema(example = "Premium") String name,
        int rank,
        @Schema(description = "Limit name → maximum; null means unlimited.") Map<String, Long> limits,
        List<PriceView> prices) {

    @Schema(name = "Price", description = "What the plan costs per period, in minor units of the currency (KRW has none, USD has cents).")
    public record PriceView(@Schema(example = "MONTHLY") String period, @Schema(example = "KRW") String currency,
                            @Schema(example = "49000") long amount, @Schema(example = "49,000 KRW") String display) {
    }

    static PlanView from(PlanTerms plan, List<PlanPrice> prices) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (Limit limit : Limit.values()) {
            limits.put(limit.name(), plan.max(limit));
        }
        return new PlanView(plan.code(), plan.name(), plan.rank(), limits, prices.stream()
                .filter(p -> p.planCode().equals(plan.code()))
                .map(p -> new PriceView(p.period().name(), p.amount().currency(), p.amount().minor(), p.amount().display()))
                .toList());
    }
}
