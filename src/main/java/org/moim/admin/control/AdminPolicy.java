package org.moim.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;

/**
 * The one place that decides who may administer the instance: an active system administrator.
 * (A deactivated account never gets this far: its every token is refused when the request is
 * authenticated.) Every admin use case asks here first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AdminPolicy {

    @Inject
    AccountStore accounts;

    /** The caller as an administrator, or {@link NotAnAdministrator}. */
    public Account require(String callerId) {
        Account caller = accounts.byId(callerId);
        if (!caller.isSystemAdmin() || caller.isDeactivated()) {
            throw new NotAnAdministrator();
        }
        return caller;
    }
}
