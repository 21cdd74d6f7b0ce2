package org.moim.billing.entity;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: integer minor units of an ISO 4217 currency (KRW has none, so 49000 is
 * ₩49,000; USD has cents, so 3900 is $39.00). Never a floating-point number.
 */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be three upper-case letters: " + currency);
        }
        if (minor < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }

    /** Reads a currency code in any case ({@code krw} as providers send it). */
    public static Money of(long minor, String currency) {
        return new Money(minor, currency == null ? "" : currency.toUpperCase(Locale.ROOT));
    }

    /** For people: {@code 49,000 KRW}, {@code 39.00 USD} (formatting only; nothing computes with it). */
    public String display() {
        int digits = fractionDigits();
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        return String.format(Locale.ROOT, "%,." + digits + "f %s", amount, currency);
    }

    private int fractionDigits() {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
