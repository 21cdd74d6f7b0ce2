package org.moim.call.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.moim.call.entity.Call;
import org.moim.call.entity.CallParticipant;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.ProblemException;

/**
 * Calls as history: a channel's (for whoever may see the channel) and one's own (the calls one
 * took part in), newest first, each with its participants' stints. A page costs the same number
 * of statements whatever its size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallHistory {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    CallChannels channels;

    @Inject
    Calls calls;

    /** A call with who took part and their names. */
    public record Entry(Call call, List<CallParticipant> participants, Map<String, String> names) {
    }

    public Page<Entry> ofChannel(String channelId, String accountId, Cursor after, int limit) {
        channels.require(channelId, accountId);
        return page("c.channelId = :key", channelId, after, limit);
    }

    public Page<Entry> mine(String accountId, Cursor after, int limit) {
        return page("c.id in (select p.call.id from CallParticipant p where p.accountId = :key)", accountId, after, limit);
    }

    /** One call, for whoever may see its channel; 404 otherwise. */
    public Entry one(String callId, String accountId) {
        Call call = callId == null || callId.length() > 36 ? null : em.find(Call.class, callId);
        if (call == null) {
            throw Calls.notFound();
        }
        try {
            channels.require(call.channelId(), accountId);
        } catch (ProblemException e) {
            throw Calls.notFound();
        }
        return entries(List.of(call)).get(0);
    }

    private Page<Entry> page(String condition, String key, Cursor after, int limit) {
        String jpql = "select c from Call c where " + condition
                + (after == null ? "" : " and (c.startedAt < :startedAt or (c.startedAt = :startedAt and c.id < :id))")
                + " order by c.startedAt desc, c.id desc";
        TypedQuery<Call> query = em.createQuery(jpql, Call.class).setParameter("key", key).setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("startedAt", after.createdAt()).setParameter("id", after.id());
        }
        List<Call> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Call> items = more ? rows.subList(0, limit) : rows;
        Call last = more ? items.get(items.size() - 1) : null;
        return new Page<>(entries(items), last == null ? null : new Cursor(last.startedAt(), last.id()).encode());
    }

    /** The calls with their participants (one query) and everyone's names (one more). */
    private List<Entry> entries(Collection<Call> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, List<CallParticipant>> byCall = new LinkedHashMap<>();
        page.forEach(c -> byCall.put(c.id(), new ArrayList<>()));
        em.createQuery("select p from CallParticipant p where p.call.id in :ids order by p.joinedAt, p.id", CallParticipant.class)
                .setParameter("ids", byCall.keySet())
                .getResultList()
                .forEach(p -> byCall.get(p.call().id()).add(p));
        Map<String, String> names = calls.names(Stream.concat(
                page.stream().map(Call::startedBy),
                byCall.values().stream().flatMap(List::stream).map(CallParticipant::accountId)).collect(Collectors.toSet()));
        return page.stream().map(c -> new Entry(c, List.copyOf(byCall.get(c.id())), names)).toList();
    }
}
