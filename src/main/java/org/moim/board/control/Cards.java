package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardList;
import org.moim.board.entity.Card;
import org.moim.board.entity.CardAssignee;
import org.moim.board.entity.CardLabel;
import org.moim.board.entity.ChecklistItem;
import org.moim.board.entity.Label;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;

/** Cards: creating, reading, changing, assigning, labelling, archiving and moving them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Cards {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardSearch search;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    BoardLists lists;

    @Inject
    Positions positions;

    @Inject
    ActivityLog activity;

    @Inject
    CardNotices notices;

    @Inject
    Clock clock;

    /**
     * What a client sets on a card. Null members stay as they are; a blank {@code startAt} or
     * {@code dueAt} clears it; the id lists replace the whole set.
     */
    public record CardFields(String title, String description, String startAt, String dueAt, Boolean archived,
                             List<String> assigneeIds, List<String> labelIds) {
    }

    /** A card with what hangs off it, read in a constant number of queries. */
    public record Detail(Card card, List<Person> assignees, List<Label> labels, List<ChecklistItem> checklist, long comments) {
    }

    public Card create(String workspaceId, String boardId, String accountId, String listId, CardFields fields,
                       String afterCardId, String beforeCardId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        String title = BoardTexts.name("title", fields.title(), limits.cardTitleMaxLength());
        String description = BoardTexts.text("description", fields.description(), limits.cardDescriptionMaxLength(), false);
        Instant startAt = BoardTexts.instant("startAt", fields.startAt());
        Instant dueAt = BoardTexts.instant("dueAt", fields.dueAt());
        checkSchedule(startAt, dueAt);
        Set<String> assignees = assignees(board, fields.assigneeIds());
        List<Label> cardLabels = labels(board, fields.labelIds());
        if (listId == null) {
            throw new InvalidField("listId", "must not be null");
        }
        positions.lock(board);
        BoardList list = liveList(board, listId);
        long onBoard = em.createQuery("select count(c) from Card c where c.board = :board", Long.class)
                .setParameter("board", board).getSingleResult();
        if (onBoard >= limits.cardsPerBoard()) {
            throw new BoardLimitReached("listId", "cards on a board", limits.cardsPerBoard());
        }
        checkRoomIn(list);
        Instant now = clock.instant();
        Card card = new Card(list, title, description, positions.forCard(list, null, afterCardId, beforeCardId), accountId, now);
        card.schedule(startAt, dueAt, now);
        em.persist(card);
        assignees.forEach(a -> em.persist(new CardAssignee(card, a, accountId, now)));
        cardLabels.forEach(l -> em.persist(new CardLabel(card, l)));
        activity.record(board.id(), accountId, "card.created", card.id(), ActivityLog.details("title", title, "listId", list.id(),
                "assigneeIds", assignees.isEmpty() ? null : assignees,
                "labelIds", cardLabels.isEmpty() ? null : cardLabels.stream().map(Label::id).toList()));
        em.flush();
        search.reindex(card.id());
        notices.assigned(card, accountId, assignees);
        notices.mentionedInCard(card, accountId, Mentions.in(description));
        return card;
    }

    public Detail get(String workspaceId, String boardId, String accountId, String cardId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD).board();
        return detail(find(board, cardId));
    }

    /** The card with its assignees, labels, checklist and comment count (four more queries). */
    public Detail detail(Card card) {
        List<Person> people = em.createQuery("""
                        select new org.moim.board.control.Person(a.accountId, acc.displayName)
                        from CardAssignee a, Account acc where a.card = :card and acc.id = a.accountId
                        order by acc.displayName, a.accountId""", Person.class)
                .setParameter("card", card).getResultList();
        List<Label> cardLabels = em.createQuery("select cl.label from CardLabel cl where cl.card = :card order by cl.label.createdAt, cl.label.id",
                        Label.class)
                .setParameter("card", card).getResultList();
        List<ChecklistItem> checklist = em.createQuery("select i from ChecklistItem i where i.card = :card order by i.sortOrder, i.createdAt",
                        ChecklistItem.class)
                .setParameter("card", card).getResultList();
        long comments = em.createQuery("select count(c) from Comment c where c.card = :card", Long.class)
                .setParameter("card", card).getSingleResult();
        return new Detail(card, people, cardLabels, checklist, comments);
    }

    public Card update(String workspaceId, String boardId, String accountId, String cardId, Long expectedVersion,
                       CardFields changes, Function<Detail, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        Card card = find(board, cardId);
        if (expectedVersion != null && expectedVersion != card.version()) {
            throw new StaleVersion(card.version(), current.apply(detail(card)));
        }
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>();
        Set<String> newlyMentioned = Set.of();
        if (changes.title() != null) {
            String title = BoardTexts.name("title", changes.title(), limits.cardTitleMaxLength());
            if (!title.equals(card.title())) {
                card.retitle(title, now);
                fields.add("title");
            }
        }
        if (changes.description() != null) {
            String description = BoardTexts.text("description", changes.description(), limits.cardDescriptionMaxLength(), false);
            if (!description.equals(card.description())) {
                newlyMentioned = Mentions.added(card.description(), description);
                card.describe(description, now);
                fields.add("description");
            }
        }
        if (changes.startAt() != null || changes.dueAt() != null) {
            Instant startAt = changes.startAt() == null ? card.startAt() : BoardTexts.instant("startAt", changes.startAt());
            Instant dueAt = changes.dueAt() == null ? card.dueAt() : BoardTexts.instant("dueAt", changes.dueAt());
            checkSchedule(startAt, dueAt);
            if (!Objects.equals(startAt, card.startAt()) || !Objects.equals(dueAt, card.dueAt())) {
                card.schedule(startAt, dueAt, now);
                fields.add("dates");
            }
        }
        if (!fields.isEmpty()) {
            activity.record(board.id(), accountId, "card.updated", card.id(), ActivityLog.details("title", card.title(), "fields", fields));
        }
        if (changes.archived() != null && changes.archived() != card.archived()) {
            card.archive(changes.archived(), now);
            activity.record(board.id(), accountId, changes.archived() ? "card.archived" : "card.unarchived", card.id(),
                    ActivityLog.details("title", card.title()));
        }
        boolean related = false;
        Set<String> newAssignees = Set.of();
        if (changes.assigneeIds() != null) {
            Set<String> wanted = assignees(board, changes.assigneeIds());
            List<CardAssignee> existing = em.createQuery("select a from CardAssignee a where a.card = :card", CardAssignee.class)
                    .setParameter("card", card).getResultList();
            Set<String> removed = new LinkedHashSet<>();
            for (CardAssignee assignee : existing) {
                if (!wanted.remove(assignee.accountId())) {
                    em.remove(assignee);
                    removed.add(assignee.accountId());
                }
            }
            wanted.forEach(a -> em.persist(new CardAssignee(card, a, accountId, now)));
            if (!wanted.isEmpty()) {
                activity.record(board.id(), accountId, "card.assigned", card.id(), ActivityLog.details("title", card.title(), "accountIds", wanted));
            }
            if (!removed.isEmpty()) {
                activity.record(board.id(), accountId, "card.unassigned", card.id(), ActivityLog.details("title", card.title(), "accountIds", removed));
            }
            related = !wanted.isEmpty() || !removed.isEmpty();
            newAssignees = wanted;
        }
        if (changes.labelIds() != null) {
            List<Label> wanted = new ArrayList<>(labels(board, changes.labelIds()));
            List<CardLabel> existing = em.createQuery("select cl from CardLabel cl join fetch cl.label where cl.card = :card", CardLabel.class)
                    .setParameter("card", card).getResultList();
            List<String> removed = new ArrayList<>();
            for (CardLabel cardLabel : existing) {
                if (!wanted.removeIf(l -> l.id().equals(cardLabel.label().id()))) {
                    em.remove(cardLabel);
                    removed.add(cardLabel.label().id());
                }
            }
            wanted.forEach(l -> em.persist(new CardLabel(card, l)));
            if (!wanted.isEmpty()) {
                activity.record(board.id(), accountId, "card.labelled", card.id(),
                        ActivityLog.details("title", card.title(), "labelIds", wanted.stream().map(Label::id).toList()));
            }
            if (!removed.isEmpty()) {
                activity.record(board.id(), accountId, "card.unlabelled", card.id(), ActivityLog.details("title", card.title(), "labelIds", removed));
            }
            related |= !wanted.isEmpty() || !removed.isEmpty();
        }
        if (related) {
            // The card's own row did not change, but what a client shows of it did: a new version.
            card.touch(now);
            em.lock(card, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        if (fields.contains("title") || fields.contains("description")) {
            search.reindex(card.id());
        }
        notices.assigned(card, accountId, newAssignees);
        notices.mentionedInCard(card, accountId, newlyMentioned);
        return card;
    }

    /**
     * Moves the card into {@code listId} (default: its own list), right after
     * {@code afterCardId}, right before {@code beforeCardId}, or to the end, under the board lock.
     */
    public Card move(String workspaceId, String boardId, String accountId, String cardId, Long expectedVersion,
                     String listId, String afterCardId, String beforeCardId, Function<Detail, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.EDIT_CARDS).board();
        positions.lock(board);
        Card card = find(board, cardId);
        if (expectedVersion != null && expectedVersion != card.version()) {
            throw new StaleVersion(card.version(), current.apply(detail(card)));
        }
        BoardList from = card.list();
        BoardList to = listId == null ? from : liveList(board, listId);
        if (!to.id().equals(from.id())) {
            checkRoomIn(to);
        }
        card.moveTo(to, positions.forCard(to, card, afterCardId, beforeCardId), clock.instant());
        activity.record(board.id(), accountId, "card.moved", card.id(), ActivityLog.details("title", card.title(),
                "fromListId", from.id(), "toListId", to.id(), "afterCardId", afterCardId, "beforeCardId", beforeCardId));
        em.flush();
        return card;
    }

    /** A card of the board, else 404. */
    Card find(Board board, String cardId) {
        Card card = cardId == null ? null : em.find(Card.class, cardId);
        if (card == null || !card.board().id().equals(board.id())) {
            throw new NotFound("The card");
        }
        return card;
    }

    private BoardList liveList(Board board, String listId) {
        BoardList list;
        try {
            list = lists.find(board, listId);
        } catch (NotFound e) {
            throw new InvalidField("listId", "must be a list of this board");
        }
        if (list.archived()) {
            throw new InvalidField("listId", "must not be an archived list");
        }
        return list;
    }

    private void checkRoomIn(BoardList list) {
        long inList = em.createQuery("select count(c) from Card c where c.list = :list", Long.class)
                .setParameter("list", list).getSingleResult();
        if (inList >= limits.cardsPerList()) {
            throw new BoardLimitReached("listId", "cards in a list", limits.cardsPerList());
        }
    }

    private static void checkSchedule(Instant startAt, Instant dueAt) {
        if (startAt != null && dueAt != null && dueAt.isBefore(startAt)) {
            throw new InvalidField("dueAt", "must not be before startAt");
        }
    }

    /** The accounts to assign: people who may read the board, at most the limit. */
    private Set<String> assignees(Board board, List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>();
        if (ids == null) {
            return wanted;
        }
        for (String id : ids) {
            if (id == null) {
                throw new InvalidField("assigneeIds", "must not contain null");
            }
            wanted.add(id);
        }
        if (wanted.size() > limits.assigneesPerCard()) {
            throw new BoardLimitReached("assigneeIds", "assignees on a card", limits.assigneesPerCard());
        }
        if (!wanted.isEmpty() && !policy.readers(board.id()).containsAll(wanted)) {
            throw new InvalidField("assigneeIds", "must only name people who can see this board");
        }
        return wanted;
    }

    /** The board's labels with these ids (each once), in one query. */
    private List<Label> labels(Board board, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null) {
                throw new InvalidField("labelIds", "must not contain null");
            }
            wanted.add(id);
        }
        List<Label> found = em.createQuery("select l from Label l where l.board = :board and l.id in :ids order by l.createdAt, l.id", Label.class)
                .setParameter("board", board)
                .setParameter("ids", wanted)
                .getResultList();
        if (found.size() != wanted.size()) {
            throw new InvalidField("labelIds", "must only name labels of this board");
        }
        return found;
    }
}
