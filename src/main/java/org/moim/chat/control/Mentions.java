package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.Message;
import org.moim.platform.problem.InvalidField;

/**
 * Who a message mentions: the client names account ids (the text shows names however it likes);
 * only people who read the channel count, others are dropped, so a mention never tells anyone
 * outside the channel that it exists. A writer who may see the workspace's member list (not a
 * guest) hears of the members of the channel's workspace it named who cannot read the channel
 * ({@link #split}): people in the directory they can read anyway; accounts outside the workspace
 * are dropped without a word, and a guest hears of nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Mentions {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    /** A member of the channel's workspace a message named who was not notified: they cannot read the channel. */
    public record NotDelivered(String accountId, String displayName) {
    }

    /** Whom a message's mentions notify ({@code readers}, stored with it) and whom they do not. */
    public record Split(List<String> readers, List<NotDelivered> notDelivered) {
        static final Split NONE = new Split(List.of(), List.of());
    }

    public List<String> readersAmong(Channel channel, List<String> mentioned) {
        return split(channel, null, mentioned, false).readers();
    }

    /**
     * The readers among the people named, and (with {@code tellOthers}; one more statement, only
     * when some are not readers) those others who are members of the channel's workspace, other
     * than the sender, with their names, in the order named.
     */
    public Split split(Channel channel, String senderId, List<String> mentioned, boolean tellOthers) {
        if (mentioned == null || mentioned.isEmpty()) {
            return Split.NONE;
        }
        Set<String> wanted = new LinkedHashSet<>(mentioned);
        wanted.remove(null);
        if (wanted.size() > Message.MAX_MENTIONS) {
            throw new InvalidField("mentions", "must name at most " + Message.MAX_MENTIONS + " people");
        }
        Set<String> readers = policy.readers(channel);
        List<String> others = wanted.stream().filter(id -> !readers.contains(id) && !id.equals(senderId)).toList();
        wanted.retainAll(readers);
        return new Split(List.copyOf(wanted), others.isEmpty() || !tellOthers ? List.of() : members(channel.workspaceId(), others));
    }

    private List<NotDelivered> members(String workspaceId, List<String> named) {
        List<String> accountIds = named.stream().filter(id -> id.length() <= 36).toList();
        if (accountIds.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        em.createQuery("""
                        select a.id, a.displayName from Membership m join m.account a
                        where m.workspace.id = :workspace and a.id in :ids""", Object[].class)
                .setParameter("workspace", workspaceId)
                .setParameter("ids", accountIds)
                .getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return accountIds.stream().filter(names::containsKey).map(id -> new NotDelivered(id, names.get(id))).toList();
    }
}
