package com.vibrationfit.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
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
        assertTrue(TransientFailures.isTransient(new java.net.SocketException("Unexpected end of file from server")));
        assertTrue(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
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
}
