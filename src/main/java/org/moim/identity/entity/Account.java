package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** A person who can sign in. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    /** When the owner proved they read mail at {@link #email}; null until then. */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** A workspace's bot: it signs in only with the tokens its workspace's admins make for it. */
    @Column(nullable = false)
    private boolean bot;

    @Column(name = "system_admin", nullable = false)
    private boolean systemAdmin;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Account() {
    }

    /**
     * A bot's account: no one knows its password (a hash of random bytes) nor its address (at
     * {@code .invalid}, a name that never receives mail), so only its tokens make it act.
     */
    public static Account bot(String displayName, String unusablePasswordHash, Instant now) {
        Account account = new Account("bot-" + UUID.randomUUID() + "@bots.moim.invalid", unusablePasswordHash, displayName,
                Language.EN, ZoneId.of("UTC"), now);
        account.bot = true;
        return account;
    }

    public Account(String email, String passwordHash, String displayName, Language language, ZoneId timeZone, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.displayName = Objects.requireNonNull(displayName);
        this.locale = language.tag();
        this.timeZone = timeZone.getId();
        this.createdAt = now;
        this.updatedAt = now;
        this.passwordChangedAt = now;
    }

    public void rename(String displayName, Instant now) {
        this.displayName = Objects.requireNonNull(displayName);
        this.updatedAt = now;
    }

    public void preferLanguage(Language language, Instant now) {
        this.locale = language.tag();
        this.updatedAt = now;
    }

    public void moveToTimeZone(ZoneId zone, Instant now) {
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    /** The owner opened a verification link sent to the current address. */
    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    /** Moves to an address whose verification link the owner just opened: verified at once. */
    public void moveToVerifiedEmail(String email, Instant now) {
        this.email = Objects.requireNonNull(email);
        this.emailVerifiedAt = now;
        this.updatedAt = now;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    /** Makes the account a system administrator of the instance. */
    public void grantAdministration(Instant now) {
        this.systemAdmin = true;
        this.updatedAt = now;
    }

    public void revokeAdministration(Instant now) {
        this.systemAdmin = false;
        this.updatedAt = now;
    }

    /** A leaver: no sign-in, no token, no socket until reactivated. */
    public void deactivate(Instant now) {
        this.deactivatedAt = now;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.deactivatedAt = null;
        this.updatedAt = now;
    }

    public boolean isSystemAdmin() {
        return systemAdmin;
    }

    public boolean isDeactivated() {
        return deactivatedAt != null;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Language language() {
        return Language.of(locale);
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public boolean isBot() {
        return bot;
    }

    /** The languages the product speaks. */
    public enum Language {
        EN("en"), KO("ko");

        private final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        public static Language of(String tag) {
            for (Language language : values()) {
                if (language.tag.equals(tag)) {
                    return language;
                }
            }
            throw new IllegalArgumentException("Unsupported language " + tag);
        }
    }
}
