package org.moim.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA512 password hashes (Jakarta Security). Each stored hash carries its own
 * algorithm, iteration count and salt, so raising {@code moim.password.iterations} later still
 * verifies older hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "moim.password.iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when the account does not exist, so both cases take the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("not-a-real-password".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }

    /** Spends the time of one verification and answers false. */
    public boolean verifyNothing(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}
