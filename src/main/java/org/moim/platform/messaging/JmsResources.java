package org.moim.platform.messaging;

/**
 * Names of the JMS resources. The connection factory is created by
 * {@code payara-config/post-boot-commands.asadmin}; queues are addressed by their physical names,
 * which the broker creates on first use (no admin objects to keep in step with the code).
 *
 * <p>The resource adapter MDBs bind to and the dead-letter queue are read from MicroProfile
 * Config when the application is deployed: Payara expands {@code ${MPCONFIG=key:default}} in
 * {@code @ActivationConfigProperty} values (its annotation handler passes every value through
 * {@code TranslatedConfigView.expandValue}, as it does for deployment descriptors). So the same
 * WAR binds to the ActiveMQ adapter on Payara Micro and to another adapter, such as Payara
 * Server's built-in OpenMQ ({@code jmsra}), when {@code MOIM_JMS_RESOURCE_ADAPTER} says so.
 * docs/operations.md records what was verified.
 */
public final class JmsResources {
    public static final String CONNECTION_FACTORY = "jms/moim/ConnectionFactory";
    /**
     * The resource adapter MDBs bind to: {@code moim.jms.resource-adapter}, by default
     * {@code activemq-rar} (the name the post-boot file deploys the ActiveMQ adapter under).
     */
    public static final String RESOURCE_ADAPTER = "${MPCONFIG=moim.jms.resource-adapter:activemq-rar}";
    /**
     * The queue where the broker puts messages whose last redelivery failed:
     * {@code moim.jms.dead-letter-queue}, by default ActiveMQ's {@code ActiveMQ.DLQ}
     * (OpenMQ's is {@code mq.sys.dmq}).
     */
    public static final String DEAD_LETTER_QUEUE = "${MPCONFIG=moim.jms.dead-letter-queue:ActiveMQ.DLQ}";

    private JmsResources() {
    }
}
