/**
 * Jobs: work done after the request that asked for it, through a JMS queue.
 *
 * <p>Invariants: a job row and its message are created in one transaction (both or neither); a
 * job belongs to the account that asked for it and only that account can read it; the row's
 * status decides what a delivered message does, so a redelivery of a finished job
 * ({@code SUCCEEDED} or {@code DEAD}) does nothing; {@code lastError} is one short line, never a
 * stack trace. See {@code docs/jobs.md}.
 */
package org.moim.job;
