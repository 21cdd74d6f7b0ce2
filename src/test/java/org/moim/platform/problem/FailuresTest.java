package org.moim.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.moim.platform.realtime.ServerFrame;

/**
 * Each failure's problem, as {@link Failures} decides it for the REST API's mapper
 * ({@link UnexpectedExceptionMapper}, which builds its answer from nothing else; unit tests have no
 * JAX-RS runtime to build one) and as the WebSocket's error frame carries it.
 */
class FailuresTest {

    @Test
    void everyFailureIsTheSameProblemForRestAndForErrorFrames() {
        Map<Throwable, String> expected = new LinkedHashMap<>();
        expected.put(new NotFound("The channel"), "/problems/not-found 404");
        expected.put(new InvalidField("text", "is required"), "/problems/validation 400");
        expected.put(new OptimisticLockException(), "/problems/conflict 409");
        expected.put(new TransactionalException("commit", new OptimisticLockException()), "/problems/conflict 409");
        expected.put(new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205)), "/problems/conflict 409");
        expected.put(new CompletionException(new SQLException("Deadlock found", "40001", 1213)), "/problems/conflict 409");
        expected.put(new IllegalStateException("a bug"), "/problems/internal 500");
        expected.forEach((failure, problem) -> {
            Failures.Translated translated = Failures.translate(failure);
            assertThat(translated.type().uri() + " " + translated.type().status()).as("REST, %s", failure).isEqualTo(problem);
            JsonObject frame = ServerFrame.Error.of(failure, "r").toJson().getJsonObject("problem");
            assertThat(frame.getString("type") + " " + frame.getInt("status")).as("socket, %s", failure).isEqualTo(problem);
            assertThat(frame.getString("detail")).as("socket, %s", failure).isEqualTo(translated.detail()).doesNotContain("a bug");
            assertThat(frame.getString("instance")).startsWith("urn:uuid:");
        });
    }
}
