/**
 * The node's life: started (the schema migrated), serving, stopping. On SIGTERM or SIGINT, and on
 * an undeployment, {@link org.moim.platform.lifecycle.GracefulStop} turns readiness DOWN, lets
 * every feature finish what it accepted ({@link org.moim.platform.lifecycle.NodeStopping}), and
 * only then lets the server stop, within {@code moim.shutdown.timeout}.
 */
package org.moim.platform.lifecycle;
