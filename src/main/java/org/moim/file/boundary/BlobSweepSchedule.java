package org.moim.file.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.moim.file.control.BlobSweep;

/**
 * Every hour (at :41, UTC): deletes content no file references and what crashes left in storage.
 * No container transaction: the sweep locks and deletes one piece of content per transaction.
 */
@Singleton
public class BlobSweepSchedule {

    @Inject
    BlobSweep sweep;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "41", timezone = "UTC", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweepHourly() {
        sweep.sweep(clock.instant());
    }
}
