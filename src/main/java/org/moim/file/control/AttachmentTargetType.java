package org.moim.file.control;

import java.util.Set;
import org.moim.file.entity.AttachmentTarget;

/**
 * The extension point through which a feature lets files attach to its things: boards and cards
 * (the board feature, through its {@code BoardPolicy}), channels and messages (chat). An
 * implementation is a CDI bean; the file feature asks it, never the other way round, so no
 * feature depends on the file feature to be attachable.
 *
 * <p>A target (a card) lives in a scope (its board) that decides who sees it. Methods run inside
 * the caller's transaction and answer {@link org.moim.platform.problem.NotFound} for anything
 * the account may not see, exactly as if it did not exist.
 */
public interface AttachmentTargetType {

    /** The target kinds this type answers for ({@code card}, {@code board}). */
    Set<String> kinds();

    /**
     * The scope of a target in the workspace, if the account may see it (a card's board; a board
     * is its own scope). NotFound when it does not exist, is in another workspace or is hidden.
     */
    AttachmentTarget scopeOf(String workspaceId, AttachmentTarget target, String accountId);

    /** Whether the account may see what is in the scope now. */
    boolean canSee(String workspaceId, AttachmentTarget scope, String accountId);

    /**
     * Whether every member whose role may {@link FileAction#SEE_WORKSPACE_FILES} sees every
     * scope of this kind (every board, for members), so lists need not ask scope by scope.
     */
    boolean everyMemberSees(String scopeKind);
}
