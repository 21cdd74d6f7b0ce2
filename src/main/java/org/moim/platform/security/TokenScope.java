package org.moim.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a personal access token may do, one scope per area of the API. Which endpoint needs which
 * scope is decided in one place, {@link TokenScopes}; docs/tokens.md shows the same table.
 */
public enum TokenScope {
    /** Every GET: whatever the token's account may see. */
    READ("read"),
    /** Posting in chat, channels, calls and the WebSocket (its ticket). */
    CHAT_WRITE("chat:write"),
    /** Boards, lists, cards, comments, checklists, labels. */
    BOARDS_WRITE("boards:write"),
    /** Calendar events. */
    CALENDAR_WRITE("calendar:write"),
    /** Uploading and deleting files. */
    FILES_WRITE("files:write"),
    /** Running workspaces: settings, members, invitations, invite links, webhooks, billing. */
    ADMIN("admin");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    /** The name in requests, responses and the token's {@code scope} claim, e.g. {@code chat:write}. */
    public String value() {
        return value;
    }

    public static Optional<TokenScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** The scopes a space-separated {@code scope} claim names (unknown names are ignored). */
    public static Set<TokenScope> parse(String claim) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        if (claim != null) {
            Arrays.stream(claim.split(" ")).map(TokenScope::of).flatMap(Optional::stream).forEach(scopes::add);
        }
        return scopes;
    }

    public static String format(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::value).collect(Collectors.joining(" "));
    }
}
