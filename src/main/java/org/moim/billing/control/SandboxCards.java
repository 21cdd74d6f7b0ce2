package org.moim.billing.control;

/**
 * The sandbox's test cards (Stripe's numbers, so people recognise them). Any expiry in the
 * future and any CVC do; the number decides what happens.
 */
public enum SandboxCards {
    /** 4242 4242 4242 4242: succeeds, and so do renewals charged to it. */
    SUCCEEDS,
    /** 4000 0000 0000 0002: declined. */
    DECLINED,
    /** 4000 0025 0000 3155: needs a second step (a 3-D Secure-like confirmation page). */
    REQUIRES_ACTION,
    /** 4000 0000 0000 0341: the checkout succeeds, every later renewal charged to it is declined. */
    RENEWALS_FAIL,
    /** Anything else: not a test card. */
    UNKNOWN;

    public static SandboxCards of(String number) {
        String digits = digits(number);
        return switch (digits) {
            case "4242424242424242" -> SUCCEEDS;
            case "4000000000000002" -> DECLINED;
            case "4000002500003155" -> REQUIRES_ACTION;
            case "4000000000000341" -> RENEWALS_FAIL;
            default -> UNKNOWN;
        };
    }

    /** A saved card's behaviour, read from the payment method id {@code pm_sbx_<last4>_…}. */
    public static boolean renewalsSucceed(String paymentMethod) {
        return paymentMethod != null && paymentMethod.startsWith("pm_sbx_") && !paymentMethod.startsWith("pm_sbx_0341_");
    }

    public static String digits(String number) {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    public static String last4(String number) {
        String digits = digits(number);
        return digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
    }
}
