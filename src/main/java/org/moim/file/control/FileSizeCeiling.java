package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.billing.control.LimitCeiling;
import org.moim.billing.entity.Limit;

/**
 * The operator's ceiling on one file ({@code moim.files.max-size}): billing lowers every plan's
 * {@code FILE_BYTES} to it, so the plan page never promises a file the server refuses.
 */
@ApplicationScoped
public class FileSizeCeiling implements LimitCeiling {

    @Inject
    @ConfigProperty(name = "moim.files.max-size", defaultValue = "104857600")
    long maxFileSize;

    @Override
    public Limit limit() {
        return Limit.FILE_BYTES;
    }

    @Override
    public long ceiling() {
        return Math.max(0, maxFileSize);
    }
}
