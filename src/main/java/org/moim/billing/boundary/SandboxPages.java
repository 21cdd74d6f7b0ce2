package org.moim.billing.boundary;

import java.util.Map;
import org.moim.billing.entity.SandboxCheckout;

/** The sandbox checkout's pages, in English and Korean. No scripts: plain forms that post back. */
final class SandboxPages {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Sandbox checkout"),
            Map.entry("banner", "Sandbox: no real money moves. Use a test card: 4242 4242 4242 4242 succeeds, "
                    + "4000 0000 0000 0002 is declined, 4000 0025 0000 3155 asks for a second step, "
                    + "4000 0000 0000 0341 succeeds now but its renewals fail."),
            Map.entry("card", "Card number"),
            Map.entry("expiry", "Expiry (MM/YY)"),
            Map.entry("cvc", "CVC"),
            Map.entry("name", "Name on card"),
            Map.entry("pay", "Pay"),
            Map.entry("back", "Cancel and go back"),
            Map.entry("invalid", "This is not a sandbox test card. Use one of the numbers above."),
            Map.entry("declined", "Your card was declined. No money was taken."),
            Map.entry("declinedTitle", "Payment declined"),
            Map.entry("return", "Back to Moim"),
            Map.entry("actionTitle", "Confirm this payment"),
            Map.entry("action", "Your bank asks you to confirm this payment (a 3-D Secure-like step)."),
            Map.entry("complete", "Complete authentication"),
            Map.entry("fail", "Fail authentication"),
            Map.entry("closedTitle", "This checkout is closed"),
            Map.entry("closed", "This checkout was paid, declined or cancelled already."),
            Map.entry("other", "한국어"));

    private static final Map<String, String> KO = Map.ofEntries(
            Map.entry("title", "샌드박스 결제"),
            Map.entry("banner", "샌드박스: 실제 돈은 움직이지 않습니다. 테스트 카드를 쓰세요: 4242 4242 4242 4242는 성공, "
                    + "4000 0000 0000 0002는 거절, 4000 0025 0000 3155는 추가 인증 요청, "
                    + "4000 0000 0000 0341은 지금은 성공하지만 갱신 결제가 실패합니다."),
            Map.entry("card", "카드 번호"),
            Map.entry("expiry", "유효기간 (MM/YY)"),
            Map.entry("cvc", "CVC"),
            Map.entry("name", "카드 소유자 이름"),
            Map.entry("pay", "결제"),
            Map.entry("back", "취소하고 돌아가기"),
            Map.entry("invalid", "샌드박스 테스트 카드가 아닙니다. 위의 번호 중 하나를 쓰세요."),
            Map.entry("declined", "카드가 거절되었습니다. 결제된 금액은 없습니다."),
            Map.entry("declinedTitle", "결제 거절"),
            Map.entry("return", "Moim으로 돌아가기"),
            Map.entry("actionTitle", "결제 확인"),
            Map.entry("action", "카드사에서 이 결제를 확인해 달라고 요청합니다 (3-D Secure와 같은 단계)."),
            Map.entry("complete", "인증 완료"),
            Map.entry("fail", "인증 실패"),
            Map.entry("closedTitle", "종료된 결제입니다"),
            Map.entry("closed", "이 결제는 이미 완료, 거절 또는 취소되었습니다."),
            Map.entry("other", "English"));

    private SandboxPages() {
    }

    private static Map<String, String> t(String lang) {
        return "ko".equals(lang) ? KO : EN;
    }

    private static String other(String lang) {
        return "ko".equals(lang) ? "en" : "ko";
    }

    static String form(SandboxCheckout checkout, String action, String lang, String error) {
        Map<String, String> t = t(lang);
        String body = """
                <a class="lang noprint" href="%1$s?lang=%2$s">%3$s</a>
                <h1>%4$s</h1>
                <p class="banner">%5$s</p>
                <p>%6$s</p>
                <p class="amount" data-testid="amount">%7$s</p>
                %8$s
                <form method="post" action="%1$s">
                <input type="hidden" name="lang" value="%9$s">
                <label for="card">%10$s</label>
                <input id="card" name="card" data-testid="card-number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
                <div class="row">
                <div><label for="expiry">%11$s</label><input id="expiry" name="expiry" data-testid="card-expiry" placeholder="12/34" autocomplete="cc-exp"></div>
                <div><label for="cvc">%12$s</label><input id="cvc" name="cvc" data-testid="card-cvc" placeholder="123" autocomplete="cc-csc"></div>
                </div>
                <label for="name">%13$s</label>
                <input id="name" name="name" autocomplete="cc-name">
                <button type="submit" data-testid="pay">%14$s</button>
                </form>
                <form method="post" action="%1$s/cancel">
                <input type="hidden" name="lang" value="%9$s">
                <button type="submit" class="secondary" data-testid="cancel">%15$s</button>
                </form>
                """.formatted(Html.escape(action), other(lang), t.get("other"), t.get("title"), t.get("banner"),
                Html.escape(checkout.description()), Html.escape(checkout.amount().display()),
                error == null ? "" : "<p class=\"error\" role=\"alert\" data-testid=\"error\">" + Html.escape(error) + "</p>",
                lang, t.get("card"), t.get("expiry"), t.get("cvc"), t.get("name"), t.get("pay"), t.get("back"));
        return Html.page(lang, t.get("title"), body);
    }

    static String invalidCard(SandboxCheckout checkout, String action, String lang) {
        return form(checkout, action, lang, t(lang).get("invalid"));
    }

    static String requiresAction(SandboxCheckout checkout, String action, String lang) {
        Map<String, String> t = t(lang);
        String body = """
                <h1>%1$s</h1>
                <p class="banner">%2$s</p>
                <p class="amount">%3$s</p>
                <form method="post" action="%4$s/authenticate">
                <input type="hidden" name="lang" value="%5$s">
                <button type="submit" name="outcome" value="complete" data-testid="complete">%6$s</button>
                <button type="submit" name="outcome" value="fail" class="secondary" data-testid="fail">%7$s</button>
                </form>
                """.formatted(t.get("actionTitle"), t.get("action"), Html.escape(checkout.amount().display()), Html.escape(action), lang,
                t.get("complete"), t.get("fail"));
        return Html.page(lang, t.get("actionTitle"), body);
    }

    static String declined(SandboxCheckout checkout, String lang) {
        Map<String, String> t = t(lang);
        String body = """
                <h1>%1$s</h1>
                <p class="error" role="alert" data-testid="declined">%2$s</p>
                <p><a href="%3$s">%4$s</a></p>
                """.formatted(t.get("declinedTitle"), t.get("declined"), Html.escape(checkout.cancelUrl()), t.get("return"));
        return Html.page(lang, t.get("declinedTitle"), body);
    }

    static String closed(SandboxCheckout checkout, String lang) {
        Map<String, String> t = t(lang);
        String body = """
                <h1>%1$s</h1>
                <p data-testid="closed">%2$s</p>
                <p><a href="%3$s">%4$s</a></p>
                """.formatted(t.get("closedTitle"), t.get("closed"), Html.escape(checkout.successUrl()), t.get("return"));
        return Html.page(lang, t.get("closedTitle"), body);
    }
}
