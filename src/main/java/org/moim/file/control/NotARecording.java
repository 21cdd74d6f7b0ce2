package org.moim.file.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** A conversion to playable audio asked for a file that is no recording. */
public class NotARecording extends ProblemException {
    public static final ProblemType TYPE = new ProblemType("not-a-recording", 415, "Not a recording");

    public NotARecording(String contentType) {
        super(TYPE, "Only recordings are converted for playback (WebM, Matroska, Ogg, WAV or FLAC audio); this file is "
                + contentType + ".");
    }
}
