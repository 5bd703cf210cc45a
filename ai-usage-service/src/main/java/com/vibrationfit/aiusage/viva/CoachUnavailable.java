package com.vibrationfit.aiusage.viva;

import com.vibrationfit.platform.errors.ApiException;
import java.util.List;

/** 502: the model failed while replying (nothing was charged; the member's message is kept and can be sent again). */
public class CoachUnavailable extends ApiException {
    public CoachUnavailable(String detail) {
        super(502, "Bad Gateway", "coach-unavailable", detail, List.of());
    }
}
