/**
 * Billing: plans and their limits, subscriptions, payments through a provider, invoices and
 * receipts.
 *
 * <p>Invariants: a workspace without a subscription row is on FREE; every limit is decided by
 * {@link org.moim.billing.control.PlanLimits} (the one place features ask) and a refusal is a
 * {@code /problems/plan-limit}; no plan promises more than a server ceiling a feature declares
 * ({@link org.moim.billing.control.LimitCeiling}: people in one call); nothing is ever deleted because a plan lapsed, what is over a limit
 * becomes read-only. A payment moves only along CREATED → PENDING → PAID → REFUNDED, or from
 * CREATED/PENDING to FAILED or CANCELLED (the {@link org.moim.billing.entity.Payment} aggregate
 * refuses everything else); a workspace has at most one open payment (unique {@code open_for}); a
 * provider event id is applied at most once (unique {@code webhook_event}); a payment is PAID only
 * when the provider reports exactly the amount and currency ordered. Only OWNERs see and change
 * billing; every change is in {@code billing_event}.
 */
package org.moim.billing;
