package org.moim.billing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-01-31T09:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);
    private static final Money PRICE = new Money(49000, "KRW");

    private static Payment paid(PaymentPurpose purpose, BillingPeriod period, Instant at) {
        Payment payment = new Payment("ws", purpose, "PREMIUM", period, PRICE, "sandbox", null, at);
        payment.open("cs", null, at);
        payment.pay(PRICE, "pi", at);
        return payment;
    }

    private static Subscription premium() {
        Subscription subscription = new Subscription("ws", T0);
        subscription.activate(paid(PaymentPurpose.UPGRADE, BillingPeriod.MONTHLY, T0), "cus", "pm", T0);
        return subscription;
    }

    @Test
    void withoutAPaymentAWorkspaceIsFree() {
        Subscription subscription = new Subscription("ws", T0);
        assertThat(subscription.planAt(T0)).isEqualTo(Plan.FREE);
        assertThat(subscription.renewalDue(T0.plus(Duration.ofDays(400)))).isFalse();
        assertThatThrownBy(() -> subscription.cancelAtPeriodEnd(T0)).isInstanceOf(NotSubscribed.class);
        assertThatThrownBy(() -> subscription.resume(T0)).isInstanceOf(NotSubscribed.class);
    }

    @Test
    void anUpgradeStartsAPeriodOfCalendarMonthsInUtc() {
        Subscription subscription = premium();
        assertThat(subscription.planAt(T0)).isEqualTo("PREMIUM");
        assertThat(subscription.periodStart()).isEqualTo(T0);
        assertThat(subscription.periodEnd()).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
        assertThat(subscription.price()).isEqualTo(PRICE);
        assertThat(subscription.providerPaymentMethod()).isEqualTo("pm");
        Subscription yearly = new Subscription("ws", T0);
        yearly.activate(paid(PaymentPurpose.UPGRADE, BillingPeriod.YEARLY, T0), null, null, T0);
        assertThat(yearly.periodEnd()).isEqualTo(Instant.parse("2027-01-31T09:00:00Z"));
    }

    @Test
    void aRenewalContinuesWhereThePeriodEndedEvenWhenPaidLate() {
        Subscription subscription = premium();
        Instant end = subscription.periodEnd();
        assertThat(subscription.renewalDue(end.minusSeconds(1))).isFalse();
        assertThat(subscription.renewalDue(end)).isTrue();
        Instant late = end.plus(Duration.ofDays(3));
        subscription.renewalFailed(GRACE, end);
        subscription.activate(paid(PaymentPurpose.RENEWAL, BillingPeriod.MONTHLY, late), null, null, late);
        assertThat(subscription.periodStart()).isEqualTo(end);
        assertThat(subscription.periodEnd()).isEqualTo(BillingPeriod.MONTHLY.after(end));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.graceUntil()).isNull();
        assertThat(subscription.providerPaymentMethod()).as("kept").isEqualTo("pm");
    }

    @Test
    void cancellingKeepsThePlanUntilThePeriodEndsAndResumingTakesItBack() {
        Subscription subscription = premium();
        Instant end = subscription.periodEnd();
        subscription.cancelAtPeriodEnd(T0.plusSeconds(60));
        assertThat(subscription.renewalDue(end)).isFalse();
        assertThat(subscription.planAt(end.minusSeconds(1))).isEqualTo("PREMIUM");
        assertThat(subscription.planAt(end)).isEqualTo(Plan.FREE);
        subscription.resume(T0.plusSeconds(120));
        assertThat(subscription.cancelAtPeriodEnd()).isFalse();
        assertThat(subscription.lapseDue(end)).isFalse();
        subscription.cancelAtPeriodEnd(T0.plusSeconds(180));
        assertThat(subscription.lapseDue(end)).isTrue();
        assertThatThrownBy(() -> subscription.resume(end)).as("too late").isInstanceOf(NotSubscribed.class);
        subscription.lapse(end);
        assertThat(subscription.planAt(end)).isEqualTo(Plan.FREE);
        assertThat(subscription.isPaid()).isFalse();
        assertThat(subscription.providerCustomer()).as("remembered for a later upgrade").isEqualTo("cus");
    }

    @Test
    void aFailedRenewalKeepsThePlanForTheGracePeriodThenItLapses() {
        Subscription subscription = premium();
        Instant end = subscription.periodEnd();
        subscription.renewalFailed(GRACE, end.plusSeconds(5));
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(subscription.graceUntil()).isEqualTo(end.plusSeconds(5).plus(GRACE));
        assertThat(subscription.renewalDue(end.plus(Duration.ofDays(1)))).as("no second charge while past due").isFalse();
        assertThat(subscription.planAt(subscription.graceUntil().minusSeconds(1))).isEqualTo("PREMIUM");
        assertThat(subscription.lapseDue(subscription.graceUntil())).isTrue();
        assertThat(subscription.planAt(subscription.graceUntil())).isEqualTo(Plan.FREE);
        Instant grace = subscription.graceUntil();
        subscription.renewalFailed(GRACE, grace);
        assertThat(subscription.graceUntil()).as("a second failure does not extend it").isEqualTo(grace);
    }

    @Test
    void aGracePeriodStartsAtThePeriodEndWhenTheRenewalFailsEarly() {
        Subscription subscription = premium();
        subscription.renewalFailed(GRACE, T0);
        assertThat(subscription.graceUntil()).isEqualTo(subscription.periodEnd().plus(GRACE));
    }

    @Test
    void refundingThePaymentOfTheRunningPeriodEndsThePlanAndAnOlderOneDoesNot() {
        Subscription subscription = premium();
        Payment older = paid(PaymentPurpose.UPGRADE, BillingPeriod.MONTHLY, T0.minus(Duration.ofDays(40)));
        assertThat(subscription.refunded(older, T0)).isFalse();
        assertThat(subscription.planAt(T0)).isEqualTo("PREMIUM");
        Payment current = paid(PaymentPurpose.UPGRADE, BillingPeriod.MONTHLY, T0);
        subscription.activate(current, null, null, T0);
        assertThat(subscription.refunded(current, T0)).isTrue();
        assertThat(subscription.planAt(T0)).isEqualTo(Plan.FREE);
    }

    @Test
    void onlyAPaidPaymentActivates() {
        Subscription subscription = new Subscription("ws", T0);
        Payment open = new Payment("ws", PaymentPurpose.UPGRADE, "PREMIUM", BillingPeriod.MONTHLY, PRICE, "sandbox", null, T0);
        assertThatThrownBy(() -> subscription.activate(open, null, null, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(subscription.isPaid()).isFalse();
    }
}
