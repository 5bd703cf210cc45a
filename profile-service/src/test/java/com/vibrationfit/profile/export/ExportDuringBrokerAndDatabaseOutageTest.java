package com.vibrationfit.profile.export;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.OwnPostgres;
import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StopsPostgres;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Kafka stopped (the real broker) when an export is requested, then PostgreSQL stopped (the real cluster) while
 * the parts are announced: the request waits in the outbox, the announcements wait in Kafka while the inbox
 * retries, and the export completes once both are back, each part recorded once.
 */
@QuarkusTest
@StopsPostgres
@QuarkusTestResource(
        value = OwnPostgres.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "profile"))
class ExportDuringBrokerAndDatabaseOutageTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldWaitForKafkaAndPostgresqlAndCompleteOnceTheyAreBack() throws Exception {
        Profiles.create(alice, Map.of("first_name", "Alice", "city", "Lisbon"));

        PlatformTestResource.kafka().stop();
        String exportId;
        try {
            exportId = Archives.requestOutlastingOutages(alice);
            Thread.sleep(2500);
            as(alice)
                    .get("/api/v1/account/exports/" + exportId)
                    .then()
                    .body("state", equalTo("collecting"))
                    .body("parts", empty());
            assertEquals(
                    1,
                    RawSql.asSystem("select 1 from outbox_events where type = 'user.export.requested'"
                                    + " and sent_at is null and payload->>'export_id' = '" + exportId + "'")
                            .size(),
                    "the request waits in the outbox");
        } finally {
            PlatformTestResource.kafka().start();
        }
        String id = exportId;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/account/exports/" + id)
                        .then()
                        .body("parts.service", contains("profile-service")));

        // The other services' parts are written; PostgreSQL goes away as they are announced.
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String service : OtherServices.NAMES) {
            sizes.put(service, OtherServices.write(s3, alice, id, service, "{}", "[]"));
        }
        PostgresCluster.stop();
        try {
            sizes.forEach((service, size) -> OtherServices.announce(alice, id, service, size));
            Thread.sleep(3000);
        } finally {
            PostgresCluster.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        as(alice).get("/api/v1/account/exports/" + id).then().body("state", equalTo("ready")));
        assertEquals(
                6,
                RawSql.asSystem("select 1 from account_export_parts where export_id = '" + id + "'")
                        .size(),
                "each part once");
        Map<String, byte[]> archive = Archives.entriesOf(alice, id);
        assertEquals(7, archive.size(), "six parts and the manifest");
        assertTrue(
                new String(archive.get("services/profile-service.json"), StandardCharsets.UTF_8).contains("Lisbon"),
                "profile-service's part holds her profile");
    }
}
