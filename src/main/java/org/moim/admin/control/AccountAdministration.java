package org.moim.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.control.AuditTrail.Actor;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.Deactivations;
import org.moim.identity.control.SystemAdministrators;
import org.moim.identity.entity.Account;

/**
 * What an administrator does to accounts. Changes that could leave the instance without an
 * active administrator lock the administrators' rows first, so two administrators demoting each
 * other at once cannot both succeed. Every change goes to the audit log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountAdministration {

    @Inject
    AccountStore accounts;

    @Inject
    Deactivations deactivations;

    @Inject
    SystemAdministrators administrators;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Account deactivate(Account admin, String accountId, String address) {
        Account account = accounts.byId(accountId);
        if (account.isDeactivated()) {
            return account;
        }
        if (account.isSystemAdmin()) {
            requireAnotherAdministrator(account);
        }
        int ended = deactivations.deactivate(account);
        audit.record(AuditAction.ACCOUNT_DEACTIVATED, actor(admin, address), account.id(),
                account.email() + "; " + ended + " sessions ended");
        return account;
    }

    public Account reactivate(Account admin, String accountId, String address) {
        Account account = accounts.byId(accountId);
        if (account.isDeactivated()) {
            deactivations.reactivate(account);
            audit.record(AuditAction.ACCOUNT_REACTIVATED, actor(admin, address), account.id(), account.email());
        }
        return account;
    }

    public Account grant(Account admin, String accountId, String address) {
        Account account = accounts.byId(accountId);
        if (!account.isSystemAdmin()) {
            account.grantAdministration(clock.instant());
            audit.record(AuditAction.ADMIN_GRANTED, actor(admin, address), account.id(), account.email());
        }
        return account;
    }

    public Account revoke(Account admin, String accountId, String address) {
        Account account = accounts.byId(accountId);
        if (account.isSystemAdmin()) {
            requireAnotherAdministrator(account);
            account.revokeAdministration(clock.instant());
            audit.record(AuditAction.ADMIN_REVOKED, actor(admin, address), account.id(), account.email());
        }
        return account;
    }

    private void requireAnotherAdministrator(Account leaving) {
        boolean another = administrators.activeLocked().stream().anyMatch(a -> !a.id().equals(leaving.id()));
        if (!another) {
            throw new LastAdministrator();
        }
    }

    private static Actor actor(Account admin, String address) {
        return new Actor(admin.id(), admin.email(), address);
    }
}
