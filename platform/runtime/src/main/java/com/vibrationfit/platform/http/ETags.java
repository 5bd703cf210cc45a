package com.vibrationfit.platform.http;

import com.vibrationfit.platform.errors.PreconditionFailed;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Strong entity tags for documents people edit in two tabs. The tag is derived from the row's id and
 * {@code updated_at} (microseconds, as PostgreSQL stores it), which every write advances.
 */
public final class ETags {

    /**
     * The longest {@code If-Match} a write takes: a tag of this API is at most 35 characters, so this leaves room for
     * a list of them. Resources state it with {@code @Size(max = ETags.IF_MATCH_MAX_LENGTH)} on the header parameter.
     */
    public static final int IF_MATCH_MAX_LENGTH = 1_024;

    private ETags() {}

    public static String of(UUID id, Instant updatedAt) {
        long micros = updatedAt.getEpochSecond() * 1_000_000L + updatedAt.getNano() / 1_000;
        return "\"" + Long.toHexString(id.getLeastSignificantBits() ^ micros) + "-" + Long.toHexString(micros) + "\"";
    }

    /** The tag for a JAX-RS response header (JAX-RS adds the quotes itself). */
    public static EntityTag entityTag(String etag) {
        return new EntityTag(etag.substring(1, etag.length() - 1));
    }

    /** 200 with {@code entity} and its ETag header. */
    public static Response ok(Object entity, String etag) {
        return Response.ok(entity).tag(entityTag(etag)).build();
    }

    /**
     * Honours {@code If-Match}: absent means unconditional; {@code *} matches any existing version;
     * otherwise one of the listed tags must be current, or the write is refused with 412.
     */
    public static void checkIfMatch(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new PreconditionFailed("the resource changed since you read it (current ETag " + current
                    + "); GET it again and re-apply your change");
        }
    }
}
