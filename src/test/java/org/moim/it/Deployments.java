package org.moim.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.moim.billing.BillingProbe;
import org.moim.chat.SendBatchProbe;
import org.moim.file.FilesProbe;
import org.moim.file.ItRooms;
import org.moim.identity.ResetProbe;
import org.moim.identity.SessionPurgeProbe;
import org.moim.identity.TokenProbe;
import org.moim.identity.VerificationProbe;
import org.moim.job.TransactionProbe;
import org.moim.notification.LeaseProbe;

/**
 * The archive the integration tests deploy: the real {@code target/moim.war}, unchanged, plus the
 * test-only probes some classes call ({@code /api/v1/test-probe/…}, hidden from the OpenAPI
 * document) and FilesIT's stand-in attachment targets. Every class deploys this same archive, so
 * the classes of one failsafe fork share one running node ({@link SharedPayaraMicro}).
 */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive moim() {
        String war = System.getProperty("moim.war", "target/moim.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addClasses(TransactionProbe.class, LeaseProbe.class, FilesProbe.class, ItRooms.class, VerificationProbe.class,
                        SessionPurgeProbe.class, TokenProbe.class, ResetProbe.class, BillingProbe.class, SendBatchProbe.class);
    }
}
