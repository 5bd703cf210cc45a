package com.vibrationfit.platform.security;

import com.vibrationfit.platform.db.DatabaseUnavailable;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.db.TransientFailures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Binds the PostgreSQL row-level-security context at the start of every transaction, before its
 * first query: {@code app.user_id} from the verified token, or {@code app.role = system} inside
 * {@link SystemContext}. System work for a member ({@link SystemContext#callFor}) binds the system role and,
 * like a member's own request, holds the member's deletion lock and refuses a deleted member. The settings are transaction-local ({@code is_local = true}), so commit or
 * rollback clears them and nothing leaks to the next user of a pooled connection. The connection
 * obtained here is the one enlisted in the transaction, so Hibernate's queries run under it.
 *
 * <p>This runs inside {@code TransactionManager.begin()}, after the transaction was bound to the thread.
 * If binding fails (PostgreSQL restarting), the caller's {@code begin()} throws and no caller will ever
 * end that transaction: it would stay bound to the pooled worker thread and fail every later request
 * on it ("Failing fast as the transaction has rolled back"). So a failure here rolls the transaction
 * back, which also unbinds it from the thread, before it is reported.
 */
@ApplicationScoped
public class RowLevelSecurityBinder {

    private static final Logger LOG = Logger.getLogger(RowLevelSecurityBinder.class);

    /**
     * For a member: binds the context and holds their {@link MemberLock#ACCOUNT_DELETION} lock shared, then, in a second
     * statement of the same round trip (pgjdbc sends both before it waits), tells whether their account was
     * deleted. Two statements because the check must read after the lock is granted: a statement's snapshot
     * is taken when it starts, and one that waited for a purge would not see the purge's commit.
     */
    private static final String SET_MEMBER_CONTEXT = """
            select set_config('app.user_id', ?, true), set_config('app.role', ?, true),
                   pg_advisory_xact_lock_shared(?, ?);
            select exists (select 1 from deleted_users where user_id = cast(? as uuid))""";

    /** Without a member: the system context, or none (no row visible). */
    private static final String SET_CONTEXT =
            "select set_config('app.user_id', '', true), set_config('app.role', ?, true)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentIdentityAssociation identityAssociation;

    @Inject
    TransactionManager transactions;

    void onTransactionBegin(@Observes @Initialized(TransactionScoped.class) Object ignored) {
        boolean system = SystemContext.isActive();
        Optional<UUID> member = system ? SystemContext.member() : currentUserId();
        boolean deleted = false;
        try (Connection connection = dataSource.getConnection()) {
            if (member.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
                    statement.setString(1, system ? "system" : "");
                    statement.executeQuery().close();
                }
            } else {
                String userId = member.get().toString();
                try (PreparedStatement statement = connection.prepareStatement(SET_MEMBER_CONTEXT)) {
                    // As system for a member: the system branch of the policies, not the member's.
                    statement.setString(1, system ? "" : userId);
                    statement.setString(2, system ? "system" : "");
                    statement.setInt(3, MemberLock.ACCOUNT_DELETION.key());
                    statement.setInt(4, MemberLock.keyOf(member.get()));
                    statement.setString(5, userId);
                    statement.execute();
                    if (!statement.getMoreResults()) {
                        throw new SQLException("the deleted-member check returned no result");
                    }
                    try (ResultSet rs = statement.getResultSet()) {
                        deleted = rs.next() && rs.getBoolean(1);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            abandonTransaction();
            if (TransientFailures.isTransient(e)) {
                // Connections opened before a PostgreSQL restart are all dead: drop the idle ones now (and
                // the busy ones when returned) instead of failing one request per stale connection.
                dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
            }
            throw new DatabaseUnavailable("the database is unavailable (" + e.getMessage() + ")", e);
        }
        if (deleted) {
            // A token issued before the account was deleted: nothing of theirs may be written again.
            abandonTransaction();
            throw new MemberDeleted();
        }
    }

    /** Rolls back the just-begun transaction so that the thread is left without one, whatever happens. */
    private void abandonTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | RuntimeException rollbackFailure) {
            LOG.debugf("rollback after a failed begin: %s", rollbackFailure.getMessage());
            try {
                transactions.suspend(); // at the least, unbind it from this thread
            } catch (SystemException | RuntimeException ignored) {
                LOG.debugf("could not unbind the failed transaction: %s", ignored.getMessage());
            }
        }
    }

    private Optional<UUID> currentUserId() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Optional.empty();
        }
        SecurityIdentity identity = identityAssociation.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return CurrentUser.subjectOf(identity);
    }
}
