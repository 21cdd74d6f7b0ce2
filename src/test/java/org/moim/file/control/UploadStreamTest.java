package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UploadStreamTest {

    @Test
    void countsHashesAndKeepsTheHead() throws Exception {
        byte[] content = new byte[20_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        UploadStream stream = new UploadStream(new ByteArrayInputStream(content), 20_000, IllegalStateException::new);
        stream.transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(stream.count()).isEqualTo(20_000);
        assertThat(stream.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stream.headLength()).isEqualTo(ContentSniffer.HEAD);
        assertThat(stream.head()[100]).isEqualTo((byte) 100);
    }

    @Test
    void theFirstByteTooManyStopsTheUploadWhateverWasDeclared() {
        UploadStream stream = new UploadStream(new ByteArrayInputStream(new byte[1001]), 1000, () -> new IllegalStateException("too large"));
        assertThatThrownBy(() -> stream.transferTo(java.io.OutputStream.nullOutputStream())).hasMessage("too large");
    }

    @Test
    void aBrokenClientIsToldApartFromOtherFailures() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("reset");
            }
        };
        UploadStream stream = new UploadStream(broken, 10, IllegalStateException::new);
        assertThatThrownBy(() -> stream.read(new byte[4])).isInstanceOf(IOException.class);
        assertThat(stream.broken()).isTrue();
    }
}
