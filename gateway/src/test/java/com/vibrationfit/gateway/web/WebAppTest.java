package com.vibrationfit.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app built by web/ (the gateway's dependency), served at / by this gateway. */
@QuarkusTest
class WebAppTest {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*src=\"(/assets/[^\"]+\\.js)\"");

    private String index() {
        return given().get("/").then().statusCode(200).extract().asString();
    }

    @Test
    void shouldServeTheAppAtRootNeverCachedAndUnderAStrictPolicy() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff");
        String html = index();
        assertTrue(
                !html.contains("<script>") && !html.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), "no inline script");
    }

    @Test
    void shouldAnswerTheAppForDeepLinksSoTheBrowserRoutes() {
        String index = index();
        given().get("/visions/3f1c/sections").then().statusCode(200).body(equalTo(index));
        given().get("/journal").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void shouldCacheHashedAssetsForGoodAndCompressThem() {
        Matcher script = SCRIPT.matcher(index());
        assertTrue(script.find(), "index.html loads a hashed script");
        String path = script.group(1);
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
        Response zipped = given().config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get(path);
        zipped.then().statusCode(200).header("Content-Encoding", "gzip");
        String etag = zipped.header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
    }

    @Test
    void shouldAnswer404ForAMissingFileNotTheApp() {
        given().get("/assets/index-gone.js").then().statusCode(404).contentType("application/problem+json");
        given().get("/favicon-missing.png").then().statusCode(404);
    }

    @Test
    void shouldTellTheAppWhereToSignIn() {
        given().get("/web-config.json")
                .then()
                .statusCode(200)
                .body("clientId", equalTo("vibrationfit-web"))
                .body("authority", containsString("/realms/"));
    }

    @Test
    void shouldNeverShadowTheApiOrQuarkus() {
        given().get("/api/v1/visions/active").then().statusCode(401);
        given().get("/api/v1/nothing-here").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200).contentType(containsString("json"));
        given().get("/internal/anything").then().statusCode(404).contentType("application/problem+json");
        given().post("/some/page").then().statusCode(not(equalTo(200)));
    }
}
