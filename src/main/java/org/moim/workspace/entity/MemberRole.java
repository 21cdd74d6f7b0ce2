package org.moim.workspace.entity;

/** What a member is in a workspace; what each role may do is {@code control.Action}. */
public enum MemberRole {
    OWNER, MANAGER, MEMBER, GUEST
}
