package org.moim.file.boundary;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14), resolved against the content's size:
 * {@code start} and {@code end} inclusive. Only single ranges are served; a header with several,
 * another unit or a syntax error is ignored (the whole content follows, as the RFC allows).
 */
record ByteRange(long start, long end) {

    /** What to answer a Range header with. */
    sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    /** No usable Range: 200 with everything. */
    record Whole() implements Outcome {
    }

    /** 206 with this range. */
    record Partial(ByteRange range) implements Outcome {
    }

    /** 416: the range starts past the end. */
    record Unsatisfiable() implements Outcome {
    }

    long length() {
        return end - start + 1;
    }

    static Outcome of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = value.substring(6).strip();
        if (spec.isEmpty() || spec.contains(",")) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        try {
            if (first.isEmpty()) {
                // A suffix: the last n bytes.
                long n = digits(last);
                if (n == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long start = digits(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : digits(last);
            if (end < start) {
                return new Whole();
            }
            if (start >= size) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(start, Math.min(end, size - 1)));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }

    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(text);
    }
}
