package com.vibrationfit.profile.export;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.S3TestResource;
import com.vibrationfit.platform.testing.S3TestServer;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 stopped (the real server, not a mock) while an export is under way: once while profile-service writes its own
 * part, once while it assembles the archive. Each time the export waits and completes once S3 is back.
 */
@QuarkusTest
class ExportDuringStorageOutageTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldWaitForStorageAndCompleteOnceItIsBack() throws Exception {
        Profiles.create(alice, Map.of("first_name", "Alice"));
        S3TestServer storage = S3TestResource.server();

        storage.stop();
        String exportId;
        try {
            exportId = Archives.requestOutlastingOutages(alice);
            Thread.sleep(2500);
            as(alice)
                    .get("/api/v1/account/exports/" + exportId)
                    .then()
                    .body("state", equalTo("collecting"))
                    .body("parts", empty());
        } finally {
            storage.start();
        }
        String id = exportId;
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/account/exports/" + id)
                        .then()
                        .body("parts.service", contains("profile-service")));

        // The other parts are written; S3 goes away before they are announced, so the assembly meets the outage.
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String service : OtherServices.NAMES) {
            sizes.put(service, OtherServices.write(s3, alice, id, service, "{}", "[]"));
        }
        storage.stop();
        try {
            sizes.forEach((service, size) -> OtherServices.announce(alice, id, service, size));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertNotNull(
                            RawSql.asSystem("select last_error from account_exports where id = '" + id + "'")
                                    .get(0)
                                    .get("last_error")));
            as(alice)
                    .get("/api/v1/account/exports/" + id)
                    .then()
                    .body("state", equalTo("collecting"))
                    .body("waiting_for", empty());
        } finally {
            storage.start();
        }

        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() ->
                        as(alice).get("/api/v1/account/exports/" + id).then().body("state", equalTo("ready")));
        assertEquals(7, Archives.entriesOf(alice, id).size(), "six parts and the manifest");
    }
}
