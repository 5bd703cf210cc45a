package com.vibrationfit.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void shouldTreatAnUnreachableOrRestartingDatabaseAsTransient() {
        assertTrue(TransientFailures.isTransient(new PersistenceException("x", new SQLException("refused", "08001"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("terminating", "57P01"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("starting up", "57P03"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused"))));
        // A server (S3) that stops while answering.
        assertTrue(TransientFailures.isTransient(new SocketException("Unexpected end of file from server")));
        assertTrue(TransientFailures.isTransient(
                new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(TransientFailures.isTransient(new DatabaseUnavailable("down", null)));
    }

    @Test
    void shouldTreatConflictsOfTheMomentAsTransient() {
        assertTrue(TransientFailures.isTransient(new SQLException("serialization", "40001")));
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock", "40P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("lock", "55P03")));
        assertTrue(TransientFailures.isTransient(new TransientFailure("object store unavailable")));
    }

    @Test
    void shouldTreatBadDataAndBugsAsPermanent() {
        assertFalse(TransientFailures.isTransient(new PersistenceException("x", new SQLException("unique", "23505"))));
        assertFalse(TransientFailures.isTransient(new SQLException("check", "23514")));
        assertFalse(TransientFailures.isTransient(new SQLException("syntax", "42601")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("bad")));
    }

    @Test
    void shouldTreatAViolationFoundAtCommitAsPermanentThoughItArrivesAsARollback() {
        // What Narayana throws when Hibernate's flush at commit meets a unique violation or an RLS WITH CHECK.
        var unique = new RollbackException("ARJUNA016053: Could not commit transaction.");
        unique.initCause(new PersistenceException("flush", new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isTransient(unique));
        var rls = new QuarkusTransactionException(new RollbackException("x"));
        rls.getCause().initCause(new SQLException("new row violates row-level security policy", "42501"));
        assertFalse(TransientFailures.isTransient(rls));
        var tooLong = new RuntimeException(new SQLException("value too long", "22001"));
        assertFalse(TransientFailures.isTransient(tooLong));
        // A rollback with nothing permanent under it is still a moment's trouble.
        assertTrue(TransientFailures.isTransient(new RollbackException("timeout")));
    }
}
