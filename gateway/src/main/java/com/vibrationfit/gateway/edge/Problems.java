package com.vibrationfit.gateway.edge;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 answers the gateway gives itself (the services give their own). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static String body(int status, String title, String slug, String detail) {
        return new JsonObject()
                .put("type", "https://api.vibrationfit.com/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .encode();
    }

    public static void send(HttpServerResponse response, int status, String title, String slug, String detail) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body(status, title, slug, detail));
    }
}
