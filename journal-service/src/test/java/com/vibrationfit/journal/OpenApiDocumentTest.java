package com.vibrationfit.journal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.vibrationfit.platform.media.MediaUrls;
import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend developers read: every endpoint with its schemas and bounds. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEntriesWithTheBoundsTheyAreValidatedWith() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/journal/entries/recent'.get.responses.'200'.content.'application/json'.schema.items.'$ref'",
                        containsString("JournalEntryView"))
                .body(
                        "components.schemas.NewJournalEntry.properties.image_urls.items.maxLength",
                        equalTo(MediaUrls.MAX_LENGTH))
                .body(
                        "components.schemas.JournalEntryView.properties.image_urls.items.maxLength",
                        equalTo(MediaUrls.MAX_LENGTH))
                .body(
                        "components.schemas.JournalEntryView.properties.categories.items.'$ref'",
                        containsString("LifeCategory"));
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
