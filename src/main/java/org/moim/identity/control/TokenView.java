package org.moim.identity.control;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.identity.entity.PersonalAccessToken;
import org.moim.platform.persistence.Page;

/**
 * A personal access token as its owner (or a bot's admins) see it: never its secret. One shape
 * for a person's tokens and a bot's, so it lives beside the tokens rather than in one boundary.
 */
@JsonbNillable
@Schema(name = "PersonalAccessToken", description = "A token without its secret.")
public record TokenView(
        String id,
        String name,
        @Schema(description = "The secret's last four characters, to tell tokens apart.", example = "x9Qa") String hint,
        @Schema(description = "Scope names, e.g. read, chat:write.", type = SchemaType.ARRAY, implementation = String.class) List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        @Schema(description = "To the minute (moim.tokens.last-used-resolution); null when never used.") Instant lastUsedAt,
        Instant revokedAt,
        @Schema(enumeration = {"active", "expired", "revoked"}) String status) {

    public static TokenView from(PersonalAccessToken token, Instant now) {
        String status = token.revokedAt() != null ? "revoked" : token.isUsableAt(now) ? "active" : "expired";
        return new TokenView(token.id(), token.name(), token.hint(), List.of(token.scopes().split(" ")), token.createdAt(),
                token.expiresAt(), token.lastUsedAt(), token.revokedAt(), status);
    }

    /** One page of tokens, newest first; revoked and expired ones included. */
    @JsonbNillable
    @Schema(name = "PersonalAccessTokenPage", description = "One page of tokens, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(List<TokenView> items, String nextCursor) {

        public static PageView from(Page<PersonalAccessToken> page, Instant now) {
            return new PageView(page.items().stream().map(token -> TokenView.from(token, now)).toList(), page.nextCursor());
        }
    }

    /** A token just made, with the secret shown this once. */
    @Schema(name = "CreatedPersonalAccessToken", description = "Shown once: Moim keeps only a hash of the secret.")
    public record Created(TokenView token, @Schema(example = "moim_pat_3q2-7wEXAMPLEx9Qa") String secret) {

        public static Created from(PersonalAccessTokens.Created created, Instant now) {
            return new Created(TokenView.from(created.token(), now), created.secret());
        }
    }

    /** What a new token asks for. */
    @Schema(name = "CreateTokenRequest")
    public static class CreateRequest {
        @Schema(description = "1 to 100 characters: what it is for.", example = "CI notifier")
        public String name;

        @Schema(description = "At least one: read, chat:write, boards:write, calendar:write, files:write, admin (not for bots).", type = SchemaType.ARRAY, implementation = String.class)
        public List<String> scopes;

        @Schema(description = "1 to 365 days (moim.tokens.max-lifetime).", example = "30")
        public Integer expiresInDays;
    }
}
