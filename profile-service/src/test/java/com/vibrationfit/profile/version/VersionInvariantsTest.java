package com.vibrationfit.profile.version;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One active version and at most one draft per member, under many concurrent requests of that member:
 * every request answers a clear 2xx or 409 (never a 500), and the database never holds two of either.
 */
@QuarkusTest
class VersionInvariantsTest {

    private static final int THREADS = 16;

    private final UUID alice = UUID.randomUUID();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private List<Integer> race(Callable<Integer> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    private long count(String where) {
        return RawSql.asSystem("select id from user_profiles where user_id = '" + alice + "' and " + where)
                .size();
    }

    @Test
    void shouldCreateExactlyOneDraftWhenManyAreRequestedAtOnce() throws Exception {
        Profiles.create(alice, Map.of("first_name", "Alice"));
        List<Integer> statuses = race(
                () -> as(alice).body(Map.of()).post("/api/v1/profiles/drafts").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, count("is_draft"));
    }

    @Test
    void shouldCreateExactlyOneFirstVersionWhenManySavesRaceIn() throws Exception {
        List<Integer> statuses = race(() -> as(alice)
                .body(Map.of("city", "Lisbon"))
                .patch("/api/v1/profiles/me")
                .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, count("true"));
    }

    @Test
    void shouldKeepOneActiveVersionUnderConcurrentCommitsDraftsAndRollbacks() throws Exception {
        String v1 = Profiles.create(alice, Map.of("first_name", "Alice"));
        for (int round = 0; round < 5; round++) {
            String draft = Profiles.draft(alice);
            List<Integer> statuses = race(() ->
                    as(alice).post("/api/v1/profiles/" + draft + "/commit").statusCode());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
            assertEquals(1, count("is_active and not is_draft"));
            assertEquals(0, count("is_draft"));
        }
        // Mixed: rollbacks, new drafts and commits of whatever draft exists, all at once.
        List<Integer> statuses = race(() -> {
            int pick = (int) (Math.random() * 3);
            if (pick == 0) {
                return as(alice).post("/api/v1/profiles/" + v1 + "/activate").statusCode();
            }
            if (pick == 1) {
                return as(alice).body(Map.of()).post("/api/v1/profiles/drafts").statusCode();
            }
            List<Map<String, Object>> drafts =
                    RawSql.asSystem("select id from user_profiles where is_draft and user_id = '" + alice + "'");
            return drafts.isEmpty()
                    ? 409
                    : as(alice)
                            .post("/api/v1/profiles/" + drafts.get(0).get("id") + "/commit")
                            .statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409 || s == 404), statuses.toString());
        assertEquals(1, count("is_active and not is_draft"));
        assertTrue(count("is_draft") <= 1);
        List<Map<String, Object>> numbers = RawSql.asSystem(
                "select version_number from user_profiles where user_id = '" + alice + "' order by created_at, id");
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(
                    i + 1, ((Number) numbers.get(i).get("version_number")).intValue(), "version numbers are positions");
        }
    }

    @Test
    void shouldLetTheDatabaseRefuseASecondActiveOrDraftEvenWithoutTheService() {
        String v1 = Profiles.create(alice, Map.of("first_name", "Alice"));
        Profiles.draft(alice);
        IllegalStateException active = Assertions.assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(
                        alice,
                        "insert into user_profiles (user_id, is_active, is_draft) values ('" + alice
                                + "', true, false)"));
        assertTrue(active.getMessage().contains("23505"), active.getMessage());
        IllegalStateException draft = Assertions.assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(
                        alice, "insert into user_profiles (user_id, is_draft) values ('" + alice + "', true)"));
        assertTrue(draft.getMessage().contains("23505"), draft.getMessage());
        // and the active version cannot be deleted, even by a query that forgets the rule
        RawSql.asUser(alice, "delete from user_profiles where id = '" + v1 + "'");
        assertEquals(1, count("id = '" + v1 + "'"));
    }
}
