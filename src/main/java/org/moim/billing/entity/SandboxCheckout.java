package org.moim.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The sandbox provider's own record of a checkout (a page a person pays on) or an off-session
 * charge of a saved card: what a real provider keeps on its servers. Its id is the unguessable
 * secret in the checkout page's address.
 */
@Entity
@Table(name = "sandbox_checkout")
public class SandboxCheckout {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A checkout page, or a charge of a saved card (renewals). */
    public enum Kind {
        CHECKOUT, CHARGE
    }

    /** Where the sandbox payment stands. */
    public enum Status {
        OPEN, REQUIRES_ACTION, SUCCEEDED, FAILED, EXPIRED, REFUNDED;

        public boolean isFinal() {
            return this != OPEN && this != REQUIRES_ACTION;
        }
    }

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 36)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentPurpose purpose;

    @Column(nullable = false, length = 200)
    private String description;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Status status;

    @Column(nullable = false, length = 64)
    private String customer;

    @Column(name = "payment_method", length = 64)
    private String paymentMethod;

    @Column(name = "payment_ref", length = 64)
    private String paymentRef;

    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    @Column(name = "success_url", length = 2000)
    private String successUrl;

    @Column(name = "cancel_url", length = 2000)
    private String cancelUrl;

    @Column(name = "webhook_url", length = 2000)
    private String webhookUrl;

    @Column(length = 8)
    private String locale;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SandboxCheckout() {
    }

    public SandboxCheckout(Kind kind, String idempotencyKey, String reference, PaymentPurpose purpose, String description,
                           Money amount, String customer, String successUrl, String cancelUrl, String webhookUrl, String locale,
                           Instant now) {
        this.id = (kind == Kind.CHECKOUT ? "cs_sbx_" : "ch_sbx_") + token();
        this.kind = kind;
        this.idempotencyKey = idempotencyKey;
        this.reference = reference;
        this.purpose = purpose;
        this.description = description;
        this.amountMinor = amount.minor();
        this.currency = amount.currency();
        this.status = Status.OPEN;
        this.customer = customer == null ? "cus_sbx_" + token().substring(0, 24) : customer;
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.webhookUrl = webhookUrl;
        this.locale = locale;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A card was entered and the payment went through; the card is saved for renewals. */
    public void succeed(String last4, String savedMethod, Instant now) {
        status = Status.SUCCEEDED;
        cardLast4 = last4;
        if (savedMethod != null) {
            paymentMethod = savedMethod;
        }
        paymentRef = "pi_sbx_" + token().substring(0, 24);
        updatedAt = now;
    }

    public void requireAction(String last4, Instant now) {
        status = Status.REQUIRES_ACTION;
        cardLast4 = last4;
        updatedAt = now;
    }

    public void fail(String last4, Instant now) {
        status = Status.FAILED;
        cardLast4 = last4;
        updatedAt = now;
    }

    public void expire(Instant now) {
        status = Status.EXPIRED;
        updatedAt = now;
    }

    public void refund(Instant now) {
        status = Status.REFUNDED;
        updatedAt = now;
    }

    /** Where the sandbox sends this payment's webhooks (a charge inherits it from the checkout). */
    public void sendWebhooksTo(String url) {
        this.webhookUrl = url;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }

    public PaymentPurpose purpose() {
        return purpose;
    }

    public String description() {
        return description;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public Status status() {
        return status;
    }

    public String customer() {
        return customer;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String paymentRef() {
        return paymentRef;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public String successUrl() {
        return successUrl;
    }

    public String cancelUrl() {
        return cancelUrl;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String locale() {
        return locale;
    }
}
