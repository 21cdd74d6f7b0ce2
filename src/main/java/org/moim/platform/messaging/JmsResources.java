package org.moim.platform.messaging;

/**
 * Names of the JMS resources. The connection factory is created by
 * {@code payara-config/post-boot-commands.asadmin}; queues are addressed by their physical names,
 * which the broker creates on first use (no admin objects to keep in step with the code).
 */
public final class JmsResources {
    public static final String CONNECTION_FACTORY = "jms/moim/ConnectionFactory";
    /** The resource adapter MDBs bind to (the name the post-boot file deploys it under). */
    public static final String RESOURCE_ADAPTER = "activemq-rar";
    /** ActiveMQ's default dead-letter queue: messages whose last redelivery failed end here. */
    public static final String DEAD_LETTER_QUEUE = "ActiveMQ.DLQ";

    private JmsResources() {
    }
}
