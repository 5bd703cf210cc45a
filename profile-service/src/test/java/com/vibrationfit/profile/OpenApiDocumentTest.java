package com.vibrationfit.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend developers read: every endpoint with its body schemas. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryEndpointWithItsSchemas() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/profiles/me'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("ProfileVersion"))
                .body(
                        "paths.'/api/v1/profiles/me'.patch.requestBody.content.'application/json'.schema.'$ref'",
                        containsString("ProfileAnswers"))
                .body("paths.'/api/v1/profiles/me'.patch.responses.'201'", notNullValue())
                .body("paths.'/api/v1/profiles/me'.patch.responses.'412'", notNullValue())
                .body("paths.'/api/v1/profiles'.get", notNullValue())
                .body("paths.'/api/v1/account'.delete.responses.'202'", notNullValue())
                .body("paths.'/api/v1/account'.delete.responses.'400'", notNullValue())
                .body(
                        "paths.'/api/v1/account'.delete.requestBody.content.'application/json'.schema.'$ref'",
                        Matchers.endsWith("DeletionConfirmation"))
                .body("paths.'/api/v1/admin/users/{id}'.delete.responses.'403'", notNullValue())
                .body("paths.'/api/v1/admin/users/{id}/deletion'.get.responses.'404'", notNullValue())
                .body(
                        "paths.'/api/v1/account/exports'.post.responses.'202'.content.'application/json'.schema.'$ref'",
                        containsString("AccountExport"))
                .body("paths.'/api/v1/account/exports'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/account/exports'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/account/exports/{id}'.get.responses.'404'", notNullValue())
                .body(
                        "components.schemas.AccountExport.properties.state.enum",
                        hasItems("collecting", "ready", "failed", "expired"))
                .body(
                        "components.schemas.AccountExport.properties.keySet()",
                        hasItems("download_url", "waiting_for", "missing_files", "failure", "expires_at"))
                .body("paths.'/api/v1/profiles/drafts'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/profiles/{id}'.patch.responses.'409'", notNullValue())
                .body("paths.'/api/v1/profiles/{id}'.delete.responses.'409'", notNullValue())
                .body("paths.'/api/v1/profiles/{id}/commit'.post.responses.'200'", notNullValue())
                .body("paths.'/api/v1/profiles/{id}/activate'.post.responses.'409'", notNullValue())
                .body(
                        "paths.'/api/v1/profiles/{id}/changes'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("ProfileChanges"))
                // The version inlines the member's answers next to the read-only columns, by their column names.
                .body(
                        "components.schemas.ProfileVersion.properties.keySet()",
                        hasItems(
                                "id",
                                "version_number",
                                "is_draft",
                                "completion_percentage",
                                "first_name",
                                "story_recordings",
                                "children_ages",
                                "vibe_assistant_tokens_remaining",
                                "ai_tags"))
                .body("components.schemas.ProfileVersion.properties.answers", nullValue())
                // Beside each media reference its link, documented as what it is; requests do not take links.
                .body(
                        "components.schemas.ProfileVersion.properties.profile_picture_link.description",
                        allOf(containsString("short-lived"), containsString("expires"), containsString("never store")))
                .body("components.schemas.ProfileVersion.properties.progress_photo_links.type", equalTo("array"))
                .body(
                        "components.schemas.ProfileVersion.properties.story_recordings.items.'$ref'",
                        Matchers.endsWith("RecordingView"))
                .body("components.schemas.RecordingView.properties.link.description", containsString("short-lived"))
                .body("components.schemas.ProfileAnswers.properties.profile_picture_link", nullValue())
                .body(
                        "components.schemas.ProfileAnswers.properties.story_recordings.items.'$ref'",
                        Matchers.endsWith("/Recording"))
                .body(
                        "components.schemas.ProfileFieldChange.properties.new_link.description",
                        containsString("expires"))
                .body(
                        "components.schemas.ProfileAnswers.properties.travel_frequency.enum",
                        hasItems("never", "monthly"))
                .body("components.schemas.ProfileAnswers.properties.id", nullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
