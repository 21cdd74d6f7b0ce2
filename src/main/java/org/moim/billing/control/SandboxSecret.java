package org.moim.billing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.SecretFiles;

/**
 * The secret the sandbox signs its webhooks with: {@code moim.billing.sandbox.webhook-secret}, or
 * 32 random bytes generated once at {@code <data dir>/keys/sandbox-webhook-secret} (owner-only).
 */
@ApplicationScoped
public class SandboxSecret {

    private static final Logger LOG = Logger.getLogger(SandboxSecret.class.getName());

    @Inject
    @ConfigProperty(name = "moim.billing.sandbox.webhook-secret")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "moim.data.dir", defaultValue = "./data")
    String dataDir;

    private String secret;

    @PostConstruct
    void load() {
        if (configured != null && configured.isPresent() && !configured.get().isBlank()) {
            secret = configured.get().strip();
            return;
        }
        Path file = Path.of(dataDir, "keys", "sandbox-webhook-secret");
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                SecretFiles.writeOwnerOnly(file, "whsec_sbx_" + HexFormat.of().formatHex(bytes));
                LOG.info(() -> "Generated the sandbox webhook secret at " + file);
            }
            secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the sandbox webhook secret", e);
        }
    }

    public String value() {
        return secret;
    }
}
