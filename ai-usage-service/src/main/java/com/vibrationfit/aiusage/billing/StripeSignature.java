package com.vibrationfit.aiusage.billing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">},
 * keyed with the endpoint's secret. Verified as Stripe's own libraries do: any v1 may match (during a secret's
 * rotation there are two), compared in constant time, and the timestamp must be recent (a replayed old event is
 * refused even with its valid signature).
 */
public final class StripeSignature {

    /** A webhook that is not provably from the provider, or too old. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private StripeSignature() {}

    public static void verify(String header, byte[] payload, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw new Invalid("the Stripe-Signature header is missing");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Invalid("the Stripe-Signature timestamp is not a number");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new Invalid("the Stripe-Signature header has no timestamp or no v1 signature");
        }
        byte[] expected = sign(timestamp, payload, secret);
        boolean matches = false;
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                continue;
            }
            matches |= MessageDigest.isEqual(expected, given);
        }
        if (!matches) {
            throw new Invalid("no signature matches the payload");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new Invalid("the signed timestamp is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    /** The v1 signature of {@code payload} sent at {@code timestamp}. */
    public static byte[] sign(long timestamp, byte[] payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header as Stripe sends it, for this payload now (tests and the local stub sign this way). */
    public static String header(long timestamp, byte[] payload, String secret) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, payload, secret));
    }
}
