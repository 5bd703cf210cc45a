package com.vibrationfit.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the real parts a service test needs without Docker: the loopback OIDC provider and an in-JVM
 * Kafka broker, once per test JVM, and points the service at them. Register it on one test class with
 * {@code restrictToAnnotatedClass = false} so every {@code @QuarkusTest} of the module shares one boot.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static OidcTestServer oidc;
    private static KafkaTestBroker kafka;

    @Override
    public synchronized Map<String, String> start() {
        if (oidc == null) {
            oidc = new OidcTestServer();
            oidc.start();
        }
        if (kafka == null) {
            kafka = new KafkaTestBroker();
            kafka.start();
        }
        return Map.of(
                "quarkus.oidc.auth-server-url", oidc.issuer(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
    }

    /** The broker of this test JVM, for tests that take it away and bring it back. */
    public static KafkaTestBroker kafka() {
        return kafka;
    }
}
