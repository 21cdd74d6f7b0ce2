/**
 * Administration of the instance by its system administrators: accounts (search, deactivate,
 * reactivate, grant and revoke the role), and the audit log. Who may administer is decided in one
 * place, {@link org.moim.admin.control.AdminPolicy}; there is always at least one active
 * administrator once there was one (docs/administration.md).
 */
package org.moim.admin;
