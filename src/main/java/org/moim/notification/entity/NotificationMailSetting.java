package org.moim.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person's choice of notification mail; without a row, {@code moim.notifications.mail.default-mode} applies. */
@Entity
@Table(name = "notification_mail_setting")
public class NotificationMailSetting {

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MailMode mode;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected NotificationMailSetting() {
    }

    public NotificationMailSetting(String accountId, MailMode mode, Instant now) {
        this.accountId = Objects.requireNonNull(accountId);
        this.mode = Objects.requireNonNull(mode);
        this.updatedAt = now;
    }

    public void choose(MailMode mode, Instant now) {
        if (this.mode != Objects.requireNonNull(mode)) {
            this.mode = mode;
            this.updatedAt = now;
        }
    }

    public String accountId() {
        return accountId;
    }

    public MailMode mode() {
        return mode;
    }
}
