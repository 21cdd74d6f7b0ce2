package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moim.board.entity.Board;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.search.SearchIndex;
import org.moim.platform.search.SearchQuery;
import org.moim.platform.search.Snippets;
import org.moim.platform.search.Sql;

/**
 * Search over boards (by name) and cards (title, description, comments), limited to the boards
 * {@link BoardPolicy#visibleBoardIds} lets the caller see; archived cards and cards in archived
 * lists are left out, as the board view leaves them out. Cards are kept in the search index by
 * {@link #reindex}, which {@link Cards} and {@link Comments} call whenever a card's text changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardSearch {

    /** Cards (with their comments) in the search index. */
    public static final char INDEX_KIND = 'K';

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    SearchIndex index;

    /** A card that matched: {@code field} says where (title, description or comment) and {@code excerpt} shows it. */
    public record CardHit(String id, String boardId, String boardName, String title, String field, String excerpt,
                          Instant createdAt) {
    }

    /** The card's title, description and comments, as they are now, into the index. */
    public void reindex(String cardId) {
        Object[] card = em.createQuery("select c.title, c.description from Card c where c.id = :id", Object[].class)
                .setParameter("id", cardId).getSingleResult();
        List<String> comments = em.createQuery("select k.body from Comment k where k.card.id = :id", String.class)
                .setParameter("id", cardId).getResultList();
        String[] texts = new String[comments.size() + 2];
        texts[0] = (String) card[0];
        texts[1] = (String) card[1];
        for (int i = 0; i < comments.size(); i++) {
            texts[i + 2] = comments.get(i);
        }
        index.replace(INDEX_KIND, cardId, texts);
    }

    /** Live cards of the boards the caller sees whose title, description or a comment contains the query, newest first. */
    public Page<CardHit> cards(String workspaceId, String accountId, String query, String cursorText, int limit) {
        String q = SearchQuery.require(query);
        Cursor after = Cursor.decode("cursor", cursorText);
        policy.requireInWorkspace(workspaceId, accountId, BoardAction.LIST_BOARDS);
        List<String> boards = policy.visibleBoardIds(workspaceId, accountId);
        if (boards.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        String pattern = Sql.containing(q);
        Sql sql = new Sql("SELECT c.id, c.board_id, b.name, c.title, c.description, c.created_at FROM card c"
                + " JOIN board b ON b.id = c.board_id JOIN board_list l ON l.id = c.list_id WHERE")
                .in(" c.board_id", boards)
                .add(" AND c.archived = FALSE AND l.archived = FALSE AND (LOWER(c.title) LIKE ? ESCAPE '!'"
                        + " OR LOWER(c.description) LIKE ? ESCAPE '!'"
                        + " OR EXISTS (SELECT 1 FROM card_comment k WHERE k.card_id = c.id AND LOWER(k.body) LIKE ? ESCAPE '!'))",
                        pattern, pattern, pattern);
        if (after != null) {
            sql.add(" AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))", after.createdAt(), after.createdAt(), after.id());
        }
        index.candidates(sql.add(" AND"), "c.id", INDEX_KIND, q).add(" ORDER BY c.created_at DESC, c.id DESC LIMIT ?", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.query(em).getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        List<String> inComments = page.stream()
                .filter(r -> Snippets.around((String) r[3], q) == null && Snippets.around((String) r[4], q) == null)
                .map(r -> (String) r[0]).toList();
        Map<String, String> comments = new HashMap<>();
        if (!inComments.isEmpty()) {
            em.createQuery("select k.card.id, k.body from Comment k where k.card.id in :cards and lower(k.body) like :pattern escape '!'"
                            + " order by k.createdAt", Object[].class)
                    .setParameter("cards", inComments).setParameter("pattern", pattern).getResultList()
                    .forEach(r -> comments.putIfAbsent((String) r[0], (String) r[1]));
        }
        List<CardHit> hits = page.stream().map(r -> {
            String title = (String) r[3];
            String description = Snippets.around((String) r[4], q);
            String field = Snippets.around(title, q) != null ? "title" : description != null ? "description" : "comment";
            String excerpt = switch (field) {
                case "title" -> null;
                case "description" -> description;
                default -> Snippets.around(comments.get((String) r[0]), q);
            };
            return new CardHit((String) r[0], (String) r[1], (String) r[2], title, field, excerpt, Snippets.instant(r[5]));
        }).toList();
        String next = more ? new Cursor(hits.get(hits.size() - 1).createdAt(), hits.get(hits.size() - 1).id()).encode() : null;
        return new Page<>(hits, next);
    }

    /** Boards the caller sees whose name contains the query, newest first (archived ones too, marked). */
    public Page<Board> boards(String workspaceId, String accountId, String query, String cursorText, int limit) {
        String q = SearchQuery.require(query);
        Cursor after = Cursor.decode("cursor", cursorText);
        policy.requireInWorkspace(workspaceId, accountId, BoardAction.LIST_BOARDS);
        List<String> boards = policy.visibleBoardIds(workspaceId, accountId);
        if (boards.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        TypedQuery<Board> select = em.createQuery("select b from Board b where b.id in :boards and lower(b.name) like :pattern escape '!'"
                        + (after == null ? "" : " and (b.createdAt < :at or (b.createdAt = :at and b.id < :id))")
                        + " order by b.createdAt desc, b.id desc", Board.class)
                .setParameter("boards", boards)
                .setParameter("pattern", Sql.containing(q))
                .setMaxResults(limit + 1);
        if (after != null) {
            select.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        List<Board> rows = select.getResultList();
        boolean more = rows.size() > limit;
        List<Board> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id()).encode() : null;
        return new Page<>(page, next);
    }
}
