package com.vibrationfit.events;

/** Kafka topic names. Every event is keyed by the user id so one member's events stay in order. */
public final class Topics {
    public static final String IDENTITY = "identity.events";
    public static final String PROFILE = "profile.events";
    public static final String VISION = "vision.events";
    public static final String ASSESSMENT = "assessment.events";
    public static final String JOURNAL = "journal.events";
    public static final String MEDIA = "media.events";
    public static final String AI_USAGE = "ai.usage";
    public static final String AI_BALANCES = "ai.balances";
    /** Each service's part of an account export ({@code user.export.part.ready}), read by the assembling service. */
    public static final String EXPORT_PARTS = "export.parts";

    private Topics() {}

    /** The dead-letter topic of one consumer group: {@code <topic>.dlq.<service>}. */
    public static String deadLetter(String topic, String service) {
        return topic + ".dlq." + service;
    }
}
