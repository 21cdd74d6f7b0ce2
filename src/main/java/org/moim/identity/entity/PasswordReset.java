package org.moim.identity.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One request to reset an account's password: a {@link SingleUseLink} mailed to the account's address. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends SingleUseLink {

    protected PasswordReset() {
    }

    public PasswordReset(String accountId, Instant now, Instant expiresAt) {
        super(accountId, now, expiresAt);
    }
}
