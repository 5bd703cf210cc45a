package com.vibrationfit.platform.errors;

import java.util.List;

/** 422: the request is well-formed but the resource does not satisfy a business rule; fields say which parts. */
public class Unprocessable extends ApiException {
    public Unprocessable(String detail, List<FieldError> errors) {
        super(422, "Unprocessable Content", "unprocessable", detail, errors);
    }
}
