package org.moim.command.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.command.entity.Command;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.PasswordHasher;
import org.moim.identity.entity.Account;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.webhook.control.WebhookAddresses;
import org.moim.webhook.control.WebhookSignatures;
import org.moim.workspace.control.StaleVersion;
import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * A workspace's slash commands: registered, listed, changed and deleted by its owners and
 * managers. Each command gets a bot account, a MEMBER of the workspace named {@code /word}, that
 * its in-channel answers are posted as; deleting the command removes that account from the
 * workspace (its messages stay). URLs obey the outgoing webhooks' rule ({@link WebhookAddresses}),
 * secrets are made and used as theirs ({@link WebhookSignatures}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Commands {

    /** A word: a lower-case letter or digit, then letters, digits, '-' or '_'; 32 at most. */
    static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    public static final ProblemType TOO_MANY = new ProblemType("too-many-commands", 409, "Too many commands");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    CommandPolicy policy;

    @Inject
    WebhookAddresses addresses;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<MemberJoined> joined;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.commands.max-per-workspace", defaultValue = "50")
    int maxPerWorkspace;

    /** A command and, right after it was made or its secret replaced, the secret (shown this once). */
    public record WithSecret(Command command, String secret) {
    }

    public WithSecret create(String workspaceId, String accountId, String word, String url, String description, String usage) {
        Membership caller = policy.require(workspaceId, accountId, CommandAction.CREATE_COMMAND);
        String cleanWord = word(word);
        URI uri = addresses.parse(url);
        addresses.checkWhenSaved(uri);
        String cleanDescription = text("description", description, Command.MAX_DESCRIPTION);
        String cleanUsage = text("usage", usage, Command.MAX_USAGE);
        // Locks the workspace's commands against a concurrent creation of the same word or the last place.
        long existing = em.createQuery("select count(c) from Command c where c.workspaceId = :workspace", Long.class)
                .setParameter("workspace", workspaceId).getSingleResult();
        if (existing >= maxPerWorkspace) {
            throw new ProblemException(TOO_MANY, "A workspace can have at most " + maxPerWorkspace + " commands: delete one first.");
        }
        if (find(workspaceId, cleanWord) != null) {
            throw new CommandWordTaken(cleanWord);
        }
        Instant now = clock.instant();
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        Account poster = Account.bot("/" + cleanWord, hasher.hash(Base64.getEncoder().encodeToString(unusable)), now);
        accounts.add(poster);
        em.persist(new Membership(caller.workspace(), poster, MemberRole.MEMBER, now));
        String secret = WebhookSignatures.newSecret();
        Command command = new Command(workspaceId, cleanWord, cleanDescription, cleanUsage, uri.toString(), secret, poster.id(),
                accountId, now);
        em.persist(command);
        em.flush();
        joined.fire(new MemberJoined(workspaceId, poster.id(), MemberRole.MEMBER, "command"));
        return new WithSecret(command, secret);
    }

    /** The workspace's commands, oldest first; {@code seesUrls} when the caller's role may see their URLs. */
    public record Listed(Page<Command> page, boolean seesUrls) {
    }

    public Listed list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.oldestFirst("c.createdAt", "c.id", limit, cursor);
        Membership caller = policy.require(workspaceId, accountId, CommandAction.LIST_COMMANDS);
        Page<Command> page = keyset.page(em.createQuery("select c from Command c where c.workspaceId = :workspace"
                        + keyset.and() + keyset.orderBy(), Command.class)
                .setParameter("workspace", workspaceId), c -> new Cursor(c.createdAt(), c.id()));
        return new Listed(page, CommandAction.SEE_COMMAND_URL.allows(caller.role()));
    }

    public Command get(String workspaceId, String commandId, String accountId) {
        return policy.require(workspaceId, commandId, accountId, CommandAction.SEE_COMMAND_URL);
    }

    /** Changes what is given (null: unchanged; blank description or usage: removed). */
    public Command update(String workspaceId, String commandId, String accountId, Long expectedVersion, String url, String description,
                          String usage) {
        Command command = policy.require(workspaceId, commandId, accountId, CommandAction.UPDATE_COMMAND);
        if (expectedVersion != null && expectedVersion != command.version()) {
            throw new StaleVersion(command.version());
        }
        Instant now = clock.instant();
        if (url != null) {
            URI uri = addresses.parse(url);
            addresses.checkWhenSaved(uri);
            command.changeUrl(uri.toString(), now);
        }
        if (description != null || usage != null) {
            command.describe(description == null ? command.description() : text("description", description, Command.MAX_DESCRIPTION),
                    usage == null ? command.usage() : text("usage", usage, Command.MAX_USAGE), now);
        }
        em.flush();
        return command;
    }

    /** A new secret; the old one stops signing at once. */
    public WithSecret rotateSecret(String workspaceId, String commandId, String accountId) {
        Command command = policy.require(workspaceId, commandId, accountId, CommandAction.UPDATE_COMMAND);
        String secret = WebhookSignatures.newSecret();
        command.replaceSecret(secret, clock.instant());
        em.flush();
        return new WithSecret(command, secret);
    }

    /** Deletes the command and takes its bot account out of the workspace; its messages stay. */
    public void delete(String workspaceId, String commandId, String accountId) {
        Command command = policy.require(workspaceId, commandId, accountId, CommandAction.DELETE_COMMAND);
        em.createQuery("delete from Membership m where m.workspace.id = :workspace and m.account.id = :account")
                .setParameter("workspace", workspaceId)
                .setParameter("account", command.posterId())
                .executeUpdate();
        em.remove(command);
        em.flush();
    }

    /** The workspace's command with this word (without the slash), or null. */
    public Command find(String workspaceId, String word) {
        return em.createQuery("select c from Command c where c.workspaceId = :workspace and c.word = :word", Command.class)
                .setParameter("workspace", workspaceId)
                .setParameter("word", word)
                .getResultStream().findFirst().orElse(null);
    }

    static String word(String given) {
        String word = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("/")) {
            word = word.substring(1);
        }
        if (!WORD.matcher(word).matches()) {
            throw new InvalidField("word", "must be 1 to " + Command.MAX_WORD
                    + " lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return word;
    }

    private static String text(String field, String given, int max) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String text = given.strip();
        if (text.length() > max || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field, "must be at most " + max + " characters, without control characters");
        }
        return text;
    }
}
