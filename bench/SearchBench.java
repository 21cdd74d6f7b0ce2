import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moim.platform.search.Grams;

/**
 * Search at volume: one workspace with MESSAGES chat messages (over 4 board channels) and CARDS
 * cards (over 4 boards), in English and Korean words of a made-up vocabulary, then SEARCHES
 * searches for a part (2 to 4 characters) of a random vocabulary word:
 *   - end to end: GET /api/v1/workspaces/{id}/search?kinds=messages,cards&limit=20 (p50, p99);
 *   - in SQL, the same terms, one after the other: the indexed message query Moim runs (History)
 *     against a plain LIKE '%term%' scan of the same rows with the same filters, order and limit,
 *     checking that both find the same messages.
 * The workspace, boards and channels are made through the API; messages, cards and their index
 * rows (org.moim.platform.search.Grams, as the server computes them) are written straight into the
 * database in batches, which is what makes 200,000 messages take minutes instead of hours.
 *
 *   java -cp target/classes:mariadb-java-client.jar bench/SearchBench.java http://127.0.0.1:18085 \
 *        jdbc:mariadb://127.0.0.1:3306/moim_bench_search user password [messages] [cards] [searches]
 *
 * Run by bench/search.sh, which starts the server.
 */
public class SearchBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] SYLLABLES = ("가 나 다 라 마 바 사 아 자 차 카 타 파 하 고 노 도 로 모 보 소 오 조 회 의 록 정 리 분 기 "
            + "계 획 개 발 서 버 검 색 일 정 보 고 서 안 내 팀 장 회 사 업 무 자 료 문 제 해 결").split(" ");
    private static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String user = args[2];
        String password = args[3];
        int messages = args.length > 4 ? Integer.parseInt(args[4]) : 200_000;
        int cards = args.length > 5 ? Integer.parseInt(args[5]) : 20_000;
        int searches = args.length > 6 ? Integer.parseInt(args[6]) : 500;

        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send("POST", base + "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\",\"displayName\":\"Bench\"}", 201);
        String token = first(TOKEN, send("POST", base + "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}", 200).body());
        String me = first(ID, send("GET", base + "/api/v1/me", token, null, 200).body());
        String workspace = first(ID, send("POST", base + "/api/v1/workspaces", token, "{\"name\":\"Search bench\"}", 201).body());
        List<String> boards = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String board = first(ID, send("POST", base + "/api/v1/workspaces/" + workspace + "/boards", token,
                    "{\"name\":\"Board " + i + "\"}", 201).body());
            boards.add(board);
            lists.add(first(ID, send("POST", base + "/api/v1/workspaces/" + workspace + "/boards/" + board + "/lists", token,
                    "{\"name\":\"List\"}", 201).body()));
            channels.add(first(ID, send("GET", base + "/api/v1/boards/" + board + "/channel", token, null, 200).body()));
        }

        List<String> vocabulary = vocabulary(3000);
        long fillStart = System.nanoTime();
        long grams = 0;
        Instant start = Instant.now().minus(Duration.ofDays(60));
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            db.setAutoCommit(false);
            try (PreparedStatement message = db.prepareStatement("INSERT INTO chat_message (id, channel_id, seq, sender_id, body, created_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement card = db.prepareStatement("INSERT INTO card (id, board_id, list_id, title, description, sort_key, archived,"
                         + " created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0)");
                 PreparedStatement gram = db.prepareStatement("INSERT INTO search_gram (doc_kind, gram, doc_id) VALUES (?, ?, ?)")) {
                long[] seq = new long[channels.size()];
                for (int i = 0; i < messages; i++) {
                    String id = UUID.randomUUID().toString();
                    int c = i % channels.size();
                    String text = sentence(vocabulary, 5 + RANDOM.nextInt(4));
                    message.setString(1, id);
                    message.setString(2, channels.get(c));
                    message.setLong(3, ++seq[c]);
                    message.setString(4, me);
                    message.setString(5, text);
                    message.setTimestamp(6, at(start.plusMillis(i * 20L)));
                    message.addBatch();
                    grams += index(gram, 'M', id, text);
                    if (i % 2000 == 1999) {
                        message.executeBatch();
                        gram.executeBatch();
                        db.commit();
                    }
                }
                message.executeBatch();
                for (int c = 0; c < channels.size(); c++) {
                    try (PreparedStatement last = db.prepareStatement("UPDATE chat_channel SET last_seq = ? WHERE id = ?")) {
                        last.setLong(1, seq[c]);
                        last.setString(2, channels.get(c));
                        last.executeUpdate();
                    }
                }
                for (int i = 0; i < cards; i++) {
                    String id = UUID.randomUUID().toString();
                    int b = i % boards.size();
                    String title = sentence(vocabulary, 3);
                    String description = sentence(vocabulary, 12);
                    card.setString(1, id);
                    card.setString(2, boards.get(b));
                    card.setString(3, lists.get(b));
                    card.setString(4, title);
                    card.setString(5, description);
                    card.setString(6, String.format("k%08d", i));
                    card.setString(7, me);
                    card.setTimestamp(8, at(start.plusMillis(i * 200L)));
                    card.setTimestamp(9, at(start.plusMillis(i * 200L)));
                    card.addBatch();
                    grams += index(gram, 'K', id, title, description);
                    if (i % 1000 == 999) {
                        card.executeBatch();
                        gram.executeBatch();
                        db.commit();
                    }
                }
                card.executeBatch();
                gram.executeBatch();
                db.commit();
            }
            try (var analyze = db.createStatement()) {
                analyze.execute("ANALYZE TABLE chat_message, card, search_gram");
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            List<String> terms = new ArrayList<>();
            for (int i = 0; i < searches; i++) {
                terms.add(term(vocabulary.get(RANDOM.nextInt(vocabulary.size()))));
            }
            for (int i = 0; i < Math.min(20, searches); i++) {
                search(base, token, workspace, terms.get(i));
            }
            long[] api = new long[searches];
            for (int i = 0; i < searches; i++) {
                long t0 = System.nanoTime();
                search(base, token, workspace, terms.get(i));
                api[i] = (System.nanoTime() - t0) / 1000;
            }
            db.setAutoCommit(true);
            long[] indexed = new long[searches];
            long[] scanned = new long[searches];
            int mismatches = 0;
            long hits = 0;
            for (int i = 0; i < searches; i++) {
                String term = terms.get(i);
                long t0 = System.nanoTime();
                List<String> viaIndex = messageIds(db, channels, term, true);
                indexed[i] = (System.nanoTime() - t0) / 1000;
                t0 = System.nanoTime();
                List<String> viaScan = messageIds(db, channels, term, false);
                scanned[i] = (System.nanoTime() - t0) / 1000;
                if (!viaIndex.equals(viaScan)) {
                    mismatches++;
                }
                hits += viaIndex.size();
            }
            Arrays.sort(api);
            Arrays.sort(indexed);
            Arrays.sort(scanned);
            System.out.printf("Filled %,d messages and %,d cards (%,d index rows) in %.0f s; %d search terms, parts of 2 to 4 characters"
                    + " of made-up Korean and English words (%.1f messages found per term on average, at most 21 read).%n%n",
                    messages, cards, grams, fillSeconds, searches, hits / (double) searches);
            System.out.println("| what | searches | p50 | p99 | max |");
            System.out.println("|---|---|---|---|---|");
            row("GET …/search (messages and cards, 20 each), end to end", api);
            row("messages: indexed query (trigrams, then LIKE on the candidates)", indexed);
            row("messages: plain LIKE '%term%' scan, same filters and order", scanned);
            System.out.printf("%nScan ÷ index: p50 %.1f×, p99 %.1f×. Results differing between the two: %d.%n",
                    percentile(scanned, 50) / (double) Math.max(1, percentile(indexed, 50)),
                    percentile(scanned, 99) / (double) Math.max(1, percentile(indexed, 99)), mismatches);
            if (mismatches > 0) {
                System.exit(1);
            }
        }
    }

    private static void row(String what, long[] sorted) {
        System.out.printf("| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", what, sorted.length, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }

    /** The newest 21 messages containing the term, through the index as History does, or by a plain scan. */
    private static List<String> messageIds(Connection db, List<String> channels, String term, boolean indexed) throws Exception {
        String in = String.join(", ", channels.stream().map(c -> "?").toList());
        List<String> grams = Grams.ofQuery(term);
        boolean prefix = Grams.isPrefix(term);
        StringBuilder sql = new StringBuilder("SELECT m.id FROM chat_message m WHERE m.channel_id IN (" + in + ")"
                + " AND m.deleted_at IS NULL AND LOWER(m.body) LIKE ? ESCAPE '!'");
        if (indexed) {
            sql.append(prefix
                    ? " AND m.id IN (SELECT g.doc_id FROM search_gram g WHERE g.doc_kind = 'M' AND g.gram LIKE ? ESCAPE '!')"
                    : " AND m.id IN (SELECT g.doc_id FROM search_gram g WHERE g.doc_kind = 'M' AND g.gram IN ("
                            + String.join(", ", grams.stream().map(g -> "?").toList()) + ") GROUP BY g.doc_id HAVING COUNT(*) = " + grams.size() + ")");
        }
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT 21");
        try (PreparedStatement select = db.prepareStatement(sql.toString())) {
            int p = 1;
            for (String channel : channels) {
                select.setString(p++, channel);
            }
            select.setString(p++, "%" + like(term.toLowerCase()) + "%");
            if (indexed) {
                if (prefix) {
                    select.setString(p, like(grams.get(0)) + "%");
                } else {
                    for (String g : grams) {
                        select.setString(p++, g);
                    }
                }
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static int index(PreparedStatement gram, char kind, String id, String... texts) throws Exception {
        var all = Grams.of(texts);
        for (String g : all) {
            gram.setString(1, String.valueOf(kind));
            gram.setString(2, g);
            gram.setString(3, id);
            gram.addBatch();
        }
        return all.size();
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Made-up words: half Korean (2 to 4 syllables), half English-like (4 to 8 letters). */
    private static List<String> vocabulary(int size) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            if (i % 2 == 0) {
                for (int s = 2 + RANDOM.nextInt(3); s > 0; s--) {
                    word.append(SYLLABLES[RANDOM.nextInt(SYLLABLES.length)]);
                }
            } else {
                for (int s = 4 + RANDOM.nextInt(5); s > 0; s--) {
                    word.append((char) ('a' + RANDOM.nextInt(26)));
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    private static String sentence(List<String> vocabulary, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary.get(RANDOM.nextInt(vocabulary.size())));
        }
        return text.toString();
    }

    /** A part of the word, 2 to 4 characters. */
    private static String term(String word) {
        int length = Math.min(word.length(), 2 + RANDOM.nextInt(3));
        int from = RANDOM.nextInt(word.length() - length + 1);
        return word.substring(from, from + length);
    }

    private static void search(String base, String token, String workspace, String term) {
        send("GET", base + "/api/v1/workspaces/" + workspace + "/search?kinds=messages,cards&limit=20&q="
                + URLEncoder.encode(term, StandardCharsets.UTF_8), token, null, 200);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(String method, String url, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
