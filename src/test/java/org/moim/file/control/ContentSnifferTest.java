package org.moim.file.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static String sniff(String text, String name) {
        return ContentSniffer.sniff(text.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void imagesAreToldByTheirMagicNumbersNotTheirNames() {
        assertThat(ContentSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), "photo.jpg")).isEqualTo("image/png");
        assertThat(ContentSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0), "x")).isEqualTo("image/jpeg");
        assertThat(sniff("GIF89a....", "a.png")).isEqualTo("image/gif");
        assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ", "a")).isEqualTo("image/webp");
        assertThat(ContentSniffer.sniff(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'), "a")).isEqualTo("image/heic");
    }

    @Test
    void documentsArchivesAndMedia() {
        assertThat(sniff("%PDF-1.7\n", "a.txt")).isEqualTo("application/pdf");
        assertThat(ContentSniffer.sniff(bytes('P', 'K', 3, 4, 0, 0), "report.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(ContentSniffer.sniff(bytes('P', 'K', 3, 4, 0, 0), "report.png")).isEqualTo("application/zip");
        assertThat(ContentSniffer.sniff(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "old.xls")).isEqualTo("application/vnd.ms-excel");
        assertThat(ContentSniffer.sniff(bytes(0x1F, 0x8B, 8), "a.tgz")).isEqualTo("application/gzip");
        assertThat(sniff("OggS\0", "voice.ogg")).isEqualTo("audio/ogg");
        assertThat(ContentSniffer.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm'), "v.webm")).isEqualTo("video/webm");
        assertThat(sniff("ID3\u0004", "song")).isEqualTo("audio/mpeg");
        assertThat(sniff("MZ\u0090\0", "setup.pdf")).isEqualTo("application/vnd.microsoft.portable-executable");
    }

    @Test
    void textIsTextAndActiveTextIsRecognised() {
        assertThat(sniff("hello, 세계\n", "notes")).isEqualTo("text/plain");
        assertThat(sniff("a,b\n1,2\n", "data.csv")).isEqualTo("text/csv");
        assertThat(sniff("  <!DOCTYPE html><p>hi", "innocent.txt")).isEqualTo("text/html");
        assertThat(sniff("<script>alert(1)</script>", "x.txt")).isEqualTo("text/html");
        assertThat(sniff("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "a")).isEqualTo("image/svg+xml");
        assertThat(sniff("<svg onload=alert(1)>", "a")).isEqualTo("image/svg+xml");
        assertThat(sniff("<?xml version=\"1.0\"?><a/>", "a")).isEqualTo("application/xml");
        assertThat(sniff("alert(1)", "x.js")).isEqualTo("text/javascript");
        assertThat(sniff("just text", "page.html")).isEqualTo("text/html");
    }

    @Test
    void binaryWithoutSignatureAndEmptyContentAreOctetStreams() {
        assertThat(ContentSniffer.sniff(bytes(1, 2, 3, 0, 5), "a.txt")).isEqualTo(ContentSniffer.OCTET_STREAM);
        assertThat(ContentSniffer.sniff(new byte[0], "empty.txt")).isEqualTo(ContentSniffer.OCTET_STREAM);
        assertThat(ContentSniffer.sniff(bytes(0xC3, 0x28), "bad-utf8.txt")).isEqualTo(ContentSniffer.OCTET_STREAM);
    }

    @Test
    void aCharacterCutByTheHeadIsStillText() {
        byte[] text = "가".repeat(3000).getBytes(StandardCharsets.UTF_8);  // 9000 bytes: the head ends mid-character
        assertThat(ContentSniffer.sniff(text, ContentSniffer.HEAD, "k.txt")).isEqualTo("text/plain");
    }

    @Test
    void imageClaimsComeFromTheDeclaredTypeOrTheExtension() {
        assertThat(ContentSniffer.claimsImage("image/png", "a.bin")).isTrue();
        assertThat(ContentSniffer.claimsImage("application/octet-stream", "a.JPG")).isTrue();
        assertThat(ContentSniffer.claimsImage("text/plain", "a.txt")).isFalse();
        assertThat(ContentSniffer.claimsImage(null, "noextension")).isFalse();
    }

    @Test
    void activeContentIsNeverInline() {
        for (String type : new String[] {"text/html", "image/svg+xml", "application/xml", "text/javascript", "application/pdf", "application/xhtml+xml"}) {
            assertThat(ContentSniffer.isActive(type)).as(type).isTrue();
            assertThat(ContentSniffer.isInline(type)).as(type).isFalse();
        }
        assertThat(ContentSniffer.isInline("image/png")).isTrue();
        assertThat(ContentSniffer.isInline("text/plain")).isTrue();
        assertThat(ContentSniffer.isInline(ContentSniffer.OCTET_STREAM)).isFalse();
    }
}
