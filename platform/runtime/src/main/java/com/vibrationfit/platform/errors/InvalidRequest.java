package com.vibrationfit.platform.errors;

import java.util.List;

/** 400: one or more fields (body, query or path) are invalid; every one is listed. */
public class InvalidRequest extends ApiException {
    public InvalidRequest(List<FieldError> errors) {
        super(400, "Bad Request", "validation", summary(errors), errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    /**
     * The request body, or a 400 naming {@code body} when there is none (JAX-RS hands a resource null
     * for an empty body, before bean validation can say anything).
     */
    public static <T> T requireBody(T body, String expected) {
        if (body == null) {
            throw of("body", expected + " is required");
        }
        return body;
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? "invalid field '" + errors.get(0).field() + "': "
                        + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
