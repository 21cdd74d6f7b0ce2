package org.moim.file.entity;

/** A file is gone (CDI event, fired in its transaction); its content may now be unreferenced. */
public record FileDeleted(String fileId, String workspaceId, String sha256) {
}
