package org.moim.file.entity;

/** Whether a voice recording has been converted to audio every browser plays. */
public enum ConversionState {
    /** Not a voice message (nobody asked for a conversion). */
    NONE,
    /** A conversion job is running or queued. */
    PENDING,
    /** The converted audio can be played. */
    READY,
    /** The conversion job ran out of attempts; it can be asked for again. */
    FAILED
}
