package com.vibrationfit.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus boot with tracing on, exporting at once to an {@link OtlpReceiver} in the test JVM. Use it restricted to
 * one test class ({@code @QuarkusTestResource(value = TracingOn.class, restrictToAnnotatedClass = true)}): every
 * other boot keeps tracing off, as locally.
 */
public class TracingOn implements QuarkusTestResourceLifecycleManager {

    private static volatile OtlpReceiver receiver;

    /** The receiver of the running boot's spans. */
    public static OtlpReceiver receiver() {
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        receiver = OtlpReceiver.start();
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.endpoint", receiver.endpoint(),
                "quarkus.otel.bsp.schedule.delay", "PT0.1S");
    }

    @Override
    public void stop() {
        receiver.close();
    }
}
