package org.moim.platform.persistence;

import jakarta.enterprise.context.RequestScoped;

/** The SQL statements executed for the current request (see {@link StatementCounter}). */
@RequestScoped
public class StatementTally {

    private int statements;

    void increment() {
        statements++;
    }

    public int statements() {
        return statements;
    }
}
