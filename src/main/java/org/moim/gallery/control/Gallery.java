package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moim.file.control.FileCatalog;
import org.moim.file.control.FileQuery;
import org.moim.file.entity.StoredFile;
import org.moim.gallery.entity.PictureReaction;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;

/**
 * Pages of pictures: the files the caller may see whose type is {@code image/*}, newest first,
 * by keyset, as the file browser lists them ({@link FileCatalog}: the same rule, the same
 * cursor), with each picture's comment count and reactions. Any page costs the file list's
 * statements plus two grouped queries, whatever its size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Gallery {

    public static final int DEFAULT_PAGE = 60;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FileCatalog catalog;

    @Inject
    GalleryPolicy policy;

    /** A picture with what people said about it; {@code reactions} in palette order. */
    public record Picture(StoredFile file, long comments, List<ReactionCount> reactions) {
    }

    /** How many gave the reaction, and whether the caller is among them. */
    public record ReactionCount(String code, long count, boolean mine) {
    }

    /** {@code target}: null for the workspace, or {@code board:<id>}, {@code channel:<id>}. */
    public Page<Picture> page(String workspaceId, String accountId, String target, int limit, String cursor) {
        if (target != null && !target.isBlank() && !(target.startsWith("board:") || target.startsWith("channel:"))) {
            throw new InvalidField("target", "must be board:<id> or channel:<id>");
        }
        FileQuery query = FileQuery.of(null, "image/*", target, null, "date", null, limit, cursor);
        Page<StoredFile> files = catalog.list(workspaceId, accountId, query);
        return new Page<>(pictures(files.items(), accountId), files.nextCursor());
    }

    /** One picture the caller may see. */
    public Picture picture(String fileId, String accountId) {
        return pictures(List.of(policy.picture(fileId, accountId)), accountId).get(0);
    }

    private List<Picture> pictures(List<StoredFile> files, String accountId) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> ids = files.stream().map(StoredFile::id).toList();
        Map<String, Long> comments = new HashMap<>();
        em.createQuery("select c.fileId, count(c) from PictureComment c where c.fileId in :ids group by c.fileId", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> comments.put((String) row[0], ((Number) row[1]).longValue()));
        Map<String, Map<String, ReactionCount>> reactions = new HashMap<>();
        em.createQuery("select r.fileId, r.code, count(r), sum(case when r.accountId = :me then 1 else 0 end)"
                        + " from PictureReaction r where r.fileId in :ids group by r.fileId, r.code", Object[].class)
                .setParameter("ids", ids)
                .setParameter("me", accountId)
                .getResultList()
                .forEach(row -> reactions.computeIfAbsent((String) row[0], id -> new HashMap<>())
                        .put((String) row[1], new ReactionCount((String) row[1], ((Number) row[2]).longValue(),
                                ((Number) row[3]).longValue() > 0)));
        return files.stream().map(file -> new Picture(file, comments.getOrDefault(file.id(), 0L),
                ordered(reactions.getOrDefault(file.id(), Map.of())))).toList();
    }

    private static List<ReactionCount> ordered(Map<String, ReactionCount> byCode) {
        Map<String, ReactionCount> ordered = new LinkedHashMap<>();
        PictureReaction.CODES.forEach(code -> {
            if (byCode.containsKey(code)) {
                ordered.put(code, byCode.get(code));
            }
        });
        return List.copyOf(ordered.values());
    }
}
