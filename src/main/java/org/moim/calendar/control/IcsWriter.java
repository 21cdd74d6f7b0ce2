package org.moim.calendar.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) content lines: CRLF line ends, lines folded at 75 octets (a
 * continuation starts with one space and a UTF-8 character is never split), TEXT values escaped.
 */
final class IcsWriter {

    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final StringBuilder out = new StringBuilder(4096);

    /** One content line, {@code name[;params]:value}, with the value already in its wire form. */
    IcsWriter line(String nameAndParams, String value) {
        fold(nameAndParams + ":" + value);
        return this;
    }

    /** A TEXT property, escaped. */
    IcsWriter text(String name, String value) {
        return line(name, escape(value));
    }

    IcsWriter utc(String name, Instant instant) {
        return line(name, UTC.format(instant));
    }

    IcsWriter date(String name, LocalDate date) {
        return line(name + ";VALUE=DATE", DATE.format(date));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void fold(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /**
     * TEXT escaping: backslash, semicolon, comma and line breaks; other control characters (which
     * TEXT cannot hold) are dropped, tabs kept. Unpaired surrogates become U+FFFD.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i >= value.length() || value.charAt(i) != '\n') {
                        escaped.append("\\n");
                    }
                }
                case '\t' -> escaped.append('\t');
                default -> {
                    if (Character.isISOControl(c)) {
                        continue;
                    }
                    if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
