/**
 * Schedules that run on one node of a cluster at a time ({@link org.moim.platform.schedule.OnOneNode}),
 * decided by a database lease per schedule ({@code schedule_lease}).
 *
 * <p>Invariant: at any moment at most one node holds a lease that has not expired; the work a
 * lease guards records what it did, so even a run that outlasts its lease does nothing twice.
 */
package org.moim.platform.schedule;
