package com.vibrationfit.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The second lock on all three tables: PostgreSQL itself hides other members' assessments, answers and insights. */
@QuarkusTest
class RowLevelSecurityTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldShowAnUnfilteredQueryOnlyTheCallersRows() {
        String alices = Assessments.completed(alice, q -> q.startsWith("money") ? 2 : 8);
        Assessments.completed(bob, q -> 6);
        assertEquals(1, RawSql.asUser(alice, "select * from assessment_results").size());
        assertEquals(
                84, RawSql.asUser(alice, "select * from assessment_responses").size());
        assertTrue(RawSql.asUser(alice, "select assessment_id from assessment_insights").stream()
                .allMatch(row -> alices.equals(String.valueOf(row.get("assessment_id")))));
        assertTrue(RawSql.asUser(alice, "select * from assessment_insights").size() > 0);
        assertEquals(
                84, RawSql.asUser(bob, "select * from assessment_responses").size());
    }

    @Test
    void shouldShowNothingWithoutAContext() {
        Assessments.completed(alice, q -> 6);
        for (String table :
                new String[] {"assessment_results", "assessment_responses", "assessment_insights", "profile_versions"
                }) {
            assertEquals(0, RawSql.withoutContext("select * from " + table).size(), table);
        }
    }

    @Test
    void shouldNotLetAMemberChangeOrAddToAnotherMembersAssessment() {
        String id = Assessments.completed(alice, q -> 6);
        RawSql.asUser(bob, "update assessment_responses set response_value = 10 where assessment_id = '" + id + "'");
        RawSql.asUser(bob, "delete from assessment_insights where assessment_id = '" + id + "'");
        RawSql.asUser(bob, "update assessment_results set total_score = 840 where id = '" + id + "'");
        assertEquals(
                504,
                ((Number) RawSql.asUser(alice, "select sum(response_value) s from assessment_responses")
                                .get(0)
                                .get("s"))
                        .intValue());
        assertEquals(
                504,
                ((Number) RawSql.asUser(alice, "select total_score from assessment_results")
                                .get(0)
                                .get("total_score"))
                        .intValue());
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(
                        bob,
                        "insert into assessment_responses (assessment_id, question_id, question_text, category, response_value,"
                                + " response_text, green_line) values ('" + id
                                + "', 'money_1', 'q', 'money', 10, 'r', 'above')"));
        assertTrue(refused.getMessage().contains("42501"), refused.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(bob, "insert into assessment_results (user_id) values ('" + alice + "')"));
    }

    @Test
    void shouldKeepTheSeedsChecks() {
        String id = Assessments.start(alice);
        IllegalStateException value = assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(
                        alice,
                        "insert into assessment_responses (assessment_id, question_id, question_text, category, response_value,"
                                + " response_text, green_line) values ('" + id
                                + "', 'money_1', 'q', 'money', 5, 'r', 'above')"));
        assertTrue(value.getMessage().contains("23514"), value.getMessage());
        IllegalStateException score = assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(alice, "update assessment_results set total_score = 841 where id = '" + id + "'"));
        assertTrue(score.getMessage().contains("valid_scores"), score.getMessage());
    }
}
