package org.moim.file.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What a member may do with files, by role: the file part of the permission matrix
 * ({@code docs/permissions.md}, kept in step by a test). Seeing a file attached somewhere is not
 * a role question: it follows who may see the place ({@link FilePolicy}).
 */
public enum FileAction {
    /** Upload files (to the workspace, or attached to a place one can see). */
    UPLOAD_FILES(OWNER, MANAGER, MEMBER, GUEST),
    /** See files attached to nothing (the workspace's own files) and those of places every member sees. */
    SEE_WORKSPACE_FILES(OWNER, MANAGER, MEMBER),
    /** Read the workspace's storage usage and quota. */
    VIEW_STORAGE_USAGE(OWNER, MANAGER, MEMBER),
    /** Rename or delete files someone else uploaded (one's own uploads always). */
    MANAGE_OTHERS_FILES(OWNER, MANAGER);

    private final Set<MemberRole> roles;

    FileAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
