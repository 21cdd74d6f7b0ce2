package org.moim.file.entity;

/** Whether a file has a thumbnail. */
public enum ThumbnailState {
    /** An image whose thumbnail a conversion job is making. */
    PENDING,
    /** The thumbnail can be downloaded. */
    READY,
    /** Not an image the server can read, or making the thumbnail failed for good. */
    NONE
}
