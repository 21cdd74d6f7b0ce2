package org.moim.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * The application's one data source, defined by configuration only: the same WAR runs on the
 * embedded H2 file database or on MySQL/MariaDB depending on {@code moim.db.*}.
 *
 * <p>Payara resolves the {@code ${MPCONFIG=...}} placeholders at deployment from MicroProfile
 * Config (environment variables, system properties and {@code microprofile-config.properties}).
 */
@DataSourceDefinition(
        name = MoimDataSource.JNDI_NAME,
        className = "${MPCONFIG=moim.db.datasource}",
        url = "${MPCONFIG=moim.db.url}",
        user = "${MPCONFIG=moim.db.user}",
        password = "${MPCONFIG=moim.db.password}",
        // READ COMMITTED on every database (InnoDB defaults to REPEATABLE READ, H2 to READ
        // COMMITTED): a read after a row lock sees what committed meanwhile.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.validate-atmost-once-period-in-seconds=30",
            "fish.payara.log-jdbc-calls=false"
        })
@ApplicationScoped
public class MoimDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/moim";
}
