package org.moim.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "비밀번호는길어야합니다", "Tr0ub4dor&3x", "0123456789a"})
    void acceptsLongEnoughUncommonPasswords(String password) {
        assertThatCode(() -> PasswordPolicy.check("password", password, "jiwoo@example.com")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "123456789", "password123", "PASSWORD123", "aaaaaaaaaaaaaa", "Jiwoo.Park@example.com", "JIWOO.PARK"})
    void refusesWeakPasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("password", password, "jiwoo.park@example.com"))
                .isInstanceOf(WeakPassword.class)
                .satisfies(e -> assertThat(((WeakPassword) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("password")));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String nineEmoji = "🙂".repeat(9);
        assertThatThrownBy(() -> PasswordPolicy.check("password", nineEmoji, null)).isInstanceOf(WeakPassword.class);
        assertThatCode(() -> PasswordPolicy.check("password", nineEmoji + "🎉", null)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "가".repeat(127) + "나", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", "가".repeat(128) + "나", null)).isInstanceOf(WeakPassword.class);
    }

    @Test
    void namesTheFieldItChecks() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "short", null))
                .satisfies(e -> assertThat(((WeakPassword) e).errors().get(0).field()).isEqualTo("newPassword"));
    }
}
