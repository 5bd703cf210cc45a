package com.vibrationfit.gateway.edge;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 answers the gateway gives itself (the services give their own). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The longest detail, as the services' Problem schema documents it (platform {@code Problem.DETAIL_MAX_LENGTH});
     * a detail here may quote the request's path.
     */
    static final int DETAIL_MAX_LENGTH = 4_096;

    private Problems() {}

    public static String body(int status, String title, String slug, String detail) {
        return new JsonObject()
                .put("type", "https://api.vibrationfit.com/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", cut(detail))
                .encode();
    }

    private static String cut(String detail) {
        if (detail == null || detail.length() <= DETAIL_MAX_LENGTH) {
            return detail;
        }
        int end = DETAIL_MAX_LENGTH - 1;
        if (Character.isHighSurrogate(detail.charAt(end - 1))) {
            end--;
        }
        return detail.substring(0, end) + "\u2026";
    }

    public static void send(HttpServerResponse response, int status, String title, String slug, String detail) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body(status, title, slug, detail));
    }
}
