package org.moim.platform.messaging;

/** JNDI names of the JMS resources that {@code payara-config/post-boot-commands.asadmin} creates. */
public final class JmsResources {
    public static final String CONNECTION_FACTORY = "jms/moim/ConnectionFactory";

    private JmsResources() {
    }
}
