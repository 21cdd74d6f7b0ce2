package org.moim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.platform.security.TokenScope.ADMIN;
import static org.moim.platform.security.TokenScope.BOARDS_WRITE;
import static org.moim.platform.security.TokenScope.CALENDAR_WRITE;
import static org.moim.platform.security.TokenScope.CHAT_WRITE;
import static org.moim.platform.security.TokenScope.FILES_WRITE;
import static org.moim.platform.security.TokenScope.READ;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moim.board.boundary.CardsResource;
import org.moim.bot.boundary.BotTokensResource;
import org.moim.bot.boundary.BotsResource;
import org.moim.calendar.boundary.CalendarResource;
import org.moim.chat.boundary.ChannelResource;
import org.moim.file.boundary.FilesResource;
import org.moim.identity.boundary.MeResource;
import org.moim.identity.boundary.TokensResource;
import org.moim.platform.realtime.TicketsResource;
import org.moim.webhook.boundary.WebhooksResource;
import org.moim.workspace.boundary.MembersResource;

class TokenScopesTest {

    @Test
    void everyReadNeedsTheReadScopeAndEveryWriteItsAreasScope() {
        assertThat(TokenScopes.required(CardsResource.class, "GET")).contains(Set.of(READ));
        assertThat(TokenScopes.required(CardsResource.class, "POST")).contains(Set.of(BOARDS_WRITE));
        assertThat(TokenScopes.required(ChannelResource.class, "POST")).contains(Set.of(CHAT_WRITE));
        assertThat(TokenScopes.required(CalendarResource.class, "PATCH")).contains(Set.of(CALENDAR_WRITE));
        assertThat(TokenScopes.required(FilesResource.class, "POST")).contains(Set.of(FILES_WRITE));
        assertThat(TokenScopes.required(MembersResource.class, "DELETE")).contains(Set.of(ADMIN));
        assertThat(TokenScopes.required(WebhooksResource.class, "POST")).contains(Set.of(ADMIN));
        assertThat(TokenScopes.required(org.moim.command.boundary.CommandsResource.class, "POST")).contains(Set.of(ADMIN));
        assertThat(TokenScopes.required(org.moim.command.boundary.ChannelCommandsResource.class, "POST")).as("running a command is chatting")
                .contains(Set.of(CHAT_WRITE));
        assertThat(TokenScopes.required(org.moim.webhook.boundary.HooksResource.class, "POST")).as("a hook's URL is its own credential")
                .contains(Set.of());
        assertThat(TokenScopes.required(TicketsResource.class, "POST")).contains(Set.of(READ, CHAT_WRITE));
    }

    @Test
    void noTokenManagesTokensBotsPasswordsOrSessions() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            assertThat(TokenScopes.required(TokensResource.class, method)).as(method).isEmpty();
            assertThat(TokenScopes.required(BotTokensResource.class, method)).as(method).isEmpty();
        }
        assertThat(TokenScopes.required(BotsResource.class, "POST")).isEmpty();
        assertThat(TokenScopes.required(org.moim.admin.boundary.AdminResource.class, "GET")).as("instance administration").isEmpty();
        assertThat(TokenScopes.required(MeResource.class, "POST")).isEmpty();
        assertThat(TokenScopes.required(MeResource.class, "GET")).contains(Set.of(READ));
    }

    /** A new feature with resources must be given its row (or be refused to tokens on purpose). */
    @Test
    void everyResourceOfTheApiIsInTheTable() {
        List<JavaClass> resources = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.moim").stream().filter(c -> c.isAnnotatedWith(Path.class)).toList();
        assertThat(resources).hasSizeGreaterThan(30);
        Set<String> refusedOnPurpose = Set.of("identity", "bot", "admin");
        Set<String> personalSecrets = Set.of("MyCalendarFeedResource", "TestMailResource");
        for (JavaClass resource : resources) {
            Optional<Set<TokenScope>> writes = TokenScopes.required(resource.reflect(), "POST");
            if (!refusedOnPurpose.contains(TokenScopes.feature(resource.reflect()))
                    && !personalSecrets.contains(resource.getSimpleName())) {
                assertThat(writes).as("writes through %s", resource.getSimpleName()).isPresent();
                assertThat(EnumSet.allOf(TokenScope.class)).containsAll(writes.get());
            }
        }
    }

    @Test
    void scopeNamesRoundTrip() {
        assertThat(TokenScope.parse("chat:write read nonsense")).containsExactlyInAnyOrder(READ, CHAT_WRITE);
        assertThat(TokenScope.format(EnumSet.of(CHAT_WRITE, READ))).isEqualTo("read chat:write");
    }
}
