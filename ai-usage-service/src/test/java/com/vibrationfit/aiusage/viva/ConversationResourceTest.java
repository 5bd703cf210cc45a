package com.vibrationfit.aiusage.viva;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.OpenAiStubResource;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import com.vibrationfit.platform.testing.OpenAiProtocolStub.Script;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.ServerSentEvents;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConversationResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private OpenAiProtocolStub stub;

    @BeforeEach
    void stub() {
        stub = OpenAiStubResource.stub();
        stub.reset();
    }

    static void grant(UUID member, int tokens) {
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", member.toString(), "amount", tokens, "reason", "test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
    }

    static int remaining(UUID member) {
        return as(member)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining");
    }

    static String start(UUID member, Map<String, Object> body) {
        return as(member)
                .body(body)
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ServerSentEvents talk(UUID member, String thread, String message) {
        String body = as(member)
                .accept("text/event-stream")
                .body(Map.of("message", message))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .contentType(Matchers.startsWith("text/event-stream"))
                .extract()
                .asString();
        return ServerSentEvents.parse(body);
    }

    static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldStartListRenameAndDeleteThreads() {
        String first = start(alice, Map.of());
        as(alice)
                .get("/api/v1/ai/conversations/" + first)
                .then()
                .statusCode(200)
                .body("mode", equalTo("coach"))
                .body("title", nullValue())
                .body("message_count", equalTo(0));
        String second = start(alice, Map.of("mode", "vision_builder", "category", "health", "title", "My health"));
        as(alice).get("/api/v1/ai/conversations").then().statusCode(200).body("items.id", contains(second, first));
        as(alice)
                .queryParam("mode", "vision_builder")
                .get("/api/v1/ai/conversations")
                .then()
                .body("items.id", contains(second));
        as(alice)
                .queryParam("limit", 1)
                .get("/api/v1/ai/conversations")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", notNullValue());
        problem(
                        as(alice)
                                .queryParam("mode", "therapy")
                                .get("/api/v1/ai/conversations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("mode"));
        problem(
                        as(alice)
                                .body(Map.of("mode", "therapy"))
                                .post("/api/v1/ai/conversations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("mode"));
        problem(
                        as(alice)
                                .body(Map.of("category", "hobbies"))
                                .post("/api/v1/ai/conversations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("category"));
        problem(
                        as(alice)
                                .body(Map.of("title", " "))
                                .post("/api/v1/ai/conversations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));

        as(alice)
                .body(Map.of("title", "Renamed"))
                .patch("/api/v1/ai/conversations/" + first)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"));
        problem(
                        as(alice)
                                .body(Map.of("title", "x".repeat(201)))
                                .patch("/api/v1/ai/conversations/" + first)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));
        problem(
                        as(alice)
                                .body(Map.of())
                                .patch("/api/v1/ai/conversations/" + first)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"));
        as(alice).delete("/api/v1/ai/conversations/" + first).then().statusCode(204);
        problem(as(alice).get("/api/v1/ai/conversations/" + first).then(), 404);
        given().get("/api/v1/ai/conversations").then().statusCode(401);
    }

    @Test
    void shouldProposeASectionChargedAsVisionGenerationAndWriteNothingElse() {
        grant(alice, 5000);
        int before = remaining(alice);
        String thread = start(alice, Map.of("mode", "vision_builder", "category", "travel"));
        stub.next(Script.reply(List.of("I see Japan ", "in spring."), 100, 20));
        talk(alice, thread, "I want to see Japan in spring.");
        stub.next(Script.reply(List.of("I see Japan in spring ", "with my sister."), 500, 40));

        as(alice)
                .body(Map.of("section", "travel"))
                .post("/api/v1/ai/conversations/" + thread + "/proposals")
                .then()
                .statusCode(201)
                .body("section", equalTo("travel"))
                .body("text", equalTo("I see Japan in spring with my sister."))
                .body("action_type", equalTo("vision_generation"))
                .body("tokens_used", equalTo(540))
                .body("offline", equalTo(false))
                .body(
                        "user_message.message",
                        equalTo("Please write my Travel & Adventure section from what we talked about."))
                .body("reply.context.proposal", equalTo("travel"));
        assertEquals(before - 120 - 540, remaining(alice));
        // Asked as the section's text, with the thread's history.
        JsonNode request = stub.lastRequest();
        String system = request.path("messages").get(0).path("content").asText();
        assertTrue(system.contains("Task: write the member's Life Vision section for Travel & Adventure"), system);
        assertTrue(system.contains("Answer with the section's text only"), system);
        assertEquals(
                "I want to see Japan in spring.",
                request.path("messages").get(1).path("content").asText());
        // Recorded under the seed's action type, and kept in the thread like any turn.
        as(alice)
                .queryParam("action_type", "vision_generation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("items[0].tokens_used", equalTo(540));
        as(alice)
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .body("items.role", contains("user", "assistant", "user", "assistant"))
                .body("items[3].context.action_type", equalTo("vision_generation"));

        // An instruction of the member's own is their message.
        stub.next(Script.reply(List.of("I travel lightly."), 300, 5));
        as(alice)
                .body(Map.of("section", "travel", "instruction", "Shorter, please"))
                .post("/api/v1/ai/conversations/" + thread + "/proposals")
                .then()
                .statusCode(201)
                .body("user_message.message", equalTo("Shorter, please"));
    }

    @Test
    void shouldRefuseABadProposalRequestAnotherMembersThreadAndAnEmptyBalance() {
        grant(alice, 5000);
        String thread = start(alice, Map.of());
        String path = "/api/v1/ai/conversations/" + thread + "/proposals";
        problem(as(alice).body(Map.of()).post(path).then(), 400).body("errors[0].field", equalTo("section"));
        problem(as(alice).body(Map.of("section", "hobbies")).post(path).then(), 400)
                .body("errors[0].field", equalTo("section"));
        problem(
                        as(alice)
                                .body(Map.of("section", "fun", "instruction", " "))
                                .post(path)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("instruction"));
        problem(
                        as(alice)
                                .body(Map.of("section", "fun", "instruction", "x".repeat(4001)))
                                .post(path)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("instruction"));
        problem(as(bob).body(Map.of("section", "fun")).post(path).then(), 404);
        given().contentType("application/json")
                .body(Map.of("section", "fun"))
                .post(path)
                .then()
                .statusCode(401);
        // A new member's free tokens cannot hold a model's draft: 402, and nothing stored or charged.
        UUID carol = UUID.randomUUID();
        String hers = start(carol, Map.of());
        int before = remaining(carol);
        problem(
                as(carol)
                        .body(Map.of("section", "fun"))
                        .post("/api/v1/ai/conversations/" + hers + "/proposals")
                        .then(),
                402);
        assertEquals(before, remaining(carol));
        as(carol).get("/api/v1/ai/conversations/" + hers + "/messages").then().body("items", hasSize(0));
        assertEquals(0, stub.requests().size());
    }

    @Test
    void shouldHideAnotherMembersThreadsAndMessages() {
        grant(alice, 5000);
        String thread = start(alice, Map.of());
        talk(alice, thread, "Something private");
        String path = "/api/v1/ai/conversations/" + thread;
        problem(as(bob).get(path).then(), 404);
        problem(as(bob).get(path + "/messages").then(), 404);
        problem(as(bob).body(Map.of("title", "mine now")).patch(path).then(), 404);
        problem(as(bob).delete(path).then(), 404);
        problem(
                as(bob).accept("text/event-stream")
                        .body(Map.of("message", "hi"))
                        .post(path + "/messages")
                        .then(),
                404);
        as(bob).get("/api/v1/ai/conversations").then().body("items", hasSize(0));
        as(alice).get(path + "/messages").then().body("items", hasSize(2));
        // Row-level security holds beneath the API: as bob, alice's rows are not there; as alice they are.
        assertEquals(
                0,
                RawSql.asUser(bob, "select * from ai_conversations where conversation_id = '" + thread + "'")
                        .size());
        assertEquals(
                0,
                RawSql.asUser(bob, "select * from conversations where id = '" + thread + "'")
                        .size());
        assertEquals(
                2,
                RawSql.asUser(alice, "select * from ai_conversations where conversation_id = '" + thread + "'")
                        .size());
        assertEquals(
                0,
                RawSql.withoutContext("select * from ai_conversations where conversation_id = '" + thread + "'")
                        .size());
    }

    @Test
    void shouldStreamTheReplyStoreBothTurnsAndChargeTheReportedUsage() {
        grant(alice, 5000);
        int before = remaining(alice);
        stub.next(Script.reply(List.of("You ", "are ", "doing ", "great."), 321, 45));
        String thread = start(alice, Map.of("mode", "refinement", "category", "health"));

        ServerSentEvents events = talk(alice, thread, "Help me with my health section");

        assertEquals("started", events.names().get(0));
        assertEquals(
                List.of("You ", "are ", "doing ", "great."),
                events.named("delta").stream()
                        .map(e -> json(e.data()).path("text").asText())
                        .toList());
        assertEquals("done", events.last().name());
        JsonNode done = json(events.last().data());
        assertEquals(366, done.path("tokens_used").asInt());
        assertEquals(321, done.path("input_tokens").asInt());
        assertEquals(45, done.path("output_tokens").asInt());
        assertEquals(false, done.path("offline").asBoolean());
        assertEquals("gpt-4o-mini", done.path("model").asText());
        JsonNode started = json(events.named("started").get(0).data());
        assertEquals(
                "Help me with my health section",
                started.path("user_message").path("message").asText());
        assertTrue(started.path("estimated_tokens").asInt() > 600);

        assertEquals(before - 366, remaining(alice));
        as(alice)
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("items.role", contains("user", "assistant"))
                .body("items[1].message", equalTo("You are doing great."))
                .body("items[1].id", equalTo(done.path("message_id").asText()))
                .body("items[1].tokens_used", equalTo(366))
                .body("items[1].context.coach", equalTo("provider"))
                .body("items[1].context.mode", equalTo("refinement"));
        as(alice)
                .get("/api/v1/ai/conversations/" + thread)
                .then()
                .body("message_count", equalTo(2))
                .body("title", equalTo("Help me with my health section"));
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("items[0].tokens_used", equalTo(366))
                .body("items[0].model_used", equalTo("gpt-4o-mini"));

        // What the provider was asked: streamed with usage, the mode's system prompt, then the member's message.
        JsonNode request = stub.lastRequest();
        assertTrue(request.path("stream").asBoolean());
        assertTrue(request.path("stream_options").path("include_usage").asBoolean());
        assertEquals("gpt-4o-mini", request.path("model").asText());
        assertEquals("system", request.path("messages").get(0).path("role").asText());
        assertTrue(request.path("messages").get(0).path("content").asText().contains("Mode: refinement"));
        assertEquals(
                "Help me with my health section",
                request.path("messages").get(1).path("content").asText());
        assertEquals("Bearer stub-key-local-only", stub.authorizations().get(0));

        // The next turn carries the earlier ones, oldest first.
        stub.next(Script.reply(List.of("Sure."), 400, 2));
        talk(alice, thread, "And the next step?");
        JsonNode messages = stub.lastRequest().path("messages");
        assertEquals(4, messages.size());
        assertEquals("You are doing great.", messages.get(2).path("content").asText());
        assertEquals("assistant", messages.get(2).path("role").asText());
        assertEquals("And the next step?", messages.get(3).path("content").asText());
        assertEquals(before - 366 - 402, remaining(alice));
    }

    @Test
    void shouldAnswerTheWholeReplyAsJsonWhenAskedTo() {
        grant(alice, 5000);
        stub.next(Script.reply(List.of("One ", "piece."), 100, 2));
        String thread = start(alice, Map.of());
        as(alice)
                .accept("application/json")
                .body(Map.of("message", "hello"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(201)
                .body("user_message.message", equalTo("hello"))
                .body("reply.message", equalTo("One piece."))
                .body("reply.role", equalTo("assistant"))
                .body("tokens_used", equalTo(102))
                .body("offline", equalTo(false));
    }

    @Test
    void shouldChargeAStoredReplyWhoseHoldLapsedMeanwhileFromWhatTheMemberHas() throws Exception {
        grant(alice, 5000);
        int before = remaining(alice);
        stub.next(Script.reply(List.of("A ", "slow ", "but ", "whole ", "reply."), 100, 2)
                .slowly(Duration.ofMillis(300)));
        String thread = start(alice, Map.of());
        var reply = CompletableFuture.supplyAsync(() -> as(alice)
                .accept("application/json")
                .body(Map.of("message", "take your time"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath());
        // The hold lapses while the model still speaks (as after an outage longer than the 5-minute hold).
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> statuses(alice).contains("open"));
        RawSql.asSystem("update token_reservations set expires_at = now() - interval '1 second' where user_id = '"
                + alice + "' and status = 'open' returning id");

        assertEquals(102, reply.get(20, TimeUnit.SECONDS).getInt("tokens_used"));
        assertEquals(before - 102, remaining(alice));
        assertEquals(List.of("captured"), statuses(alice), "the lapsed hold is captured late, once");
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items[0].tokens_used", equalTo(102))
                .body(
                        "items[0].metadata.captured_late",
                        equalTo("the reservation was expired when its capture arrived"));
    }

    @Test
    void shouldStreamByDefaultAndChargeAnEstimateWhenTheProviderReportsNoUsage() {
        grant(alice, 5000);
        int before = remaining(alice);
        stub.next(Script.reply(List.of("abcd", "efgh"), 999, 999).withoutUsage());
        String thread = start(alice, Map.of());
        String body = as(alice)
                .body(Map.of("message", "hello"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .contentType(Matchers.startsWith("text/event-stream"))
                .extract()
                .asString();
        JsonNode done = json(ServerSentEvents.parse(body).last().data());
        int charged = done.path("tokens_used").asInt();
        assertEquals(2, done.path("output_tokens").asInt()); // 8 characters: 2 tokens by the documented estimate
        assertTrue(charged > 2 && charged < 1000, "charged " + charged);
        assertEquals(before - charged, remaining(alice));
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items[0].metadata.usage_estimated", equalTo(true));
    }

    @Test
    void shouldReportAProviderErrorAsAnErrorEventAndA502() {
        grant(alice, 5000);
        int before = remaining(alice);
        String thread = start(alice, Map.of());
        stub.next(Script.error(500));
        ServerSentEvents events = talk(alice, thread, "hello?");
        assertEquals(List.of("started", "error"), events.names());
        stub.next(Script.error(429));
        problem(
                        as(alice)
                                .accept("application/json")
                                .body(Map.of("message", "again?"))
                                .post("/api/v1/ai/conversations/" + thread + "/messages")
                                .then(),
                        502)
                .body("detail", Matchers.containsString("nothing was charged"));
        assertEquals(before, remaining(alice));
        as(alice)
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .body("items.role", contains("user", "user"));
    }

    @Test
    void shouldRefuseWithA402BeforeAnythingIsStoredOrSent() {
        String thread = start(alice, Map.of()); // a new member: 100 tokens, less than any reply's estimate
        problem(
                        as(alice)
                                .accept("text/event-stream")
                                .body(Map.of("message", "hello"))
                                .post("/api/v1/ai/conversations/" + thread + "/messages")
                                .then(),
                        402)
                .body("remaining", equalTo(100))
                .body("required", Matchers.greaterThan(600));
        problem(
                as(alice)
                        .accept("application/json")
                        .body(Map.of("message", "hello"))
                        .post("/api/v1/ai/conversations/" + thread + "/messages")
                        .then(),
                402);
        as(alice).get("/api/v1/ai/conversations/" + thread + "/messages").then().body("items", hasSize(0));
        assertEquals(0, stub.requests().size());
        assertEquals(100, remaining(alice));
    }

    @Test
    void shouldRefuseBadMessagesNamingTheField() {
        grant(alice, 5000);
        String thread = start(alice, Map.of());
        String path = "/api/v1/ai/conversations/" + thread + "/messages";
        problem(
                        as(alice)
                                .accept("text/event-stream")
                                .body(Map.of("message", "x".repeat(4001)))
                                .post(path)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("message"));
        problem(
                        as(alice)
                                .accept("text/event-stream")
                                .body(Map.of("message", "   "))
                                .post(path)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("message"));
        problem(as(alice).accept("text/event-stream").body(Map.of()).post(path).then(), 400)
                .body("errors[0].field", equalTo("message"));
        problem(
                as(alice)
                        .accept("text/event-stream")
                        .body(Map.of("message", "hi"))
                        .post("/api/v1/ai/conversations/" + UUID.randomUUID() + "/messages")
                        .then(),
                404);
        as(alice).get(path.replace("/messages", "")).then().body("message_count", equalTo(0));
        assertEquals(0, stub.requests().size());
    }

    @Test
    void shouldReleaseTheHoldAndStoreNoReplyWhenTheModelFailsMidStream() {
        grant(alice, 5000);
        int before = remaining(alice);
        stub.next(Script.reply(List.of("Half ", "a ", "reply ", "that ", "breaks"), 300, 5)
                .failingAfter(2));
        String thread = start(alice, Map.of());

        ServerSentEvents events = talk(alice, thread, "Tell me something");

        assertEquals(2, events.named("delta").size());
        assertEquals("error", events.last().name());
        JsonNode error = json(events.last().data());
        assertEquals(502, error.path("status").asInt());
        as(alice).get("/api/v1/ai/conversations/" + thread + "/messages").then().body("items.role", contains("user"));
        assertEquals(before, remaining(alice));
        assertEquals(List.of("released"), statuses(alice));
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void shouldEndAStalledReplyWithAnErrorEventAndReleaseTheHold() {
        grant(alice, 5000);
        int before = remaining(alice);
        stub.next(Script.reply(List.of("I ", "hear ", "you."), 300, 5).stallingAfter(1, Duration.ofSeconds(60)));
        String thread = start(alice, Map.of());

        long start = System.nanoTime();
        ServerSentEvents events = talk(alice, thread, "Are you there?");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, events.named("delta").size());
        assertEquals("error", events.last().name());
        assertEquals(502, json(events.last().data()).path("status").asInt());
        assertTrue(
                tookMillis < 15_000,
                "ended by the 2 s idle timeout, not by the stub's 60 s stall: " + tookMillis + " ms");
        assertEquals(1, stub.stalls());
        assertEquals(before, remaining(alice));
        assertEquals(List.of("released"), statuses(alice));
        as(alice).get("/api/v1/ai/conversations/" + thread + "/messages").then().body("items.role", contains("user"));
    }

    @Test
    void shouldReleaseTheHoldWhenTheClientGoesAway() throws Exception {
        grant(alice, 5000);
        int before = remaining(alice);
        List<String> deltas =
                IntStream.range(0, 40).mapToObj(i -> "word" + i + " ").toList();
        stub.next(Script.reply(deltas, 300, 40).slowly(Duration.ofMillis(150)));
        String thread = start(alice, Map.of());

        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/v1/ai/conversations/" + thread + "/messages"))
                .header("Authorization", "Bearer " + TestTokens.forUser(alice))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Talk to me slowly\"}"))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("word1 ")) {
                // read until the reply is under way
            }
        } // closing the body drops the connection mid-reply

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(alice).equals(List.of("released")));
        assertEquals(before, remaining(alice));
        Thread.sleep(40 * 150 / 4); // the stub would have finished by now had it not been cancelled
        as(alice).get("/api/v1/ai/conversations/" + thread + "/messages").then().body("items.role", contains("user"));
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void shouldPurgeThreadsWhenTheMemberIsDeleted() {
        grant(alice, 5000);
        String thread = start(alice, Map.of());
        talk(alice, thread, "Remember me?");
        KafkaTopics.publishUserDeleted(alice);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from ai_conversations where user_id = '" + alice
                                + "' union all select 1 from conversations " + "where user_id = '" + alice + "'")
                        .isEmpty());
    }

    private static List<String> statuses(UUID member) {
        return RawSql.asSystem(
                        "select status from token_reservations where user_id = '" + member + "' order by created_at")
                .stream()
                .map(r -> (String) r.get("status"))
                .toList();
    }
}
