package com.vibrationfit.platform.paging;

import com.vibrationfit.platform.errors.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a list whose order is not a stable key (ranked search results): how many rows came
 * before. Opaque to clients like {@link Cursor}; a tampered one is a 400 naming {@code cursor}.
 */
public final class OffsetCursor {

    private static final String PREFIX = "offset:";

    private OffsetCursor() {}

    public static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 for no cursor. */
    public static int decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        if (cursor.length() > Cursor.MAX_LENGTH) {
            throw InvalidRequest.of("cursor", "not a cursor this API issued; pass next_cursor back unchanged");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            int offset = Integer.parseInt(raw.substring(PREFIX.length()));
            if (offset < 0) {
                throw new IllegalArgumentException();
            }
            return offset;
        } catch (RuntimeException e) {
            throw InvalidRequest.of("cursor", "not a cursor this API issued; pass next_cursor back unchanged");
        }
    }
}
