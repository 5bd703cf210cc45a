package com.vibrationfit.platform.errors;

import java.util.List;

/** 412: the client's {@code If-Match} names a version that is no longer current. */
public class PreconditionFailed extends ApiException {
    public PreconditionFailed(String detail) {
        super(412, "Precondition Failed", "stale-version", detail, List.of());
    }
}
