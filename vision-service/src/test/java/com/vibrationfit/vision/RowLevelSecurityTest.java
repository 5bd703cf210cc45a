package com.vibrationfit.vision;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.createVision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The second lock: PostgreSQL itself hides other members' rows, whatever SQL the application runs. */
@QuarkusTest
class RowLevelSecurityTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldShowAnUnfilteredQueryOnlyTheCallersRows() {
        createVision(alice, "alice 1");
        createVision(alice, "alice 2");
        createVision(bob, "bob 1");
        as(bob).body(Map.of("name", "bob's item"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);

        List<Map<String, Object>> visions = RawSql.asUser(alice, "select user_id from vision_versions");
        assertEquals(2, visions.size());
        assertTrue(visions.stream().allMatch(row -> alice.equals(row.get("user_id"))));
        assertEquals(0, RawSql.asUser(alice, "select * from vision_board_items").size());
        assertEquals(1, RawSql.asUser(bob, "select * from vision_board_items").size());
    }

    @Test
    void shouldShowNothingWithoutAContext() {
        createVision(alice, "invisible");
        assertEquals(0, RawSql.withoutContext("select * from vision_versions").size());
    }

    @Test
    void shouldNotLetAUserChangeOrDeleteAnotherUsersRows() {
        String id = createVision(alice, "protected");
        RawSql.asUser(bob, "update vision_versions set title = 'stolen' where id = '" + id + "'");
        RawSql.asUser(bob, "delete from vision_versions where id = '" + id + "'");
        List<Map<String, Object>> rows =
                RawSql.asUser(alice, "select title from vision_versions where id = '" + id + "'");
        assertEquals("protected", rows.get(0).get("title"));
    }

    @Test
    void shouldRefuseInsertingRowsForAnotherUser() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(bob, "insert into vision_versions (user_id) values ('" + alice + "')"));
        assertTrue(refused.getMessage().contains("42501"), refused.getMessage());
    }

    @Test
    void shouldNotLetTheApplicationRoleSwitchSecurityOff() {
        assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(alice, "alter table vision_versions disable row level security"));
        assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(alice, "drop policy \"Users can view their own visions\" on vision_versions"));
    }

    @Test
    void shouldLetTheDatabaseRefuseDeletingACompleteVisionEvenWithoutTheServiceCheck() {
        String id = Fixtures.completeVision(alice, "kept");
        RawSql.asUser(alice, "delete from vision_versions where id = '" + id + "'");
        assertEquals(
                1,
                RawSql.asUser(alice, "select id from vision_versions where id = '" + id + "'")
                        .size());
    }
}
