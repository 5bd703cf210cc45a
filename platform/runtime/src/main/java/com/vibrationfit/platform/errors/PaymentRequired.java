package com.vibrationfit.platform.errors;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 402: the member's token balance cannot pay for the call. The problem carries {@code remaining} (tokens
 * available now) and {@code required} (what the call needs), so a client can say how many are missing.
 */
public class PaymentRequired extends ApiException {

    private final int remaining;
    private final int required;

    public PaymentRequired(int remaining, int required) {
        super(
                402,
                "Payment Required",
                "insufficient-tokens",
                "this needs " + required + " tokens and " + remaining + " remain",
                List.of());
        this.remaining = remaining;
        this.required = required;
    }

    public int remaining() {
        return remaining;
    }

    public int required() {
        return required;
    }

    /** The problem document with the two numbers as extension members (RFC 9457 §3.2). */
    public Response toResponse() {
        Problem problem = toProblem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("remaining", remaining);
        body.put("required", required);
        return Response.status(402).type(Problem.MEDIA).entity(body).build();
    }
}
