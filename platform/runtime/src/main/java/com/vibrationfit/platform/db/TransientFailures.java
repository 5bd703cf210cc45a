package com.vibrationfit.platform.db;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures that go away by themselves (PostgreSQL restarting or unreachable, a lock or
 * serialization conflict, a connection pool exhausted for a moment, a network timeout) from failures
 * that will happen again on every attempt. Transient failures are retried (event consumers) or answered
 * 503 (requests); only permanent ones dead-letter an event.
 */
public final class TransientFailures {

    /** SQLState classes and codes that describe the moment, not the statement. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "57014", // query_canceled (statement timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up)
            "25P03"); // idle_in_transaction_session_timeout

    /** Exception class names (matched anywhere in the cause chain) of transient failures we do not depend on. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException",
            "io.quarkus.narayana.jta.QuarkusTransactionException",
            "software.amazon.awssdk.core.exception.SdkClientException",
            "software.amazon.awssdk.core.exception.ApiCallTimeoutException",
            "software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException",
            "software.amazon.awssdk.core.exception.RetryableException");

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        if (hasPermanentCause(failure)) {
            return false;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DatabaseUnavailable
                    || t instanceof TransientFailure
                    || t instanceof SQLTransientException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() == null
                    && sql.getMessage() != null
                    && sql.getMessage().contains("Acquisition timeout")) {
                return true; // Agroal: every connection busy or PostgreSQL unreachable
            }
            if (isTransientType(t.getClass()) || isUnavailableService(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A statement the database refused for what it says (class 22: data exception, 23: integrity constraint, 42:
     * syntax or access rule, RLS WITH CHECK included) fails the same way every time, however it is wrapped: a
     * violation found at commit arrives as a RollbackException, which alone would look like a moment's trouble.
     */
    static boolean hasPermanentCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && isPermanentState(sql.getSQLState())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SQLException sql && isPermanentState(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isPermanentState(String state) {
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }

    static boolean isTransientState(String state) {
        if (state == null) {
            return false;
        }
        // 08: connection exception; 53: insufficient resources; 58: system error (I/O).
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("58")
                || TRANSIENT_STATES.contains(state);
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** An AWS service answering 5xx or 429 (S3 unavailable or throttling), read without depending on the SDK. */
    private static boolean isUnavailableService(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().equals("software.amazon.awssdk.awscore.exception.AwsServiceException")
                    || c.getName().equals("software.amazon.awssdk.core.exception.SdkServiceException")) {
                try {
                    int status = (int) c.getMethod("statusCode").invoke(t);
                    return status >= 500 || status == 429 || status == 408;
                } catch (ReflectiveOperationException | ClassCastException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
