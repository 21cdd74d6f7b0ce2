package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.moim.board.control.BoardPolicy.Access;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;

/**
 * Who can read a board, for the mention picker of card descriptions and comments: exactly the
 * people {@link BoardPolicy#readers(String)} says a mention would notify. Asked by someone who
 * sees the board; anyone else gets 404. A page at a time, by name. No query per person: the access
 * check, one readers query and one query for the page's names.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardReaders {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    /** A page of the readers by name (then id). */
    public Page<Person> page(String workspaceId, String boardId, String accountId, int limit, String cursor) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        Keyset keyset = Keyset.byName("a.displayName", "a.id", limit, cursor);
        Set<String> readers = policy.readers(access.board().id());
        if (readers.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return keyset.pageByName(em.createQuery("select new org.moim.board.control.Person(a.id, a.displayName) from Account a"
                        + " where a.id in :readers" + keyset.and() + keyset.orderBy(), Person.class)
                .setParameter("readers", readers), person -> new Cursor.Named(person.displayName(), person.accountId()));
    }
}
