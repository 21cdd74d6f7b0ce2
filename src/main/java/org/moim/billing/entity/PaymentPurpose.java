package org.moim.billing.entity;

/** Why a payment exists: a checkout someone started, or the renewal job charging a saved card. */
public enum PaymentPurpose {
    UPGRADE, RENEWAL
}
