package org.moim.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the token signing key to the application and its public half to MicroProfile JWT
 * ({@code mp.jwt.verify.publickey}), so both always agree.
 *
 * <p>The private key (PKCS#8 PEM, RSA) is taken from {@code MOIM_JWT_PRIVATE_KEY} (the PEM
 * text) or {@code MOIM_JWT_PRIVATE_KEY_FILE} (a path), as environment variables or system
 * properties ({@code moim.jwt.private-key}, {@code moim.jwt.private-key-file}). With neither, a
 * 2048-bit key pair is generated once under {@code <data dir>/keys/} with owner-only permissions,
 * and a warning says so: every node of a cluster must be given the same key.
 *
 * <p>A config source cannot read the other sources, so it reads those few variables itself.
 */
public class SigningKeyConfigSource implements ConfigSource {

    static final String PRIVATE_KEY = "moim.jwt.private-key";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private static final Logger LOG = Logger.getLogger(SigningKeyConfigSource.class.getName());
    private static final Set<String> NAMES = Set.of(PRIVATE_KEY, PUBLIC_KEY);

    private volatile Map<String, String> keys;

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.contains(propertyName) ? keys().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "moim-signing-key";
    }

    /** Below the defaults file (100): an operator's own {@code mp.jwt.verify.publickey} wins. */
    @Override
    public int getOrdinal() {
        return 50;
    }

    private Map<String, String> keys() {
        Map<String, String> loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    String privatePem = loadPrivateKey();
                    loaded = Map.of(PRIVATE_KEY, privatePem, PUBLIC_KEY, publicKeyOf(privatePem));
                    keys = loaded;
                }
            }
        }
        return loaded;
    }

    private static String loadPrivateKey() {
        String pem = setting("moim.jwt.private-key", "MOIM_JWT_PRIVATE_KEY");
        if (pem != null && !pem.isBlank()) {
            return pem;
        }
        try {
            String file = setting("moim.jwt.private-key-file", "MOIM_JWT_PRIVATE_KEY_FILE");
            if (file != null && !file.isBlank()) {
                return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            }
            String dataDir = setting("moim.data.dir", "MOIM_DATA_DIR");
            Path generated = Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir, "keys", "jwt-signing-key.pem");
            if (Files.exists(generated)) {
                return Files.readString(generated, StandardCharsets.US_ASCII);
            }
            return generate(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key: " + e, e);
        }
    }

    private static String generate(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = Pem.encode("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
            SecretFiles.writeOwnerOnly(file, pem);
            LOG.warning("No token signing key is configured: generated one at " + file.toAbsolutePath()
                    + ". Set MOIM_JWT_PRIVATE_KEY_FILE (the same key on every node) in production.");
            return pem;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String publicKeyOf(String privatePem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(privatePem)));
            var publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the token signing key is not an RSA private key in PKCS#8 PEM form (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }

    /** PEM armour: base64 between BEGIN/END lines. */
    public static final class Pem {
        private Pem() {
        }

        public static String encode(String label, byte[] der) {
            return "-----BEGIN " + label + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END " + label + "-----\n";
        }

        public static byte[] decode(String pem) {
            String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        }
    }
}
