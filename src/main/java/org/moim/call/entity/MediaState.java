package org.moim.call.entity;

/** What a participant sends: microphone, camera, screen share (each on or off). */
public record MediaState(boolean mic, boolean camera, boolean screen) {

    /** A newcomer is assumed to send sound and picture until their tab says otherwise. */
    public static final MediaState JOINING = new MediaState(true, true, false);
}
