package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.notification.control.MailableSubjects;

/**
 * Messages a notification mail may name: not deleted, in a channel the person reads now
 * ({@link ChatPolicy#readableChannelIds}, one query per workspace involved), and past the
 * person's read marker in that channel (a message read in the browser is seen).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessagesToMail implements MailableSubjects {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Override
    public String subjectType() {
        return "message";
    }

    @Override
    public Set<String> worthMailing(String accountId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = em.createQuery("""
                        select m.id, c.id, c.workspaceId, m.seq,
                               (select r.seq from ReadMarker r where r.channelId = c.id and r.accountId = :account)
                        from Message m, Channel c
                        where m.id in :ids and c.id = m.channelId and m.deletedAt is null""", Object[].class)
                .setParameter("ids", Set.copyOf(messageIds))
                .setParameter("account", accountId)
                .getResultList();
        Map<String, Set<String>> readable = new HashMap<>();
        Set<String> worth = new LinkedHashSet<>();
        for (Object[] row : rows) {
            String workspace = (String) row[2];
            Set<String> channels = readable.computeIfAbsent(workspace, w -> new HashSet<>(policy.readableChannelIds(w, accountId)));
            long seq = ((Number) row[3]).longValue();
            Number marker = (Number) row[4];
            if (channels.contains((String) row[1]) && (marker == null || seq > marker.longValue())) {
                worth.add((String) row[0]);
            }
        }
        return worth;
    }
}
