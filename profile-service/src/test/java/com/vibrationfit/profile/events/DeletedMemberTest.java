package com.vibrationfit.profile.events;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.UploadedMedia;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** user.deleted removes every version of the member's profile and their uploads projection, nobody else's. */
@QuarkusTest
class DeletedMemberTest {

    @Test
    void shouldPurgeEveryVersionOfTheMember() {
        UUID gina = UUID.randomUUID();
        UUID hugo = UUID.randomUUID();
        String picture = UploadedMedia.of(gina, "profile_picture", "image/jpeg");
        Profiles.create(gina, Map.of("first_name", "Gina", "profile_picture_url", picture));
        String draft = Profiles.draft(gina);
        Profiles.commit(gina, draft);
        Profiles.draft(gina);
        Profiles.create(hugo, Map.of("first_name", "Hugo"));

        KafkaTopics.publishUserDeleted(gina);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from user_profiles where user_id = '" + gina + "'")
                                .size()));
        assertEquals(
                0,
                RawSql.asSystem("select * from known_media where user_id = '" + gina + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from user_profiles where user_id = '" + hugo + "'")
                        .size());
        // Her still-valid token is refused from now on.
        as(gina).get("/api/v1/profiles/me").then().statusCode(401);
        problem(as(hugo).get("/api/v1/profiles/" + draft).then(), 404);
    }
}
