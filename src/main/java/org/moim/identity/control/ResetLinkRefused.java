package org.moim.identity.control;

import org.moim.identity.entity.SingleUseLink.Refusal;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * A password reset link that cannot be used, each reason with its own type so the page can say
 * what to do. None says anything about the account the link was for.
 */
public class ResetLinkRefused extends ProblemException {

    public static final ProblemType INCOMPLETE = new ProblemType("reset-link-incomplete", 400, "Reset link incomplete");
    public static final ProblemType INVALID = new ProblemType("reset-link-invalid", 400, "Reset link not valid");
    public static final ProblemType USED = new ProblemType("reset-link-used", 410, "Reset link already used");
    public static final ProblemType EXPIRED = new ProblemType("reset-link-expired", 410, "Reset link expired");

    private ResetLinkRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    /** The problem of a {@link SingleUseLinks} refusal. */
    static ResetLinkRefused of(Refusal refusal) {
        return switch (refusal) {
            case INCOMPLETE -> incomplete();
            case INVALID -> invalid();
            case USED -> used();
            case EXPIRED -> expired();
        };
    }

    static ResetLinkRefused incomplete() {
        return new ResetLinkRefused(INCOMPLETE, "The link is cut short. Open the whole link from the mail, or copy all of it.");
    }

    static ResetLinkRefused invalid() {
        return new ResetLinkRefused(INVALID, "This is not a password reset link Moim sent. Ask for a new one.");
    }

    static ResetLinkRefused used() {
        return new ResetLinkRefused(USED, "This link was used already. Ask for a new one if you need to reset your password again.");
    }

    static ResetLinkRefused expired() {
        return new ResetLinkRefused(EXPIRED, "This link has expired. Ask for a new one.");
    }
}
