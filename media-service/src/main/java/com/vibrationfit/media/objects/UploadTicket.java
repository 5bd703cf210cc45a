package com.vibrationfit.media.objects;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answer to an upload request: PUT the bytes to {@code upload_url} with exactly {@code headers}
 * before {@code expires_at}, then call complete; store {@code media_url} in other services.
 */
public record UploadTicket(
        UUID id,
        @Schema(maxLength = MediaObject.KEY_MAX_LENGTH) String key,
        @Schema(enumeration = {UploadTicket.PUT}) String method,
        @Schema(maxLength = MediaLinks.MAX_LENGTH) String uploadUrl,

        @Schema(
                description = "the signed headers to send with the PUT, exactly (content type and length, "
                        + "If-None-Match: *)",
                maxProperties = UploadTicket.MAX_HEADERS,
                additionalProperties = UploadTicket.HeaderValue.class)
        Map<String, String> headers,

        Instant expiresAt,
        @Schema(maxLength = MediaUrls.MAX_LENGTH) String mediaUrl) {

    public static final String PUT = "PUT";
    /** The most headers a presigned PUT signs besides Host (it signs content type and length, If-None-Match). */
    public static final int MAX_HEADERS = 10;
    /** The longest value of a signed header. */
    public static final int HEADER_VALUE_MAX_LENGTH = 256;

    /** The schema of a header's value. */
    @Schema(name = "UploadHeaderValue", type = SchemaType.STRING, maxLength = HEADER_VALUE_MAX_LENGTH)
    public interface HeaderValue {}
}
