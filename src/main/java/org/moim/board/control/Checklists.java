package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.moim.board.entity.Board;
import org.moim.board.entity.Card;
import org.moim.board.entity.ChecklistItem;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;

/** The checklist of a card: items in order, each done or not. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Checklists {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    Cards cards;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /** A new item at the end of the card's checklist. */
    public ChecklistItem add(String workspaceId, String boardId, String accountId, String cardId, String content) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        String checked = BoardTexts.name("content", content, limits.checklistItemMaxLength());
        // The card's row lock keeps the count and the order right when two add at once.
        Card card = cards.find(board, cardId);
        em.refresh(card, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<ChecklistItem> items = items(card);
        if (items.size() >= limits.checklistItemsPerCard()) {
            throw new BoardLimitReached("content", "checklist items on a card", limits.checklistItemsPerCard());
        }
        int position = items.isEmpty() ? 0 : items.get(items.size() - 1).sortOrder() + 1;
        ChecklistItem item = new ChecklistItem(card, checked, position, clock.instant());
        em.persist(item);
        activity.record(board.id(), accountId, "checklist.added", card.id(),
                ActivityLog.details("title", card.title(), "itemId", item.id(), "content", checked));
        em.flush();
        return item;
    }

    /** Changes the text, the done flag and/or the position (0 = first) of an item. */
    public ChecklistItem update(String workspaceId, String boardId, String accountId, String cardId, String itemId,
                                Long expectedVersion, String content, Boolean done, Integer position,
                                Function<ChecklistItem, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        Card card = cards.find(board, cardId);
        ChecklistItem item = find(card, itemId);
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw new StaleVersion(item.version(), current.apply(item));
        }
        Instant now = clock.instant();
        if (content != null) {
            String checked = BoardTexts.name("content", content, limits.checklistItemMaxLength());
            if (!checked.equals(item.content())) {
                item.rewrite(checked, now);
                activity.record(board.id(), accountId, "checklist.updated", card.id(),
                        ActivityLog.details("title", card.title(), "itemId", item.id(), "content", checked));
            }
        }
        if (done != null && done != item.done()) {
            item.check(done, now);
            activity.record(board.id(), accountId, done ? "checklist.checked" : "checklist.unchecked", card.id(),
                    ActivityLog.details("title", card.title(), "itemId", item.id(), "content", item.content()));
        }
        if (position != null) {
            reorder(card, item, position);
        }
        em.flush();
        return item;
    }

    public void remove(String workspaceId, String boardId, String accountId, String cardId, String itemId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        Card card = cards.find(board, cardId);
        ChecklistItem item = find(card, itemId);
        em.remove(item);
        activity.record(board.id(), accountId, "checklist.removed", card.id(),
                ActivityLog.details("title", card.title(), "itemId", item.id(), "content", item.content()));
        em.flush();
    }

    /** Numbers the (at most a hundred or so) items again, with {@code item} at {@code position}. */
    private void reorder(Card card, ChecklistItem item, int position) {
        em.refresh(card, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<ChecklistItem> items = new ArrayList<>(items(card));
        if (position < 0 || position >= items.size()) {
            throw new InvalidField("position", "must be between 0 and " + (items.size() - 1));
        }
        items.removeIf(i -> i.id().equals(item.id()));
        items.add(position, item);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).sortOrder() != i) {
                items.get(i).reorder(i);
            }
        }
    }

    private List<ChecklistItem> items(Card card) {
        return em.createQuery("select i from ChecklistItem i where i.card = :card order by i.sortOrder, i.createdAt", ChecklistItem.class)
                .setParameter("card", card).getResultList();
    }

    private ChecklistItem find(Card card, String itemId) {
        ChecklistItem item = itemId == null ? null : em.find(ChecklistItem.class, itemId);
        if (item == null || !item.card().id().equals(card.id())) {
            throw new NotFound("The checklist item");
        }
        return item;
    }
}
