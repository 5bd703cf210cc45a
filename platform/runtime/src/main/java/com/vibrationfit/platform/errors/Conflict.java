package com.vibrationfit.platform.errors;

import java.util.List;

/** 409: the request is valid but the resource's current state does not allow it. */
public class Conflict extends ApiException {
    public Conflict(String detail) {
        super(409, "Conflict", "conflict", detail, List.of());
    }

    /** A conflict with the resource's state that names the fields concerned. */
    public Conflict(String detail, List<FieldError> errors) {
        super(409, "Conflict", "conflict", detail, errors);
    }
}
