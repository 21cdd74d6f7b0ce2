package org.moim.billing.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.platform.persistence.Page;

@JsonbNillable
@Schema(name = "InvoiceListPage", description = "One page of invoices, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record InvoiceListPage(List<InvoiceView> items, String nextCursor) {

    static InvoiceListPage of(Page<InvoiceView> page) {
        return new InvoiceListPage(page.items(), page.nextCursor());
    }
}
