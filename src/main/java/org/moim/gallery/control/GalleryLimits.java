package org.moim.gallery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.RateLimiter;

/** The gallery's limits ({@code moim.gallery.*}, README's configuration table). */
@ApplicationScoped
public class GalleryLimits {

    /** The most people one comment notifies by mention; more is a field error. */
    public static final int MAX_MENTIONS = 20;

    @Inject
    @ConfigProperty(name = "moim.gallery.comment-max-length", defaultValue = "2000")
    int commentMaxLength;

    @Inject
    @ConfigProperty(name = "moim.gallery.reactions-per-minute", defaultValue = "60")
    int reactionsPerMinute;

    @Inject
    @ConfigProperty(name = "moim.gallery.comments-per-minute", defaultValue = "30")
    int commentsPerMinute;

    /** Longest comment in characters (code points); the column holds 8,000. */
    public int commentMaxLength() {
        return Math.min(commentMaxLength, 8000);
    }

    /** Reactions one person may add or take back per minute, on all pictures together. */
    public RateLimiter.Limit reactions() {
        return new RateLimiter.Limit("gallery-reactions", reactionsPerMinute, Duration.ofMinutes(1));
    }

    /** Comments one person may write per minute, on all pictures together. */
    public RateLimiter.Limit comments() {
        return new RateLimiter.Limit("gallery-comments", commentsPerMinute, Duration.ofMinutes(1));
    }
}
