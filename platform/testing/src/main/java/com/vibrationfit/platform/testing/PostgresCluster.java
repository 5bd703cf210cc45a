package com.vibrationfit.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real local PostgreSQL cluster every module's tests share (Debian's {@code pg_ctlcluster}), taken
 * away and brought back the way a failover or restart looks to a service. A test that stops it starts it
 * again in a {@code finally}: other tests depend on it.
 */
public final class PostgresCluster {

    private static final String VERSION = System.getenv().getOrDefault("VF_PG_VERSION", "15");
    private static final String CLUSTER = System.getenv().getOrDefault("VF_PG_CLUSTER", "main");

    private PostgresCluster() {}

    /** Stops the cluster at once (fast shutdown: open sessions are cut, as in a crash or failover). */
    public static void stop() {
        run("pg_ctlcluster", VERSION, CLUSTER, "stop", "-m", "fast");
    }

    /** Starts the cluster and waits until it accepts connections. */
    public static void start() {
        run("pg_ctlcluster", VERSION, CLUSTER, "start");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (accepting()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("PostgreSQL did not come back within 60 s");
    }

    private static boolean accepting() {
        try {
            Process ready = new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1")
                    .inheritIO()
                    .start();
            return ready.waitFor(10, TimeUnit.SECONDS) && ready.exitValue() == 0;
        } catch (IOException e) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .start();
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
