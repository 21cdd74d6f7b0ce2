package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.moim.board.control.BoardAction;
import org.moim.board.control.BoardPolicy;
import org.moim.board.entity.Card;
import org.moim.file.entity.AttachmentTarget;
import org.moim.platform.problem.NotFound;

/**
 * Files on boards and cards: {@code board:<id>} and {@code card:<id>}, both in the scope of their
 * board. Who sees them is whoever {@link BoardPolicy} lets see the board (owners, managers and
 * members see every board of the workspace; guests the boards that list them), so attaching needs
 * {@link BoardAction#VIEW_BOARD} (the same roles as editing cards).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardTargets implements AttachmentTargetType {

    static final String BOARD = "board";
    static final String CARD = "card";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy boards;

    @Override
    public Set<String> kinds() {
        return Set.of(BOARD, CARD);
    }

    @Override
    public AttachmentTarget scopeOf(String workspaceId, AttachmentTarget target, String accountId) {
        String boardId = target.id();
        if (target.kind().equals(CARD)) {
            Card card = em.find(Card.class, target.id());
            if (card == null) {
                throw new NotFound("The card");
            }
            boardId = card.board().id();
        }
        try {
            boards.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        } catch (NotFound e) {
            throw new NotFound("The " + target.kind());
        }
        return new AttachmentTarget(BOARD, boardId);
    }

    @Override
    public boolean canSee(String workspaceId, AttachmentTarget scope, String accountId) {
        try {
            boards.access(workspaceId, scope.id(), accountId, BoardAction.VIEW_BOARD);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    @Override
    public boolean everyMemberSees(String scopeKind) {
        return BOARD.equals(scopeKind);
    }
}
