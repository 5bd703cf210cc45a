package com.vibrationfit.assessment.profile;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.assessment.Assessments;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alternative question sets follow the member's committed profile, as profile.events announce it. */
@QuarkusTest
class ProfileBranchesTest {

    private final UUID alice = UUID.randomUUID();

    /** profile.version.created then .committed, as profile-service's outbox publishes them. */
    private static UUID commitProfile(UUID user, Boolean inRelationship, boolean hasChildren) {
        UUID version = UUID.randomUUID();
        KafkaTopics.publish(
                Topics.PROFILE, UUID.randomUUID(), "profile.version.created", user, """
                {"profile_id":"%s","user_id":"%s","version_number":1,"is_draft":false,"is_active":true,
                 "parent_version_id":null,"completion_percentage":40,"media_urls":[],"removed_media_urls":[]}""".formatted(version, user));
        UUID committed =
                KafkaTopics.publish(Topics.PROFILE, UUID.randomUUID(), "profile.version.committed", user, """
                {"profile_id":"%s","user_id":"%s","version_number":1,"previous_active_id":null,"reason":"create",
                 "relationship_status":"%s","in_relationship":%s,"has_children":%s,"number_of_children":%d,
                 "employment_type":"employee","completion_percentage":40,"profile":{"first_name":"Alice"}}""".formatted(
                                version,
                                user,
                                inRelationship == null ? "" : inRelationship ? "married" : "single",
                                inRelationship,
                                hasChildren,
                                hasChildren ? 2 : 0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + committed + "'")
                        .isEmpty());
        return version;
    }

    @Test
    void shouldOfferTheAlternativesTheCommittedProfileCallsFor() {
        as(alice).get("/api/v1/assessments/questions").then().body("categories[3].alternative", nullValue());
        UUID version = commitProfile(alice, false, false);

        as(alice)
                .get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .body("categories[2].key", equalTo("family"))
                .body("categories[2].alternative", equalTo("no_children"))
                .body("categories[2].questions[0].id", equalTo("family_8"))
                .body("categories[3].alternative", equalTo("not_in_relationship"))
                .body("categories[3].questions.id", hasItem("romance_14"))
                .body("categories[3].questions.id", not(hasItem("romance_1")))
                .body("categories[0].alternative", nullValue());

        String id = Assessments.start(alice);
        as(alice).get("/api/v1/assessments/" + id).then().body("profile_version_id", equalTo(version.toString()));
        as(alice)
                .body(Map.of("response_value", 8))
                .put("/api/v1/assessments/" + id + "/responses/romance_8")
                .then()
                .statusCode(201)
                .body("category", equalTo("romance"));
        problem(
                        as(alice)
                                .body(Map.of("response_value", 8))
                                .put("/api/v1/assessments/" + id + "/responses/romance_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("question_id"));
        Assessments.answerAll(alice, id, q -> 6);
        as(alice)
                .post("/api/v1/assessments/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("green_line_status.romance", equalTo("transition"));
    }

    @Test
    void shouldAskTheDefaultRomanceQuestionsWhileTheRelationshipStatusIsUnanswered() {
        commitProfile(alice, null, true);
        as(alice)
                .get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .body("categories[3].alternative", nullValue())
                .body("categories[2].alternative", nullValue());
    }

    @Test
    void shouldKeepAnAssessmentsQuestionsWhenTheProfileChangesLater() {
        commitProfile(alice, true, true);
        String id = Assessments.start(alice);
        commitProfile(alice, false, false); // a newer committed profile: new assessments branch, this one does not
        as(alice)
                .body(Map.of("response_value", 8))
                .put("/api/v1/assessments/" + id + "/responses/romance_1")
                .then()
                .statusCode(201);
        as(alice)
                .get("/api/v1/assessments/questions")
                .then()
                .body("categories[3].alternative", equalTo("not_in_relationship"));
    }

    @Test
    void shouldAcceptOnlyTheMembersOwnProfileVersions() {
        UUID bob = UUID.randomUUID();
        UUID bobs = commitProfile(bob, true, false);
        problem(
                        as(alice)
                                .body(Map.of("profile_version_id", bobs.toString()))
                                .post("/api/v1/assessments")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("profile_version_id"));
        UUID own = commitProfile(alice, true, true);
        as(alice)
                .body(Map.of("profile_version_id", own.toString()))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .body("profile_version_id", equalTo(own.toString()));

        // The version is deleted in profile-service: the assessment keeps no dangling id (ON DELETE SET NULL).
        UUID deleted = KafkaTopics.publish(
                Topics.PROFILE, UUID.randomUUID(), "profile.version.deleted", alice, """
                {"profile_id":"%s","user_id":"%s","version_number":1,"is_draft":false,"is_active":false,
                 "parent_version_id":null,"completion_percentage":40,"media_urls":[],"removed_media_urls":[]}""".formatted(own, alice));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + deleted + "'")
                        .isEmpty());
        assertEquals(
                0,
                RawSql.asSystem("select 1 from assessment_results where profile_version_id = '" + own + "'")
                        .size());
    }
}
