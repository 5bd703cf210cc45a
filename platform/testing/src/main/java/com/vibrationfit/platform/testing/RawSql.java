package com.vibrationfit.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC as the service's own application role, outside the service: proves what row-level
 * security lets a transaction see when a query forgets its {@code WHERE user_id = ...}.
 */
public final class RawSql {

    private RawSql() {}

    /** Runs {@code sql} in a transaction bound to {@code userId} the way the service binds one. */
    public static List<Map<String, Object>> asUser(UUID userId, String sql) {
        return inTransaction(userId == null ? "" : userId.toString(), "", sql);
    }

    /** Runs {@code sql} in a transaction with no context at all: RLS must show nothing. */
    public static List<Map<String, Object>> withoutContext(String sql) {
        return inTransaction("", "", sql);
    }

    public static List<Map<String, Object>> asSystem(String sql) {
        return inTransaction("", "system", sql);
    }

    /**
     * Runs {@code sql} (e.g. a {@code SELECT ... FOR UPDATE}) as system in a transaction that stays open, with its
     * locks, until the returned handle is closed (rolled back): what another transaction of the service would hold.
     */
    public static OpenTransaction holdingAsSystem(String sql) {
        try {
            Connection connection = begin("", "system");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new OpenTransaction(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** A transaction left open by {@link #holdingAsSystem}; closing it rolls it back. */
    public static final class OpenTransaction implements AutoCloseable {
        private final Connection connection;

        private OpenTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                connection.rollback();
            }
        }
    }

    /** A connection as the service's application role in a transaction bound as the service binds one. */
    private static Connection begin(String userId, String role) throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        try (PreparedStatement bind = connection.prepareStatement(
                "select set_config('app.user_id', ?, true), set_config('app.role', ?, true)")) {
            bind.setString(1, userId);
            bind.setString(2, role);
            bind.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static List<Map<String, Object>> inTransaction(String userId, String role, String sql) {
        try (Connection connection = begin(userId, role)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                boolean hasRows = statement.execute();
                if (hasRows) {
                    try (ResultSet rs = statement.getResultSet()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.put(meta.getColumnLabel(i), rs.getObject(i));
                            }
                            rows.add(row);
                        }
                    }
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
