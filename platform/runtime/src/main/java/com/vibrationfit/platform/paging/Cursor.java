package com.vibrationfit.platform.paging;

import com.vibrationfit.platform.errors.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a list ordered by (timestamp, id) descending: the last row a page returned.
 * Opaque to clients (base64url); a tampered cursor is a 400 naming {@code cursor}.
 */
public record Cursor(Instant at, UUID id) {

    /**
     * The longest {@code ?cursor=} a list takes and {@code next_cursor} it returns (what this API issues is at most
     * 80 characters); resources state it with {@code @Size(max = Cursor.MAX_LENGTH)} on their cursor parameter.
     */
    public static final int MAX_LENGTH = 200;

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw InvalidRequest.of("cursor", "not a cursor this API issued; pass next_cursor back unchanged");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Cursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw InvalidRequest.of("cursor", "not a cursor this API issued; pass next_cursor back unchanged");
        }
    }
}
