package org.moim.board.control;

import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.util.EnumSet;
import java.util.Set;
import org.moim.workspace.entity.MemberRole;

/**
 * What someone may do with boards, by their role in the board's workspace: the board permission
 * matrix as data ({@code docs/permissions.md} shows the same table; a test keeps them in sync).
 *
 * <p>GUEST here means a guest who is on the board's member list: a guest who is not never gets
 * as far as this matrix (the board answers 404 to them, as to anyone outside the workspace).
 */
public enum BoardAction {
    /** List the boards one may see in a workspace (guests: only the boards they are on). */
    LIST_BOARDS(OWNER, MANAGER, MEMBER, GUEST),
    CREATE_BOARD(OWNER, MANAGER, MEMBER),
    /** The board view: lists, cards, members, labels, comments, checklists. */
    VIEW_BOARD(OWNER, MANAGER, MEMBER, GUEST),
    /** Name, description, dates, colour, archived flag. */
    UPDATE_BOARD(OWNER, MANAGER, MEMBER),
    DELETE_BOARD(OWNER, MANAGER),
    /** Adding and removing board members (the only way a guest gets onto a board). */
    MANAGE_BOARD_MEMBERS(OWNER, MANAGER),
    /** Create, rename, move and archive lists. */
    MANAGE_LISTS(OWNER, MANAGER, MEMBER),
    /** Create, change and delete the board's labels. */
    MANAGE_LABELS(OWNER, MANAGER, MEMBER),
    /** Create, change, move and archive cards; assignees, labels on cards, checklist items. */
    EDIT_CARDS(OWNER, MANAGER, MEMBER, GUEST),
    /** Write comments, and change or delete one's own. */
    COMMENT(OWNER, MANAGER, MEMBER, GUEST),
    /** Delete other people's comments. */
    MODERATE_COMMENTS(OWNER, MANAGER),
    VIEW_ACTIVITY(OWNER, MANAGER, MEMBER, GUEST);

    private final Set<MemberRole> roles;

    BoardAction(MemberRole... roles) {
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    /**
     * Whether the action changes what is on a board (lists, labels, cards, comments, members):
     * refused on a board beyond the plan's board limit, which is read-only (docs/billing.md).
     */
    public boolean changesContent() {
        return this == MANAGE_LISTS || this == MANAGE_LABELS || this == EDIT_CARDS || this == COMMENT || this == MANAGE_BOARD_MEMBERS;
    }

    public boolean allows(MemberRole role) {
        return roles.contains(role);
    }

    public Set<MemberRole> roles() {
        return roles;
    }
}
