package org.moim.identity.control;

import org.moim.identity.entity.SingleUseLink.Refusal;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * An address verification link that cannot be used, each reason with its own type so the page can
 * say what to do. None says anything about the account or address the link was for.
 */
public class VerifyLinkRefused extends ProblemException {

    public static final ProblemType INCOMPLETE = new ProblemType("verify-link-incomplete", 400, "Verification link incomplete");
    public static final ProblemType INVALID = new ProblemType("verify-link-invalid", 400, "Verification link not valid");
    public static final ProblemType USED = new ProblemType("verify-link-used", 410, "Verification link already used");
    public static final ProblemType EXPIRED = new ProblemType("verify-link-expired", 410, "Verification link expired");

    private VerifyLinkRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    /** The problem of a {@link SingleUseLinks} refusal. */
    static VerifyLinkRefused of(Refusal refusal) {
        return switch (refusal) {
            case INCOMPLETE -> incomplete();
            case INVALID -> invalid();
            case USED -> used();
            case EXPIRED -> expired();
        };
    }

    static VerifyLinkRefused incomplete() {
        return new VerifyLinkRefused(INCOMPLETE, "The link is cut short. Open the whole link from the mail, or copy all of it.");
    }

    static VerifyLinkRefused invalid() {
        return new VerifyLinkRefused(INVALID, "This is not a verification link Moim sent. Sign in and ask for a new one.");
    }

    static VerifyLinkRefused used() {
        return new VerifyLinkRefused(USED, "This link was used already, or a newer link replaced it.");
    }

    static VerifyLinkRefused expired() {
        return new VerifyLinkRefused(EXPIRED, "This link has expired. Sign in and ask for a new one.");
    }
}
