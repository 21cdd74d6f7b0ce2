package org.moim.platform.persistence;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * The persistence unit's one session customizer ({@code eclipselink.session.customizer} in
 * persistence.xml): waits for a database that is down at start ({@link DatabaseAtStart}), and
 * counts statements when the diagnostics ask for it ({@link StatementCounter}).
 */
public class SessionSetup implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DatabaseAtStart.install(session);
        new StatementCounter().customize(session);
    }
}
