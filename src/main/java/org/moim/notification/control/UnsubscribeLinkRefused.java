package org.moim.notification.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/** An unsubscribe link that cannot be used: cut short, or not one Moim signed. Neither says whose it was. */
public class UnsubscribeLinkRefused extends ProblemException {

    public static final ProblemType INCOMPLETE = new ProblemType("unsubscribe-link-incomplete", 400, "Unsubscribe link incomplete");
    public static final ProblemType INVALID = new ProblemType("unsubscribe-link-invalid", 400, "Unsubscribe link not valid");

    private UnsubscribeLinkRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    static UnsubscribeLinkRefused incomplete() {
        return new UnsubscribeLinkRefused(INCOMPLETE, "The link is cut short. Open the whole link from the mail, or change your mail settings on your profile.");
    }

    static UnsubscribeLinkRefused invalid() {
        return new UnsubscribeLinkRefused(INVALID, "This is not an unsubscribe link Moim sent. Change your mail settings on your profile instead.");
    }
}
