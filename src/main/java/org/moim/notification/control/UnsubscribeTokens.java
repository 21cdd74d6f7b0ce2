package org.moim.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.SecretFiles;

/**
 * One-click unsubscribe tokens: {@code <accountId>.<base64url HMAC-SHA256 of "unsubscribe|accountId">},
 * keyed with {@code moim.notifications.mail.unsubscribe-secret} or, when that is not set, 32
 * random bytes generated once at {@code <data dir>/keys/unsubscribe-secret} (owner-only). They do
 * not expire (a mail may be opened months later) and only ever turn notification mail off. Every
 * node of a cluster needs the same secret.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Logger LOG = Logger.getLogger(UnsubscribeTokens.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE_LENGTH = 43;

    @Inject
    @ConfigProperty(name = "moim.notifications.mail.unsubscribe-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "moim.data.dir", defaultValue = "./data")
    String dataDir;

    private byte[] secret;

    public UnsubscribeTokens() {
    }

    /** For tests: a fixed secret. */
    UnsubscribeTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    @PostConstruct
    void loadSecret() {
        if (configuredSecret != null && configuredSecret.isPresent() && !configuredSecret.get().isBlank()) {
            secret = configuredSecret.get().getBytes(StandardCharsets.UTF_8);
            return;
        }
        Path file = Path.of(dataDir, "keys", "unsubscribe-secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                SecretFiles.writeOwnerOnly(file, Base64.getEncoder().encodeToString(random));
                LOG.warning("No unsubscribe secret is configured: generated one at " + file.toAbsolutePath()
                        + ". Set MOIM_NOTIFICATIONS_MAIL_UNSUBSCRIBE_SECRET (the same on every node) in production.");
            }
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the unsubscribe secret", e);
        }
    }

    public String issue(String accountId) {
        return accountId + "." + sign(accountId);
    }

    /** The account a token is for; {@link UnsubscribeLinkRefused} when it is cut short or not one Moim signed. */
    public String accountOf(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
        if (parts.length != 2 || parts[0].length() != 36 || parts[1].length() != SIGNATURE_LENGTH) {
            throw UnsubscribeLinkRefused.incomplete();
        }
        byte[] expected = sign(parts[0]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
            throw UnsubscribeLinkRefused.invalid();
        }
        return parts[0];
    }

    private String sign(String accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("unsubscribe|" + accountId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
