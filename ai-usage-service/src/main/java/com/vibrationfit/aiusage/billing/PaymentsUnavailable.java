package com.vibrationfit.aiusage.billing;

import com.vibrationfit.platform.errors.ApiException;
import java.util.List;

/** 503: nothing can be bought right now (payments not configured here, or the provider unreachable). */
public class PaymentsUnavailable extends ApiException {
    public PaymentsUnavailable(String detail) {
        super(503, "Service Unavailable", "payments-unavailable", detail, List.of());
    }
}
