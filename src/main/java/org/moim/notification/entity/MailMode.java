package org.moim.notification.entity;

/** How a person wants notifications they have not seen mailed: not at all, gathered in one digest, or each at once. */
public enum MailMode {
    OFF, DIGEST, IMMEDIATE
}
