package org.moim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyConfigSourceTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void clear() {
        System.clearProperty("moim.data.dir");
        System.clearProperty("moim.jwt.private-key");
    }

    @Test
    void generatesAnOwnerOnlyKeyOnceAndReusesIt() throws Exception {
        System.setProperty("moim.data.dir", dataDir.toString());

        String publicKey = new SigningKeyConfigSource().getValue(SigningKeyConfigSource.PUBLIC_KEY);
        Path file = dataDir.resolve("keys/jwt-signing-key.pem");

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(publicKey).startsWith("-----BEGIN PUBLIC KEY-----");
        KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(SigningKeyConfigSource.Pem.decode(publicKey)));
        assertThat(new SigningKeyConfigSource().getValue(SigningKeyConfigSource.PUBLIC_KEY)).isEqualTo(publicKey);
    }

    @Test
    void aConfiguredKeyWinsAndNothingIsWritten() throws Exception {
        System.setProperty("moim.data.dir", dataDir.toString());
        String generated = new SigningKeyConfigSource().getValue(SigningKeyConfigSource.PRIVATE_KEY);
        Files.delete(dataDir.resolve("keys/jwt-signing-key.pem"));

        System.setProperty("moim.jwt.private-key", generated);
        SigningKeyConfigSource source = new SigningKeyConfigSource();

        assertThat(source.getValue(SigningKeyConfigSource.PRIVATE_KEY)).isEqualTo(generated);
        assertThat(source.getValue(SigningKeyConfigSource.PUBLIC_KEY)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(dataDir.resolve("keys/jwt-signing-key.pem")).doesNotExist();
        assertThat(source.getValue("something.else")).isNull();
        assertThat(source.getOrdinal()).isLessThan(100);
    }
}
