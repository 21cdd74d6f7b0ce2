package org.moim.workspace.control;

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
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.SecretFiles;
import org.moim.workspace.entity.MemberRole;

/**
 * Invite link tokens: {@code <linkId>.<expiresEpochSeconds>.<base64url HMAC-SHA256>} over
 * {@code linkId|workspaceId|role|expires}, keyed with {@code moim.invite-links.secret} or, when
 * that is not set, 32 random bytes generated once at {@code <data dir>/keys/invite-link-secret}
 * (owner-only). Every node of a cluster needs the same secret.
 */
@ApplicationScoped
public class InviteLinkTokens {

    private static final Logger LOG = Logger.getLogger(InviteLinkTokens.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "moim.invite-links.secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "moim.data.dir", defaultValue = "./data")
    String dataDir;

    private byte[] secret;

    /** A token as read, before its signature is checked against the link it names. */
    public record Claim(String linkId, Instant expires, String signature) {
    }

    public InviteLinkTokens() {
    }

    /** For tests: a fixed secret. */
    InviteLinkTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    @PostConstruct
    void loadSecret() {
        if (configuredSecret != null && configuredSecret.isPresent() && !configuredSecret.get().isBlank()) {
            secret = configuredSecret.get().getBytes(StandardCharsets.UTF_8);
            return;
        }
        Path file = Path.of(dataDir, "keys", "invite-link-secret");
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the invite link secret", e);
        }
    }

    public String issue(String linkId, String workspaceId, MemberRole role, Instant expires) {
        long epoch = expires.getEpochSecond();
        return linkId + "." + epoch + "." + sign(linkId, workspaceId, role, epoch);
    }

    /** Splits a token; {@link InvalidInviteLink} if it is not even shaped like one. */
    public Claim read(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 36 || parts[2].isEmpty()) {
            throw new InvalidInviteLink();
        }
        try {
            return new Claim(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidInviteLink();
        }
    }

    /**
     * Checks a claim against the link it names: {@link InvalidInviteLink} if the signature does
     * not match (tampered, or made with another secret), {@link InviteLinkExpired} at or after its
     * expiry. The signature is checked first, so an expired answer is never given to a forgery.
     */
    public void verify(Claim claim, String workspaceId, MemberRole role, Instant now) {
        byte[] expected = sign(claim.linkId(), workspaceId, role, claim.expires().getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, claim.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInviteLink();
        }
        if (!now.isBefore(claim.expires())) {
            throw new InviteLinkExpired();
        }
    }

    private String sign(String linkId, String workspaceId, MemberRole role, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String input = linkId + "|" + workspaceId + "|" + role.name() + "|" + expires;
            return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        SecretFiles.writeOwnerOnly(file, Base64.getEncoder().encodeToString(random));
        LOG.warning("No invite link secret is configured: generated one at " + file.toAbsolutePath()
                + ". Set MOIM_INVITE_LINKS_SECRET (the same on every node) in production.");
    }
}
