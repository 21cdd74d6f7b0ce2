package org.moim.billing.entity;

/** ACTIVE: paid up (or FREE). PAST_DUE: a renewal failed; the plan holds until the grace period ends. */
public enum SubscriptionStatus {
    ACTIVE, PAST_DUE
}
