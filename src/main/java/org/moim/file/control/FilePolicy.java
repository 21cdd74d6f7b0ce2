package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.file.entity.AttachmentTarget;
import org.moim.file.entity.StoredFile;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may see and change which file.
 *
 * <ul>
 *   <li>Not a member of the file's workspace (or no such file): 404, as for workspaces.</li>
 *   <li>Seeing a file: its uploader always; a file attached to nothing, whoever's role may
 *       {@link FileAction#SEE_WORKSPACE_FILES}; an attached file, whoever may see its scope (the
 *       board, the channel), as that feature decides (those roles see every board). Anyone else
 *       gets 404.</li>
 *   <li>Renaming or deleting: the uploader, or a role that may {@link FileAction#MANAGE_OTHERS_FILES}
 *       (among those who see the file); others 403.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FilePolicy {

    /** What is asked of one file. */
    public enum Use {
        SEE, CHANGE
    }

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    @Inject
    AttachmentTargets targets;

    /** The caller's membership of the (live) workspace; 404 for anyone else. */
    public Membership member(String workspaceId, String accountId) {
        return workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
    }

    /** The caller's membership, if the caller's role may do the action in the workspace. */
    public Membership require(String workspaceId, String accountId, FileAction action) {
        return require(member(workspaceId, accountId), action);
    }

    public Membership require(Membership membership, FileAction action) {
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    /** The file (with its uploader), if the caller may put it to this use. */
    public StoredFile require(String fileId, String accountId, Use use) {
        List<StoredFile> found = fileId == null ? List.of() : em.createQuery(
                        "select f from StoredFile f left join fetch f.uploader where f.id = :id", StoredFile.class)
                .setParameter("id", fileId)
                .getResultList();
        if (found.isEmpty()) {
            throw notFound();
        }
        StoredFile file = found.get(0);
        Membership membership;
        try {
            membership = workspaces.require(file.workspaceId(), accountId, Action.VIEW_WORKSPACE);
        } catch (NotFound e) {
            throw notFound();
        }
        if (!canSee(file, membership, accountId)) {
            throw notFound();
        }
        if (use == Use.CHANGE && !file.isUploadedBy(accountId)) {
            require(membership, FileAction.MANAGE_OTHERS_FILES);
        }
        return file;
    }

    boolean canSee(StoredFile file, Membership membership, String accountId) {
        if (file.isUploadedBy(accountId)) {
            return true;
        }
        AttachmentTarget scope = file.scope().orElse(null);
        boolean seesWorkspaceFiles = FileAction.SEE_WORKSPACE_FILES.allows(membership.role());
        if (scope == null) {
            return seesWorkspaceFiles;
        }
        // As in the list: places every such member sees (boards) need no question, even once
        // the place itself is deleted (its files then stay with the workspace).
        if (seesWorkspaceFiles && targets.openScopeKinds().contains(scope.kind())) {
            return true;
        }
        return targets.canSee(file.workspaceId(), scope, accountId);
    }

    static NotFound notFound() {
        return new NotFound("The file");
    }
}
