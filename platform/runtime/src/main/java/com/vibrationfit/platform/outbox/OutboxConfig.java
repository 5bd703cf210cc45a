package com.vibrationfit.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Settings of the outbox relay; defaults suit local runs and production alike. */
@ConfigMapping(prefix = "vf.outbox")
public interface OutboxConfig {

    /** Set false only where another process relays this database's outbox. */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How soon the relay looks for events again after a round that found some, when no commit woke it. A commit
     * that records events wakes the relay of its own process at once, so polling only finds what another process
     * left behind (one that died between its commit and its relay's round).
     */
    @WithName("relay.poll-interval")
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /**
     * The longest wait between rounds while nothing happens: each empty round doubles the wait from
     * {@link #pollInterval()} up to this, so an idle service queries its database twice a minute. A commit wakes
     * its own process's relay, so only events of a process that died between its commit and its relay's round wait
     * for this (another replica's, or its own restarted relay, which looks at once).
     */
    @WithName("relay.max-poll-interval")
    @WithDefault("PT30S")
    Duration maxPollInterval();

    /** Events published per round trip; ordering is by outbox sequence. */
    @WithName("relay.batch-size")
    @WithDefault("200")
    int batchSize();

    /** First wait after a failed publish; doubles per failure up to {@link #maxBackoff()}. */
    @WithName("relay.initial-backoff")
    @WithDefault("PT0.5S")
    Duration initialBackoff();

    @WithName("relay.max-backoff")
    @WithDefault("PT15S")
    Duration maxBackoff();

    /** How long an acknowledgement may take before the batch counts as failed and is retried. */
    @WithName("relay.send-timeout")
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** Sent events are kept this long (for audit and replays), then purged. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Largest event payload (JSON bytes) a change may record. A change whose event would be larger is
     * refused when it is written (422 naming the field), so the outbox never holds an event the broker
     * cannot take. Stays below {@link #maxRequestBytes()} to leave room for key and headers.
     */
    @WithName("max-event-bytes")
    @WithDefault("900000")
    int maxEventBytes();

    /**
     * The producer's {@code max.request.size}. Topics must accept at least this much
     * ({@code max.message.bytes}, broker {@code message.max.bytes}); see docs/reliability.md, "Size limits".
     */
    @WithName("relay.max-request-bytes")
    @WithDefault("1048576")
    int maxRequestBytes();

    /** Kafka bootstrap servers; defaults to the messaging connector's. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();
}
