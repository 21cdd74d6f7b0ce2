package org.moim.billing.boundary;

import org.moim.billing.entity.Invoice;

/** An invoice as a printable page, in English or Korean. */
final class InvoicePage {

    private InvoicePage() {
    }

    static String render(Invoice invoice, String lang) {
        boolean ko = "ko".equals(lang);
        String title = (ko ? "청구서 " : "Invoice ") + invoice.number();
        String status = switch (invoice.status()) {
            case PAID -> ko ? "결제 완료" : "Paid";
            case REFUNDED -> ko ? "환불됨" : "Refunded";
        };
        String period = Html.day(invoice.periodStart()) + " – " + Html.day(invoice.periodEnd());
        String body = """
                <h1>%s</h1>
                <table>
                <tr><th>%s</th><td>%s</td></tr>
                <tr><th>%s</th><td>%s</td></tr>
                <tr><th>%s</th><td>%s (%s)</td></tr>
                <tr><th>%s</th><td>%s</td></tr>
                <tr><th>%s</th><td>%s</td></tr>
                <tr><th>%s</th><td>%s</td></tr>
                </table>
                <p class="amount" data-testid="invoice-amount">%s</p>
                <p>%s</p>
                """.formatted(
                Html.escape(title),
                ko ? "워크스페이스" : "Workspace", Html.escape(invoice.workspaceName()),
                ko ? "발행일" : "Issued", Html.day(invoice.issuedAt()),
                ko ? "플랜" : "Plan", Html.escape(invoice.planName()), ko ? (invoice.period().name().equals("MONTHLY") ? "월간" : "연간")
                        : invoice.period().name().toLowerCase(java.util.Locale.ROOT),
                ko ? "기간" : "Period", period,
                ko ? "상태" : "Status", status,
                ko ? "결제 수단" : "Paid through", Html.escape(invoice.provider()),
                Html.escape(invoice.amount().display()),
                ko ? "Moim에서 발행한 청구서입니다. 인쇄하려면 브라우저의 인쇄 기능을 사용하세요."
                        : "Issued by Moim. Use your browser's print command to print or save it as PDF.");
        return Html.page(ko ? "ko" : "en", title, body);
    }
}
