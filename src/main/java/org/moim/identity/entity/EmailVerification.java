package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One {@link SingleUseLink} proving that an account's owner reads mail at {@link #email}: the
 * account's own address (at sign-up) or a new one it asked to move to.
 */
@Entity
@Table(name = "email_verification")
public class EmailVerification extends SingleUseLink {

    @Column(nullable = false, length = 254)
    private String email;

    protected EmailVerification() {
    }

    public EmailVerification(String accountId, String email, Instant now, Instant expiresAt) {
        super(accountId, now, expiresAt);
        this.email = Objects.requireNonNull(email);
    }

    public String email() {
        return email;
    }
}
