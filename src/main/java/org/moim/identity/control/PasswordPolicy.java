package org.moim.identity.control;

import java.util.Locale;
import java.util.Set;

/**
 * The minimum password policy (docs/security.md): 10 to 128 characters, not the email address
 * or its name part, not one of the most common passwords, not a single repeated character.
 * Length is counted in Unicode code points, so Korean passwords count as people expect.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "1234567890", "12345678910", "0123456789", "1111111111", "qwertyuiop", "password12",
            "password123", "password1234", "passw0rd12", "iloveyou12", "qwerty1234", "1q2w3e4r5t",
            "abcdefghij", "letmein123", "welcome123", "administrator", "changeme12", "qwertyuiop123",
            "1qaz2wsx3edc", "asdfghjkl1", "zxcvbnm123", "dragon1234", "football12", "baseball12",
            "monkey1234", "sunshine12", "princess12", "trustno1234", "superman12", "starwars12");

    private PasswordPolicy() {
    }

    /** Throws {@link WeakPassword} naming {@code field} when the password is not acceptable. */
    public static void check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new WeakPassword(field, "must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new WeakPassword(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw new WeakPassword(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT);
            int at = address.indexOf('@');
            String name = at > 0 ? address.substring(0, at) : address;
            if (lower.equals(address) || lower.equals(name)) {
                throw new WeakPassword(field, "must not be your email address");
            }
        }
        if (COMMON.contains(lower)) {
            throw new WeakPassword(field, "is too common");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new WeakPassword(field, "must not repeat a single character");
        }
    }
}
