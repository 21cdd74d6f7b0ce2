package org.moim.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.identity.control.Deactivations;
import org.moim.identity.control.SystemAdministrators;

/** On start: the configured system administrators get the role, and deactivated accounts are denied on the grid. */
@ApplicationScoped
public class AccountsAtStart {

    private static final Logger LOG = Logger.getLogger(AccountsAtStart.class.getName());

    @Inject
    SystemAdministrators administrators;

    @Inject
    Deactivations deactivations;

    // After the schema migrations (which observe the same event at the default priority).
    void started(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) Object event) {
        try {
            int promoted = administrators.promoteConfigured();
            int denied = deactivations.reloadDenials();
            LOG.info(() -> "System administrators promoted from moim.admin.emails: " + promoted + "; deactivated accounts denied: " + denied);
        } catch (RuntimeException databaseNotReady) {
            // Configured administrators still get the role when they next sign in; a deactivated account has no session to use.
            LOG.log(Level.WARNING, "Could not read the accounts on start; administrators are promoted at their next sign-in", databaseNotReady);
        }
    }
}
