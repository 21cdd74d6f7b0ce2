package org.moim.platform.security;

import static org.moim.platform.security.TokenScope.ADMIN;
import static org.moim.platform.security.TokenScope.BOARDS_WRITE;
import static org.moim.platform.security.TokenScope.CALENDAR_WRITE;
import static org.moim.platform.security.TokenScope.CHAT_WRITE;
import static org.moim.platform.security.TokenScope.FILES_WRITE;
import static org.moim.platform.security.TokenScope.READ;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of which scopes a personal access token needs for an endpoint, by the feature
 * the resource belongs to ({@code org.moim.<feature>.boundary}) and whether the method only
 * reads. docs/tokens.md shows it; {@code TokenScopesTest} walks every resource of the API.
 *
 * <p>Reading (GET, HEAD) needs {@code read} everywhere a token may go. Writing needs the scope of
 * the feature's area. Some endpoints take no token at all, whatever its scopes: a token never
 * makes or revokes tokens or bots, changes a password, profile or sessions, makes a
 * calendar-feed secret, or administers the instance. Empty means "no token may do this".
 */
public final class TokenScopes {

    /** Scopes a write needs, by feature. A feature not listed takes no token for writes. */
    private static final Map<String, Set<TokenScope>> WRITES = Map.ofEntries(
            Map.entry("board", Set.of(BOARDS_WRITE)),
            Map.entry("calendar", Set.of(CALENDAR_WRITE)),
            Map.entry("chat", Set.of(CHAT_WRITE)),
            Map.entry("call", Set.of(CHAT_WRITE)),
            Map.entry("file", Set.of(FILES_WRITE)),
            // Comments and reactions on pictures are written where the pictures live: files.
            Map.entry("gallery", Set.of(FILES_WRITE)),
            Map.entry("workspace", Set.of(ADMIN)),
            Map.entry("webhook", Set.of(ADMIN)),
            Map.entry("command", Set.of(ADMIN)),
            Map.entry("keywordbot", Set.of(ADMIN)),
            Map.entry("billing", Set.of(ADMIN)),
            // Marking one's own notifications read is part of reading them.
            Map.entry("notification", Set.of(READ)),
            Map.entry("search", Set.of(READ)),
            Map.entry("job", Set.of(READ)),
            // A socket carries reads and chat sends alike.
            Map.entry("platform", Set.of(READ, CHAT_WRITE)));

    /**
     * Resources whose writes need another scope than their feature's: running a command and
     * taking a keyword bot's handover are chatting; an incoming webhook's URL is its own credential, so a token sent along needs none.
     */
    private static final Map<String, Set<TokenScope>> RESOURCE_WRITES = Map.of(
            "ChannelCommandsResource", Set.of(CHAT_WRITE),
            "KeywordHandoversResource", Set.of(CHAT_WRITE),
            "HooksResource", Set.of());

    /**
     * Resources no token may use at all, reads included: the credentials themselves, and the
     * instance's administration (accounts, roles, the audit log need the administrator signed in).
     */
    private static final Set<String> NEVER = Set.of("TokensResource", "BotTokensResource", "AdminResource");

    /** Resources no token may write through: accounts, sessions, secrets, test mails. */
    private static final Set<String> NEVER_WRITE = Set.of("AuthResource", "MeResource", "PasswordResetResource",
            "MyCalendarFeedResource", "TestMailResource", "BotsResource");

    private TokenScopes() {
    }

    /** The scopes needed for {@code method} on the resource class; empty when no token may call it. */
    public static Optional<Set<TokenScope>> required(Class<?> resource, String method) {
        String name = resource.getSimpleName();
        if (NEVER.contains(name)) {
            return Optional.empty();
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Optional.of(Set.of(READ));
        }
        if (NEVER_WRITE.contains(name)) {
            return Optional.empty();
        }
        if (RESOURCE_WRITES.containsKey(name)) {
            return Optional.of(RESOURCE_WRITES.get(name));
        }
        return Optional.ofNullable(WRITES.get(feature(resource)));
    }

    static String feature(Class<?> resource) {
        String rest = resource.getPackageName().substring("org.moim.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
