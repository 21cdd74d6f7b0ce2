package org.moim.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive every integration test deploys: the real {@code target/moim.war}, unchanged. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive moim() {
        String war = System.getProperty("moim.war", "target/moim.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war));
    }
}
