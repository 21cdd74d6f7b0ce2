package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.moim.board.control.BoardPolicy.Access;

/**
 * Who can read a board, for the mention picker of card descriptions and comments: exactly the
 * people {@link BoardPolicy#readers(String)} says a mention would notify. Asked by someone who
 * sees the board; anyone else gets 404. No query per person: the access check, one readers query
 * and one query for their names (not yet counted by a test).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardReaders {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    public List<Person> of(String workspaceId, String boardId, String accountId) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        Set<String> readers = policy.readers(access.board().id());
        if (readers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select new org.moim.board.control.Person(a.id, a.displayName) from Account a
                        where a.id in :readers order by a.displayName, a.id""", Person.class)
                .setParameter("readers", readers)
                .getResultList();
    }
}
