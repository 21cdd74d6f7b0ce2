package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.moim.board.entity.Board;
import org.moim.board.entity.Label;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;

/** The labels of a board. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Labels {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    public List<Label> list(String workspaceId, String boardId, String accountId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD).board();
        return of(board.id());
    }

    /** The board's labels in the order they were made. */
    public List<Label> of(String boardId) {
        return em.createQuery("select l from Label l where l.board.id = :board order by l.createdAt, l.id", Label.class)
                .setParameter("board", boardId)
                .getResultList();
    }

    public Label create(String workspaceId, String boardId, String accountId, String name, String colour) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LABELS).board();
        Label label = new Label(board, BoardTexts.name("name", name, limits.labelNameMaxLength()), requiredColour(colour), clock.instant());
        long count = em.createQuery("select count(l) from Label l where l.board = :board", Long.class)
                .setParameter("board", board).getSingleResult();
        if (count >= limits.labelsPerBoard()) {
            throw new BoardLimitReached("name", "labels on a board", limits.labelsPerBoard());
        }
        em.persist(label);
        activity.record(board.id(), accountId, "label.created", null,
                ActivityLog.details("labelId", label.id(), "name", label.name(), "colour", label.colour()));
        em.flush();
        return label;
    }

    public Label update(String workspaceId, String boardId, String accountId, String labelId, Long expectedVersion,
                        String name, String colour, Function<Label, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LABELS).board();
        Label label = find(board, labelId);
        if (expectedVersion != null && expectedVersion != label.version()) {
            throw new StaleVersion(label.version(), current.apply(label));
        }
        String newName = name == null ? label.name() : BoardTexts.name("name", name, limits.labelNameMaxLength());
        String newColour = colour == null ? label.colour() : requiredColour(colour);
        if (!newName.equals(label.name()) || !newColour.equals(label.colour())) {
            label.change(newName, newColour);
            activity.record(board.id(), accountId, "label.updated", null,
                    ActivityLog.details("labelId", label.id(), "name", newName, "colour", newColour));
            em.flush();
        }
        return label;
    }

    /** Deletes the label and takes it off every card (the foreign key cascades). */
    public void delete(String workspaceId, String boardId, String accountId, String labelId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LABELS).board();
        Label label = find(board, labelId);
        activity.record(board.id(), accountId, "label.deleted", null, ActivityLog.details("labelId", label.id(), "name", label.name()));
        em.createQuery("delete from CardLabel cl where cl.label = :label").setParameter("label", label).executeUpdate();
        em.remove(label);
        em.flush();
    }

    Label find(Board board, String labelId) {
        Label label = labelId == null ? null : em.find(Label.class, labelId);
        if (label == null || !label.board().id().equals(board.id())) {
            throw new NotFound("The label");
        }
        return label;
    }

    private static String requiredColour(String colour) {
        String checked = BoardTexts.colour("colour", colour);
        if (checked == null) {
            throw new InvalidField("colour", "must be a colour like #d73a4a");
        }
        return checked;
    }
}
