package com.vibrationfit.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The relay's producer connects like the service's consumers (TLS, SASL) and has a deliberate size limit. */
class RelayProducerSettingsTest {

    private static final OutboxConfig CONFIG = new OutboxConfig() {
        public boolean relayEnabled() {
            return true;
        }

        public Duration pollInterval() {
            return Duration.ofMillis(500);
        }

        @Override
        public Duration maxPollInterval() {
            return Duration.ofSeconds(5);
        }

        public int batchSize() {
            return 200;
        }

        public Duration initialBackoff() {
            return Duration.ofMillis(500);
        }

        public Duration maxBackoff() {
            return Duration.ofSeconds(15);
        }

        public Duration sendTimeout() {
            return Duration.ofSeconds(10);
        }

        public Duration retention() {
            return Duration.ofDays(7);
        }

        public int maxEventBytes() {
            return 900_000;
        }

        public int maxRequestBytes() {
            return 1_048_576;
        }

        public String bootstrapServers() {
            return "kafka-0:9093";
        }
    };

    @Test
    void shouldTakeTheSharedKafkaClientSettingsIncludingTlsAndSasl() {
        Properties props = OutboxRelay.producerProperties(
                Map.of(
                        "bootstrap.servers", "ignored:9092",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                        "ssl.truststore.location", "/etc/kafka/truststore.p12",
                        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                        "group.id", "vision-service"),
                CONFIG);
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertTrue(String.valueOf(props.get("sasl.jaas.config")).contains("ScramLoginModule"));
        assertEquals("/etc/kafka/truststore.p12", props.get("ssl.truststore.location"));
        assertEquals("kafka-0:9093", props.get("bootstrap.servers"), "the relay's own setting wins");
        assertEquals(1_048_576, props.get("max.request.size"));
        assertEquals("all", props.get("acks"));
        assertFalse(props.containsKey("value.deserializer"), "consumer-only settings are left out");
        assertFalse(props.containsKey("group.id"));
    }

    @Test
    void shouldTellPermanentRefusalsFromOutages() {
        assertTrue(OutboxRelay.isPermanent(new RecordTooLargeException("too large")));
        assertTrue(OutboxRelay.isPermanent(new InvalidTopicException("bad topic")));
        assertFalse(OutboxRelay.isPermanent(new TimeoutException("broker down")));
    }
}
