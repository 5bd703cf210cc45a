package com.vibrationfit.platform.messaging;

import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings every client of a service shares: the connector-wide {@code kafka.*}
 * configuration (bootstrap servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...) that
 * the SmallRye consumers use, so that clients the platform creates itself (the outbox relay's producer,
 * the dead-letter replay's consumer) connect exactly like them, TLS and SASL included.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {}

    /**
     * {@code defaults} (Quarkus' {@code default-kafka-broker} map: the {@code kafka.*} properties without
     * their prefix) as client properties, then {@code own}, which win.
     */
    public static Properties of(Map<String, ?> defaults, Map<String, ?> own) {
        Properties props = new Properties();
        if (defaults != null) {
            defaults.forEach((key, value) -> {
                if (value != null && isClientSetting(key)) {
                    props.put(key, value);
                }
            });
        }
        own.forEach((key, value) -> {
            if (value != null) {
                props.put(key, value);
            }
        });
        return props;
    }

    /** {@link #of}, without the consumer-only settings the shared block may hold. */
    public static Properties forProducer(Map<String, ?> defaults, Map<String, ?> own) {
        Properties props = of(defaults, own);
        props.keySet()
                .removeIf(key -> String.valueOf(key).endsWith(".deserializer")
                        || String.valueOf(key).equals("group.id")
                        || String.valueOf(key).startsWith("auto.offset")
                        || String.valueOf(key).equals("session.timeout.ms")
                        || String.valueOf(key).equals("heartbeat.interval.ms"));
        return props;
    }

    /** {@link #of}, without the producer-only settings the shared block may hold. */
    public static Properties forConsumer(Map<String, ?> defaults, Map<String, ?> own) {
        Properties props = of(defaults, own);
        props.keySet().removeIf(key -> String.valueOf(key).endsWith(".serializer"));
        return props;
    }

    /** Quarkus-only keys that are not Kafka client settings. */
    private static boolean isClientSetting(String key) {
        return !key.startsWith("devservices")
                && !key.startsWith("health")
                && !key.startsWith("snappy")
                && !key.startsWith("metrics.enabled");
    }
}
