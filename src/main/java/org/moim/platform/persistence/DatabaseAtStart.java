package org.moim.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Lets the deployment wait for a database that is down when the node starts, instead of failing.
 *
 * <p>The server creates an entity manager while it deploys the WAR, and EclipseLink connects then
 * (it reads the database's metadata). With the database down that failed the whole deployment, and
 * the node answered 404 until someone restarted it. This connector wraps EclipseLink's own: until
 * the first connection succeeds it tries again every {@code moim.db.start-retry-interval}, with one
 * log line per attempt, so the deployment simply takes longer and the node stays not ready (the WAR
 * is not deployed, so nothing answers 200) until the database answers. After that first connection
 * it only delegates: a database lost while running fails fast, as before.
 */
final class DatabaseAtStart implements Connector {

    private static final Logger LOG = Logger.getLogger(DatabaseAtStart.class.getName());

    private final Connector delegate;
    private final Duration interval;
    private final AtomicBoolean reachedOnce;

    private DatabaseAtStart(Connector delegate, Duration interval, AtomicBoolean reachedOnce) {
        this.delegate = delegate;
        this.interval = interval;
        this.reachedOnce = reachedOnce;
    }

    /**
     * Wraps the connectors of the session's logins (its own, and the read and write pools' of a
     * server session, which is what EclipseLink reads the metadata through); called by
     * {@link SessionSetup} before EclipseLink logs in. All of them share one "reached" flag.
     */
    static void install(Session session) {
        Duration interval = ConfigProvider.getConfig()
                .getOptionalValue("moim.db.start-retry-interval", Duration.class)
                .orElse(Duration.ofSeconds(5));
        AtomicBoolean reachedOnce = new AtomicBoolean();
        wrap(session.getDatasourceLogin(), interval, reachedOnce);
        if (session instanceof Server server) {
            wrap(server.getReadConnectionPool().getLogin(), interval, reachedOnce);
            wrap(server.getDefaultConnectionPool().getLogin(), interval, reachedOnce);
        }
    }

    private static void wrap(Login any, Duration interval, AtomicBoolean reachedOnce) {
        if (any instanceof DatasourceLogin login && login.getConnector() != null
                && !(login.getConnector() instanceof DatabaseAtStart)) {
            login.setConnector(new DatabaseAtStart(login.getConnector(), interval, reachedOnce));
        }
    }

    @Override
    public Connection connect(Properties properties, Session session) {
        if (reachedOnce.get()) {
            return delegate.connect(properties, session);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = delegate.connect(properties, session);
                if (attempt > 1) {
                    LOG.info("The database answers again; the deployment goes on");
                }
                reachedOnce.set(true);
                return connection;
            } catch (RuntimeException e) {
                int number = attempt;
                LOG.warning(() -> "The database cannot be reached while Moim starts (moim.db.url; attempt " + number + "): "
                        + rootMessage(e) + ". Trying again in " + interval.toSeconds()
                        + " s; the node is not ready until it answers (moim.db.start-retry-interval).");
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public Object clone() {
        // EclipseLink clones logins (e.g. for the read pool); the clone shares the "reached" flag.
        return new DatabaseAtStart((Connector) delegate.clone(), interval, reachedOnce);
    }

    @Override
    public String getConnectionDetails() {
        return delegate.getConnectionDetails();
    }

    @Override
    public void toString(PrintWriter writer) {
        delegate.toString(writer);
    }
}
