package com.vibrationfit.platform.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds the PostgreSQL row-level-security context at the start of every transaction, before its
 * first query: {@code app.user_id} from the verified token, or {@code app.role = system} inside
 * {@link SystemContext}. The settings are transaction-local ({@code is_local = true}), so commit or
 * rollback clears them and nothing leaks to the next user of a pooled connection. The connection
 * obtained here is the one enlisted in the transaction, so Hibernate's queries run under it.
 */
@ApplicationScoped
public class RowLevelSecurityBinder {

    private static final String SET_CONTEXT =
            "select set_config('app.user_id', ?, true), set_config('app.role', ?, true)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentIdentityAssociation identityAssociation;

    void onTransactionBegin(@Observes @Initialized(TransactionScoped.class) Object ignored) {
        boolean system = SystemContext.isActive();
        String userId = system ? "" : currentUserId().map(UUID::toString).orElse("");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
            statement.setString(1, userId);
            statement.setString(2, system ? "system" : "");
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the row-level security context", e);
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
