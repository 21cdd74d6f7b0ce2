package org.moim.file.boundary;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} for a download (RFC 6266): {@code attachment} or {@code inline},
 * an ASCII {@code filename} for old clients and the exact name as RFC 8187 {@code filename*}
 * (UTF-8, percent-encoded). Nothing from the name can end the header or start another: control
 * characters (CR, LF…) are dropped, quotes and backslashes replaced.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String of(boolean inline, String name) {
        String clean = name == null ? "" : name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && c != 0x2028 && c != 0x2029)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            clean = "download";
        }
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii(clean) + "\"; filename*=UTF-8''" + encode(clean);
    }

    /** Printable ASCII, with quotes, backslashes, % and everything else replaced by an underscore. */
    static String ascii(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 8187 value-chars: attr-char as is, every other UTF-8 byte as %XX. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
