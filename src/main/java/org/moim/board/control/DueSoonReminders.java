package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.board.entity.Card;
import org.moim.notification.entity.ReminderSent;

/**
 * {@code card.due-soon}: the assignees of a card due within {@code moim.reminders.card-due-window}
 * (default a day) are told once for that due instant. A card whose due date moves is a new
 * reminder; an archived card, list or board reminds nobody, nor a card already past due. Only
 * assignees who may still read the board are told. Runs on one node (board.boundary.DueSoonSchedule).
 */
@ApplicationScoped
public class DueSoonReminders {

    /** Cards per run; the rest wait for the next run. */
    static final int BATCH = 100;
    static final String SUBJECT = "card";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    BoardPolicy policy;

    @Inject
    CardNotices notices;

    @Inject
    @ConfigProperty(name = "moim.reminders.card-due-window", defaultValue = "PT24H")
    Duration window;

    /** Reminds of the cards now due soon that were not reminded of for their due instant; answers how many cards. */
    @Transactional(TxType.REQUIRES_NEW)
    public int remind() {
        Instant now = clock.instant();
        List<Card> due = em.createQuery("""
                        select c from Card c join fetch c.board b join c.list l
                        where c.dueAt > :now and c.dueAt <= :until
                          and c.archived = false and l.archived = false and b.archived = false
                          and exists (select a.id from CardAssignee a where a.card = c)
                          and not exists (select r.key from ReminderSent r
                                          where r.subjectType = 'card' and r.subjectId = c.id and r.dueAt = c.dueAt)
                        order by c.dueAt""", Card.class)
                .setParameter("now", now)
                .setParameter("until", now.plus(window))
                .setMaxResults(BATCH)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Set<String>> assignees = new HashMap<>();
        Map<String, Set<String>> assigneesByBoard = new HashMap<>();
        em.createQuery("select a.card.id, a.boardId, a.accountId from CardAssignee a where a.card in :cards", Object[].class)
                .setParameter("cards", due)
                .getResultList()
                .forEach(row -> {
                    assignees.computeIfAbsent((String) row[0], k -> new LinkedHashSet<>()).add((String) row[2]);
                    assigneesByBoard.computeIfAbsent((String) row[1], k -> new LinkedHashSet<>()).add((String) row[2]);
                });
        var readers = policy.viewerRoles(assigneesByBoard);
        for (Card card : due) {
            Set<String> told = new LinkedHashSet<>(assignees.getOrDefault(card.id(), Set.of()));
            told.retainAll(readers.getOrDefault(card.board().id(), Map.of()).keySet());
            em.persist(new ReminderSent(SUBJECT, card.id(), card.dueAt(), now));
            // One inbox delivery per card (its own title and link): at most BATCH per run.
            notices.dueSoon(card, told);
        }
        em.flush();   // a reminder another run recorded first fails here: this run sends nothing
        return due.size();
    }
}
