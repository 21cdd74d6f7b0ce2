package org.moim.billing.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "PaymentPage", description = "One page of payments, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record PaymentPage(List<PaymentView> items, String nextCursor) {

    static PaymentPage of(Page<PaymentView> page) {
        return new PaymentPage(page.items(), page.nextCursor());
    }
}
