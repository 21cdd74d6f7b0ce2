package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser app's two dictionaries say the same things: the same keys, no empty text, the same
 * {placeholders} in English and Korean, and every key the scripts name literally exists. (A
 * missing key would show as the key itself and warn in the console.)
 */
class DictionaryTest {

    private static final Path ASSETS = Path.of("src", "main", "webapp", "assets");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Where the scripts name a dictionary key: i18n: 'x', tx('x'), t('x'), label: 'x', … */
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:i18n: |\\btx\\(|\\bt\\(|label: |confirm: |legend: |titleKey: |title: |bindText\\(\\w+, |setPageTitle\\()'([a-zA-Z]+(?:\\.[a-zA-Z0-9_]+)+)'");

    private static Map<String, String> dictionary(String language) throws IOException {
        try (Reader reader = Files.newBufferedReader(ASSETS.resolve("i18n").resolve(language + ".json"));
             JsonReader json = Json.createReader(reader)) {
            JsonObject object = json.readObject();
            Map<String, String> entries = new TreeMap<>();
            object.forEach((key, value) -> entries.put(key, ((JsonString) value).getString()));
            return entries;
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void englishAndKoreanHaveTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> en = dictionary("en");
        Map<String, String> ko = dictionary("ko");
        assertThat(ko.keySet()).as("Korean keys").isEqualTo(en.keySet());
        assertThat(en.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)).as("empty English").isEmpty();
        assertThat(ko.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)).as("empty Korean").isEmpty();
        Map<String, String> mismatched = en.keySet().stream()
                .filter(key -> !placeholders(en.get(key)).equals(placeholders(ko.get(key))))
                .collect(Collectors.toMap(key -> key, key -> en.get(key) + " | " + ko.get(key), (a, b) -> a, TreeMap::new));
        assertThat(mismatched).as("placeholders that differ between the languages").isEmpty();
    }

    @Test
    void everyKeyTheScriptsNameExists() throws IOException {
        Set<String> keys = dictionary("en").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ASSETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher matcher = KEY_USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!keys.contains(key) && !keys.contains(key + "_other")) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("keys named in the scripts but missing from the dictionaries").isEmpty();
    }

    @Test
    void pluralsHaveAnOtherForm() throws IOException {
        Set<String> keys = dictionary("en").keySet();
        Set<String> orphans = keys.stream()
                .filter(key -> key.endsWith("_one"))
                .filter(key -> !keys.contains(key.substring(0, key.length() - "_one".length()) + "_other"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(orphans).isEmpty();
    }
}
