package com.vibrationfit.media;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.ContentHash;
import com.vibrationfit.events.SectionSnapshot;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.platform.testing.KafkaTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes vision events exactly as vision-service's outbox relay does. */
public final class VisionEventsFixture {

    static final List<String> KEYS = List.of(
            "forward",
            "fun",
            "travel",
            "home",
            "family",
            "romance",
            "health",
            "money",
            "business",
            "social",
            "possessions",
            "giving",
            "spirituality",
            "conclusion");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private VisionEventsFixture() {}

    static List<SectionSnapshot> sections(Map<String, String> texts) {
        List<SectionSnapshot> all = new ArrayList<>();
        for (String key : KEYS) {
            String text = texts.getOrDefault(key, "");
            all.add(new SectionSnapshot(key, ContentHash.of(text), ContentHash.normalise(text), false));
        }
        return all;
    }

    public static UUID completed(UUID eventId, UUID user, UUID vision, Map<String, String> texts) {
        return KafkaTopics.publish(
                Topics.VISION,
                eventId,
                "vision.completed",
                user,
                json(new VisionCompleted(vision, user, 1, "My vision", sections(texts))));
    }

    public static UUID updated(UUID user, UUID vision, String status, Map<String, String> texts) {
        return KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                "vision.updated",
                user,
                json(new VisionUpdated(vision, user, 1, status, "My vision", sections(texts))));
    }

    /** A {@code vision.updated} that happened at {@code time}: a dead letter replayed after newer events. */
    public static UUID updatedAt(Instant time, UUID user, UUID vision, String status, Map<String, String> texts) {
        return KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                "vision.updated",
                user,
                json(new VisionUpdated(vision, user, 1, status, "My vision", sections(texts))),
                time);
    }

    public static void deleted(UUID user, UUID vision) {
        KafkaTopics.publish(
                Topics.VISION, UUID.randomUUID(), "vision.deleted", user, json(new VisionDeleted(vision, user, 1)));
    }

    /** Waits (up to 60 s) until the member sees {@code count} completed tracks of the vision. */
    public static void awaitCompletedTracks(UUID member, UUID vision, int count) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(member)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(count)));
    }

    public static Map<String, String> texts(String marker, String... keys) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys) {
            texts.put(key, "My " + key + " life is wonderful. " + marker + "-" + key);
        }
        return texts;
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
