package com.vibrationfit.platform.errors;

import java.util.List;

/** 404: missing, or owned by someone else (the two are indistinguishable on purpose). */
public class NotFound extends ApiException {
    public NotFound(String what, Object id) {
        super(404, "Not Found", "not-found", what + " " + id + " was not found", List.of());
    }

    public NotFound(String detail) {
        super(404, "Not Found", "not-found", detail, List.of());
    }
}
