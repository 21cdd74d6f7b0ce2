package org.moim.billing.entity;

/** The provider reported another amount or currency than the payment ordered: never PAID. */
public class AmountMismatch extends RuntimeException {
    public AmountMismatch(Money ordered, Money reported) {
        super("ordered " + ordered.display() + " but the provider reported " + (reported == null ? "nothing" : reported.display()),
                null, false, false);
    }
}
