package org.moim.file.boundary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of a header value such as {@code form-data; name="file"; filename="a.txt"} or
 * {@code attachment; filename*=UTF-8''%ED%95%9C.txt}: names lower-cased, quoted strings
 * unescaped, and an RFC 8187 extended value ({@code filename*}) decoded and preferred over the
 * plain one.
 */
final class HeaderParameters {

    private HeaderParameters() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> extended = new LinkedHashMap<>();
        int i = header.indexOf(';');
        if (i < 0) {
            return plain;
        }
        i++;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') {
                i++;
            }
            String name = header.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= n || header.charAt(i) == ';') {
                continue;
            }
            i++; // '='
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++; // closing quote
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
            } else {
                while (i < n && header.charAt(i) != ';') {
                    value.append(header.charAt(i));
                    i++;
                }
            }
            if (name.isEmpty()) {
                continue;
            }
            if (name.endsWith("*")) {
                String decoded = decodeExtended(value.toString().strip());
                if (decoded != null) {
                    extended.put(name.substring(0, name.length() - 1), decoded);
                }
            } else {
                plain.putIfAbsent(name, name.equals("filename") || name.equals("name") ? value.toString() : value.toString().strip());
            }
        }
        plain.putAll(extended);
        return plain;
    }

    /** {@code charset'language'percent-encoded} (RFC 8187), or null when malformed. */
    static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        String name = value.substring(0, first);
        if (name.equalsIgnoreCase("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (name.equalsIgnoreCase("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(charset);
    }
}
