/**
 * The audit log: security events (sign-ins and their failures, sign-outs, token and password
 * changes, role changes, deactivations, administrators' actions), each with who, what, to whom,
 * when and from which address. Entries are only ever added; any feature records through
 * {@link org.moim.audit.control.AuditTrail}, which writes in a transaction of its own so that a
 * refused request (a failed sign-in) is still recorded.
 */
package org.moim.audit;
