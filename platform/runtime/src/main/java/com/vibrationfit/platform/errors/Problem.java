package com.vibrationfit.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vibrationfit.platform.json.Texts;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} lists every invalid field of a rejected request. What a request can
 * put into it is cut to the bounds the OpenAPI document states ({@code ContractFilter}): {@code detail} to
 * {@link #DETAIL_MAX_LENGTH} characters, {@code errors} to the first {@link #MAX_ERRORS} fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final int DETAIL_MAX_LENGTH = 4_096;
    public static final int MAX_ERRORS = 100;

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://api.vibrationfit.com/problems/";

    public Problem {
        detail = Texts.cut(detail, DETAIL_MAX_LENGTH);
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null, List.of());
    }

    public static Problem of(int status, String title, String slug, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + "validation", "Bad Request", 400, detail, null, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
