package com.vibrationfit.media.objects;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Answer to an upload request: PUT the bytes to {@code upload_url} with exactly {@code headers}
 * before {@code expires_at}, then call complete; store {@code media_url} in other services.
 */
public record UploadTicket(
        UUID id,
        String key,
        String method,
        String uploadUrl,
        Map<String, String> headers,
        Instant expiresAt,
        String mediaUrl) {}
