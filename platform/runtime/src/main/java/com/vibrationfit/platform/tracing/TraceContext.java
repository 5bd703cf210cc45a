package com.vibrationfit.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context an event carries from the change that caused it to every consumer's effect: stored with the
 * event in the outbox (the request's span is over by the time the relay publishes), sent as the Kafka record's
 * {@code traceparent} header, and taken up again by the consumer. Without tracing (the SDK off, as locally) there is
 * no valid span and nothing is stored or sent.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {}

    /** The current span as a {@code traceparent} value, or {@code null} when nothing is traced. */
    public static String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The context a stored {@code traceparent} names, or the current one when there is none. */
    public static Context ofTraceParent(String traceParent) {
        if (traceParent == null) {
            return Context.current();
        }
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.current(), Map.of(HEADER, traceParent), MAP_GETTER);
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context a record's {@code traceparent} header names, or the current one when it has none. */
    public static Context ofRecord(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.current(), headers, KAFKA_HEADERS);
    }
}
