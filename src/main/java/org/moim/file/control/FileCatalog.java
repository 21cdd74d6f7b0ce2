package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.moim.file.entity.AttachmentTarget;
import org.moim.file.entity.StoredFile;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.entity.Membership;

/**
 * The workspace file browser: the files the caller may see, filtered, searched, sorted and
 * paged by keyset, in one query (with their uploaders) after the membership check.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FileCatalog {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    FilePolicy policy;

    @Inject
    AttachmentTargets targets;

    @Inject
    FileLimits limits;

    public Page<StoredFile> list(String workspaceId, String accountId, FileQuery query) {
        Membership membership = policy.member(workspaceId, accountId);
        StringBuilder where = new StringBuilder("f.workspaceId = :workspace");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("workspace", workspaceId);

        AttachmentTarget target = targets.parse("target", query.target());
        if (target != null) {
            // Seeing the place means seeing everything attached there (or to what is in it).
            targets.scopeOf(workspaceId, target, accountId);
            where.append(" and ((f.targetKind = :kind and f.targetId = :targetId) or (f.scopeKind = :kind and f.scopeId = :targetId))");
            parameters.put("kind", target.kind());
            parameters.put("targetId", target.id());
        } else if (FileAction.SEE_WORKSPACE_FILES.allows(membership.role())) {
            Set<String> open = targets.openScopeKinds();
            where.append(" and (f.scopeKind is null or f.uploaderId = :me").append(open.isEmpty() ? "" : " or f.scopeKind in :open").append(")");
            parameters.put("me", accountId);
            if (!open.isEmpty()) {
                parameters.put("open", open);
            }
        } else {
            where.append(" and f.uploaderId = :me");
            parameters.put("me", accountId);
        }
        if (query.uploaderId() != null) {
            where.append(" and f.uploaderId = :uploader");
            parameters.put("uploader", query.uploaderId());
        }
        if (query.type() != null) {
            String type = query.type().toLowerCase(Locale.ROOT);
            if (type.endsWith("/*")) {
                where.append(" and f.contentType like :family");
                parameters.put("family", type.substring(0, type.length() - 1) + "%");
            } else {
                where.append(" and f.contentType = :type");
                parameters.put("type", type);
            }
        }
        if (query.search() != null) {
            where.append(" and f.sortName like :pattern escape '!'");
            parameters.put("pattern", "%" + likeEscaped(StoredFile.sortKey(query.search())) + "%");
        }

        String column = switch (query.sort()) {
            case DATE -> "f.createdAt";
            case NAME -> "f.sortName";
            case SIZE -> "f.size";
        };
        String direction = query.descending() ? "desc" : "asc";
        String beyond = query.descending() ? "<" : ">";
        FileCursor cursor = FileCursor.decode(query.cursor(), query.sort(), query.descending());
        if (cursor != null) {
            where.append(" and (").append(column).append(' ').append(beyond).append(" :after or (")
                    .append(column).append(" = :after and f.id ").append(beyond).append(" :afterId))");
            parameters.put("after", cursorValue(cursor));
            parameters.put("afterId", cursor.id());
        }

        TypedQuery<StoredFile> select = em.createQuery("select f from StoredFile f left join fetch f.uploader where " + where
                + " order by " + column + " " + direction + ", f.id " + direction, StoredFile.class);
        parameters.forEach(select::setParameter);
        List<StoredFile> found = select.setMaxResults(query.limit() + 1).getResultList();
        if (found.size() <= query.limit()) {
            return new Page<>(found, null);
        }
        StoredFile last = found.get(query.limit() - 1);
        String value = switch (query.sort()) {
            case DATE -> last.createdAt().toString();
            case NAME -> StoredFile.sortKey(last.name());
            case SIZE -> Long.toString(last.size());
        };
        return new Page<>(found.subList(0, query.limit()),
                new FileCursor(query.sort(), query.descending(), value, last.id()).encode());
    }

    /** The workspace's storage usage against its limits. */
    public FileLimits.Usage usage(String workspaceId, String accountId) {
        policy.require(workspaceId, accountId, FileAction.VIEW_STORAGE_USAGE);
        return limits.usage(workspaceId);
    }

    private static Object cursorValue(FileCursor cursor) {
        try {
            return switch (cursor.sort()) {
                case DATE -> Instant.parse(cursor.value());
                case NAME -> cursor.value();
                case SIZE -> Long.parseLong(cursor.value());
            };
        } catch (RuntimeException e) {
            throw new InvalidField("cursor", "is not a cursor this API gave out");
        }
    }

    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
