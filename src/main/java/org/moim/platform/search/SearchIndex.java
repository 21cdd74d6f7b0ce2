package org.moim.platform.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes documents into {@code search_gram} (in the caller's transaction, so the index changes
 * with the text) and builds the clause that finds the candidates for a query. A document is one
 * kind letter and an id: {@code M} a chat message, {@code K} a card.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SearchIndex {

    /** Rows per INSERT statement. */
    private static final int BATCH = 400;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /** The document now has these texts (its old grams are replaced). */
    public void replace(char kind, String docId, String... texts) {
        remove(kind, docId);
        add(kind, docId, texts);
    }

    /** A document that is not indexed yet (a new one). */
    public void add(char kind, String docId, String... texts) {
        List<String> grams = new ArrayList<>(Grams.of(texts));
        for (int from = 0; from < grams.size(); from += BATCH) {
            List<String> chunk = grams.subList(from, Math.min(grams.size(), from + BATCH));
            Sql insert = new Sql("INSERT INTO search_gram (doc_kind, gram, doc_id) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                insert.add((i == 0 ? "" : ", ") + "(?, ?, ?)", String.valueOf(kind), chunk.get(i), docId);
            }
            insert.query(em).executeUpdate();
        }
    }

    public void remove(char kind, String docId) {
        em.createNativeQuery("DELETE FROM search_gram WHERE doc_kind = ?1 AND doc_id = ?2")
                .setParameter(1, String.valueOf(kind))
                .setParameter(2, docId)
                .executeUpdate();
    }

    /** Removes many documents of one kind in one statement. */
    public void removeAll(char kind, Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return;
        }
        new Sql("DELETE FROM search_gram WHERE doc_kind = ?", String.valueOf(kind)).in(" AND doc_id", docIds).query(em).executeUpdate();
    }

    /**
     * Appends {@code column IN (ids of the documents of this kind that may contain query)} to
     * the statement: one index range for a short query, the documents having every trigram
     * for a longer one.
     */
    public Sql candidates(Sql sql, String column, char kind, String query) {
        List<String> grams = Grams.ofQuery(query);
        if (Grams.isPrefix(query)) {
            return sql.add(" " + column + " IN (SELECT g.doc_id FROM search_gram g WHERE g.doc_kind = ? AND g.gram LIKE ? ESCAPE '!')",
                    String.valueOf(kind), Sql.escapeLike(grams.get(0)) + "%");
        }
        sql.add(" " + column + " IN (SELECT g.doc_id FROM search_gram g WHERE g.doc_kind = ?", String.valueOf(kind));
        sql.in(" AND g.gram", grams);
        return sql.add(" GROUP BY g.doc_id HAVING COUNT(*) = ?)", grams.size());
    }
}
