package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Alice writes her vision through the gateway, completes it, and listens to it. */
@ExtendWith(PlatformUnderTest.class)
class VisionJourneyTest {

    private static final List<String> SECTIONS = VisionSections.ALL;

    private final String token = Keycloak.token("alice");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification alice() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private JsonPath audio(String vision) {
        return alice().get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aliceWritesCompletesAndListensToHerVision() {
        String id = alice().body(Map.of("title", "My vision " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .body("user_id", equalTo(Keycloak.ALICE))
                .extract()
                .path("id");
        String etag = alice().get("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : SECTIONS) {
            sections.put(key, "In " + key + " I live fully. Run " + run + ".");
        }
        alice().header("If-Match", etag)
                .body(sections)
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .body("completion_percentage", equalTo(100));
        alice().post("/api/v1/visions/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("complete"));
        alice().get("/api/v1/visions/active").then().statusCode(200).body("id", equalTo(id));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> alice().get("/api/v1/media/visions/" + id + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(14)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        alice().get("/api/v1/visions/" + id).then().body("last_audio_generated_at", notNullValue()));
        Map<String, String> before = trackIds(audio(id));

        // Edit one section: exactly that one is narrated again.
        alice().body(Map.of("health", "I am strong, rested and light. Run " + run + "."))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath now = audio(id);
            assertNotEquals(before.get("health"), trackIds(now).get("health"));
            assertEquals("completed", now.getString("tracks.find { it.section_key == 'health' }.status"));
        });
        Map<String, String> after = trackIds(audio(id));
        for (String key : SECTIONS) {
            if (!key.equals("health")) {
                assertEquals(before.get(key), after.get(key), key + " was not narrated again");
            }
        }

        // Re-sending a section with only whitespace changes synthesises nothing.
        alice().body(Map.of("fun", "  In fun I live   fully. Run " + run + ".  "))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        pause(4000 + 3000); // the quiet period, then time for a synthesis that must not happen
        JsonPath unchanged = audio(id);
        assertEquals(after, trackIds(unchanged));
        assertEquals(
                14,
                unchanged
                        .getList("tracks.findAll { it.status == 'completed' && it.current }")
                        .size());
    }

    @Test
    void aliceKeepsAVisionBoardAndSeesWhatCameTrue() {
        JsonPath stats = alice().get("/api/v1/vision-board/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int actualized = stats.getInt("statuses.find { it.status == 'actualized' }.count");
        String item = alice().body(Map.of("name", "Sail to Greece " + run, "categories", List.of("travel", "fun")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        alice().post("/api/v1/vision-board/items/" + item + "/actualize")
                .then()
                .statusCode(200)
                .body("status", equalTo("actualized"))
                .body("actualized_at", notNullValue());
        alice().queryParam("status", "actualized")
                .queryParam("category", "travel")
                .get("/api/v1/vision-board/items")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + item + "' }.name", equalTo("Sail to Greece " + run));
        alice().get("/api/v1/vision-board/stats")
                .then()
                .body("statuses.find { it.status == 'actualized' }.count", equalTo(actualized + 1));
    }

    @Test
    void aliceIsNarratedOncePerTextAcrossVersionsAndWhileTyping() {
        String first = alice().body(Map.of("title", "Narrated once " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : SECTIONS) {
            sections.put(key, "In " + key + " I settle and grow. Once " + run + ".");
        }
        alice().body(sections).patch("/api/v1/visions/" + first).then().statusCode(200);
        alice().post("/api/v1/visions/" + first + "/complete").then().statusCode(200);
        awaitNarrated(first);
        long before = syntheses();

        // A new version copied from the first, completed unchanged: 14 sections, 0 syntheses (and 0 tokens).
        String next = alice().body(Map.of("title", "Narrated once, again " + run, "copy_from", first))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        alice().post("/api/v1/visions/" + next + "/complete").then().statusCode(200);
        awaitNarrated(next);
        assertEquals(before, syntheses(), "an unchanged copy is narrated from the member's own audio");

        // Typing in a complete vision: 20 autosaves of one section within 5 s, one synthesis of the last text.
        String last = null;
        for (int i = 1; i <= 20; i++) {
            last = "I am strong and rested, draft " + i + ". Once " + run + ".";
            alice().body(Map.of("health", last))
                    .patch("/api/v1/visions/" + next)
                    .then()
                    .statusCode(200);
            pause(200);
        }
        String settled = last;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath now = audio(next);
            assertEquals("completed", now.getString("tracks.find { it.section_key == 'health' }.status"));
            assertEquals(true, now.getBoolean("tracks.find { it.section_key == 'health' }.current"));
        });
        pause(5000); // the quiet period again: a draft's job, had one survived, would have run by now
        assertEquals(before + 1, syntheses(), "one synthesis, of the text settled on: " + settled);
    }

    private void awaitNarrated(String vision) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> alice().get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' && it.current }", hasSize(14)));
    }

    /** Provider calls so far, from media-service's own metrics (as ./vf bench reads them). */
    private static long syntheses() {
        String metrics = given().baseUri("http://127.0.0.1:8085")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("narration_syntheses_total{") || l.startsWith("narration_syntheses_total "))
                // "name{labels} value", possibly followed by an exemplar ("# {trace_id=...} 1.0 timestamp")
                .mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1]))
                .sum();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> trackIds(JsonPath audio) {
        Map<String, String> ids = new HashMap<>();
        List<Map<String, Object>> tracks = audio.getList("tracks");
        for (Map<String, Object> track : tracks) {
            ids.put((String) track.get("section_key"), (String) track.get("id"));
        }
        return ids;
    }
}
