package org.moim.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupConfigurationTest {

    @TempDir
    Path temp;

    @Test
    void aGoodConfigurationHasNoProblems() {
        assertThat(StartupConfiguration.problems(config(Map.of("moim.data.dir", temp.toString(),
                "moim.shutdown.timeout", "PT20S", "mp.jwt.verify.publickey", "a key")))).isEmpty();
    }

    @Test
    void eachProblemNamesItsKey() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        List<String> problems = StartupConfiguration.problems(config(Map.of(
                "moim.data.dir", temp.toString(),
                "moim.files.dir", file.resolve("files").toString(),
                "moim.shutdown.timeout", "20 seconds",
                "mp.jwt.verify.publickey", "!broken")));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("mp.jwt.verify.publickey").contains("the token signing key is not an RSA private key");
        assertThat(problems.get(1)).isEqualTo("moim.shutdown.timeout: '20 seconds' is not an ISO-8601 duration such as PT20S");
        assertThat(problems.get(2)).startsWith("moim.files.dir: " + file.resolve("files") + " is not a writable directory");
    }

    @Test
    void aCacheLifetimeUnderASecondIsAProblem() {
        for (String ttl : List.of("PT0.5S", "PT0S", "-PT1M")) {
            assertThat(StartupConfiguration.problems(config(Map.of("moim.data.dir", temp.toString(),
                    "moim.keyword-bot.rules-cache-ttl", ttl, "mp.jwt.verify.publickey", "a key"))))
                    .as(ttl).singleElement().asString().startsWith("moim.keyword-bot.rules-cache-ttl: ").contains("at least PT1S");
        }
        assertThat(StartupConfiguration.problems(config(Map.of("moim.data.dir", temp.toString(),
                "moim.keyword-bot.rules-cache-ttl", "PT1S", "mp.jwt.verify.publickey", "a key")))).isEmpty();
    }

    /** A config whose mp.jwt.verify.publickey value "!broken" fails like SigningKeyConfigSource does on a bad key. */
    private static Config config(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(values);
        return new Config() {
            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow(() -> new java.util.NoSuchElementException(name));
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                String value = copy.get(name);
                if ("!broken".equals(value)) {
                    throw new IllegalStateException("the token signing key is not an RSA private key in PKCS#8 PEM form");
                }
                return Optional.ofNullable((T) value);
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return copy.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return List.of();
            }

            @Override
            public <T> Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> forType) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
