package com.vibrationfit.platform.export;

import java.util.UUID;

/**
 * What a service contributes to a member's data export (the counterpart of
 * {@link com.vibrationfit.platform.inbox.UserDataPurger}). Implement it as a CDI bean: on
 * {@code user.export.requested} the platform calls every exporter of the service, under the member's own
 * row-level-security context, writes the part to S3 and announces it. Most exporters are a few lines:
 *
 * <pre>{@code
 * public void export(UUID userId, ExportPart part) {
 *     part.rows("journal_entries", "select * from journal_entries where user_id = ?1 order by created_at");
 * }
 * }</pre>
 */
public interface UserDataExporter {

    /** Adds the member's data (tables, values, media files) to {@code part}. */
    void export(UUID userId, ExportPart part);
}
