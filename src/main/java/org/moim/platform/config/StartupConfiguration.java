package org.moim.platform.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the settings a node cannot run without before anything else is deployed, and stops the
 * process with one line per problem, naming the key, instead of a failed deployment's stack
 * traces and a server that answers 404 to everything: the signing key must parse, the files
 * directory must be writable, durations must parse. Exit status 78 (EX_CONFIG).
 */
public class StartupConfiguration implements Extension {

    private static final Logger LOG = Logger.getLogger(StartupConfiguration.class.getName());
    static final int EX_CONFIG = 78;

    void check(@Observes BeforeBeanDiscovery ignored) {
        List<String> problems = problems(ConfigProvider.getConfig(StartupConfiguration.class.getClassLoader()));
        if (problems.isEmpty()) {
            return;
        }
        for (String problem : problems) {
            String line = "Moim cannot start: " + problem;
            LOG.severe(line);
            System.err.println(line);
        }
        System.err.flush();
        // Not System.exit: its shutdown hooks would wait for the deployment this thread is in.
        Runtime.getRuntime().halt(EX_CONFIG);
    }

    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        check(problems, "mp.jwt.verify.publickey (from moim.jwt.private-key, MOIM_JWT_PRIVATE_KEY or MOIM_JWT_PRIVATE_KEY_FILE)",
                () -> config.getValue("mp.jwt.verify.publickey", String.class));
        for (String key : List.of("moim.shutdown.timeout", "moim.realtime.idle-timeout", "moim.db.start-retry-interval")) {
            check(problems, key, () -> config.getOptionalValue(key, String.class).map(parse(key)).orElse(null));
        }
        // Cache lifetimes count in whole seconds: shorter would cache nothing, negative breaks the cache.
        String ttlKey = "moim.keyword-bot.rules-cache-ttl";
        check(problems, ttlKey, () -> config.getOptionalValue(ttlKey, String.class).map(parse(ttlKey)).map(ttl -> {
            if (ttl.getSeconds() < 1) {
                throw new IllegalArgumentException("'" + ttl + "' is shorter than one second; give at least PT1S");
            }
            return ttl;
        }).orElse(null));
        String dataDir = config.getOptionalValue("moim.data.dir", String.class).orElse("./data");
        String filesDir = config.getOptionalValue("moim.files.dir", String.class).filter(d -> !d.isBlank()).orElse(null);
        writable(problems, "moim.data.dir", Path.of(dataDir));
        if (filesDir != null) {
            writable(problems, "moim.files.dir", Path.of(filesDir));
        }
        return problems;
    }

    private static Function<String, Duration> parse(String key) {
        return text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT20S");
            }
        };
    }

    private static void writable(List<String> problems, String key, Path directory) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            problems.add(key + ": " + directory.toAbsolutePath() + " is not a writable directory (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static void check(List<String> problems, String key, java.util.function.Supplier<?> read) {
        try {
            read.get();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() != null && cause.getMessage().equals(cause.getCause().toString())) {
                cause = cause.getCause();
            }
            problems.add(key + ": " + cause.getMessage());
        }
    }
}
