package com.vibrationfit.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus boot on a PostgreSQL cluster of its own ({@link PostgresCluster}), for a test that stops the database:
 * the shared cluster stays up for the tests that run beside it. Restrict it to the test class and name the service's
 * database roles:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = OwnPostgres.class, restrictToAnnotatedClass = true,
 *         initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "aiusage"))
 * }</pre>
 *
 * The roles are {@code <roles>_owner} (Flyway's) and {@code <roles>_app} (the service's), with their local-only
 * passwords, as {@code ./vf} creates them; the database is {@code <roles>_test}.
 */
public class OwnPostgres implements QuarkusTestResourceLifecycleManager {

    /** The initArg naming the roles' prefix, e.g. {@code aiusage}. */
    public static final String ROLES = "roles";

    private String roles;
    private PostgresCluster cluster;

    @Override
    public void init(Map<String, String> initArgs) {
        roles = initArgs.get(ROLES);
        if (roles == null || !roles.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "OwnPostgres needs initArg " + ROLES + " (lower-case letters, digits, _)");
        }
    }

    @Override
    public Map<String, String> start() {
        String database = roles + "_test";
        cluster = PostgresCluster.create(database, roles + "_owner", roles + "_app");
        String url = cluster.jdbcUrl(database);
        // Both names: a %test value in application.properties would win over the plain one.
        return Map.of("quarkus.datasource.jdbc.url", url, "%test.quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.destroy();
        }
    }
}
