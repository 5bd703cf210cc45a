package com.vibrationfit.system;

import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The running platform, as {@code ./vf up} starts it: reused when it is already up (the gateway and
 * Keycloak answer), started otherwise and stopped again when the test JVM ends, so only what the tests
 * started is stopped.
 */
public class PlatformUnderTest implements BeforeAllCallback {

    public static final String GATEWAY = "http://127.0.0.1:8080";
    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    private static boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureUp();
        RestAssured.baseURI = GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static synchronized void ensureUp() throws IOException, InterruptedException {
        if (ready) {
            return;
        }
        if (answers(GATEWAY + "/q/health/ready") && answers(KEYCLOAK + "/realms/vibrationfit")) {
            System.out.println("[system-tests] reusing the running platform");
        } else {
            File root = new File(System.getProperty("vf.root", ".."));
            System.out.println("[system-tests] starting the platform: ./vf up (in " + root + ")");
            Process up = new ProcessBuilder(new File(root, "vf").getAbsolutePath(), "up")
                    .directory(root)
                    .inheritIO()
                    .start();
            if (!up.waitFor(20, TimeUnit.MINUTES) || up.exitValue() != 0) {
                throw new IllegalStateException("./vf up failed; see .vf/logs/");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    System.out.println("[system-tests] stopping what the tests started: ./vf down");
                    new ProcessBuilder(new File(root, "vf").getAbsolutePath(), "down")
                            .directory(root)
                            .inheritIO()
                            .start()
                            .waitFor(3, TimeUnit.MINUTES);
                } catch (Exception e) {
                    System.err.println("[system-tests] ./vf down failed: " + e);
                }
            }));
        }
        ready = true;
    }

    /** Runs {@code ./vf ARGS...} (e.g. {@code restart SERVICE NAME=VALUE...}) and fails unless it succeeds. */
    static void vf(String... args) throws IOException, InterruptedException {
        File root = new File(System.getProperty("vf.root", "..")).getAbsoluteFile();
        List<String> command = new ArrayList<>(List.of(new File(root, "vf").getAbsolutePath()));
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command).directory(root).inheritIO().start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("./vf " + args[0] + (args.length > 1 ? " " + args[1] : "") + " failed");
        }
    }

    /**
     * Restarts these services at once ({@code ./vf restart SERVICE OVERRIDES...} each, in parallel: the boots overlap)
     * and fails unless every one is ready again.
     */
    static void restartTogether(List<String> services, String... overrides) throws IOException, InterruptedException {
        File root = new File(System.getProperty("vf.root", "..")).getAbsoluteFile();
        List<Process> restarts = new ArrayList<>();
        for (String service : services) {
            List<String> command = new ArrayList<>(List.of(new File(root, "vf").getAbsolutePath(), "restart", service));
            command.addAll(List.of(overrides));
            restarts.add(new ProcessBuilder(command).directory(root).inheritIO().start());
        }
        for (int i = 0; i < restarts.size(); i++) {
            Process restart = restarts.get(i);
            if (!restart.waitFor(3, TimeUnit.MINUTES) || restart.exitValue() != 0) {
                throw new IllegalStateException("./vf restart " + services.get(i) + " failed");
            }
        }
    }

    /** SIGKILLs a service ./vf started, as a crash would (no graceful shutdown); bring it back with {@code vf("restart", name)}. */
    static void kill(String service) throws Exception {
        File root = new File(System.getProperty("vf.root", "..")).getAbsoluteFile();
        // The pid file of ./vf: "PID ..." on its first line.
        long pid = Long.parseLong(Files.readString(root.toPath().resolve(".vf/run/" + service + ".pid"))
                .strip()
                .split("\\s+")[0]);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    static boolean answers(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
