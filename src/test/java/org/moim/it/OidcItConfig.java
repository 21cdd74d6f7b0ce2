package org.moim.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Configuration one test class gives the server it deploys to, e.g. the Keycloak issuer only
 * known once Keycloak has started: the test writes it (before deploying) to a file in the data
 * directory, and this provider, added to that class's deployment, serves it above everything else.
 */
public class OidcItConfig implements ConfigSourceProvider {

    private static final String FILE = "it-config.properties";

    /** Called from a test class's {@code @Deployment} method, before the server starts. */
    public static void write(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        try {
            Path file = Files.createDirectories(Path.of(System.getenv("MOIM_DATA_DIR"))).resolve(FILE);
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "written by a test class for its deployment");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        Map<String, String> values = new HashMap<>();
        String dataDir = System.getenv("MOIM_DATA_DIR");
        Path file = dataDir == null ? null : Path.of(dataDir, FILE);
        if (file != null && Files.exists(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        }
        return List.of(new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String propertyName) {
                return values.get(propertyName);
            }

            @Override
            public String getName() {
                return "it-config";
            }

            @Override
            public int getOrdinal() {
                return 600;
            }
        });
    }
}
