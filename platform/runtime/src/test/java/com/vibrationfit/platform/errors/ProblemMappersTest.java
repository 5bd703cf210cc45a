package com.vibrationfit.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void shouldReportJavaPropertyNamesAsSnakeCaseJsonNames() {
        assertEquals("image_url", ProblemMappers.snakeCase("imageUrl"));
        assertEquals("copy_from", ProblemMappers.snakeCase("copyFrom"));
        assertEquals("title", ProblemMappers.snakeCase("title"));
    }

    @Test
    void shouldAnswer400WhenPostgresqlCannotStoreAValue() {
        ProblemMappers mappers = new ProblemMappers();
        for (String state : new String[] {"22021", "22P05", "22008", "22007"}) {
            Response direct =
                    mappers.persistence(new PersistenceException("write failed", new SQLException("refused", state)));
            assertEquals(400, direct.getStatus(), state);
            assertEquals("validation", ((Problem) direct.getEntity()).type().replaceAll(".*/", ""), state);
            // Raised at commit, the failure arrives wrapped in something else: still bad input, not a 500.
            RollbackException atCommit = new RollbackException("commit failed");
            atCommit.initCause(new PersistenceException(new SQLException("refused", state)));
            Response wrapped = mappers.unexpected(atCommit);
            assertEquals(400, wrapped.getStatus(), state);
        }
        assertEquals(
                500,
                mappers.persistence(new PersistenceException(new SQLException("other", "XX000")))
                        .getStatus());
    }
}
