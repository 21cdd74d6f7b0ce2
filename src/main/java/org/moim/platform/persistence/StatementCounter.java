package org.moim.platform.persistence;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements each request executes, when {@code moim.diagnostics.sql-statement-count}
 * is on (the integration tests turn it on to prove hot paths run a constant number of queries;
 * production leaves it off and pays nothing). The count is sent back as {@value #HEADER}.
 */
public class StatementCounter implements SessionCustomizer {

    public static final String HEADER = "X-Moim-Sql-Statements";

    @Override
    public void customize(Session session) {
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue("moim.diagnostics.sql-statement-count", Boolean.class).orElse(false);
        if (!enabled) {
            return;
        }
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                try {
                    CDI.current().select(StatementTally.class).get().increment();
                } catch (ContextNotActiveException outsideARequest) {
                    // Start-up, schedulers and message listeners are not counted.
                }
            }
        });
    }
}
