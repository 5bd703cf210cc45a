package com.vibrationfit.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL cluster of one test's own (Debian's server binaries, {@code initdb} into a temporary directory,
 * its own port), so that a test can take it away and bring it back the way a failover or restart looks to a service
 * while the other modules' tests, which run beside it, keep the shared cluster. Started and pointed at by the
 * {@link OwnPostgres} test resource; {@link #stop()} and {@link #start()} act on the running one.
 *
 * <p>As root (CI), the server runs as the {@code postgres} user: PostgreSQL refuses to run as root.
 */
public final class PostgresCluster {

    private static volatile PostgresCluster running;

    private final Path directory;
    private final Path data;
    private final int port;
    private final Path bin;
    private final boolean asPostgresUser;

    private PostgresCluster(Path directory, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.bin = serverBinaries();
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Stops this test's cluster at once (fast shutdown: open sessions are cut, as in a crash or failover). */
    public static void stop() {
        current().pgCtl("stop", "-m", "fast");
    }

    /** Starts this test's cluster again and waits until it accepts connections. */
    public static void start() {
        current().startServer();
    }

    private static PostgresCluster current() {
        PostgresCluster cluster = running;
        if (cluster == null) {
            throw new IllegalStateException("no cluster of this test's own: annotate the test class with"
                    + " @QuarkusTestResource(value = OwnPostgres.class, restrictToAnnotatedClass = true, ...)");
        }
        return cluster;
    }

    /**
     * Creates and starts a cluster with the database {@code database} owned by {@code owner}, which {@code app}
     * may connect to, both roles logging in with their password and bound by row-level security, as {@code ./vf}
     * sets up the shared cluster.
     */
    static PostgresCluster create(String database, String owner, String app) {
        try {
            Path directory = Files.createTempDirectory("vf-pg-");
            PostgresCluster cluster = new PostgresCluster(directory, KafkaTestBroker.freePort());
            if (cluster.asPostgresUser) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
            }
            cluster.asServerUser(
                    cluster.bin.resolve("initdb").toString(),
                    "-D",
                    cluster.data.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync");
            cluster.startServer();
            cluster.admin("CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                    + owner + "_local_only'");
            cluster.admin("CREATE ROLE " + app + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                    + app + "_local_only'");
            cluster.admin("CREATE DATABASE " + database + " OWNER " + owner);
            cluster.admin("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
            cluster.admin("GRANT CONNECT ON DATABASE " + database + " TO " + app);
            running = cluster;
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not create a PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of {@code database} in this cluster. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server, whatever state a test left it in, and removes its files. */
    void destroy() {
        running = null;
        try {
            pgCtl("stop", "-m", "immediate");
        } catch (IllegalStateException alreadyStopped) {
            // a test that failed between stop() and start(): nothing is running
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void startServer() {
        pgCtl(
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                directory.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                        + " -c fsync=off -c max_connections=100");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within 60 s");
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        asServerUser(command.toArray(String[]::new));
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private void asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    /** Debian's server binaries: /usr/lib/postgresql/VF_PG_VERSION/bin, else the newest installed. */
    private static Path serverBinaries() {
        String version = System.getenv("VF_PG_VERSION");
        if (version != null && Files.isExecutable(Path.of("/usr/lib/postgresql", version, "bin", "initdb"))) {
            return Path.of("/usr/lib/postgresql", version, "bin");
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(
                            v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql", e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
