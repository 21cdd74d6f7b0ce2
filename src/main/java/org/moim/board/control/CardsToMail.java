package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.moim.notification.control.MailableSubjects;

/** Cards a notification mail may name: not archived, on a board the person may read (BoardPolicy's rule). Two queries. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CardsToMail implements MailableSubjects {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Override
    public String subjectType() {
        return "card";
    }

    @Override
    public Set<String> worthMailing(String accountId, Collection<String> cardIds) {
        if (cardIds.isEmpty()) {
            return Set.of();
        }
        Map<String, String> boardOfCard = new HashMap<>();
        em.createQuery("select c.id, c.board.id from Card c where c.id in :ids and c.archived = false and c.board.archived = false",
                        Object[].class)
                .setParameter("ids", Set.copyOf(cardIds))
                .getResultList()
                .forEach(row -> boardOfCard.put((String) row[0], (String) row[1]));
        Map<String, Set<String>> asked = new HashMap<>();
        boardOfCard.values().forEach(board -> asked.put(board, Set.of(accountId)));
        var readers = policy.viewerRoles(asked);
        Set<String> readable = new LinkedHashSet<>();
        boardOfCard.forEach((card, board) -> {
            if (readers.getOrDefault(board, Map.of()).containsKey(accountId)) {
                readable.add(card);
            }
        });
        return readable;
    }
}
