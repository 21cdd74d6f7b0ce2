package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardList;
import org.moim.board.entity.Card;
import org.moim.board.entity.Ordered;
import org.moim.board.entity.SortKey;
import org.moim.platform.problem.InvalidField;

/**
 * Where lists and cards go. Every caller first takes {@link #lock(Board)}, so the neighbours it
 * reads are the ones that will be there when it commits: concurrent moves on one board are
 * applied one after another (the database is READ COMMITTED, so reads after the lock see what
 * the previous mover committed). A move writes the moved row only; when a key would grow past
 * {@code moim.boards.sort-key-max-length} the siblings are given fresh, evenly spread keys first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Positions {

    private static final Logger LOG = Logger.getLogger(Positions.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardLimits limits;

    /** Takes the board row's write lock (held until commit) and reads the board as it is now. */
    public void lock(Board board) {
        em.refresh(board, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The key for {@code moving} (null for a new card) in {@code list}: right after
     * {@code afterCardId}, right before {@code beforeCardId}, or at the end when neither is given.
     */
    public String forCard(BoardList list, Card moving, String afterCardId, String beforeCardId) {
        Siblings siblings = new Siblings("Card", "list", list, moving == null ? "" : moving.id(), "afterCardId", "beforeCardId");
        return siblings.key(afterCardId, beforeCardId);
    }

    /** The key for {@code moving} (null for a new list) among the board's lists, as {@link #forCard}. */
    public String forList(Board board, BoardList moving, String afterListId, String beforeListId) {
        Siblings siblings = new Siblings("BoardList", "board", board, moving == null ? "" : moving.id(), "afterListId", "beforeListId");
        return siblings.key(afterListId, beforeListId);
    }

    /** The lists of a board or the cards of a list, without the one being moved. */
    private final class Siblings {
        private final String entity;
        private final String parentField;
        private final Object parent;
        private final String movingId;
        private final String afterField;
        private final String beforeField;

        Siblings(String entity, String parentField, Object parent, String movingId, String afterField, String beforeField) {
            this.entity = entity;
            this.parentField = parentField;
            this.parent = parent;
            this.movingId = movingId;
            this.afterField = afterField;
            this.beforeField = beforeField;
        }

        String key(String afterId, String beforeId) {
            String key = compute(afterId, beforeId);
            if (key.length() > limits.sortKeyMaxLength()) {
                rebalance();
                key = compute(afterId, beforeId);
            }
            return key;
        }

        private String compute(String afterId, String beforeId) {
            if (afterId != null) {
                String low = neighbour(afterField, afterId);
                return SortKey.between(low, bound("min", ">", low));
            }
            if (beforeId != null) {
                String high = neighbour(beforeField, beforeId);
                return SortKey.between(bound("max", "<", high), high);
            }
            return SortKey.between(bound("max", null, null), null);
        }

        private String neighbour(String field, String id) {
            List<String> found = id.equals(movingId) ? List.of() : em.createQuery("select s.sortKey from " + entity
                            + " s where s.id = :id and s." + parentField + " = :parent", String.class)
                    .setParameter("id", id)
                    .setParameter("parent", parent)
                    .getResultList();
            if (found.isEmpty()) {
                throw new InvalidField(field, "must be another " + (entity.equals("Card") ? "card of the target list" : "list of the board"));
            }
            return found.get(0);
        }

        /** The smallest key above / largest below {@code than} (or the largest of all), null if none. */
        private String bound(String function, String comparison, String than) {
            var query = em.createQuery("select " + function + "(s.sortKey) from " + entity + " s where s." + parentField
                            + " = :parent and s.id <> :moving" + (comparison == null ? "" : " and s.sortKey " + comparison + " :than"), String.class)
                    .setParameter("parent", parent)
                    .setParameter("moving", movingId);
            if (comparison != null) {
                query.setParameter("than", than);
            }
            return query.getSingleResult();
        }

        /** Fresh keys for every sibling, in their order; temporary keys first so that no two rows ever share one. */
        private void rebalance() {
            List<Ordered> siblings = em.createQuery("select s from " + entity + " s where s." + parentField
                            + " = :parent order by s.sortKey", Ordered.class)
                    .setParameter("parent", parent)
                    .getResultList();
            siblings.forEach(s -> s.rekey(SortKey.TEMPORARY + s.id()));
            em.flush();
            List<String> keys = SortKey.spread(siblings.size());
            for (int i = 0; i < siblings.size(); i++) {
                siblings.get(i).rekey(keys.get(i));
            }
            em.flush();
            LOG.fine(() -> "Rebalanced " + siblings.size() + " " + entity + " keys");
        }
    }
}
