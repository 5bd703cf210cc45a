package com.vibrationfit.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvents 1.0 event as read from Kafka in binary content mode ({@code ce_*} headers, JSON data
 * in the record value), the mode {@code OutboxRelay} writes.
 */
public record CloudEvent(UUID id, String type, String source, String subject, Instant time, String data) {

    /** Reads the envelope; a record without a usable {@code ce_id} or {@code ce_type} is poison. */
    public static CloudEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new PoisonEvent("record at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " is not a CloudEvent (ce_id and ce_type headers are required)");
        }
        try {
            String time = header(record, "ce_time");
            return new CloudEvent(
                    UUID.fromString(id),
                    type,
                    header(record, "ce_source"),
                    header(record, "ce_subject"),
                    time == null ? null : Instant.parse(time),
                    record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEvent("CloudEvent " + id + " has a malformed ce_id or ce_time: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
