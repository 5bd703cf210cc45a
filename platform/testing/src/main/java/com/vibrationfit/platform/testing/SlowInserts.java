package com.vibrationfit.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows the real PostgreSQL for a test: every insert into a table sleeps first (a trigger created as the
 * service's schema owner, dropped again on close), so a transaction can be caught between its checks and its
 * write while something else (a purge) happens. {@link #sleepers()} tells when a statement is asleep in it.
 */
public final class SlowInserts implements AutoCloseable {

    private final String table;
    private final String name;

    private SlowInserts(String table, Duration delay) {
        this.table = table;
        this.name =
                "vf_test_slow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        asOwner("""
                create function %1$s() returns trigger language plpgsql as $$
                begin perform pg_sleep(%2$s); return new; end $$;
                create trigger %1$s before insert on %3$s for each row execute function %1$s();""".formatted(name, delay.toMillis() / 1000.0, table));
    }

    /** From now on, each insert into {@code table} waits {@code delay} before it is written. */
    public static SlowInserts into(String table, Duration delay) {
        return new SlowInserts(table, delay);
    }

    /** How many of the service's statements are asleep in a slowed insert now. */
    public static int sleepers() {
        return RawSql.asSystem(
                        "select 1 from pg_stat_activity where wait_event = 'PgSleep' and datname = current_database()")
                .size();
    }

    @Override
    public void close() {
        asOwner("drop trigger if exists %1$s on %2$s; drop function if exists %1$s();".formatted(name, table));
    }

    private static void asOwner(String sql) {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.flyway.jdbc-url", String.class)
                .orElse(config.getValue("quarkus.datasource.jdbc.url", String.class));
        try (Connection connection = DriverManager.getConnection(
                        url,
                        config.getValue("quarkus.flyway.username", String.class),
                        config.getValue("quarkus.flyway.password", String.class));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not change table " + e.getMessage(), e);
        }
    }
}
