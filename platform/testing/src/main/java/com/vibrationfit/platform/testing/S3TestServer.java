package com.vibrationfit.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real S3-compatible server (S3Proxy with a store in a temporary directory) for tests, run as a child process on a
 * loopback port: S3Proxy's dependency tree (cloud SDKs, Jetty, Jackson 3) stays out of the Quarkus test
 * JVM. Its jars come from {@code ./vf test}, which downloads them and sets {@code VF_S3PROXY_LIB}.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "vibrationfit-test";
    public static final String SECRET_KEY = "vibrationfit-test-secret";
    public static final String REGION = "us-east-1";

    private final int port;
    private final Path directory;
    private Process process;

    public S3TestServer() {
        try {
            port = KafkaTestBroker.freePort();
            directory = Files.createTempDirectory("vf-s3-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        String lib = System.getenv("VF_S3PROXY_LIB");
        if (lib == null || !Files.isDirectory(Path.of(lib))) {
            throw new IllegalStateException("S3Proxy jars not found: run the tests with ./vf test "
                    + "(it downloads them and sets VF_S3PROXY_LIB)");
        }
        try {
            Files.createDirectories(directory.resolve("data"));
            Path config = directory.resolve("s3proxy.properties");
            Properties p = new Properties();
            p.put("s3proxy.endpoint", endpoint());
            p.put("s3proxy.authorization", "aws-v2-or-v4");
            p.put("s3proxy.identity", ACCESS_KEY);
            p.put("s3proxy.credential", SECRET_KEY);
            // On disk (as ./vf up runs it), so a test can stop the server for an outage and find its objects again.
            p.put("jclouds.provider", "filesystem-nio2");
            p.put("jclouds.filesystem.basedir", directory.resolve("data").toString());
            p.put("jclouds.identity", ACCESS_KEY);
            p.put("jclouds.credential", SECRET_KEY);
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, "test S3 server");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true",
                    "-cp",
                    lib + "/*",
                    "org.gaul.s3proxy.Main",
                    "--properties",
                    config.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3proxy.log").toFile())
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("could not start S3Proxy", e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Stops the server for good and deletes its files. */
    public synchronized void destroy() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + directory.resolve("s3proxy.log"));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(500);
                int code = connection.getResponseCode();
                if (code > 0) {
                    return; // any HTTP answer (403 without credentials) means it is serving
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("S3Proxy did not start within 60 s");
    }
}
