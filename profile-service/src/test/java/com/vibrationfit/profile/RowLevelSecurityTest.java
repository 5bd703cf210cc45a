package com.vibrationfit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The second lock: PostgreSQL itself hides other members' profiles, whatever SQL the application runs. */
@QuarkusTest
class RowLevelSecurityTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldShowAnUnfilteredQueryOnlyTheCallersRows() {
        Profiles.create(alice, Map.of("first_name", "Alice"));
        Profiles.draft(alice);
        Profiles.create(bob, Map.of("first_name", "Bob"));
        List<Map<String, Object>> rows = RawSql.asUser(alice, "select user_id from user_profiles");
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(row -> alice.equals(row.get("user_id"))));
        assertEquals(1, RawSql.asUser(bob, "select * from user_profiles").size());
    }

    @Test
    void shouldShowNothingWithoutAContext() {
        Profiles.create(alice, Map.of("first_name", "invisible"));
        assertEquals(0, RawSql.withoutContext("select * from user_profiles").size());
        assertEquals(0, RawSql.withoutContext("select * from known_media").size());
    }

    @Test
    void shouldNotLetAMemberChangeOrDeleteAnotherMembersRows() {
        String id = Profiles.create(alice, Map.of("first_name", "protected"));
        String draft = Profiles.draft(alice);
        RawSql.asUser(bob, "update user_profiles set first_name = 'stolen' where id = '" + id + "'");
        RawSql.asUser(bob, "delete from user_profiles where id = '" + draft + "'");
        assertEquals(
                "protected",
                RawSql.asUser(alice, "select first_name from user_profiles where id = '" + id + "'")
                        .get(0)
                        .get("first_name"));
        assertEquals(
                1,
                RawSql.asUser(alice, "select id from user_profiles where id = '" + draft + "'")
                        .size());
    }

    @Test
    void shouldRefuseInsertingRowsForAnotherMember() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(bob, "insert into user_profiles (user_id) values ('" + alice + "')"));
        assertTrue(refused.getMessage().contains("42501"), refused.getMessage());
    }

    @Test
    void shouldNotLetTheApplicationRoleSwitchSecurityOff() {
        assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(alice, "alter table user_profiles disable row level security"));
        assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(alice, "drop policy \"Users can view their own profiles\" on user_profiles"));
    }
}
