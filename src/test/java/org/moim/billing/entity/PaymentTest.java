package org.moim.billing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.moim.billing.entity.PaymentStatus.CANCELLED;
import static org.moim.billing.entity.PaymentStatus.CREATED;
import static org.moim.billing.entity.PaymentStatus.FAILED;
import static org.moim.billing.entity.PaymentStatus.PAID;
import static org.moim.billing.entity.PaymentStatus.PENDING;
import static org.moim.billing.entity.PaymentStatus.REFUNDED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money PRICE = new Money(49000, "KRW");

    /** The state machine written out once more: every move there is. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> LEGAL = Map.of(
            CREATED, EnumSet.of(PENDING, FAILED, CANCELLED),
            PENDING, EnumSet.of(PAID, FAILED, CANCELLED),
            PAID, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            CANCELLED, EnumSet.noneOf(PaymentStatus.class));

    private static Payment payment() {
        return new Payment("ws-1", PaymentPurpose.UPGRADE, "PREMIUM", BillingPeriod.MONTHLY, PRICE, "sandbox", "acc-1", NOW);
    }

    /** A payment brought to {@code status} along legal moves. */
    private static Payment in(PaymentStatus status) {
        Payment payment = payment();
        switch (status) {
            case CREATED -> {
            }
            case PENDING -> payment.open("cs_1", "https://pay.example/cs_1", NOW);
            case PAID -> {
                payment.open("cs_1", null, NOW);
                payment.pay(PRICE, "pi_1", NOW);
            }
            case REFUNDED -> {
                payment.open("cs_1", null, NOW);
                payment.pay(PRICE, "pi_1", NOW);
                payment.refund(NOW);
            }
            case FAILED -> payment.fail("declined", NOW);
            case CANCELLED -> payment.cancel(NOW);
        }
        assertThat(payment.status()).isEqualTo(status);
        return payment;
    }

    /** Tries the one method that leads to {@code target}. */
    private static void moveTo(Payment payment, PaymentStatus target) {
        switch (target) {
            case PENDING -> payment.open("cs_2", null, NOW);
            case PAID -> payment.pay(PRICE, "pi_2", NOW);
            case FAILED -> payment.fail("declined", NOW);
            case CANCELLED -> payment.cancel(NOW);
            case REFUNDED -> payment.refund(NOW);
            case CREATED -> throw new IllegalPaymentTransition(payment.status(), CREATED);
        }
    }

    @Test
    void theEnumAllowsExactlyTheDocumentedMoves() {
        for (PaymentStatus from : PaymentStatus.values()) {
            assertThat(from.successors()).as("from %s", from).isEqualTo(LEGAL.get(from));
        }
    }

    @Test
    void everyLegalMoveSucceedsAndEveryIllegalOneIsRefusedAndChangesNothing() {
        int legal = 0;
        int illegal = 0;
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                Payment payment = in(from);
                if (LEGAL.get(from).contains(to)) {
                    moveTo(payment, to);
                    assertThat(payment.status()).as("%s -> %s", from, to).isEqualTo(to);
                    legal++;
                } else {
                    assertThatThrownBy(() -> moveTo(payment, to)).as("%s -> %s", from, to)
                            .isInstanceOf(IllegalPaymentTransition.class)
                            .hasMessageContaining(from.name()).hasMessageContaining(to.name());
                    assertThat(payment.status()).as("%s -> %s leaves it", from, to).isEqualTo(from);
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(7);
        assertThat(illegal).isEqualTo(29);
    }

    @Test
    void anOpenPaymentHoldsItsWorkspacesOpenSlotAndAClosedOneReleasesIt() {
        for (PaymentStatus status : List.of(CREATED, PENDING)) {
            assertThat(in(status).isOpen()).isTrue();
        }
        for (PaymentStatus status : List.of(PAID, REFUNDED, FAILED, CANCELLED)) {
            assertThat(in(status).isOpen()).isFalse();
        }
    }

    @Test
    void anotherAmountOrCurrencyIsNeverPaid() {
        for (Money reported : new Money[] {new Money(48999, "KRW"), new Money(49001, "KRW"), new Money(49000, "USD"), null}) {
            Payment payment = in(PENDING);
            assertThatThrownBy(() -> payment.pay(reported, "pi_x", NOW)).isInstanceOf(AmountMismatch.class);
            assertThat(payment.status()).isEqualTo(PENDING);
            assertThat(payment.paidAt()).isNull();
        }
    }

    @Test
    void payingRecordsTheProvidersPaymentAndTheTime() {
        Payment payment = in(PENDING);
        Instant later = NOW.plusSeconds(30);
        payment.pay(Money.of(49000, "krw"), "pi_9", later);
        assertThat(payment.providerPaymentRef()).isEqualTo("pi_9");
        assertThat(payment.paidAt()).isEqualTo(later);
        assertThat(payment.providerRef()).isEqualTo("cs_1");
    }

    @Test
    void aFailureReasonIsKeptOnOneShortLine() {
        Payment payment = in(PENDING);
        payment.fail("card\n  declined " + "x".repeat(600), NOW);
        assertThat(payment.failureReason()).startsWith("card declined").hasSize(500).doesNotContain("\n");
    }
}
